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

}  // namespace nbaprops::precompute
