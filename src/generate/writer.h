// The canonical CSV writer (01-raw-data.md §3.1): one file per table, header row, §1
// column order, LF line ends, fields quoted only when they hold `,` `"` or a newline,
// empty = NULL, ISO dates, `YYYY-MM-DDTHH:MM:SSZ` timestamps, true/false, `.` decimals.
// Rows are written in key order whatever order the League holds them in.
// Deterministic; thread-safe (no shared state).
#pragma once

#include <filesystem>
#include <vector>

#include "generate/generator.h"
#include "generate/tables.h"

namespace nbaprops::gen {

// Writes games.csv, players.csv, player_boxscores.csv, team_boxscores.csv, shots.csv,
// prop_lines.csv, game_lines.csv and injuries.csv. Throws std::runtime_error on I/O failure.
std::vector<TableSummary> write_league(const League& league, const std::filesystem::path& dir);

// A CSV field as written: quoted (with doubled quotes) only when needed.
std::string csv_field(std::string_view text);

}  // namespace nbaprops::gen
