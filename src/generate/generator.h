// The synthetic-league generator: the entry point of `nbaprops generate`.
//
// simulate_league() plays `seasons` seasons (the last one starting in 2024, so season k of
// N starts in October of 2024 + k - N) from `seed`: rosters, schedule, availability and
// injury reports, markets, games and, with `playoffs`, the play-in and playoffs. The
// simulation never depends on `as_of`; as_of only filters its result to what a data feed
// would have shown at that instant (games tipping off later are `scheduled` with no box
// scores or shots; later snapshots and reports are dropped; seasons whose schedule was
// not out yet (before August 1 of their start year) and postseason games not yet played
// are left out). Same options -> byte-identical output; never reads the clock.
// Thread-safe: no shared state.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "generate/tables.h"

namespace nbaprops::gen {

struct GenerateOptions {
  int seasons = 1;
  uint64_t seed = 42;
  std::optional<Timestamp> as_of;
  bool playoffs = false;
};

struct TableSummary {
  std::string table;
  size_t rows = 0;
};

// The league in memory, rows in simulation order (writer.h sorts them).
// REQUIRES: options.seasons >= 1.
League simulate_league(const GenerateOptions& options);

// Keeps what was known at `as_of` (see above).
void filter_as_of(League& league, Timestamp as_of);

// Simulates and writes the eight canonical CSV files into out_dir (created if missing).
// Throws std::runtime_error when a file cannot be written.
std::vector<TableSummary> generate_league(const GenerateOptions& options,
                                          const std::filesystem::path& out_dir);

}  // namespace nbaprops::gen
