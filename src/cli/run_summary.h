// The one line `nbaprops run --date D` ends with, and its warnings (issue 11 item 6;
// docs/tonight.md "The run's last line"): what D's run produced, read back from the store, and
// what to do when D has no games, no lines, or the store has no feature history before D.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "core/date.h"
#include "store/store.h"

namespace nbaprops::cli {

struct RunDaySummary {
  int64_t games = 0, players = 0, predictions = 0, picks = 0;
  std::vector<std::pair<std::string, int64_t>> lines;  // market -> players with a line
  int64_t lines_rows = 0;                              // prop_lines rows of D, any market
  bool feature_history = false;  // ml_feature_store rows of D's season before D
  bool earlier_games = false;    // final games of D's season before D (something to backfill)
};

// Counts D's games, UPGC players, players with a consolidated line per market, predictions
// and recommended picks (OVER or UNDER, every system). Throws StoreError.
RunDaySummary summarise_run_day(Store& store, Date d);

// What to do when D has no games, no lines, or the store no feature history before D: one
// sentence per problem ("no games on D in the store: load the schedule ..."), in that order.
std::vector<std::string> run_day_warnings(const RunDaySummary& s, Date d);

// "2025-01-10: 7 games, 221 players; players with a line: points 128, ...; 1105 predictions,
// 42 recommended picks" on `out`, and "warning: " + each of run_day_warnings on `err`.
void print_run_day(const RunDaySummary& s, Date d, std::ostream& out, std::ostream& err);

// The same figures and warnings for `run --json`: {"date", "games", "players",
// "players_with_line": {market: n}, "predictions", "recommended_picks", "warnings": [...]}.
nlohmann::json run_day_json(const RunDaySummary& s, Date d);

}  // namespace nbaprops::cli
