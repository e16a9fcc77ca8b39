// The catalog: every table the store holds, grouped by the schema version that creates it
// (version 1: raw tables and run history, 01-raw-data.md and 05-pipeline.md §6; version 2:
// the Phase 3 tables, 02-analytics.md; version 3: the Phase 4 tables, 03-precompute.md; version 4:
// the Phase 5 predictions, skips and grades; version 5: the raw partitions' change counters,
// model_registry and the Phase 5 aggregates and backtest tables, 04-predictions.md §6-9;
// version 6: the Phase 6 best_bets and best_bet_removals, docs/publishing.md).
// Migrations and the export / tables commands read it. Immutable; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "core/table_schema.h"

namespace nbaprops {

// versions[v] lists the tables that schema version v + 1 adds.
const std::vector<std::vector<const TableSchema*>>& catalog_versions();
// Every table, in creation order.
std::vector<const TableSchema*> catalog_tables();
// The table called `name`, or nullptr.
const TableSchema* catalog_table(std::string_view name);

}  // namespace nbaprops
