// The stored row of player_daily_cache (PDC, 03-precompute.md §6), declared once as a record
// (core/record.h): the table's columns, the row writer and the reader all come from it.
// Plain value type; the record is immutable and thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/record.h"
#include "precompute/completeness_record.h"

namespace nbaprops::precompute {

struct PlayerDailyCacheRecord : PlayerCompletenessColumns {
  Date cache_date;
  std::string player_lookup;
  std::optional<int64_t> player_id;
  std::string team_abbr;
  std::optional<double> points_avg_last_5, points_avg_last_10, points_avg_season;  // 1 decimal
  std::optional<double> points_std_last_10;                                        // 2
  std::optional<double> minutes_avg_last_10;                                       // 1
  std::optional<double> usage_rate_last_10, player_usage_rate_season;              // 2
  std::optional<double> ts_pct_last_10;                                            // 3
  std::optional<double> assisted_rate_last_10;                                     // 2
  int64_t games_played_season = 0;
  Date last_game_date;
  std::optional<double> team_pace_last_10;        // 1
  std::optional<double> team_off_rating_last_10;  // 2
  // Copies from UPGC, as UPGC declares them.
  std::optional<int64_t> games_in_last_7_days, games_in_last_14_days;
  std::optional<double> minutes_in_last_7_days, minutes_in_last_14_days;  // 1
  std::optional<int64_t> back_to_backs_last_14_days;
  std::optional<double> avg_minutes_per_game_last_7_days;  // 1
  std::optional<int64_t> player_age;
  // Copies from PSZA.
  std::optional<std::string> primary_scoring_zone;
  std::optional<double> paint_rate_last_10, mid_range_rate_last_10, three_pt_rate_last_10;  // 2
  bool shot_zone_data_available = false;
  bool early_season_flag = false;
  std::optional<std::string> insufficient_data_reason;
  std::string cache_version;
  // The completeness block (PlayerCompletenessColumns), then:
  std::optional<std::string> processed_at;  // NULL: the writer stamps it
};

const Record<PlayerDailyCacheRecord>& player_daily_cache_record();

}  // namespace nbaprops::precompute
