#include "precompute/phase4_inputs.h"

namespace nbaprops::precompute {

DayRows::DayRows(const TableSchema& table, std::vector<Row> rows, const std::string& entity_column)
    : table_(&table), rows_(std::move(rows)) {
  size_t col = table.column_index(entity_column);
  for (size_t i = 0; i < rows_.size(); ++i) by_entity_[std::get<std::string>(rows_[i][col])] = i;
}

std::optional<RowReader> DayRows::find(const std::string& entity) const {
  auto it = by_entity_.find(entity);
  if (it == by_entity_.end()) return std::nullopt;
  return RowReader(*table_, rows_[it->second]);
}

}  // namespace nbaprops::precompute
