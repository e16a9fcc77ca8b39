// Merging what a source says about a game into the stored games row (01-raw-data.md §3.5).
// Pure function; thread-safe.
#pragma once

#include <string>

#include "core/value.h"
#include "raw/staging.h"

namespace nbaprops {

enum class MergeOutcome { kInserted, kUpdated, kSkipped, kConflict };

struct MergeResult {
  MergeOutcome outcome;
  Row row;             // the games row to store (kInserted, kUpdated)
  std::string reason;  // why (kSkipped, kConflict), as a rejected_rows reason
};

// The rank of a games.source value: schedule 4 > team_log 3 > shots 2 > player_log 1.
int source_rank(const std::string& source);

// Merges `obs` into `stored` (nullptr when the game is new):
// - a new game_id is inserted;
// - a derived observation (not the schedule) dated differently is a conflict;
// - a scheduled observation of a final game is skipped (final never reverts);
// - rank >= stored rank overwrites the fields the source gives (scores move with their
//   teams when home and away swap); a lower rank only fills NULLs;
// - a final observation (box scores or shots exist) makes a scheduled game final whatever
//   its rank.
MergeResult merge_game(const Row* stored, const GameObservation& obs);

}  // namespace nbaprops
