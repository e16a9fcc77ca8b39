// team_defense_zone_analysis (TDZA, 03-precompute.md §3): how each team's defense has held up
// by shot zone over its last 15 games, against the league.
//
// Grain: one row per team with a game in the schedule of season S = season(D), for D.
// Key: (analysis_date, team_abbr); rows are returned in key order.
// Reads: team_defense_game_summary rows of S dated before D (as stored), games (opening night,
// the team's final games for the failure category), the completeness result of D if any.
// League averages are computed once per D from each team's own last-15 window before D.
// D before opening night, or a date without games: no rows, no failures.
// Gate order: INCOMPLETE_DATA (not production-ready, checked, not bootstrap), then
// EXPECTED_INCOMPLETE / INSUFFICIENT_DATA (fewer than the minimum m games), then
// VALIDATION_ERROR (hard ranges), PROCESSING_ERROR.
// Pure and deterministic (no clock; processed_at NULL); safe from any thread.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "analytics/history.h"
#include "analytics/processor.h"
#include "core/table_schema.h"
#include "precompute/phase4_inputs.h"

namespace nbaprops::precompute {

// The table: key, every column of §3 in order, the completeness block (l7d, l14d, l15),
// processed_at.
const TableSchema& team_defense_zone_analysis_table();

// The minimum number of games m for `days` since opening night: min(5 + days / 3, 14) while
// days <= 21, else 15.
int tdza_min_games(int days);

// Zone figures of one team's window W (newest first, at most 15 games), unrounded.
struct DefenseWindow {
  int games = 0;
  std::optional<double> paint_pct, mid_range_pct, three_pct;                 // fractions 0-1
  std::optional<double> paint_attempts, mid_range_attempts, three_attempts;  // per game
  std::optional<double> paint_points, paint_blocks, mid_range_blocks, three_blocks;
  std::optional<double> points_allowed, defensive_rating, opponent_pace;
};
// Aggregates W by the rules of §3: zone pct = Σmakes / Σattempts over games where both are
// non-NULL; a per-game value = mean over games where it is non-NULL.
DefenseWindow aggregate_defense_window(std::span<const analytics::TdgsRecord> window);

// The league averages of D.
struct LeagueZoneAverages {
  double paint = 0.580, mid_range = 0.410, three = 0.355;
  int teams_in_sample = 0;
  bool computed = false;  // false: the defaults (fewer than 10 qualifying teams)
};
// From the windows of every team: those with games >= m and all three pcts defined qualify.
LeagueZoneAverages league_zone_averages(std::span<const DefenseWindow> windows, int m);

// A team's zones against the league: vs = (team pct − league pct) · 100 from unrounded values
// (NULL when the team pct is NULL); strongest / weakest = the zone (paint, mid_range,
// perimeter) with the lowest / highest vs value, ties to the first; NULL when none.
struct ZoneComparison {
  std::optional<double> paint_vs, mid_range_vs, three_vs;
  std::optional<std::string> strongest_zone, weakest_zone;
};
ZoneComparison compare_to_league(const DefenseWindow& window, const LeagueZoneAverages& league);

// `; `-joined "No paint attempts" / "No mid-range attempts" / "No three-point attempts" for
// each zone whose pct is NULL; nullopt when none.
std::optional<std::string> calculation_notes(const DefenseWindow& window);

analytics::ProcessorOutput team_defense_zone_analysis(const Phase4Inputs& in);

}  // namespace nbaprops::precompute
