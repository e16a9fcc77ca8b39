// Travel between arenas (02-analytics.md §4 "Travel"): the great-circle distance and the time
// zones crossed between the previous game's arena and this game's arena.
//
// An arena is its home team's arena in core/teams.h. Offsets are taken at one instant (this
// game's tip-off, or 12:00 ET on D when unknown), so daylight saving is respected.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string_view>

#include "core/date.h"

namespace nbaprops::analytics {

inline constexpr double kEarthRadiusMiles = 3958.8;

// Haversine distance in miles between two points given in degrees (unrounded).
double great_circle_miles(double lat1, double lon1, double lat2, double lon2);

struct Travel {
  int64_t miles = 0;          // rounded half away from zero; 0 for the same arena
  int64_t zones_crossed = 0;  // |offset(from) - offset(to)| in whole hours at `at`
};
// Travel from the arena of team `from_home` to the arena of team `to_home`.
// nullopt when either team has no arena.
std::optional<Travel> travel_between(std::string_view from_home, std::string_view to_home,
                                     Timestamp at);

}  // namespace nbaprops::analytics
