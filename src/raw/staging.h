// What a parsed input file holds before it is written: target rows, observations of games
// and players, and rejected lines. Parsers (raw/parse_*.cpp) fill a FileStage; apply
// (raw/apply.h) merges it into the store in one transaction.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/value.h"
#include "raw/player_aliases.h"
#include "raw/schema.h"

namespace nbaprops {

// One data row bound for a table, with what apply needs to check it against the store.
struct StagedRow {
  size_t line = 0;
  std::string_view raw;  // the line as read; valid while the file's CsvReader lives
  Row row;
  std::string game_id;             // the game the row belongs to ("" for none)
  std::vector<std::string> teams;  // teams that must play in that game
  bool bind_player = false;        // player_id / player_lookup bind through players (§4)
  std::string player_name;         // for inserting an unknown player
  // game_id was made from (date, away, home) because the source has none: apply binds it to
  // the stored game of that date and teams, whatever its id.
  bool game_id_derived = false;
  std::pair<std::string, std::string> matchup;  // (home, away) when game_id_derived
};

// What one source says about a game (01-raw-data.md §3.5). Unset optionals are fields the
// source does not give; `gives_all` (the schedule) gives every field, NULLs included.
struct GameObservation {
  std::string game_id;
  Date game_date;
  int season = 0;
  std::string season_type;
  std::string home_team, away_team;
  std::string status = "final";
  std::map<std::string, int64_t> team_scores;  // per team code
  std::optional<bool> neutral_site;
  std::optional<std::string> tipoff_utc;
  bool gives_all = false;
  int rank = 0;
  std::string source;         // schedule, team_log, shots, player_log
  bool id_derived = false;    // game_id made from (date, away, home): a stored game of that
                              // date and teams keeps its own id
  std::vector<size_t> lines;  // lines of the rows that made it (for rejects)
  std::string_view raw;       // schedule rows: the line as read
};

struct RejectedLine {
  size_t line;
  std::string reason;
  std::string raw;
  std::string table;  // target table, "" when unknown
};

struct FileStage {
  const TableSchema* table = nullptr;  // the main target table
  std::vector<StagedRow> rows;
  std::map<std::string, GameObservation> games;  // by game_id
  std::vector<AliasEntry> aliases;               // canonical:player_aliases
  std::vector<RejectedLine> rejected;
  std::vector<RejectedLine> nulled;  // rows loaded with a bad optional value as NULL
  int64_t read = 0, merged = 0, skipped = 0, repaired = 0;
  // Raw texts of sources that are not CSV lines (the JSON loader); rows point into them.
  std::deque<std::string> texts;
  // Earliest prop-line tip-off per (game_date, team pair "AAA_BBB" sorted).
  std::map<std::pair<std::string, std::string>, std::string> tipoffs;
};

// A line as rejected_rows keeps it: cut at 2,000 characters, with "…" when cut.
inline std::string clip_raw_text(std::string_view raw) {
  std::string out(raw.substr(0, 2000));
  if (raw.size() > 2000) out += "…";
  return out;
}

// The per-file options of ingest (01-raw-data.md §3.4).
struct IngestOptions {
  std::optional<Timestamp> snapshot_utc;
  int snapshot_offset_min = 60;
};

}  // namespace nbaprops
