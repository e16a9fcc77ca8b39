// The stored row of team_defense_zone_analysis (TDZA, 03-precompute.md §3), declared once as a
// record (core/record.h): the table's columns, the row writer and the reader all come from it.
// Plain value type; the record is immutable and thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/record.h"
#include "precompute/completeness_record.h"

namespace nbaprops::precompute {

struct TeamDefenseZoneAnalysisRecord : TeamCompletenessColumns {
  Date analysis_date;
  std::string team_abbr;
  int64_t games_in_sample = 0;
  std::optional<double> paint_pct_allowed_last_15, mid_range_pct_allowed_last_15,
      three_pt_pct_allowed_last_15;  // 3 decimals
  std::optional<double> paint_attempts_allowed_per_game, mid_range_attempts_allowed_per_game,
      three_pt_attempts_allowed_per_game, paint_points_allowed_per_game;  // 1 decimal
  std::optional<double> paint_blocks_per_game, mid_range_blocks_per_game,
      three_pt_blocks_per_game;                                                    // 2 decimals
  std::optional<double> opponent_points_per_game;                                  // 1 decimal
  std::optional<double> defensive_rating_last_15;                                  // 2 decimals
  std::optional<double> opponent_pace;                                             // 1 decimal
  double league_paint_pct = 0, league_mid_range_pct = 0, league_three_pt_pct = 0;  // 3 decimals
  int64_t league_teams_in_sample = 0;
  std::string league_avg_source;  // computed | default
  std::optional<double> paint_defense_vs_league_avg, mid_range_defense_vs_league_avg,
      three_pt_defense_vs_league_avg;  // 2 decimals
  std::optional<std::string> strongest_zone, weakest_zone;
  std::string data_quality_tier;
  bool early_season_flag = false;
  int64_t min_games_required = 0;
  std::optional<std::string> calculation_notes;
  // The completeness block (TeamCompletenessColumns), then:
  std::optional<std::string> processed_at;  // NULL: the writer stamps it
};

const Record<TeamDefenseZoneAnalysisRecord>& team_defense_zone_analysis_record();

}  // namespace nbaprops::precompute
