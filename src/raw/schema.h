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

namespace nbaprops {

// The raw tables plus rejected_rows and the run history (processor_runs, failed_entities),
// in creation order.
std::span<const TableSchema> raw_tables();

// The table called `name`, or nullptr.
const TableSchema* find_table(std::string_view name);

}  // namespace nbaprops
