// The regular-season schedule of one season: 1,230 games, 82 per team.
//
// Matchups follow the NBA formula (4 games against each division rival, 4 or 3 against
// the other ten conference teams, 2 against each team of the other conference; 41 home
// games each). Dates run from the opener (the Tuesday in Oct 20-26 of `season`) to about
// mid-April, skipping Thanksgiving, Christmas Eve and the All-Star break (the Friday in
// Feb 13-19 through the following Wednesday). A day-by-day greedy places games by each
// team's remaining need, never a team twice a day or on three straight days, and prefers
// continuing home stands and road trips, so back-to-backs, 3-in-4s and trips occur as in a
// real schedule. Tip-offs are 7:00-10:30 pm ET by the home arena's time zone. Pure given
// the Rng; not thread-safe only through the Rng.
#pragma once

#include <vector>

#include "core/date.h"
#include "generate/rng.h"

namespace nbaprops::gen {

struct ScheduledGame {
  Date date;
  int home = 0, away = 0;  // team indices (all_teams() order)
  Timestamp tipoff_utc;
};

// The games in (date, tip-off, home team) order.
std::vector<ScheduledGame> regular_season_schedule(Rng& rng, int season);

// The first day of the All-Star break (a Friday in February of season + 1); the break
// lasts six days.
Date all_star_break_start(int season);

// 0 = Sunday ... 6 = Saturday.
int weekday_of(Date d);

// A tip-off time for a game at `home` on `date` (7:00-10:30 pm ET, later in the West).
Timestamp tipoff_for(Rng& rng, Date date, int home);

// 0 = East, 1 = West.
int conference_of(int team);

}  // namespace nbaprops::gen
