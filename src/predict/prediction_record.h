// The rows of player_prop_predictions, prediction_skips (04-predictions.md §2.3) and
// prediction_grades (§8), declared once as records (core/record.h): the tables' columns, the row
// writer and the row reader all come from these declarations. Plain value types.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/record.h"

namespace nbaprops::predict {

// One prediction of one system for one player on game_date. Key (system_id, game_date,
// player_lookup, game_id).
struct PredictionRecord {
  std::string system_id;
  Date game_date;
  std::string player_lookup, game_id;
  std::optional<std::string> team_abbr, opponent_abbr;
  std::optional<double> line;  // 1 decimal
  std::optional<std::string> bookmaker, line_snapshot_at;
  std::optional<int64_t> over_price, under_price;
  double predicted_points = 0;  // 2 decimals
  double confidence = 0;        // 1 decimal
  std::optional<double> edge;   // 2 decimals
  // Calibrated P(over) of `line` (pushes left out) and the expected value of one unit on each
  // side at its own price (predict/money.h), 4 decimals each; NULL without a calibrator for D's
  // cutoff (predict/points_calibration.h), a line, or the side's price. Added by store schema
  // version 9 (prediction_probability_columns()).
  std::optional<double> p_over, ev_over, ev_under;
  std::string recommendation;
  std::optional<std::string> feature_version;
  std::optional<double> feature_quality_score;  // 2 decimals
  std::optional<std::string> quality_tier, model_version;
  std::optional<int64_t> similar_games;
  std::optional<double> mean_similarity;  // 2 decimals
  std::optional<int64_t> members;
  std::optional<double> member_sd;          // 2 decimals
  std::optional<std::string> processed_at;  // NULL: the writer stamps it
};
const Record<PredictionRecord>& prediction_record();
// The columns schema version 9 adds to player_prop_predictions (and backtest_predictions):
// p_over, ev_over, ev_under.
const std::vector<std::string>& prediction_probability_columns();
// Key order: system_id, game_date, player_lookup, game_id.
bool key_less(const PredictionRecord& a, const PredictionRecord& b);

// One skipped (player, system) on game_date; system_id `all` for the player-level reasons. Key
// (game_date, player_lookup, system_id).
struct SkipRecord {
  Date game_date;
  std::string player_lookup, system_id, reason;
  std::optional<std::string> detail;
  std::optional<std::string> processed_at;  // NULL: the writer stamps it
};
const Record<SkipRecord>& skip_record();
// Key order: game_date, player_lookup, system_id.
bool key_less(const SkipRecord& a, const SkipRecord& b);

// The grade of one prediction (§8). Same key as the prediction.
struct GradeRecord {
  std::string system_id;
  Date game_date;
  std::string player_lookup, game_id, recommendation;
  std::optional<double> line;   // 1 decimal
  double predicted_points = 0;  // 2 decimals
  double confidence = 0;        // 1 decimal
  std::optional<double> edge;   // 2 decimals
  // The graded prediction's p_over, and the EV of the side it recommends at that side's own
  // price (Grade::ev_taken), 4 decimals each; NULL as there. Added by store schema version 11
  // (grade_probability_columns()).
  std::optional<double> p_over, ev_taken;
  std::optional<double> actual_points, minutes;  // 0 and 1 decimals
  bool is_voided = false;
  std::optional<std::string> void_reason;
  std::optional<double> absolute_error, signed_error;  // 2 decimals
  std::optional<bool> within_3, within_5;
  std::optional<std::string> result, edge_side_result;
  std::optional<int64_t> price;
  std::optional<double> profit;           // 4 decimals
  std::optional<double> close_line, clv;  // 1 decimal
  std::optional<std::string> edge_bucket;
  int64_t confidence_decile = 1;
  std::optional<std::string> processed_at;  // NULL: the writer stamps it
};
const Record<GradeRecord>& grade_record();
// The columns schema version 11 adds to prediction_grades (and backtest_grades): p_over,
// ev_taken.
const std::vector<std::string>& grade_probability_columns();

}  // namespace nbaprops::predict
