// The catalog: every table of the pipeline, grouped by the schema version that creates it,
// assembled here from each layer's declarations and handed to the store (store/table_catalog.h)
// when it is opened. Version 1: raw tables and run history (01-raw-data.md, 05-pipeline.md §6)
// with the raw layer's lookup indexes; 2: the Phase 3 tables (02-analytics.md); 3: the Phase 4
// tables (03-precompute.md); 4: the Phase 5 predictions, skips and grades; 5: the raw
// partitions' change counters, model_registry and the Phase 5 aggregates and backtest tables
// (04-predictions.md §6-9); 6: prop_line_consensus (docs/tonight.md); 7: the Phase 6 best_bets
// and best_bet_removals (docs/publishing.md); 8: market_predictions (docs/markets.md); 9: the
// columns p_over, ev_over, ev_under added to player_prop_predictions and backtest_predictions
// (docs/predictions.md). A table or a column is added by appending a version, never by editing
// one a store may already have. Migrations and the export / tables commands read it.
// Immutable; thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/table_schema.h"
#include "store/store.h"
#include "store/table_catalog.h"

namespace nbaprops {

// Every table the pipeline stores, by schema version.
const TableCatalog& table_catalog();
// Every table, in creation order.
std::vector<const TableSchema*> catalog_tables();
// The table called `name`, or nullptr.
const TableSchema* catalog_table(std::string_view name);

// open_store(location, table_catalog()): the store at `location` with every table of the
// pipeline (store/store.h). Throws StoreError when it cannot.
std::unique_ptr<Store> open_store(const std::string& location);

}  // namespace nbaprops
