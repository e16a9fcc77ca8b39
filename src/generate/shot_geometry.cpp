#include "generate/shot_geometry.h"

#include <algorithm>
#include <cmath>

namespace nbaprops::gen {
namespace {

constexpr double kBasketY = 5.25;
constexpr int kPaintActions = 7;  // shot_action_names()[0..7) are paint actions
constexpr int kJumpActions = 5;   // the rest are jump shots

int16_t tenths(double feet) {
  return static_cast<int16_t>(std::lround(feet * 10.0));
}

double draw_distance(Rng& rng, Zone zone, bool& corner) {
  corner = false;
  switch (zone) {
    case Zone::kPaint:
      return std::min(8.0, std::abs(rng.normal(0.0, 2.6)));
    case Zone::kMidRange:
      return rng.uniform(8.5, 21.5);
    case Zone::kThree:
      if (rng.chance(0.25)) {
        corner = true;
        return rng.uniform(22.0, 23.6);
      }
      return std::min(34.0, 23.8 + std::abs(rng.normal(0.0, 1.8)));
  }
  return 0;
}

}  // namespace

void place_shot(Rng& rng, Shot& s) {
  bool corner = false;
  const double d = std::round(draw_distance(rng, s.zone, corner) * 10.0) / 10.0;
  double x = 0;
  if (corner) {
    x = rng.uniform(22.0, d);
  } else {
    const double max_x = std::min(d, 25.0);
    x = d * std::sin(rng.uniform(-1.4, 1.4));
    x = std::clamp(x, -max_x, max_x);
  }
  if (rng.chance(0.5) && corner) x = -x;
  const double y = kBasketY + std::sqrt(std::max(0.0, d * d - x * x));
  s.distance_x10 = tenths(d);
  s.loc_x_x10 = tenths(x);
  s.loc_y_x10 = tenths(y);
  if (s.zone == Zone::kPaint) {
    int a = rng.below(kPaintActions);
    if (s.made && d <= 3.0 && rng.chance(0.25)) a = 2;  // dunks are made close in
    s.action = static_cast<uint8_t>(a);
  } else {
    s.action = static_cast<uint8_t>(kPaintActions + rng.below(kJumpActions));
  }
}

double location_distance(const Shot& s) {
  const double x = s.loc_x_x10 / 10.0, y = s.loc_y_x10 / 10.0 - kBasketY;
  return std::sqrt(x * x + y * y);
}

}  // namespace nbaprops::gen
