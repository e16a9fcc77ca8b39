#include "predict/moving_average.h"

#include "predict/rule_confidence.h"

namespace nbaprops::predict {

double moving_average_fatigue_term(std::optional<double> f) {
  if (!f) return 0;
  return *f < 50 ? -2.5 : (*f < 70 ? -1.0 : 0.0);
}

SystemResult moving_average(const PlayerDay& p) {
  const Features& f = p.features;
  if (!f[kPointsL5] || !f[kPointsL10] || !f[kSeasonAvg]) {
    return SystemResult::decline("missing_inputs", "points_avg_last_5/last_10/season is NULL");
  }
  auto term = [&](size_t i, double w) { return f[i] ? w * *f[i] : 0.0; };
  double raw = 0.50 * *f[kPointsL5] + 0.30 * *f[kPointsL10] + 0.20 * *f[kSeasonAvg];
  raw += moving_average_fatigue_term(f[kFatigue]);
  raw += term(kShotZoneMismatch, 0.3);
  raw += f[kBackToBack] && *f[kBackToBack] == 1 ? -1.5 : 0.0;
  raw += term(kPace, 0.3);
  if (f[kHomeAway]) raw += *f[kHomeAway] == 1 ? 0.5 : -0.5;
  raw += term(kUsageSpike, 0.4);
  Estimate e;
  e.raw = raw;
  e.confidence = rule_confidence(f[kPointsStdL10], f[kGamesLast7Days]);
  return SystemResult::ok(e);
}

}  // namespace nbaprops::predict
