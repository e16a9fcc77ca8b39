// upcoming_team_game_context (UTGC, 02-analytics.md §4): the pre-game view of each team in
// each game on D.
//
// Grain: two rows per game on D (home view and away view), whatever the game's status.
// Key: (game_date, team_abbr); rows are returned in key order.
// Reads: games of the season up to D, arenas (core/teams.h), game_lines and injuries of D,
// player_game_summary rows before D (regular starters).
// Point in time: only games before D (final ones; a non-final one is ignored and named
// `prior_game_not_final`), game-line snapshots and injury reports before the game's cut-off,
// and PGS rows before D are read. D's scores and box scores are never read.
// Completeness: the block of 03-precompute.md §1 over l7d, l14d, l15, written unchecked
// (see completeness_block.h): completeness_checked false, bootstrap_mode filled, rest NULL.
// Pure and deterministic; safe to call from any thread on read-only inputs.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analytics/completeness.h"
#include "analytics/completeness_block.h"
#include "analytics/game_line_consensus.h"
#include "analytics/history.h"
#include "analytics/inputs.h"
#include "analytics/processor.h"
#include "analytics/rules.h"
#include "analytics/summary_rows.h"
#include "core/record.h"
#include "core/table_schema.h"

namespace nbaprops::analytics {

// One team's context for its game on D: the stored row, declared once (core/record.h) as
// upcoming_team_game_context_record(), and what UPGC reads in memory. Decimal values are held
// as stored (rounded), so a reader of the record sees what a reader of the table would.
struct UtgcRecord {
  const Game* game = nullptr;  // points into the RawInputs it was built from; not stored
  std::string game_id;
  Date game_date;  // D
  int season = 0;
  std::string season_type, team_abbr, opponent_abbr;
  bool home_game = false;
  std::optional<bool> neutral_site;
  std::optional<int64_t> days_since_last_game, team_days_rest;
  bool is_back_to_back = false;
  int64_t games_in_last_7_days = 0, games_in_last_14_days = 0, game_number_in_season = 1;
  int64_t win_streak_entering = 0, loss_streak_entering = 0;
  std::optional<std::string> last_game_result;
  std::optional<int64_t> last_game_margin;
  std::optional<int64_t> travel_miles, time_zones_crossed;
  ConsensusLines lines;  // rounded to 2 decimals
  int64_t players_out_count = 0, doubtful_count = 0, questionable_count = 0;
  int64_t starters_out_count = 0;
  std::optional<int64_t> opponent_days_rest, rest_advantage;
  QualityBlock quality;  // tier: gold with game lines, silver without; issues' text
  // Checked from the team's completeness result when D's completeness was checked.
  TeamCompletenessColumns completeness;
  std::optional<std::string> processed_at;  // NULL: the writer stamps it
  QualityIssues issues;                     // the codes behind quality.quality_issues; not stored
};
const Record<UtgcRecord>& upcoming_team_game_context_record();

// The table: every column of §4 in spec order, quality_tier, quality_issues, the completeness
// block (l7d, l14d, l15), processed_at.
const TableSchema& upcoming_team_game_context_table();

// The records of D, sorted by team_abbr (the key order). With `completeness` (D's checked
// result), each record carries its team's windows; without it the block is unchecked.
std::vector<UtgcRecord> team_game_contexts(const RawInputs& inputs, const Phase3History& history,
                                           Date d,
                                           const CompletenessResult* completeness = nullptr);
// The stored row of a record (processed_at NULL).
Row utgc_row(const UtgcRecord& record);

ProcessorOutput upcoming_team_game_context(const RawInputs& inputs, const Phase3History& history,
                                           Date d);

// The record of `team` in `records`, or nullptr. REQUIRES: records sorted by team_abbr.
const UtgcRecord* find_team_context(std::span<const UtgcRecord> records, const std::string& team);

// Regular starter (§4): latest team as of D is `team` and starter_flag was true in at least
// half of his last 10 appearances (at least one appearance).
bool is_regular_starter(const Phase3History& history, const std::string& player_lookup,
                        const std::string& team, Date d);

}  // namespace nbaprops::analytics
