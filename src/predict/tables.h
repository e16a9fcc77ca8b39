// The Phase 5 tables (04-predictions.md §2.3, §8, §9): player_prop_predictions,
// prediction_skips, prediction_grades (the store's schema version 4); the aggregates
// system_performance and system_performance_buckets, and the backtest tables backtest_predictions,
// backtest_skips, backtest_grades (the live schemas under another name) and backtest_summary
// (schema version 5).
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

// The columns of the tables below come from their records (performance_record.h).
// Key (system_id, game_date): one row per system with predictions (graded or pending) on D.
const TableSchema& system_performance_table();
// Key (system_id, game_date, kind, bucket): the non-empty buckets of D.
const TableSchema& system_performance_buckets_table();
// The live schemas renamed: same columns, key and order.
const TableSchema& backtest_predictions_table();
const TableSchema& backtest_skips_table();
const TableSchema& backtest_grades_table();
// Key (from_date, to_date, system_id): the pooled figures of a backtest range, one row per
// system plus `market`, with the thresholds in force (NULL for market).
const TableSchema& backtest_summary_table();

std::vector<const TableSchema*> performance_and_backtest_tables();

}  // namespace nbaprops::predict
