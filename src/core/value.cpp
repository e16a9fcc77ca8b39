#include "core/value.h"

#include <cmath>

namespace nbaprops {

double round_half_away(double x, int decimals) {
  // 10^decimals: exact doubles up to 10^22, the same values std::pow gives, without its cost
  // (rounding is on every stored decimal cell).
  static constexpr double kPowers[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  double scale = decimals >= 0 && decimals < 16 ? kPowers[decimals] : std::pow(10.0, decimals);
  double scaled = x * scale;
  // Nudge by a few ulps so that values like 2.675 (stored as 2.67499999...) round as written.
  double r = std::round(scaled + (scaled >= 0 ? 1e-9 : -1e-9));
  return r / scale;
}

}  // namespace nbaprops
