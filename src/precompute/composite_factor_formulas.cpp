#include "precompute/composite_factor_formulas.h"

#include <algorithm>
#include <cmath>

namespace nbaprops::precompute {

FatigueResult fatigue_factor(const FatigueInputs& in) {
  FatigueResult r;
  auto use = [&](const char* name, bool is_null) {
    if (is_null) r.defaults_used.emplace_back(name);
  };
  use("days_rest", !in.days_rest);
  use("back_to_back", !in.back_to_back);
  use("games_last_7", !in.games_last_7);
  use("minutes_last_7", !in.minutes_last_7);
  use("avg_minutes_last_7", !in.avg_minutes_last_7);
  use("back_to_backs_last_14", !in.back_to_backs_last_14);
  use("player_age", !in.player_age);

  int score = 100;
  auto penalty = [&](const char* name, int points) {
    score -= points;
    r.penalties.push_back(std::string(name) + ":-" + std::to_string(points));
  };
  if (in.back_to_back.value_or(false)) {
    penalty("back_to_back", 15);
  } else if (in.days_rest.value_or(1) >= 3) {
    score += 5;
    r.bonuses.emplace_back("extra_rest:+5");
  }
  if (in.games_last_7.value_or(3) >= 4) penalty("games_last_7", 10);
  if (in.minutes_last_7.value_or(200.0) > 240.0) penalty("minutes_last_7", 10);
  if (in.avg_minutes_last_7.value_or(30.0) > 35.0) penalty("high_avg_minutes", 8);
  int64_t b2b = in.back_to_backs_last_14.value_or(0);
  if (b2b >= 2) {
    penalty("multiple_back_to_backs_14d", 12);
  } else if (b2b == 1) {
    penalty("one_back_to_back_14d", 5);
  }
  int64_t age = in.player_age.value_or(25);
  if (age >= 35) {
    penalty("age_35_plus", 10);
  } else if (age >= 30) {
    penalty("age_30_plus", 5);
  }
  r.score = std::clamp(score, 0, 100);
  r.adjustment = (r.score - 100) / 20.0;
  return r;
}

MismatchResult shot_zone_mismatch(const MismatchInputs& in) {
  MismatchResult r;
  if (!in.has_shot_zone_row) r.missing.emplace_back("player_shot_zone");
  if (!in.has_team_defense_row) r.missing.emplace_back("team_defense_zone");
  if (in.has_shot_zone_row && !in.primary_scoring_zone) {
    r.missing.emplace_back("primary_scoring_zone");
  }
  if (!r.missing.empty()) return r;
  const std::string& zone = *in.primary_scoring_zone;
  if (zone == "mid_range") {
    r.zone_used = "mid_range";
    r.zone_rate = in.mid_range_rate;
    r.defense = in.mid_range_vs_league;
  } else if (zone == "perimeter") {
    r.zone_used = "three";
    r.zone_rate = in.three_pt_rate;
    r.defense = in.three_pt_vs_league;
  } else {  // paint, balanced
    r.zone_used = "paint";
    r.zone_rate = in.paint_rate;
    r.defense = in.paint_vs_league;
  }
  r.rate_weight = std::min(r.zone_rate.value_or(50.0) / 50.0, 1.0);
  double x = r.defense.value_or(0.0) * r.rate_weight;
  if (std::abs(x) > 5.0) x *= 1.2;
  r.score = std::clamp(x, -10.0, 10.0);
  return r;
}

double pace_score(std::optional<double> pace_differential) {
  return std::clamp(pace_differential.value_or(0.0) / 2.0, -3.0, 3.0);
}

UsageResult usage_spike(std::optional<double> projected_usage_rate,
                        std::optional<double> avg_usage_rate_last_7_days,
                        std::optional<int64_t> star_teammates_out) {
  UsageResult r;
  if (!projected_usage_rate) r.defaults_used.emplace_back("projected_usage_rate");
  if (!avg_usage_rate_last_7_days) r.defaults_used.emplace_back("avg_usage_rate_last_7_days");
  if (!star_teammates_out) r.defaults_used.emplace_back("star_teammates_out");
  r.projected = projected_usage_rate.value_or(25.0);
  r.base = avg_usage_rate_last_7_days.value_or(25.0);
  r.stars_out = star_teammates_out.value_or(0);
  if (r.base == 0.0) return r;
  double x = 0.3 * (r.projected - r.base);
  if (x > 0 && r.stars_out >= 1) x *= r.stars_out == 1 ? 1.15 : 1.30;
  r.score = std::clamp(x, -3.0, 3.0);
  return r;
}

double travel_impact(std::optional<int64_t> travel_miles,
                     std::optional<int64_t> time_zones_crossed) {
  double miles = static_cast<double>(std::min<int64_t>(travel_miles.value_or(0), 3000));
  double tz = static_cast<double>(time_zones_crossed.value_or(0));
  double x = -(miles / 1000.0 + 0.5 * tz);
  return std::clamp(x, -3.0, 0.0) + 0.0;  // + 0.0: no -0.0
}

}  // namespace nbaprops::precompute
