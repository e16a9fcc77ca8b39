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

}  // namespace nbaprops::analytics
