// Who can play: injuries, day-to-day knocks, inactive lists and the injury reports.
//
// Availability tracks each player's injury (games still to miss, reason, when it
// happened). Before a team's game it decides every roster player's fate (dressed, or
// inactive with a reason) and appends the injury-report rows that a feed would have
// published: a report at 5:30 pm ET the day before (injuries known by then: out, or
// questionable for a player about to return) and one at 1:30 pm ET on game day (out for
// every injured player; doubtful / questionable / probable for knocks, which then play
// with probability 15 / 55 / 93 %; probable for a returning player). So "out" always means
// did not play. After a game, players who played may get hurt. Not thread-safe.
#pragma once

#include <string>
#include <vector>

#include "generate/rng.h"
#include "generate/roster.h"
#include "generate/tables.h"

namespace nbaprops::gen {

inline constexpr int kMaxDressed = 13;

struct RosterSpot {
  int player = 0;
  bool dressed = false;
  std::string inactive_reason;        // set when not dressed
  bool known_out_day_before = false;  // listed out/doubtful in the day-before report
  bool known_out_game_day = false;    // listed out/doubtful in the game-day report
};

class Availability {
 public:
  explicit Availability(size_t players_hint = 0) { state_.reserve(players_hint); }

  // Decides the game's roster for `team` and appends its injury-report rows.
  std::vector<RosterSpot> before_game(Rng& rng, const Roster& roster, int team, int game, Date date,
                                      std::vector<InjuryRow>& reports);
  // Players who played may be injured, each with chance growing with minutes.
  void after_game(Rng& rng, const Roster& roster, const std::vector<int>& players,
                  const std::vector<double>& minutes, Date date);

 private:
  struct State {
    int games_out = 0;
    bool returning = false;
    int reason = 0;
    Date injured_on;
  };
  State& at(int player);
  std::vector<State> state_;
};

// "Left Ankle; Sprain" style reason texts.
const std::vector<const char*>& injury_reasons();

}  // namespace nbaprops::gen
