// The Phase 5 tables (04-predictions.md §2.3, §8): player_prop_predictions, prediction_skips,
// prediction_grades (the store's schema version 4).
#pragma once

#include <vector>

#include "core/table_schema.h"

namespace nbaprops::predict {

// Key (system_id, game_date, player_lookup, game_id).
const TableSchema& player_prop_predictions_table();
// Key (game_date, player_lookup, system_id); system_id `all` for the player-level reasons.
const TableSchema& prediction_skips_table();
// One row per graded prediction; same key as the predictions.
const TableSchema& prediction_grades_table();

std::vector<const TableSchema*> prediction_tables();

}  // namespace nbaprops::predict
