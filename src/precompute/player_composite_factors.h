// player_composite_factors (PCF, 03-precompute.md §5): five pre-game adjustment factors per
// player (fatigue, shot-zone mismatch, pace, usage spike, travel) and their total.
//
// Grain: one row per UPGC player of D. Key: (game_date = D, player_lookup); rows are returned
// in key order. Reads, for D: the player's UPGC row, his team's UTGC row, his PSZA row and the
// opponent's TDZA row (through Phase4Inputs, by the spec's column names); nothing else, so the
// row is point in time whenever those rows are. Missing PSZA, TDZA or UTGC rows are not
// failures: the factor takes 0 and data_completeness_pct / missing_data_fields say so.
// Failures: MISSING_UPSTREAM (UPGC row without team, opponent or game), VALIDATION_ERROR (a
// factor outside its hard range), PROCESSING_ERROR.
// Pure function of read-only inputs: deterministic, no clock; processed_at is NULL.
#pragma once

#include "analytics/processor.h"
#include "core/table_schema.h"
#include "precompute/phase4_inputs.h"

namespace nbaprops::precompute {

// game_date, player_lookup, game_id, team_abbr, opponent_abbr, player_id, the §5 columns in
// order, calculation_version, the completeness block (l5, l10, l7d, l14d, l30d), processed_at.
const TableSchema& player_composite_factors_table();

inline constexpr const char* kPcfCalculationVersion = "v2_5factors";

// REQUIRES: in.upgc is set (its rows are the entities); the other DayRows may be empty.
analytics::ProcessorOutput player_composite_factors(const Phase4Inputs& in);

}  // namespace nbaprops::precompute
