// The raw tables of 01-raw-data.md §1 (and the run-history table of 05-pipeline.md §6),
// declared as data: names, column types, nullability, stored decimals, key and order.
//
// The store creates its tables from these declarations and exports rows in `order_by`
// order; loaders build rows column by column in declaration order. Immutable, thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/table_schema.h"
#include "store/table_catalog.h"

namespace nbaprops {

// The raw tables plus rejected_rows and the run history (processor_runs, failed_entities),
// in creation order.
std::span<const TableSchema> raw_tables();

// The table called `name`, or nullptr.
const TableSchema* find_table(std::string_view name);

// The raw tables whose partitions raw_partition_versions counts (store/partition_versions.h):
// every raw table except rejected_rows and the run history (processor_runs, failed_entities).
std::vector<const TableSchema*> versioned_raw_tables();

// The raw layer's lookups beside the key and date indexes: shots by (game_id, team_abbr),
// games by (game_date, home_team, away_team) (unique), player_boxscores by player_lookup.
std::vector<TableIndex> raw_indexes();

}  // namespace nbaprops
