// player_game_summary (PGS, 02-analytics.md §1): one row per player_boxscores row of a final
// game on D, DNP and inactive rows included (no silent drops). Key (game_date,
// player_lookup); game_id is stored. Reads games, player_boxscores, shots and prop_lines of D,
// and the team totals of TOGS (D), reconstructed lines included.
//
// Values that cannot be right (range checks of §1) are stored NULL and named in
// quality_issues as `out_of_range:<column>`. A game on D that is not final is reported and
// skipped. Deterministic: rows in key order, no clock. Thread-safe: a pure function of
// read-only inputs.
#pragma once

#include "analytics/inputs.h"
#include "analytics/processor.h"
#include "core/table_schema.h"

namespace nbaprops::analytics {

const TableSchema& player_game_summary_table();
// The stored rows of D (rounded), in key order, and the games skipped.
ProcessorOutput player_game_summary(const RawInputs& in, Date d);

}  // namespace nbaprops::analytics
