// What `publish` reads from the store for a range of dates, as plain records: graded
// predictions (prediction_grades), published picks (best_bets), removed candidates
// (best_bet_removals), and the outcome of each prediction for grading picks at their own line.
// Throws StoreError.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/date.h"
#include "core/record.h"
#include "core/table_schema.h"
#include "picks/best_bets.h"
#include "picks/pick_result.h"
#include "store/store.h"

namespace nbaprops::publish {

// One prediction_grades row (market "points" and no P(over) unless the table has them).
struct GradedPrediction {
  std::string system_id, market = "points", player_lookup, game_id;
  Date game_date;
  std::string recommendation;
  std::optional<double> line, edge, p_over;
  double predicted = 0, confidence = 0;
  bool voided = false;
  std::optional<std::string> void_reason;
  std::optional<double> actual;
  std::optional<std::string> result;  // of the recommendation (OVER / UNDER only)
  std::optional<double> profit;
  int confidence_decile = 1;
};

// (system, market, date, player, game).
using PredictionKey = std::tuple<std::string, std::string, int32_t, std::string, std::string>;
PredictionKey key_of(const picks::Candidate& c);
PredictionKey key_of(const GradedPrediction& g);

// What publish reads of a prediction_grades row, as stored (a NULL cell: nullopt), through a
// compact record of predict::grade_record()'s columns.
struct GradeView {
  std::string system_id;
  std::optional<std::string> market;  // read only when the table has the column
  std::string player_lookup, game_id;
  Date game_date;
  std::string recommendation;
  std::optional<double> line, edge;
  std::optional<double> p_over;  // read only when the table has the column
  double predicted_points = 0, confidence = 0;
  bool is_voided = false;
  std::optional<std::string> void_reason;
  std::optional<double> actual_points;
  std::optional<std::string> result;
  std::optional<double> profit;
  std::optional<int64_t> confidence_decile;
};
// The record read_grades reads `table` (prediction_grades) through: its projection of the
// columns the table has (market and p_over are left out of a store whose table lacks them;
// p_over with the table's decimals).
Record<GradeView> grade_view(const TableSchema& table);
// The graded prediction of a grade row read through grade_view (market "points" when absent
// or NULL, decile 1 when NULL).
GradedPrediction graded_prediction(GradeView v);

// Graded predictions of the dates, in the table's order. Throws StoreError, and
// std::invalid_argument for a row whose width is not the table's.
std::vector<GradedPrediction> read_grades(Store& store, Date from, Date to);
std::map<PredictionKey, picks::GameOutcome> outcomes(const std::vector<GradedPrediction>& grades);
// The outcome of `c`'s prediction (graded = false when there is no grade row yet).
picks::GameOutcome outcome_of(const std::map<PredictionKey, picks::GameOutcome>& outcomes,
                              const picks::Candidate& c);

// best_bets of the dates, in (date, key) order.
std::vector<picks::Pick> read_picks(Store& store, Date from, Date to);
// What publish reads of a best_bet_removals row: a compact record of
// picks::best_bet_removal_record()'s columns.
struct RemovalView {
  Date game_date;
  std::string player_lookup, market, system_id, game_id;
  double line = 0;
  std::optional<int64_t> over_price, under_price;
  double edge = 0;
  std::string removed_by;
};
const Record<RemovalView>& removal_view();

// best_bet_removals of the dates (candidate fields, side via the edge, removed_by), read
// through removal_view. Throws StoreError, and std::invalid_argument for a row whose width is
// not the table's.
std::vector<picks::Removal> read_removals(Store& store, Date from, Date to);

}  // namespace nbaprops::publish
