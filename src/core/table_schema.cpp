#include "core/table_schema.h"

#include <stdexcept>

namespace nbaprops {

size_t TableSchema::column_index(std::string_view column) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == column) return i;
  }
  throw std::out_of_range("table " + name + " has no column " + std::string(column));
}

std::string_view column_type_name(ColumnType type) {
  switch (type) {
    case ColumnType::kText:
      return "text";
    case ColumnType::kInt:
      return "int";
    case ColumnType::kDec:
      return "dec";
    case ColumnType::kBool:
      return "bool";
    case ColumnType::kDate:
      return "date";
    case ColumnType::kTs:
      return "ts";
  }
  return "?";
}

}  // namespace nbaprops
