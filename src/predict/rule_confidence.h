// The confidence of the two rule systems, moving_average and zone_matchup (04-predictions.md
// §3): clamp(50 + v + g, 20, 80), v from points_std_last_10 (> 6: -15, > 4: -8, else 0), g from
// games_in_last_7_days (>= 3: +10, 2: +5, <= 1: -10). A NULL input contributes 0.
#pragma once

#include <optional>

namespace nbaprops::predict {

double rule_confidence(std::optional<double> points_std_last_10,
                       std::optional<double> games_in_last_7_days);

}  // namespace nbaprops::predict
