// Writing a parsed file (a FileStage) into the store: games merged by rank, players bound
// and inserted, rows checked against stored games and written by key, shots replaced by
// team-game, rejected lines recorded (01-raw-data.md §3.5, §4, §5).
//
// IngestState caches the small tables (games, players, aliases) for a whole ingest command
// and must be kept in step with the store: apply_file() updates it, and the caller restores
// a copy when the file's transaction is rolled back. Not thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "core/value.h"
#include "raw/formats.h"
#include "raw/player_aliases.h"
#include "raw/staging.h"
#include "store/store.h"

namespace nbaprops {

struct IngestState {
  std::map<std::string, Row> games;  // by game_id
  std::map<std::tuple<std::string, std::string, std::string>, std::string> game_by_teams;
  std::map<std::string, Row> players;  // by player_lookup
  std::map<int64_t, std::string> lookup_by_id;
  std::set<std::string> boxscore_named;  // players whose name a box score has given
  PlayerAliases aliases;
  std::vector<AliasEntry> alias_rows;  // as stored

  // Reads games, players and player_aliases; seeds the built-in aliases when absent, in a
  // transaction of its own. REQUIRES: no open transaction.
  static IngestState load(Store& store);
};

// Counts of one file, as the summary line prints them (01-raw-data.md §5 "Summary").
struct FileCounts {
  int64_t read = 0, loaded = 0, replaced = 0, merged = 0, skipped = 0, rejected = 0;
  int64_t repaired = 0;
  int64_t nulled = 0;  // rows loaded with a bad optional value stored as NULL
  int64_t games_inserted = 0, games_replaced = 0;
  int64_t players_inserted = 0, players_replaced = 0;
  int64_t aliases_inserted = 0, aliases_replaced = 0;
  int64_t alias_clashes = 0;  // rows left behind by an alias rewrite (the target row stays)
};

// Applies `stage` (parsed from `source_file` in `format`) to `store` and `state`.
// REQUIRES: an open transaction. Throws StoreError; throws std::runtime_error (file refused)
// for an alias file whose entries chain or cycle.
FileCounts apply_file(Store& store, IngestState& state, FileStage& stage, const Format& format,
                      const std::string& source_file, const std::string& processed_at);

}  // namespace nbaprops
