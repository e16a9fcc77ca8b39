// Where a field-goal attempt was taken from: distance, court location and action type.
//
// Given the zone (decided with the box score), place_shot() draws a distance (paint
// 0-8 ft, mid-range 8.5-21.5 ft, three: corner 22-23.6 ft or above the break from 23.8 ft)
// and a location consistent with it: basket at (0, 5.25), |loc_x| <= 25, 0 <= loc_y <= 95,
// so sqrt(loc_x^2 + (loc_y - 5.25)^2) equals the distance to within rounding (0.1 ft).
// Pure given the Rng; thread-safe with one Rng per thread.
#pragma once

#include "generate/rng.h"
#include "generate/tables.h"

namespace nbaprops::gen {

// Sets s.distance_x10, s.loc_x_x10, s.loc_y_x10 and s.action from s.zone and s.made.
void place_shot(Rng& rng, Shot& s);

// The distance implied by a shot's location, in feet.
double location_distance(const Shot& s);

}  // namespace nbaprops::gen
