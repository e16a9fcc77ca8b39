// The play-in tournament and the playoffs of one season, driven by the regular-season
// standings.
//
// Seeds 1-6 of each conference (by wins; ties by team code) go straight to the playoffs;
// 7-10 play in (7 v 8 for seed 7; the loser hosts the 9 v 10 winner for seed 8). Four
// best-of-seven rounds follow (1v8, 4v5, 3v6, 2v7 bracket; 2-2-1-1-1 home pattern, the
// better seed at home first; Finals home court to more wins). Play-in starts three days
// after the regular season, round one eight days after; rounds start 15 days apart and
// series games are every other day. Each game is played through the callback, in
// chronological order. Not thread-safe only through the callback.
#pragma once

#include <array>
#include <functional>

#include "core/date.h"
#include "generate/tables.h"

namespace nbaprops::gen {

// Plays a game and returns the winning team index.
using PlayGameFn = std::function<int(Date date, int home, int away, SeasonType type)>;

void run_postseason(const std::array<int, 30>& wins, Date regular_season_end,
                    const PlayGameFn& play);

}  // namespace nbaprops::gen
