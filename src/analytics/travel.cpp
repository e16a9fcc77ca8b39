#include "analytics/travel.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include "core/teams.h"
#include "core/value.h"

namespace nbaprops::analytics {
namespace {

constexpr double kPi = 3.14159265358979323846;

double radians(double degrees) {
  return degrees * kPi / 180.0;
}

int offset_seconds(const TeamInfo& team, Timestamp at) {
  return utc_offset_seconds("America/" + std::string(team.timezone), at);
}

}  // namespace

double great_circle_miles(double lat1, double lon1, double lat2, double lon2) {
  double dlat = radians(lat2 - lat1), dlon = radians(lon2 - lon1);
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(radians(lat1)) *
                                                           std::cos(radians(lat2)) *
                                                           std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusMiles * std::asin(std::sqrt(std::min(1.0, a)));
}

std::optional<Travel> travel_between(std::string_view from_home, std::string_view to_home,
                                     Timestamp at) {
  const TeamInfo* from = find_team(from_home);
  const TeamInfo* to = find_team(to_home);
  if (!from || !to) return std::nullopt;
  Travel t;
  if (from != to) {
    t.miles = static_cast<int64_t>(
        round_half_away(great_circle_miles(from->lat, from->lon, to->lat, to->lon), 0));
  }
  int diff = std::abs(offset_seconds(*from, at) - offset_seconds(*to, at));
  t.zones_crossed = static_cast<int64_t>(round_half_away(diff / 3600.0, 0));
  return t;
}

}  // namespace nbaprops::analytics
