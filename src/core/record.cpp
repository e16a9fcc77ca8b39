#include "core/record.h"

#include <stdexcept>
#include <string>

namespace nbaprops {

void require_row_width(const TableSchema& table, const Row& row) {
  if (row.size() == table.columns.size()) return;
  throw std::invalid_argument("row of " + std::to_string(row.size()) + " cells for table " +
                              table.name + " of " + std::to_string(table.columns.size()) +
                              " columns");
}

}  // namespace nbaprops
