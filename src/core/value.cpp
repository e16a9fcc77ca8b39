#include "core/value.h"

#include <cmath>

namespace nbaprops {

double round_half_away(double x, int decimals) {
  double scale = std::pow(10.0, decimals);
  double scaled = x * scale;
  // Nudge by a few ulps so that values like 2.675 (stored as 2.67499999...) round as written.
  double r = std::round(scaled + (scaled >= 0 ? 1e-9 : -1e-9));
  return r / scale;
}

}  // namespace nbaprops
