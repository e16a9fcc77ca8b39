#include "precompute/phase4_views.h"

namespace nbaprops::precompute {

const Record<ShotZoneRatesView>& shot_zone_rates_view() {
  using V = ShotZoneRatesView;
  static const Record<V> r = Record<V>()
                                 .field("primary_scoring_zone", &V::primary_scoring_zone)
                                 .dec("paint_rate_last_10", &V::paint_rate_last_10, 2)
                                 .dec("mid_range_rate_last_10", &V::mid_range_rate_last_10, 2)
                                 .dec("three_pt_rate_last_10", &V::three_pt_rate_last_10, 2)
                                 .field("is_production_ready", &V::is_production_ready);
  return r;
}

const Record<ShotZoneFeaturesView>& shot_zone_features_view() {
  using V = ShotZoneFeaturesView;
  static const Record<V> r = Record<V>()
                                 .dec("paint_rate_last_10", &V::paint_rate_last_10, 2)
                                 .dec("mid_range_rate_last_10", &V::mid_range_rate_last_10, 2)
                                 .dec("three_pt_rate_last_10", &V::three_pt_rate_last_10, 2)
                                 .field("is_production_ready", &V::is_production_ready);
  return r;
}

const Record<DefenseVsLeagueView>& defense_vs_league_view() {
  using V = DefenseVsLeagueView;
  static const Record<V> r =
      Record<V>()
          .dec("paint_defense_vs_league_avg", &V::paint_defense_vs_league_avg, 2)
          .dec("mid_range_defense_vs_league_avg", &V::mid_range_defense_vs_league_avg, 2)
          .dec("three_pt_defense_vs_league_avg", &V::three_pt_defense_vs_league_avg, 2)
          .field("weakest_zone", &V::weakest_zone)
          .field("is_production_ready", &V::is_production_ready);
  return r;
}

const Record<OpponentDefenseView>& opponent_defense_view() {
  using V = OpponentDefenseView;
  static const Record<V> r = Record<V>()
                                 .dec("defensive_rating_last_15", &V::defensive_rating_last_15, 2)
                                 .dec("opponent_pace", &V::opponent_pace, 1)
                                 .field("is_production_ready", &V::is_production_ready);
  return r;
}

const Record<DailyCacheFeaturesView>& daily_cache_features_view() {
  using V = DailyCacheFeaturesView;
  static const Record<V> r = Record<V>()
                                 .dec("points_avg_last_5", &V::points_avg_last_5, 1)
                                 .dec("points_avg_last_10", &V::points_avg_last_10, 1)
                                 .dec("points_avg_season", &V::points_avg_season, 1)
                                 .dec("points_std_last_10", &V::points_std_last_10, 2)
                                 .dec("minutes_avg_last_10", &V::minutes_avg_last_10, 1)
                                 .dec("team_pace_last_10", &V::team_pace_last_10, 1)
                                 .dec("team_off_rating_last_10", &V::team_off_rating_last_10, 2)
                                 .field("games_in_last_7_days", &V::games_in_last_7_days)
                                 .field("is_production_ready", &V::is_production_ready);
  return r;
}

const Record<CompositeFactorsView>& composite_factors_view() {
  using V = CompositeFactorsView;
  static const Record<V> r = Record<V>()
                                 .field("fatigue_score", &V::fatigue_score)
                                 .dec("shot_zone_mismatch_score", &V::shot_zone_mismatch_score, 2)
                                 .dec("pace_score", &V::pace_score, 2)
                                 .dec("usage_spike_score", &V::usage_spike_score, 2)
                                 .field("is_production_ready", &V::is_production_ready);
  return r;
}

const Record<ShotAttemptsView>& shot_attempts_view() {
  using V = ShotAttemptsView;
  static const Record<V> r =
      Record<V>()
          .field("player_lookup", &V::player_lookup)
          .dec("paint_attempts_per_game", &V::paint_attempts_per_game, 1)
          .dec("mid_range_attempts_per_game", &V::mid_range_attempts_per_game, 1)
          .dec("three_pt_attempts_per_game", &V::three_pt_attempts_per_game, 1);
  return r;
}

const Record<ZoneDefenseView>& zone_defense_view() {
  using V = ZoneDefenseView;
  static const Record<V> r =
      Record<V>()
          .field("analysis_date", &V::analysis_date)
          .field("team_abbr", &V::team_abbr)
          .dec("paint_defense_vs_league_avg", &V::paint_defense_vs_league_avg, 2)
          .dec("mid_range_defense_vs_league_avg", &V::mid_range_defense_vs_league_avg, 2)
          .dec("three_pt_defense_vs_league_avg", &V::three_pt_defense_vs_league_avg, 2)
          .dec("defensive_rating_last_15", &V::defensive_rating_last_15, 2);
  return r;
}

const Record<PaintDefenseView>& paint_defense_view() {
  using V = PaintDefenseView;
  static const Record<V> r =
      Record<V>()
          .field("team_abbr", &V::team_abbr)
          .dec("paint_points_allowed_per_game", &V::paint_points_allowed_per_game, 1);
  return r;
}

const Record<FeatureRowView>& feature_row_view() {
  using V = FeatureRowView;
  static const Record<V> r = Record<V>()
                                 .field("game_date", &V::game_date)
                                 .field("player_lookup", &V::player_lookup)
                                 .field("features", &V::features)
                                 .field("feature_sources", &V::feature_sources);
  return r;
}

}  // namespace nbaprops::precompute
