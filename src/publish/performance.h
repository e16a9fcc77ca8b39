// performance.json and model-health.json (docs/publishing.md): pure functions of the season's
// graded predictions, published picks and removed candidates up to D. Any thread.
//
// Windows end on D (inclusive): 7-day [D-6, D], 30-day [D-29, D], season [1 Aug, D].
// Per system and market: the graded recommendations (OVER / UNDER) as wins, losses, pushes,
// hit rate = wins / (wins + losses), profit at the real prices (-110 when none), ROI =
// profit / (wins + losses + pushes); MAE of every graded prediction, MAE of the line over the
// same predictions with a line, and mae_vs_line = MAE - line MAE (below 0: better than the
// line). Best bets: the record of the published picks at their own lines. Filters: each
// filter's and cap's removed candidates graded at their lines (the counterfactual).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "publish/reads.h"

namespace nbaprops::publish {

// The model-health states and their thresholds, checked in this order on the graded
// recommendations of the system and market:
//   BLOCKED    30-day n >= blocked_min_n and 30-day hit rate < blocked_hit_rate
//   DEGRADING  14-day n >= recent_min_n and 14-day hit rate < degrading_hit_rate
//   WATCH      14-day n < recent_min_n (too few to tell), or 14-day hit rate < break_even
//   HEALTHY    otherwise
struct HealthThresholds {
  int recent_days = 14, long_days = 30;
  int recent_min_n = 20, blocked_min_n = 50;
  double break_even = 52.38;  // percent, at -110
  double degrading_hit_rate = 48.0, blocked_hit_rate = 45.0;
};

// One (system, market) window's figures.
struct WindowFigures {
  int predictions = 0;  // graded, not voided
  int wins = 0, losses = 0, pushes = 0;
  double profit = 0;
  double abs_error = 0, lined_abs_error = 0, line_abs_error = 0;
  int lined = 0;
  void add(const GradedPrediction& g);
  nlohmann::json to_json() const;
};

// The health state of figures over the recent and long windows.
std::string health_state(const WindowFigures& recent, const WindowFigures& longer,
                         const HealthThresholds& t);

nlohmann::json performance_json(Date d, const std::vector<GradedPrediction>& grades,
                                const std::vector<picks::Pick>& picks,
                                const std::vector<picks::Removal>& removals,
                                const std::map<PredictionKey, picks::GameOutcome>& outcomes);

nlohmann::json model_health_json(Date d, const std::vector<GradedPrediction>& grades,
                                 const HealthThresholds& t = {});

}  // namespace nbaprops::publish
