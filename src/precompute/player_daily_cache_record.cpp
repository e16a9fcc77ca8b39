#include "precompute/player_daily_cache_record.h"

namespace nbaprops::precompute {

const Record<PlayerDailyCacheRecord>& player_daily_cache_record() {
  using M = PlayerDailyCacheRecord;
  static const Record<M> r = [] {
    Record<M> r;
    r.field("cache_date", &M::cache_date)
        .field("player_lookup", &M::player_lookup)
        .field("player_id", &M::player_id)
        .field("team_abbr", &M::team_abbr)
        .dec("points_avg_last_5", &M::points_avg_last_5, 1)
        .dec("points_avg_last_10", &M::points_avg_last_10, 1)
        .dec("points_avg_season", &M::points_avg_season, 1)
        .dec("points_std_last_10", &M::points_std_last_10, 2)
        .dec("minutes_avg_last_10", &M::minutes_avg_last_10, 1)
        .dec("usage_rate_last_10", &M::usage_rate_last_10, 2)
        .dec("player_usage_rate_season", &M::player_usage_rate_season, 2)
        .dec("ts_pct_last_10", &M::ts_pct_last_10, 3)
        .dec("assisted_rate_last_10", &M::assisted_rate_last_10, 2)
        .field("games_played_season", &M::games_played_season)
        .field("last_game_date", &M::last_game_date)
        .dec("team_pace_last_10", &M::team_pace_last_10, 1)
        .dec("team_off_rating_last_10", &M::team_off_rating_last_10, 2)
        .field("games_in_last_7_days", &M::games_in_last_7_days)
        .field("games_in_last_14_days", &M::games_in_last_14_days)
        .dec("minutes_in_last_7_days", &M::minutes_in_last_7_days, 1)
        .dec("minutes_in_last_14_days", &M::minutes_in_last_14_days, 1)
        .field("back_to_backs_last_14_days", &M::back_to_backs_last_14_days)
        .dec("avg_minutes_per_game_last_7_days", &M::avg_minutes_per_game_last_7_days, 1)
        .field("player_age", &M::player_age)
        .field("primary_scoring_zone", &M::primary_scoring_zone)
        .dec("paint_rate_last_10", &M::paint_rate_last_10, 2)
        .dec("mid_range_rate_last_10", &M::mid_range_rate_last_10, 2)
        .dec("three_pt_rate_last_10", &M::three_pt_rate_last_10, 2)
        .field("shot_zone_data_available", &M::shot_zone_data_available)
        .field("early_season_flag", &M::early_season_flag)
        .field("insufficient_data_reason", &M::insufficient_data_reason)
        .field("cache_version", &M::cache_version);
    add_player_completeness(r).field("processed_at", &M::processed_at, ColumnType::kTs);
    return r;
  }();
  return r;
}

}  // namespace nbaprops::precompute
