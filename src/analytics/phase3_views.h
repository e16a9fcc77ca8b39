// What later phases read of the stored Phase 3 rows, as compact read-only records
// (core/record.h) over the stored tables: each reads a few columns by name, and a test checks
// that every one is declared by its table's record with the same type
// (tests/unit/phase3_records_test.cpp). Read with `view.bind(table)` once per scan, then
// `view.read(binding, row)`; `view.wanted(table)` is the scan's projection.
// Plain value types; the records are immutable and thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/record.h"

namespace nbaprops::analytics {

// What grading reads of a player_game_summary row of D (predict/grade_day.cpp): the player's
// box score.
struct PlayerBoxView {
  std::string game_id, player_lookup;
  bool is_dnp = false;  // NULL read as false
  std::optional<double> minutes;
  std::optional<int64_t> pts;
};
const Record<PlayerBoxView>& player_box_view();

// What the market stage reads of an upcoming_player_game_context row of D
// (pipeline/market_stage.cpp): the player's game on D.
struct UpcomingGameView {
  std::string player_lookup, team_abbr, opponent_abbr;  // NULL read as ""
  bool home_game = false;                               // NULL read as false
};
const Record<UpcomingGameView>& upcoming_game_view();

}  // namespace nbaprops::analytics
