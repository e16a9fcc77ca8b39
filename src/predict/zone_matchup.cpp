#include "predict/zone_matchup.h"

#include <algorithm>

#include "predict/rule_confidence.h"

namespace nbaprops::predict {

std::optional<double> zone_term(double attempts, const std::array<std::optional<double>, 3>& share,
                                const std::array<std::optional<double>, 3>& d) {
  static constexpr std::array<double, 3> kPointsPerMake = {2, 2, 3};
  double sum = 0;
  bool usable = false;
  for (size_t z = 0; z < 3; ++z) {
    if (!share[z] || !d[z]) continue;
    usable = true;
    sum += *share[z] * kPointsPerMake[z] * *d[z];
  }
  if (!usable) return std::nullopt;
  return std::clamp(attempts * sum / 100.0, -6.0, 6.0);
}

double zone_matchup_fatigue_term(std::optional<double> f) {
  if (!f) return 0;
  return *f < 50 ? -1.5 : (*f < 70 ? -0.8 : 0.0);
}

SystemResult zone_matchup(const PlayerDay& p) {
  const Features& f = p.features;
  if (!f[Feature::kPointsAvgSeason])
    return SystemResult::decline("missing_inputs", "season average is NULL");
  if (!p.attempts_per_game) {
    return SystemResult::decline("missing_inputs", "no shot-zone attempts (PSZA) for D");
  }
  const TeamDefense* def = p.defense->find(p.d, p.opponent_abbr);
  std::array<std::optional<double>, 3> d;
  if (def) d = {def->paint_vs, def->mid_range_vs, def->three_vs};
  auto zone =
      zone_term(*p.attempts_per_game,
                {f[Feature::kPctPaint], f[Feature::kPctMidRange], f[Feature::kPctThree]}, d);
  if (!zone) {
    return SystemResult::decline("missing_inputs",
                                 "no usable zone (opponent " + p.opponent_abbr + " zone defence)");
  }
  double raw = *f[Feature::kPointsAvgSeason] + *zone;
  if (f[Feature::kPaceScore]) raw += 0.4 * *f[Feature::kPaceScore];
  if (f[Feature::kHomeAway]) raw += *f[Feature::kHomeAway] == 1 ? 0.8 : -0.8;
  raw += zone_matchup_fatigue_term(f[Feature::kFatigueScore]);
  Estimate e;
  e.raw = raw;
  e.confidence = rule_confidence(f[Feature::kPointsStdLast10], f[Feature::kGamesInLast7Days]);
  return SystemResult::ok(e);
}

}  // namespace nbaprops::predict
