#include "predict/moving_average.h"

#include "predict/rule_confidence.h"

namespace nbaprops::predict {

double moving_average_fatigue_term(std::optional<double> f) {
  if (!f) return 0;
  return *f < 50 ? -2.5 : (*f < 70 ? -1.0 : 0.0);
}

SystemResult moving_average(const PlayerDay& p) {
  const Features& f = p.features;
  if (!f[Feature::kPointsAvgLast5] || !f[Feature::kPointsAvgLast10] ||
      !f[Feature::kPointsAvgSeason]) {
    return SystemResult::decline("missing_inputs", "points_avg_last_5/last_10/season is NULL");
  }
  auto term = [&](Feature i, double w) { return f[i] ? w * *f[i] : 0.0; };
  double raw = 0.50 * *f[Feature::kPointsAvgLast5] + 0.30 * *f[Feature::kPointsAvgLast10] +
               0.20 * *f[Feature::kPointsAvgSeason];
  raw += moving_average_fatigue_term(f[Feature::kFatigueScore]);
  raw += term(Feature::kShotZoneMismatchScore, 0.3);
  raw += f[Feature::kBackToBack] && *f[Feature::kBackToBack] == 1 ? -1.5 : 0.0;
  raw += term(Feature::kPaceScore, 0.3);
  if (f[Feature::kHomeAway]) raw += *f[Feature::kHomeAway] == 1 ? 0.5 : -0.5;
  raw += term(Feature::kUsageSpikeScore, 0.4);
  Estimate e;
  e.raw = raw;
  e.confidence = rule_confidence(f[Feature::kPointsStdLast10], f[Feature::kGamesInLast7Days]);
  return SystemResult::ok(e);
}

}  // namespace nbaprops::predict
