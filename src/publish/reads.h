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

std::vector<GradedPrediction> read_grades(Store& store, Date from, Date to);
std::map<PredictionKey, picks::GameOutcome> outcomes(const std::vector<GradedPrediction>& grades);
// The outcome of `c`'s prediction (graded = false when there is no grade row yet).
picks::GameOutcome outcome_of(const std::map<PredictionKey, picks::GameOutcome>& outcomes,
                              const picks::Candidate& c);

// best_bets of the dates, in (date, key) order.
std::vector<picks::Pick> read_picks(Store& store, Date from, Date to);
// best_bet_removals of the dates (candidate fields, side via the edge, removed_by).
std::vector<picks::Removal> read_removals(Store& store, Date from, Date to);

}  // namespace nbaprops::publish
