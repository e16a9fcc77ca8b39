#include "predict/rule_confidence.h"

#include <algorithm>

namespace nbaprops::predict {

double rule_confidence(std::optional<double> std10, std::optional<double> games7) {
  double v = 0, g = 0;
  if (std10) v = *std10 > 6 ? -15 : (*std10 > 4 ? -8 : 0);
  if (games7) g = *games7 >= 3 ? 10 : (*games7 >= 2 ? 5 : -10);
  return std::clamp(50 + v + g, 20.0, 80.0);
}

}  // namespace nbaprops::predict
