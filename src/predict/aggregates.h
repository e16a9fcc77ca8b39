// The bucket tables of 04-predictions.md §8 and the `market` line of the backtest (§9), next to
// `summarize` (grading.h): pure functions of grade rows, pooled (never averaged from daily
// rates), safe on any thread. Callers pool rows in a fixed order (date, then key) so the
// figures are the same however the rows were computed.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "predict/grading.h"

namespace nbaprops::predict {

// One bucket: edge_side_result counts over graded lined rows with edge != 0 (`n` ...), and the
// same over the recommendations among them (`rec_` ...). win_rate = 100·wins / (wins + losses),
// 2 decimals, NULL when 0.
struct BucketFigures {
  std::string kind;  // "edge" or "confidence"
  std::string
      bucket;  // edge: 0-2, 2-3, 3-5, 5+; confidence decile d: "10(d-1)-10d" (0-10 .. 90-100)
  int64_t n = 0, wins = 0, losses = 0, pushes = 0;
  std::optional<double> win_rate;
  int64_t rec_n = 0, rec_wins = 0, rec_losses = 0, rec_pushes = 0;
  std::optional<double> rec_win_rate;
};

// The label of confidence decile `decile` (1-10): "0-10", "10-20", ..., "90-100".
std::string confidence_bucket(int decile);

// The non-empty buckets of `rows`: kind `confidence` first, then `edge`, each in label order
// (which is also the numeric order), i.e. the key order of system_performance_buckets.
std::vector<BucketFigures> summarize_buckets(std::span<const GradedRow> rows);

// The Brier scores of P(over) (docs/predictions.md §3): over the rows with a line, an outcome
// over or under (voided rows and pushes left out), the prediction's p_over and both prices,
// `brier` = mean (p_over - y)^2 and `market_brier` = mean (no_vig_over(over, under) - y)^2,
// y = 1 for an over and 0 for an under, 4 decimals each, NULL when n = 0. The rows with p_over
// and no prices are left out of both, so the two are compared on the same rows (as in the
// backtest's money report).
struct ProbabilityScores {
  int64_t n = 0;
  std::optional<double> brier, market_brier;
};
ProbabilityScores probability_scores(std::span<const GradedRow> rows);

// The line as the prediction (§9's `market` line): one graded row with predicted_points = line,
// recommendation PASS, no edge, confidence 0.
GradedRow market_row(double line, double actual_points, std::optional<double> minutes);

// summarize() over market rows, with the measures that mean nothing for the line
// (avg_confidence) NULL. REQUIRES: rows built by market_row.
Performance summarize_market(std::span<const GradedRow> rows);

}  // namespace nbaprops::predict
