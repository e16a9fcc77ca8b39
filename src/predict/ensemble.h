// ensemble (04-predictions.md §7): the confidence-weighted mean of the other systems' stored
// predictions for the player. Members are whatever of kEnsembleMembers produced a row (a new
// base system joins by being listed there); fewer than 2 -> too_few_members. Pure; any thread.
#pragma once

#include <array>
#include <span>
#include <string_view>

#include "predict/estimate.h"

namespace nbaprops::predict {

inline constexpr std::array<std::string_view, 4> kEnsembleMembers = {
    "moving_average", "zone_matchup", "similarity", "gradient_boosting"};

// A member's stored predicted_points p_i and confidence c_i.
struct Member {
  double predicted_points = 0, confidence = 0;
};

// raw = Σ p·c / Σ c (plain mean when Σ c = 0); member_sd = sample SD of p; confidence =
// clamp(mean c + a + b, 20, 95), a: sd < 2 +10, < 3 +5, < 6 -5, else -10; b: +5 when every
// member of kEnsembleMembers is present.
SystemResult ensemble(std::span<const Member> members);

}  // namespace nbaprops::predict
