#include "precompute/phase4_inputs.h"

namespace nbaprops::precompute {

DayRows::DayRows(const TableSchema& table, std::vector<Row> rows, const std::string& entity_column)
    : table_(&table), rows_(std::move(rows)) {
  size_t col = table.column_index(entity_column);
  for (size_t i = 0; i < rows_.size(); ++i) by_entity_[std::get<std::string>(rows_[i][col])] = i;
}

}  // namespace nbaprops::precompute
