#include "precompute/composite_factor_context.h"

#include <nlohmann/json.hpp>

#include "core/value.h"

namespace nbaprops::precompute {
namespace {

using Json = nlohmann::ordered_json;

template <typename T>
Json opt(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

double stored(double x, int decimals) {
  double r = round_half_away(x, decimals);
  return r == 0.0 ? 0.0 : r;
}

}  // namespace

std::string mismatch_type(double stored_score) {
  return stored_score > 2 ? "favorable" : stored_score < -2 ? "unfavorable" : "neutral";
}

std::string fatigue_context_json(const FatigueInputs& in, const FatigueResult& r) {
  Json j;
  j["days_rest"] = opt(in.days_rest);
  j["back_to_back"] = opt(in.back_to_back);
  j["games_last_7"] = opt(in.games_last_7);
  j["minutes_last_7"] = opt(in.minutes_last_7);
  j["avg_minutes_last_7"] = opt(in.avg_minutes_last_7);
  j["back_to_backs_last_14"] = opt(in.back_to_backs_last_14);
  j["player_age"] = opt(in.player_age);
  j["penalties"] = r.penalties;
  j["bonuses"] = r.bonuses;
  j["defaults_used"] = r.defaults_used;
  j["final_score"] = r.score;
  return j.dump();
}

std::string shot_zone_context_json(const MismatchInputs& in, const MismatchResult& r,
                                   const std::optional<std::string>& weakest_zone) {
  Json j;
  if (!r.missing.empty()) {
    j["missing_data"] = true;
    j["missing"] = r.missing;
    return j.dump();
  }
  double score = stored(r.score, 2);
  j["player_primary_zone"] = opt(in.primary_scoring_zone);
  j["zone_used"] = r.zone_used;
  j["zone_rate"] = opt(r.zone_rate);
  j["rate_weight"] = stored(r.rate_weight, 4);
  j["opponent_defense_vs_league"] = opt(r.defense);
  j["opponent_weakest_zone"] = opt(weakest_zone);
  j["mismatch_type"] = mismatch_type(score);
  j["final_score"] = score;
  return j.dump();
}

std::string pace_context_json(std::optional<double> pace_differential,
                              std::optional<double> opponent_pace_last_10, double score) {
  double diff = pace_differential.value_or(0.0);
  Json j;
  j["pace_differential"] = opt(pace_differential);
  j["opponent_pace_last_10"] = opt(opponent_pace_last_10);
  j["pace_environment"] = diff > 2 ? "fast" : diff < -2 ? "slow" : "normal";
  j["final_score"] = stored(score, 2);
  return j.dump();
}

std::string usage_context_json(std::optional<double> projected_usage_rate,
                               std::optional<double> avg_usage_rate_last_7_days,
                               std::optional<int64_t> star_teammates_out, const UsageResult& r) {
  double diff = stored(r.projected - r.base, 2);
  Json j;
  j["projected_usage_rate"] = opt(projected_usage_rate);
  j["avg_usage_rate_last_7_days"] = opt(avg_usage_rate_last_7_days);
  j["defaults_used"] = r.defaults_used;
  j["usage_differential"] = diff;
  j["star_teammates_out"] = opt(star_teammates_out);
  j["usage_trend"] = diff > 2 ? "spike" : diff < -2 ? "drop" : "stable";
  j["final_score"] = stored(r.score, 2);
  return j.dump();
}

}  // namespace nbaprops::precompute
