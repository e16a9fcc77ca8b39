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

namespace nbaprops {

enum class ColumnType { kText, kInt, kDec, kBool, kDate, kTs };

struct Column {
  std::string name;
  ColumnType type;
  bool nullable = false;
  int decimals = -1;  // for kDec: decimals stored (rounded half away from zero); -1 = as given
};

struct TableSchema {
  std::string name;
  std::vector<Column> columns;
  std::vector<std::string> key;  // empty: no row key (shots)
  std::string order_by;          // SQL ORDER BY clause for export and scans
  // Index of column `name`; throws std::out_of_range when the table has no such column.
  size_t column_index(std::string_view column) const;
};

// The raw tables plus rejected_rows and processor_runs, in creation order.
std::span<const TableSchema> raw_tables();

// The table called `name`, or nullptr.
const TableSchema* find_table(std::string_view name);

// "text", "int", ... as written in the spec.
std::string_view column_type_name(ColumnType type);

}  // namespace nbaprops
