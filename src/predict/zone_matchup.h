// zone_matchup (04-predictions.md §4): the season average adjusted by what this opponent allows
// in each shot zone, weighted by the player's own zone attempts, plus pace, venue and fatigue.
// Requires feature 2, the attempts A (PSZA of D) and at least one usable zone (share and
// opponent defence both known); else declines with missing_inputs. Pure; any thread.
#pragma once

#include <array>
#include <optional>

#include "predict/estimate.h"
#include "predict/player_day.h"

namespace nbaprops::predict {

// clamp(A · Σ s_z·v_z·d_z / 100, -6, 6) over the usable zones (paint, mid_range, three;
// v = 2, 2, 3); nullopt when no zone is usable.
std::optional<double> zone_term(double attempts, const std::array<std::optional<double>, 3>& share,
                                const std::array<std::optional<double>, 3>& defense_vs_league);

// f < 50 -> -1.5, 50 <= f < 70 -> -0.8, else (or NULL) 0.
double zone_matchup_fatigue_term(std::optional<double> fatigue_score);

SystemResult zone_matchup(const PlayerDay& p);

}  // namespace nbaprops::predict
