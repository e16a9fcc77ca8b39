// player_shot_zone_analysis (PSZA, 03-precompute.md §4): where each player has been taking
// and making his shots over his last 10 (and 20) games.
//
// Grain: one row per player with at least one appearance (active, minutes > 0) in
// player_boxscores of season S = season(D) before D.
// Key: (analysis_date, player_lookup); rows are returned in key order.
// Reads: player_game_summary rows of S before D (as stored; "last N games" = appearances),
// player_boxscores (entities, raw appearance counts, player_id), games (opening night), the
// completeness result of D if any. Games without shot data never count as zeros.
// D before opening night, or a date without games: no rows, no failures.
// Gate order: INCOMPLETE_DATA, EXPECTED_INCOMPLETE / INSUFFICIENT_DATA (|W10| < m),
// VALIDATION_ERROR, PROCESSING_ERROR.
// Pure and deterministic (no clock; processed_at NULL); safe from any thread.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analytics/history.h"
#include "analytics/inputs.h"
#include "analytics/processor.h"
#include "core/table_schema.h"
#include "precompute/phase4_inputs.h"

namespace nbaprops::precompute {

// The table: key, player_id, every column of §4 in order, the completeness block (l5, l10,
// l7d, l14d, l30d), processed_at.
const TableSchema& player_shot_zone_analysis_table();

// The entities of D, sorted: players with an appearance in player_boxscores of S before D.
std::vector<std::string> psza_entities(const analytics::RawInputs& raw, Date d);

// The minimum m of games in W10: min(3 + days / 3, 9) while days <= 21, else 10.
int psza_min_games(int days);

// Zone figures over the games of a window (unrounded).
struct ShotZoneWindow {
  int games = 0, shot_games = 0;
  std::optional<int64_t> total_shots;                            // NULL when no shot games
  std::optional<double> paint_rate, mid_range_rate, three_rate;  // percent 0-100
  std::optional<double> paint_pct, mid_range_pct, three_pct;     // fractions 0-1
  std::optional<double> paint_per_game, mid_range_per_game, three_per_game;
  std::optional<double> assisted_rate, unassisted_rate;  // percent 0-100
};
// REQUIRES: `games` are appearances (the window), any order.
ShotZoneWindow aggregate_shot_window(std::span<const analytics::PgsRecord* const> games);

// paint >= 40 → paint; three >= 40 → perimeter; mid >= 35 → mid_range; else balanced; from the
// stored (2-decimal) rates; nullopt when a rate is NULL.
std::optional<std::string> primary_scoring_zone(std::optional<double> paint,
                                                std::optional<double> mid_range,
                                                std::optional<double> three);
// excellent c >= t, good c >= ⌊0.7t⌋, limited c >= ⌊0.5t⌋, else insufficient.
std::string sample_quality(int count, int target);

analytics::ProcessorOutput player_shot_zone_analysis(const Phase4Inputs& in);

}  // namespace nbaprops::precompute
