#include "store/table_catalog.h"

namespace nbaprops {

std::vector<const TableSchema*> TableCatalog::tables() const {
  std::vector<const TableSchema*> all;
  for (const auto& v : versions) all.insert(all.end(), v.tables.begin(), v.tables.end());
  return all;
}

const TableSchema* TableCatalog::find(std::string_view name) const {
  for (const auto& v : versions) {
    for (const auto* t : v.tables) {
      if (t->name == name) return t;
    }
  }
  return nullptr;
}

}  // namespace nbaprops
