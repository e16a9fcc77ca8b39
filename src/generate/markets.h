// What the betting market showed before a game: player prop lines and game lines.
//
// Three snapshots per game: opening (10:00 am ET on game day, knowing the day-before
// injury report), midday (4:00 pm ET, knowing the 1:30 pm report) and closing (40 minutes
// before tip-off, knowing who dressed). At each, the market projects every player with
// projection.h from the players it believes will dress, adds a persistent per-player
// market error, and posts line = floor(estimate) + 0.5 with prices shaded toward the side
// the estimate favours (about -110/-110). Players expected to play 18+ minutes get points;
// rebounds, assists and threes go to those projected to reach 3.5 / 2.5 / 0.8. Four
// bookmakers each carry a market for a player with probability 0.85. Game lines (spread
// per team, total) come from the projected team points at the opening and closing
// snapshots. All snapshots are strictly before tip-off. The market never sees the game's
// random draws, only who dresses. Pure given its inputs; not thread-safe on a shared League.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "generate/availability.h"
#include "generate/roster.h"
#include "generate/tables.h"

namespace nbaprops::gen {

// Appends the game's prop_lines and game_lines rows. `seed` keys the market's own noise.
// REQUIRES: spots are {home, away}, from Availability::before_game for this game.
void price_game(uint64_t seed, const Roster& roster, int game_index,
                const std::array<std::vector<RosterSpot>, 2>& spots, League& league);

// American odds for an implied probability (vig included), a multiple of 5 in magnitude,
// never inside (-100, +100).
int american_price(double probability);

}  // namespace nbaprops::gen
