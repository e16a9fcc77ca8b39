// The four context JSON texts of player_composite_factors (03-precompute.md §5.2): compact
// JSON, keys in the spec's order, inputs as read (NULL -> null), numbers as stored (scores at
// 2 decimals, fatigue as an integer; rate_weight, a computed weight that is not a column, at
// 4 decimals; usage_differential at 2).
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "precompute/composite_factor_formulas.h"

namespace nbaprops::precompute {

std::string fatigue_context_json(const FatigueInputs& in, const FatigueResult& r);

// `weakest_zone` is the opponent TDZA row's weakest_zone.
std::string shot_zone_context_json(const MismatchInputs& in, const MismatchResult& r,
                                   const std::optional<std::string>& weakest_zone);

std::string pace_context_json(std::optional<double> pace_differential,
                              std::optional<double> opponent_pace_last_10, double score);

std::string usage_context_json(std::optional<double> projected_usage_rate,
                               std::optional<double> avg_usage_rate_last_7_days,
                               std::optional<int64_t> star_teammates_out, const UsageResult& r);

// mismatch_type: favorable > 2, unfavorable < -2, else neutral (of the stored score).
std::string mismatch_type(double stored_score);

}  // namespace nbaprops::precompute
