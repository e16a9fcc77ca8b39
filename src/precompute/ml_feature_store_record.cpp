#include "precompute/ml_feature_store_record.h"

namespace nbaprops::precompute {

const Record<MlFeatureStoreRecord>& ml_feature_store_record() {
  using M = MlFeatureStoreRecord;
  static const Record<M> r = [] {
    Record<M> r;
    r.field("game_date", &M::game_date)
        .field("player_lookup", &M::player_lookup)
        .field("game_id", &M::game_id)
        .field("team_abbr", &M::team_abbr)
        .field("opponent_abbr", &M::opponent_abbr)
        .field("player_id", &M::player_id)
        .field("feature_version", &M::feature_version)
        .field("features", &M::features)
        .field("feature_sources", &M::feature_sources)
        .dec("feature_quality_score", &M::feature_quality_score, 2)
        .field("quality_tier", &M::quality_tier)
        .dec("matchup_quality_pct", &M::matchup_quality_pct, 1)
        .dec("player_history_quality_pct", &M::player_history_quality_pct, 1)
        .dec("team_context_quality_pct", &M::team_context_quality_pct, 1)
        .dec("vegas_quality_pct", &M::vegas_quality_pct, 1)
        .dec("game_context_quality_pct", &M::game_context_quality_pct, 1)
        .field("quality_alert_level", &M::quality_alert_level)
        .field("is_training_ready", &M::is_training_ready)
        .field("is_quality_ready", &M::is_quality_ready)
        .field("quality_alerts", &M::quality_alerts)
        .field("default_feature_count", &M::default_feature_count)
        .field("required_default_count", &M::required_default_count)
        .field("phase4_count", &M::phase4_count)
        .field("phase3_count", &M::phase3_count)
        .field("calculated_count", &M::calculated_count)
        .field("vegas_count", &M::vegas_count)
        .field("default_count", &M::default_count)
        .field("missing_count", &M::missing_count)
        .field("has_vegas_line", &M::has_vegas_line);
    add_player_completeness(r)
        .field("upstream_daily_cache_ready", &M::upstream_daily_cache_ready)
        .field("upstream_composite_ready", &M::upstream_composite_ready)
        .field("upstream_shot_zone_ready", &M::upstream_shot_zone_ready)
        .field("upstream_team_defense_ready", &M::upstream_team_defense_ready)
        .field("data_quality_issues", &M::data_quality_issues)
        .field("processed_at", &M::processed_at, ColumnType::kTs);
    return r;
  }();
  return r;
}

}  // namespace nbaprops::precompute
