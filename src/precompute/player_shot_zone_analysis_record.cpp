#include "precompute/player_shot_zone_analysis_record.h"

namespace nbaprops::precompute {

const Record<PlayerShotZoneAnalysisRecord>& player_shot_zone_analysis_record() {
  using M = PlayerShotZoneAnalysisRecord;
  static const Record<M> r = [] {
    Record<M> r;
    r.field("analysis_date", &M::analysis_date)
        .field("player_lookup", &M::player_lookup)
        .field("player_id", &M::player_id)
        .field("team_abbr", &M::team_abbr)
        .field("games_in_sample_10", &M::games_in_sample_10)
        .field("shot_games_10", &M::shot_games_10)
        .dec("paint_rate_last_10", &M::paint_rate_last_10, 2)
        .dec("mid_range_rate_last_10", &M::mid_range_rate_last_10, 2)
        .dec("three_pt_rate_last_10", &M::three_pt_rate_last_10, 2)
        .dec("paint_pct_last_10", &M::paint_pct_last_10, 3)
        .dec("mid_range_pct_last_10", &M::mid_range_pct_last_10, 3)
        .dec("three_pt_pct_last_10", &M::three_pt_pct_last_10, 3)
        .dec("paint_attempts_per_game", &M::paint_attempts_per_game, 1)
        .dec("mid_range_attempts_per_game", &M::mid_range_attempts_per_game, 1)
        .dec("three_pt_attempts_per_game", &M::three_pt_attempts_per_game, 1)
        .field("total_shots_last_10", &M::total_shots_last_10)
        .dec("assisted_rate_last_10", &M::assisted_rate_last_10, 2)
        .dec("unassisted_rate_last_10", &M::unassisted_rate_last_10, 2)
        .field("games_in_sample_20", &M::games_in_sample_20)
        .dec("paint_rate_last_20", &M::paint_rate_last_20, 2)
        .dec("paint_pct_last_20", &M::paint_pct_last_20, 3)
        .field("sample_quality_10", &M::sample_quality_10)
        .field("sample_quality_20", &M::sample_quality_20)
        .field("primary_scoring_zone", &M::primary_scoring_zone)
        .field("data_quality_tier", &M::data_quality_tier)
        .field("early_season_flag", &M::early_season_flag)
        .field("min_games_required", &M::min_games_required);
    add_player_completeness(r).field("processed_at", &M::processed_at, ColumnType::kTs);
    return r;
  }();
  return r;
}

}  // namespace nbaprops::precompute
