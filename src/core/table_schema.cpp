#include "core/table_schema.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

namespace nbaprops {

namespace {

// One entry of column_index's cache. Plain data: the per-thread array of them is zero-filled
// static storage, with no initialisation to check on each use.
struct CachedColumn {
  const TableSchema* table;
  const char* name;  // the address of the name asked for (a literal at most call sites)
  size_t index;
};

}  // namespace

// Readers ask for the same few columns of the same tables by literal name, row after row (a
// backfill asked ~230,000 times in 40 days, each a scan of up to 100 names). A per-thread
// direct-mapped cache keyed by the table's and the name's addresses answers most of them; a hit
// is checked against the table's own name at the cached index, so it is right even when an
// address is reused for another name.
size_t TableSchema::column_index(std::string_view column) const {
  constexpr size_t kSlots = 512;
  thread_local CachedColumn cache[kSlots];
  const auto key =
      reinterpret_cast<uintptr_t>(this) ^ (reinterpret_cast<uintptr_t>(column.data()) * 31);
  CachedColumn& slot = cache[(key * 0x9E3779B97F4A7C15ull) >> 55];
  if (slot.table == this && slot.name == column.data() && slot.index < columns.size() &&
      columns[slot.index].name == column) {
    return slot.index;
  }
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == column) {
      slot = {this, column.data(), i};
      return i;
    }
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

bool TableSchema::has_column(std::string_view column) const {
  return std::any_of(columns.begin(), columns.end(),
                     [&](const Column& c) { return c.name == column; });
}

}  // namespace nbaprops
