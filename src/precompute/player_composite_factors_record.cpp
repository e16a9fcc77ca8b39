#include "precompute/player_composite_factors_record.h"

namespace nbaprops::precompute {

const Record<PlayerCompositeFactorsRecord>& player_composite_factors_record() {
  using M = PlayerCompositeFactorsRecord;
  static const Record<M> r = [] {
    Record<M> r;
    r.field("game_date", &M::game_date)
        .field("player_lookup", &M::player_lookup)
        .field("game_id", &M::game_id)
        .field("team_abbr", &M::team_abbr)
        .field("opponent_abbr", &M::opponent_abbr)
        .field("player_id", &M::player_id)
        .field("fatigue_score", &M::fatigue_score)
        .dec("fatigue_adjustment", &M::fatigue_adjustment, 2)
        .dec("shot_zone_mismatch_score", &M::shot_zone_mismatch_score, 2)
        .dec("pace_score", &M::pace_score, 2)
        .dec("usage_spike_score", &M::usage_spike_score, 2)
        .dec("travel_impact_score", &M::travel_impact_score, 2)
        .dec("total_composite_adjustment", &M::total_composite_adjustment, 2)
        .dec("data_completeness_pct", &M::data_completeness_pct, 2)
        .field("fatigue_context_json", &M::fatigue_context_json)
        .field("shot_zone_context_json", &M::shot_zone_context_json)
        .field("pace_context_json", &M::pace_context_json)
        .field("usage_context_json", &M::usage_context_json)
        .field("missing_data_fields", &M::missing_data_fields)
        .field("has_warnings", &M::has_warnings)
        .field("warning_details", &M::warning_details)
        .field("upstream_player_context_ready", &M::upstream_player_context_ready)
        .field("upstream_team_context_ready", &M::upstream_team_context_ready)
        .field("upstream_shot_zone_ready", &M::upstream_shot_zone_ready)
        .field("upstream_team_defense_ready", &M::upstream_team_defense_ready)
        .field("all_upstreams_ready", &M::all_upstreams_ready)
        .field("data_quality_issues", &M::data_quality_issues)
        .field("calculation_version", &M::calculation_version);
    add_player_completeness(r).field("processed_at", &M::processed_at, ColumnType::kTs);
    return r;
  }();
  return r;
}

}  // namespace nbaprops::precompute
