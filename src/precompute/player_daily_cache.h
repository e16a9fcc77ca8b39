// player_daily_cache (PDC, 03-precompute.md §6): per player, the season aggregates a prediction
// reads again and again (points means and spread, minutes, usage, true shooting, assisted
// share, team pace and rating), plus copies of his UPGC fatigue columns and PSZA zone rates.
//
// Grain: one row per UPGC player of D. Key: (cache_date = D, player_lookup); rows are returned
// in key order. Reads: the UPGC and PSZA rows of D, PGS and TOGS rows of season(D) dated before
// D (the history), and raw player_boxscores before D (only to tell EXPECTED_INCOMPLETE from
// INSUFFICIENT_DATA). Player games follow README "last N games" (active, minutes > 0).
// Failures, first match: MISSING_UPSTREAM (UPGC row without team), EXPECTED_INCOMPLETE /
// INSUFFICIENT_DATA (fewer than 3 season games), STALE_DATA (last game > 30 days before D),
// PROCESSING_ERROR. Completeness is recorded, never a reason to skip.
// Pure function of read-only inputs: deterministic, no clock; processed_at is NULL.
#pragma once

#include "analytics/processor.h"
#include "core/table_schema.h"
#include "precompute/phase4_inputs.h"

namespace nbaprops::precompute {

// cache_date, player_lookup, player_id, team_abbr, the §6 columns in order, cache_version, the
// completeness block (l5, l10, l7d, l14d, l30d), processed_at.
const TableSchema& player_daily_cache_table();

inline constexpr const char* kPdcCacheVersion = "v1";
inline constexpr int kPdcMinGames = 3;
inline constexpr int kPdcEarlySeasonGames = 10;
inline constexpr int kPdcStaleDays = 30;

// REQUIRES: in.upgc is set and in.history is not null (in.raw may be null: then a short sample
// is EXPECTED_INCOMPLETE).
analytics::ProcessorOutput player_daily_cache(const Phase4Inputs& in);

}  // namespace nbaprops::precompute
