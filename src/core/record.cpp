#include "core/record.h"

#include <stdexcept>
#include <string>

namespace nbaprops {

void throw_row_width(const std::string& table, size_t cells, size_t columns) {
  throw std::invalid_argument("row of " + std::to_string(cells) + " cells for table " + table +
                              " of " + std::to_string(columns) + " columns");
}

}  // namespace nbaprops
