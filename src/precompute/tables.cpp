#include "precompute/tables.h"

#include "precompute/ml_feature_store.h"
#include "precompute/player_composite_factors.h"
#include "precompute/player_daily_cache.h"
#include "precompute/player_shot_zone_analysis.h"
#include "precompute/team_defense_zone_analysis.h"

namespace nbaprops::precompute {

std::vector<const TableSchema*> precompute_tables() {
  return {&team_defense_zone_analysis_table(), &player_shot_zone_analysis_table(),
          &player_composite_factors_table(), &player_daily_cache_table(),
          &ml_feature_store_table()};
}

}  // namespace nbaprops::precompute
