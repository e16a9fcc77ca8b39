// Declarations of stored tables as data: columns with types, nullability and stored
// decimals, the key and the export order. Every phase declares its tables with these, the
// store creates them and exports rows from them. Immutable values; thread-safe to read.
#pragma once

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
  // Whether the table has column `name` (a store of an older schema version may lack one).
  bool has_column(std::string_view column) const;
};

// "text", "int", ... as written in the spec.
std::string_view column_type_name(ColumnType type);

}  // namespace nbaprops
