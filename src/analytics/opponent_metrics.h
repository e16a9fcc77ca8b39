// Team form over its last 10 games (02-analytics.md §5 "Game context"): the means and sample
// standard deviations of per-game TOGS / TDGS values over the team's 10 most recent rows of the
// current season dated before D. NULL when the team has no such game.
// Pure function of a finished Phase3History; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "analytics/history.h"

namespace nbaprops::analytics {

struct TeamForm {
  std::optional<double> pace, pace_std;              // TOGS pace
  std::optional<double> off_rating, off_rating_std;  // TOGS offensive_rating
  std::optional<double> def_rating, def_rating_std;  // TDGS defensive_rating (as defender)
  std::optional<double> rebounding_rate, rebounding_rate_std;  // TOGS reb / possessions
  std::optional<double> ft_rate_allowed, ft_rate_allowed_std;  // TDGS 100 opp_fta / opp_poss
  int games_used = 0;                                          // TOGS rows behind the means
};

TeamForm team_form_last_10(const Phase3History& history, const std::string& team, Date d);

}  // namespace nbaprops::analytics
