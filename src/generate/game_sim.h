// One game, played: player and team box scores and a shot for every field-goal attempt.
//
// simulate_game() draws who of the dressed players plays, their minutes (exactly 240
// team minutes plus 25 per overtime, in hundredths), shots by zone from each player's
// rates around the TeamPlan, free throws, rebounds, steals, turnovers and fouls; assists
// and blocks come from the shots (a made shot's passer, a missed shot's blocker), so box
// score and shots agree by construction. A tie after regulation plays 5-minute overtimes.
// It appends rows for every roster spot (active, dnp, inactive) to `league` and sets the
// game's scores. Pure given the Rng; not thread-safe on a shared League.
#pragma once

#include <array>
#include <vector>

#include "generate/availability.h"
#include "generate/projection.h"
#include "generate/rng.h"
#include "generate/roster.h"
#include "generate/tables.h"

namespace nbaprops::gen {

struct GameSide {
  std::vector<RosterSpot> spots;  // every roster player of the team
  TeamPlan plan;                  // built from the dressed spots
};

struct PlayedMinutes {
  std::vector<int> players;
  std::vector<double> minutes;
};

// REQUIRES: league.games[game_index] exists; sides are {home, away}.
std::array<PlayedMinutes, 2> simulate_game(Rng& rng, const Roster& roster, int game_index,
                                           const std::array<GameSide, 2>& sides, League& league);

}  // namespace nbaprops::gen
