#include "predict/ensemble.h"

#include <algorithm>
#include <cmath>

namespace nbaprops::predict {

SystemResult ensemble(std::span<const Member> m) {
  if (m.size() < 2) {
    return SystemResult::decline("too_few_members",
                                 std::to_string(m.size()) + " other system(s) predicted");
  }
  double n = static_cast<double>(m.size());
  double pc = 0, c = 0, p = 0;
  for (const Member& x : m) {
    pc += x.predicted_points * x.confidence;
    c += x.confidence;
    p += x.predicted_points;
  }
  double mean = p / n;
  double ss = 0;
  for (const Member& x : m) ss += (x.predicted_points - mean) * (x.predicted_points - mean);
  double sd = std::sqrt(ss / (n - 1));
  double a = sd < 2 ? 10 : (sd < 3 ? 5 : (sd < 6 ? -5 : -10));
  double b = m.size() == kEnsembleMembers.size() ? 5 : 0;
  Estimate e;
  e.raw = c > 0 ? pc / c : mean;
  e.confidence = std::clamp(c / n + a + b, 20.0, 95.0);
  e.members = static_cast<int>(m.size());
  e.member_sd = sd;
  return SystemResult::ok(e);
}

}  // namespace nbaprops::predict
