// Grading one prediction against the box score (04-predictions.md §8), and the pooled
// performance figures of a set of grades. Pure functions; any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "core/date.h"

namespace nbaprops::predict {

// The stored prediction values grading reads.
struct GradeInput {
  std::string recommendation;  // OVER, UNDER, PASS, NO_LINE
  std::optional<double> line, edge;
  double predicted_points = 0, confidence = 0;
  std::optional<int64_t> over_price, under_price;
  // The prediction's calibrated P(over) and the EVs of its two sides at their own prices
  // (PredictionRecord; NULL without a calibrator, a line or the side's price).
  std::optional<double> p_over, ev_over, ev_under;
};

// What happened: a void reason (game_not_played, no_box_score, dnp, zero_minutes), or the
// player's points and minutes.
struct Outcome {
  std::optional<std::string> void_reason;
  std::optional<double> actual_points, minutes;
};

struct Grade {
  std::optional<double> actual_points, minutes;
  bool is_voided = false;
  std::optional<std::string> void_reason;
  std::optional<double> absolute_error, signed_error;
  std::optional<bool> within_3, within_5;
  std::optional<std::string> result, edge_side_result;  // WIN, LOSS, PUSH
  std::optional<int64_t> price;
  std::optional<double> profit, close_line, clv;
  std::optional<std::string> edge_bucket;
  int confidence_decile = 1;
  // The expected value of the side the prediction recommends, at that side's own price: its
  // ev_over (OVER) or ev_under (UNDER); NULL for PASS / NO_LINE or without p_over or the price
  // (never at an assumed -110). Set for voided rows too: it is the prediction's, not the result's.
  std::optional<double> ev_taken;
};

// WIN / LOSS / PUSH of a side ("OVER" or "UNDER") at `line` given the actual points.
std::string side_result(const std::string& side, double line, double actual);
// Profit of one unit at American `price`: WIN 100/|price| (price < 0) or price/100; LOSS -1;
// PUSH 0; 4 decimals.
double profit_of(const std::string& result, int64_t price);
// "0-2", "2-3", "3-5", "5+" for |edge|.
std::string edge_bucket(double edge);
// min(10, floor(confidence / 10) + 1).
int confidence_decile(double confidence);

// The EV of the side `p` recommends at its own price (Grade::ev_taken).
std::optional<double> ev_taken(const GradeInput& p);

// The grade row values of §8. `close_line`: the bookmaker's last line before tip-off (NULL
// when unknown).
Grade grade_prediction(const GradeInput& p, const Outcome& o, std::optional<double> close_line);

// Pooled figures over grade rows (§8 Aggregates). `pending`: the predictions of the same set
// that have no grade row yet; they count in `predictions` and `pending` only, so
// predictions = graded + voided + pending.
struct GradedRow {
  GradeInput prediction;
  Grade grade;
  Date game_date{};  // the prediction's date (read by the money report's walk-forward calibration)
};
struct Performance {
  int64_t predictions = 0, graded = 0, voided = 0, pending = 0, recommendations = 0;
  int64_t wins = 0, losses = 0, pushes = 0;
  std::optional<double> win_rate;  // 0-100, 2 decimals
  double profit = 0;
  std::optional<double> roi, mae, bias, within_3_pct, within_5_pct;
  std::optional<double> lined_mae, market_mae, mae_vs_market;
  std::optional<double> avg_confidence, avg_clv;
};
Performance summarize(std::span<const GradedRow> rows, int64_t pending = 0);

}  // namespace nbaprops::predict
