// The five factor formulas of player_composite_factors (03-precompute.md §5.1), one function
// per factor. Inputs are the upstream values as stored (std::nullopt = NULL); each result holds
// the unrounded score and what the context JSON (§5.2) needs: the rules that fired and the
// inputs that took their default.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nbaprops::precompute {

// ---- Fatigue ----------------------------------------------------------------------------------
struct FatigueInputs {
  std::optional<int64_t> days_rest;
  std::optional<bool> back_to_back;
  std::optional<int64_t> games_last_7;
  std::optional<double> minutes_last_7, avg_minutes_last_7;
  std::optional<int64_t> back_to_backs_last_14, player_age;
};

struct FatigueResult {
  int score = 100;                         // 0-100, higher = more rested
  double adjustment = 0.0;                 // (score - 100) / 20, in [-3.25, 0]
  std::vector<std::string> penalties;      // e.g. "back_to_back:-15", in rule order
  std::vector<std::string> bonuses;        // "extra_rest:+5" when applied
  std::vector<std::string> defaults_used;  // every NULL input (its default stands in), in order
};

// Start 100; back_to_back (NULL false) -15, else days_rest (NULL 1) >= 3 +5; games_last_7
// (NULL 3) >= 4 -10; minutes_last_7 (NULL 200) > 240 -10; avg_minutes_last_7 (NULL 30) > 35 -8;
// back_to_backs_last_14 (NULL 0) >= 2 -12, = 1 -5; player_age (NULL 25) >= 35 -10, >= 30 -5;
// clamp [0, 100].
FatigueResult fatigue_factor(const FatigueInputs& in);

// ---- Shot-zone mismatch -----------------------------------------------------------------------
struct MismatchInputs {
  bool has_shot_zone_row = false;                   // the player's PSZA row exists
  bool has_team_defense_row = false;                // the opponent's TDZA row exists
  std::optional<std::string> primary_scoring_zone;  // PSZA: paint, mid_range, perimeter, balanced
  std::optional<double> paint_rate, mid_range_rate, three_pt_rate;  // PSZA *_rate_last_10
  std::optional<double> paint_vs_league, mid_range_vs_league, three_pt_vs_league;  // TDZA
};

struct MismatchResult {
  double score = 0.0;
  // Set when the score is 0 for a missing input: player_shot_zone, team_defense_zone,
  // primary_scoring_zone (in that order).
  std::vector<std::string> missing;
  std::string zone_used;                     // paint, mid_range, three
  std::optional<double> zone_rate, defense;  // as read (NULL stays NULL)
  double rate_weight = 0.0;                  // min(rate / 50, 1) with rate NULL -> 50
};

// 0 when PSZA or TDZA row missing or primary zone NULL. Else the zone pair (balanced -> paint),
// rate NULL -> 50, defense NULL -> 0; x = def * min(rate / 50, 1); |x| > 5 -> 1.2 x; clamp ±10.
MismatchResult shot_zone_mismatch(const MismatchInputs& in);

// ---- Pace, usage, travel ----------------------------------------------------------------------
// clamp(pace_differential (NULL 0) / 2, -3, 3).
double pace_score(std::optional<double> pace_differential);

struct UsageResult {
  double score = 0.0;
  double projected = 25.0, base = 25.0;    // after defaults
  std::vector<std::string> defaults_used;  // projected_usage_rate, avg_usage_rate_last_7_days,
                                           // star_teammates_out
  int64_t stars_out = 0;                   // after default
};

// proj (NULL 25), base (NULL 25); base = 0 -> 0; x = 0.3 (proj - base); x > 0 and stars >= 1:
// x *= 1.15 (one) or 1.30 (two or more); clamp ±3.
UsageResult usage_spike(std::optional<double> projected_usage_rate,
                        std::optional<double> avg_usage_rate_last_7_days,
                        std::optional<int64_t> star_teammates_out);

// -(min(miles, 3000) / 1000 + 0.5 tz), clamp [-3, 0]; a NULL input counts as 0.
double travel_impact(std::optional<int64_t> travel_miles,
                     std::optional<int64_t> time_zones_crossed);

}  // namespace nbaprops::precompute
