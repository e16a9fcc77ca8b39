// team_defense_game_summary (TDGS, 02-analytics.md §3): one row per team per final game on D,
// seen as the defender. Key (game_date, defending_team_abbr). Reads games and shots of D and
// the TOGS lines of D *before rounding*, so defensive_rating and opponent_pace equal the
// opponent's offensive_rating and pace exactly.
//
// Written when the opponent has a TOGS line; the defender's own line may be missing (own
// columns NULL, issue no_own_line, tier bronze). A defender whose opponent has no line, and a
// game on D that is not final, are reported. Deterministic: rows in key order, no clock.
// Thread-safe: a pure function of read-only inputs.
#pragma once

#include "analytics/inputs.h"
#include "analytics/processor.h"
#include "core/table_schema.h"

namespace nbaprops::analytics {

const TableSchema& team_defense_game_summary_table();
// The stored rows of D (rounded), in key order, and the failures.
ProcessorOutput team_defense_game_summary(const RawInputs& in, Date d);

}  // namespace nbaprops::analytics
