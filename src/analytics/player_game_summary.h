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

#include <array>
#include <optional>
#include <string>

#include "analytics/inputs.h"
#include "analytics/processor.h"
#include "analytics/summary_rows.h"
#include "core/record.h"
#include "core/table_schema.h"

namespace nbaprops::analytics {

// The stored row, declared once (core/record.h): the table's columns, writer and reader.
struct PlayerGameSummaryRow {
  std::string game_id;
  Date game_date;
  int season = 0;
  std::string season_type, player_lookup;
  std::optional<int64_t> player_id;
  std::string player_name, team_abbr, opponent_abbr;
  bool home_game = false;
  std::string player_status;  // active / dnp / inactive
  bool is_dnp = false;
  std::optional<std::string> dnp_reason, dnp_reason_category;
  std::optional<double> minutes;                      // 1 decimal
  Stats stats;                                        // kBoxStatColumns
  std::optional<double> usage_rate, ts_pct, efg_pct;  // 1, 3, 3 decimals
  bool starter_flag = false;
  std::string starter_source;  // box or minutes_proxy
  std::optional<bool> win_flag;
  ZoneCounts zones;
  std::optional<int64_t> assisted_makes, unassisted_makes;
  std::array<std::optional<int64_t>, kZoneCount> blocks;  // paint, mid_range, three
  bool has_complete_shot_zones = false;
  std::optional<double> points_line, opening_line, line_movement;  // 1 decimal
  std::optional<std::string> points_line_bookmaker;
  std::optional<int64_t> over_price, under_price;
  std::optional<std::string> over_under_result;
  std::optional<double> margin;  // 1 decimal
  QualityBlock quality;
  std::optional<std::string> processed_at;  // NULL: the writer stamps it
};
const Record<PlayerGameSummaryRow>& player_game_summary_record();

const TableSchema& player_game_summary_table();
// The stored rows of D (rounded), in key order, and the games skipped.
ProcessorOutput player_game_summary(const RawInputs& in, Date d);

}  // namespace nbaprops::analytics
