#include "analytics/phase3_views.h"

namespace nbaprops::analytics {

const Record<PlayerBoxView>& player_box_view() {
  using V = PlayerBoxView;
  static const Record<V> r = Record<V>()
                                 .field("game_id", &V::game_id)
                                 .field("player_lookup", &V::player_lookup)
                                 .field("is_dnp", &V::is_dnp)
                                 .dec("minutes", &V::minutes, 1)
                                 .field("pts", &V::pts);
  return r;
}

const Record<UpcomingGameView>& upcoming_game_view() {
  using V = UpcomingGameView;
  static const Record<V> r = Record<V>()
                                 .field("player_lookup", &V::player_lookup)
                                 .field("team_abbr", &V::team_abbr)
                                 .field("opponent_abbr", &V::opponent_abbr)
                                 .field("home_game", &V::home_game);
  return r;
}

const Record<CompositeContextView>& composite_context_view() {
  using V = CompositeContextView;
  static const Record<V> r =
      Record<V>()
          .field("player_lookup", &V::player_lookup)
          .field("player_id", &V::player_id)
          .field("game_id", &V::game_id)
          .field("team_abbr", &V::team_abbr)
          .field("opponent_abbr", &V::opponent_abbr)
          .field("days_rest", &V::days_rest)
          .field("back_to_back", &V::back_to_back)
          .field("games_in_last_7_days", &V::games_in_last_7_days)
          .dec("minutes_in_last_7_days", &V::minutes_in_last_7_days, 1)
          .dec("avg_minutes_per_game_last_7_days", &V::avg_minutes_per_game_last_7_days, 1)
          .dec("avg_usage_rate_last_7_days", &V::avg_usage_rate_last_7_days, 1)
          .field("back_to_backs_last_14_days", &V::back_to_backs_last_14_days)
          .field("player_age", &V::player_age)
          .dec("opponent_pace_last_10", &V::opponent_pace_last_10, 2)
          .dec("pace_differential", &V::pace_differential, 2)
          .field("star_teammates_out", &V::star_teammates_out)
          .dec("projected_usage_rate", &V::projected_usage_rate, 1)
          .field("is_production_ready", &V::is_production_ready);
  return r;
}

const Record<DailyCacheContextView>& daily_cache_context_view() {
  using V = DailyCacheContextView;
  static const Record<V> r =
      Record<V>()
          .field("player_lookup", &V::player_lookup)
          .field("player_id", &V::player_id)
          .field("team_abbr", &V::team_abbr)
          .field("games_in_last_7_days", &V::games_in_last_7_days)
          .field("games_in_last_14_days", &V::games_in_last_14_days)
          .dec("minutes_in_last_7_days", &V::minutes_in_last_7_days, 1)
          .dec("minutes_in_last_14_days", &V::minutes_in_last_14_days, 1)
          .dec("avg_minutes_per_game_last_7_days", &V::avg_minutes_per_game_last_7_days, 1)
          .field("back_to_backs_last_14_days", &V::back_to_backs_last_14_days)
          .field("player_age", &V::player_age);
  return r;
}

const Record<FeatureContextView>& feature_context_view() {
  using V = FeatureContextView;
  static const Record<V> r =
      Record<V>()
          .field("player_lookup", &V::player_lookup)
          .field("player_id", &V::player_id)
          .field("game_id", &V::game_id)
          .field("team_abbr", &V::team_abbr)
          .field("opponent_abbr", &V::opponent_abbr)
          .field("injury_status", &V::injury_status)
          .dec("avg_minutes_per_game_last_7_days", &V::avg_minutes_per_game_last_7_days, 1)
          .dec("current_points_line", &V::current_points_line, 1)
          .dec("opening_points_line", &V::opening_points_line, 1)
          .field("games_in_last_7_days", &V::games_in_last_7_days)
          .field("days_rest", &V::days_rest)
          .field("home_game", &V::home_game)
          .field("back_to_back", &V::back_to_back)
          .field("season_phase", &V::season_phase)
          .field("star_teammates_out", &V::star_teammates_out)
          .dec("minutes_in_last_7_days", &V::minutes_in_last_7_days, 1)
          .field("prop_over_streak", &V::prop_over_streak)
          .field("prop_under_streak", &V::prop_under_streak);
  return r;
}

const Record<TeamTravelView>& team_travel_view() {
  using V = TeamTravelView;
  static const Record<V> r = Record<V>()
                                 .field("travel_miles", &V::travel_miles)
                                 .field("time_zones_crossed", &V::time_zones_crossed)
                                 .field("is_production_ready", &V::is_production_ready);
  return r;
}

const Record<TeamLinesView>& team_lines_view() {
  using V = TeamLinesView;
  static const Record<V> r = Record<V>()
                                 .field("opponent_days_rest", &V::opponent_days_rest)
                                 .dec("game_total", &V::game_total, 2)
                                 .dec("game_spread", &V::game_spread, 2);
  return r;
}

const Record<CandidateContextView>& candidate_context_view() {
  using V = CandidateContextView;
  static const Record<V> r = Record<V>()
                                 .field("player_lookup", &V::player_lookup)
                                 .field("injury_status", &V::injury_status)
                                 .field("game_id", &V::game_id)
                                 .field("team_abbr", &V::team_abbr)
                                 .field("opponent_abbr", &V::opponent_abbr)
                                 .dec("current_points_line", &V::current_points_line, 1)
                                 .field("points_line_bookmaker", &V::points_line_bookmaker);
  return r;
}

const Record<AppearancePointsView>& appearance_points_view() {
  using V = AppearancePointsView;
  static const Record<V> r = Record<V>()
                                 .field("game_date", &V::game_date)
                                 .field("player_lookup", &V::player_lookup)
                                 .field("player_status", &V::player_status)
                                 .dec("minutes", &V::minutes, 1)
                                 .field("pts", &V::pts);
  return r;
}

}  // namespace nbaprops::analytics
