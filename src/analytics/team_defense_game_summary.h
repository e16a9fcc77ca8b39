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

#include <array>
#include <optional>
#include <string>

#include "analytics/inputs.h"
#include "analytics/processor.h"
#include "analytics/summary_rows.h"
#include "core/record.h"
#include "core/table_schema.h"

namespace nbaprops::analytics {

// The opponent's counting stats as the defender's columns, in column order: points_allowed,
// opp_fgm, opp_fga, opp_fg3m, opp_fg3a, opp_ftm, opp_fta, opp_oreb, opp_reb, opp_ast,
// turnovers_forced.
inline constexpr size_t kOpponentStats = 11;

// The stored row, declared once (core/record.h): the table's columns, writer and reader.
struct TeamDefenseGameSummaryRow {
  std::string game_id;
  Date game_date;
  int season = 0;
  std::string season_type, defending_team_abbr, opponent_abbr;
  bool home_game = false;
  std::array<std::optional<int64_t>, kOpponentStats> opp_stats;
  std::optional<double> opp_possessions, defensive_rating, opponent_pace, opponent_ts_pct;
  ZoneCounts opp_zones;
  std::optional<int64_t> points_in_paint_allowed, mid_range_points_allowed, three_pt_points_allowed;
  std::array<std::optional<int64_t>, kZoneCount> blocks;  // paint, mid_range, three
  // The defender's own line (NULL without it).
  std::optional<int64_t> steals, defensive_rebounds, blocks_total, fouls_committed,
      overtime_periods;
  std::optional<bool> win_flag;
  std::optional<int64_t> margin;
  QualityBlock quality;
  std::optional<std::string> processed_at;  // NULL: the writer stamps it
};
const Record<TeamDefenseGameSummaryRow>& team_defense_game_summary_record();

const TableSchema& team_defense_game_summary_table();
// The stored rows of D (rounded), in key order, and the failures.
ProcessorOutput team_defense_game_summary(const RawInputs& in, Date d);

}  // namespace nbaprops::analytics
