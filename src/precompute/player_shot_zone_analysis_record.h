// The stored row of player_shot_zone_analysis (PSZA, 03-precompute.md §4), declared once as a
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

struct PlayerShotZoneAnalysisRecord : PlayerCompletenessColumns {
  Date analysis_date;
  std::string player_lookup;
  std::optional<int64_t> player_id;
  std::string team_abbr;
  int64_t games_in_sample_10 = 0, shot_games_10 = 0;
  std::optional<double> paint_rate_last_10, mid_range_rate_last_10,
      three_pt_rate_last_10;  // percent, 2 decimals
  std::optional<double> paint_pct_last_10, mid_range_pct_last_10,
      three_pt_pct_last_10;  // fractions, 3 decimals
  std::optional<double> paint_attempts_per_game, mid_range_attempts_per_game,
      three_pt_attempts_per_game;  // 1 decimal
  std::optional<int64_t> total_shots_last_10;
  std::optional<double> assisted_rate_last_10, unassisted_rate_last_10;  // 2 decimals
  int64_t games_in_sample_20 = 0;
  std::optional<double> paint_rate_last_20;  // 2 decimals
  std::optional<double> paint_pct_last_20;   // 3 decimals
  std::string sample_quality_10, sample_quality_20;
  std::optional<std::string> primary_scoring_zone;
  std::string data_quality_tier;
  bool early_season_flag = false;
  int64_t min_games_required = 0;
  // The completeness block (PlayerCompletenessColumns), then:
  std::optional<std::string> processed_at;  // NULL: the writer stamps it
};

const Record<PlayerShotZoneAnalysisRecord>& player_shot_zone_analysis_record();

}  // namespace nbaprops::precompute
