#include "precompute/team_defense_zone_analysis_record.h"

namespace nbaprops::precompute {

const Record<TeamDefenseZoneAnalysisRecord>& team_defense_zone_analysis_record() {
  using M = TeamDefenseZoneAnalysisRecord;
  static const Record<M> r = [] {
    Record<M> r;
    r.field("analysis_date", &M::analysis_date)
        .field("team_abbr", &M::team_abbr)
        .field("games_in_sample", &M::games_in_sample)
        .dec("paint_pct_allowed_last_15", &M::paint_pct_allowed_last_15, 3)
        .dec("mid_range_pct_allowed_last_15", &M::mid_range_pct_allowed_last_15, 3)
        .dec("three_pt_pct_allowed_last_15", &M::three_pt_pct_allowed_last_15, 3)
        .dec("paint_attempts_allowed_per_game", &M::paint_attempts_allowed_per_game, 1)
        .dec("mid_range_attempts_allowed_per_game", &M::mid_range_attempts_allowed_per_game, 1)
        .dec("three_pt_attempts_allowed_per_game", &M::three_pt_attempts_allowed_per_game, 1)
        .dec("paint_points_allowed_per_game", &M::paint_points_allowed_per_game, 1)
        .dec("paint_blocks_per_game", &M::paint_blocks_per_game, 2)
        .dec("mid_range_blocks_per_game", &M::mid_range_blocks_per_game, 2)
        .dec("three_pt_blocks_per_game", &M::three_pt_blocks_per_game, 2)
        .dec("opponent_points_per_game", &M::opponent_points_per_game, 1)
        .dec("defensive_rating_last_15", &M::defensive_rating_last_15, 2)
        .dec("opponent_pace", &M::opponent_pace, 1)
        .dec("league_paint_pct", &M::league_paint_pct, 3)
        .dec("league_mid_range_pct", &M::league_mid_range_pct, 3)
        .dec("league_three_pt_pct", &M::league_three_pt_pct, 3)
        .field("league_teams_in_sample", &M::league_teams_in_sample)
        .field("league_avg_source", &M::league_avg_source)
        .dec("paint_defense_vs_league_avg", &M::paint_defense_vs_league_avg, 2)
        .dec("mid_range_defense_vs_league_avg", &M::mid_range_defense_vs_league_avg, 2)
        .dec("three_pt_defense_vs_league_avg", &M::three_pt_defense_vs_league_avg, 2)
        .field("strongest_zone", &M::strongest_zone)
        .field("weakest_zone", &M::weakest_zone)
        .field("data_quality_tier", &M::data_quality_tier)
        .field("early_season_flag", &M::early_season_flag)
        .field("min_games_required", &M::min_games_required)
        .field("calculation_notes", &M::calculation_notes);
    add_team_completeness(r).field("processed_at", &M::processed_at, ColumnType::kTs);
    return r;
  }();
  return r;
}

}  // namespace nbaprops::precompute
