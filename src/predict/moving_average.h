// moving_average (04-predictions.md §3): a weighted mean of the recent scoring (0.5 L5, 0.3
// L10, 0.2 season) plus rule adjustments for rest, matchup, back-to-back, pace, venue and usage.
// Requires features 0, 1, 2 (else declines with missing_inputs). Pure; any thread.
#pragma once

#include <optional>

#include "predict/estimate.h"
#include "predict/player_day.h"

namespace nbaprops::predict {

// The fatigue term: f < 50 -> -2.5, 50 <= f < 70 -> -1.0, else (or NULL) 0. Higher = rested.
double moving_average_fatigue_term(std::optional<double> fatigue_score);

SystemResult moving_average(const PlayerDay& p);

}  // namespace nbaprops::predict
