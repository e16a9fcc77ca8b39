#include "precompute/composite_factor_context.h"

#include "core/json_text.h"
#include "core/value.h"

namespace nbaprops::precompute {
namespace {

double stored(double x, int decimals) {
  double r = round_half_away(x, decimals);
  return r == 0.0 ? 0.0 : r;
}

}  // namespace

std::string mismatch_type(double stored_score) {
  return stored_score > 2 ? "favorable" : stored_score < -2 ? "unfavorable" : "neutral";
}

std::string fatigue_context_json(const FatigueInputs& in, const FatigueResult& r) {
  return JsonObjectText()
      .field("days_rest", in.days_rest)
      .field("back_to_back", in.back_to_back)
      .field("games_last_7", in.games_last_7)
      .field("minutes_last_7", in.minutes_last_7)
      .field("avg_minutes_last_7", in.avg_minutes_last_7)
      .field("back_to_backs_last_14", in.back_to_backs_last_14)
      .field("player_age", in.player_age)
      .field("penalties", r.penalties)
      .field("bonuses", r.bonuses)
      .field("defaults_used", r.defaults_used)
      .field("final_score", r.score)
      .str();
}

std::string shot_zone_context_json(const MismatchInputs& in, const MismatchResult& r,
                                   const std::optional<std::string>& weakest_zone) {
  if (!r.missing.empty()) {
    return JsonObjectText().field("missing_data", true).field("missing", r.missing).str();
  }
  double score = stored(r.score, 2);
  return JsonObjectText()
      .field("player_primary_zone", in.primary_scoring_zone)
      .field("zone_used", r.zone_used)
      .field("zone_rate", r.zone_rate)
      .field("rate_weight", stored(r.rate_weight, 4))
      .field("opponent_defense_vs_league", r.defense)
      .field("opponent_weakest_zone", weakest_zone)
      .field("mismatch_type", mismatch_type(score))
      .field("final_score", score)
      .str();
}

std::string pace_context_json(std::optional<double> pace_differential,
                              std::optional<double> opponent_pace_last_10, double score) {
  double diff = pace_differential.value_or(0.0);
  return JsonObjectText()
      .field("pace_differential", pace_differential)
      .field("opponent_pace_last_10", opponent_pace_last_10)
      .field("pace_environment", diff > 2    ? "fast"
                                 : diff < -2 ? "slow"
                                             : "normal")
      .field("final_score", stored(score, 2))
      .str();
}

std::string usage_context_json(std::optional<double> projected_usage_rate,
                               std::optional<double> avg_usage_rate_last_7_days,
                               std::optional<int64_t> star_teammates_out, const UsageResult& r) {
  double diff = stored(r.projected - r.base, 2);
  return JsonObjectText()
      .field("projected_usage_rate", projected_usage_rate)
      .field("avg_usage_rate_last_7_days", avg_usage_rate_last_7_days)
      .field("defaults_used", r.defaults_used)
      .field("usage_differential", diff)
      .field("star_teammates_out", star_teammates_out)
      .field("usage_trend", diff > 2    ? "spike"
                            : diff < -2 ? "drop"
                                        : "stable")
      .field("final_score", stored(r.score, 2))
      .str();
}

}  // namespace nbaprops::precompute
