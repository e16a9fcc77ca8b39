// Team availability of upcoming_player_game_context (02-analytics.md §5): the roster a player
// shares with his teammates as of D, which stars are out, and his projected usage.
//
// A roster is built once per team and date and then read by every player of the team (any
// number of threads). Members are the players whose latest team (§0) as of D is the team;
// their form is over their last 10 appearances before D, their status the latest injury report
// before the game's cut-off.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analytics/history.h"
#include "analytics/inputs.h"
#include "analytics/player_window.h"

namespace nbaprops::analytics {

struct RosterMember {
  std::string player_lookup;
  LastGames last10;                          // means over his last 10 appearances
  int season_appearances = 0;                // appearances this season before D
  std::optional<std::string> injury_status;  // latest before the cut-off; NULL = not reported
  // out or doubtful.
  bool out_or_doubtful() const;
  // mean pts >= 18, or mean minutes >= 28, or mean usage >= 25, with >= 3 appearances.
  bool is_star() const;
  // 3 if mean pts >= 25, 2 if >= 18, else 1.
  int star_weight() const;
};

struct TeamRoster {
  std::string team_abbr;
  std::vector<RosterMember> members;  // sorted by player_lookup
};

// The roster of `team` for its game on D (`game` gives the injury cut-off; nullptr: reports of
// D up to 12:00 ET).
TeamRoster team_roster(const RawInputs& inputs, const Phase3History& history,
                       const std::string& team, const Game* game, Date d);

// One player's usage share: mean usage u (0-100) and mean minutes m.
struct UsageShare {
  double usage = 0, minutes = 0;
};
// projected = min(45, u_p (1 + F / S)), F = sum over `out` of u m / 48, S = the same over the
// player and `remaining`. Equals u_p when `out` frees nothing; NULL when S = 0 and F > 0.
std::optional<double> projected_usage(UsageShare player, std::span<const UsageShare> out,
                                      std::span<const UsageShare> remaining);

struct Availability {
  int64_t star_teammates_out = 0, star_teammates_out_weighted = 0;
  std::optional<double> projected_usage_rate;
};
// Availability for `player_lookup` (excluded from his teammates) whose own last-10 means are
// `own`.
Availability team_availability(const TeamRoster& roster, const std::string& player_lookup,
                               const LastGames& own);

}  // namespace nbaprops::analytics
