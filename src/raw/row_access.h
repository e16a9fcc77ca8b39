// Named access to the cells of a Row of a known table, for loaders and checks.
// A thin view: holds references, no ownership. Not thread-safe (like the Row it views).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/value.h"
#include "raw/schema.h"

namespace nbaprops {

class RowAccess {
 public:
  RowAccess(const TableSchema& table, Row& row) : table_(table), row_(row) {}

  Value& operator[](std::string_view column) { return row_[table_.column_index(column)]; }
  std::optional<int64_t> i(std::string_view column) const {
    const Value& v = row_[table_.column_index(column)];
    if (const auto* x = std::get_if<int64_t>(&v)) return *x;
    return std::nullopt;
  }
  std::optional<double> d(std::string_view column) const {
    const Value& v = row_[table_.column_index(column)];
    if (const auto* x = std::get_if<double>(&v)) return *x;
    if (const auto* x = std::get_if<int64_t>(&v)) return static_cast<double>(*x);
    return std::nullopt;
  }
  std::string s(std::string_view column) const {
    const Value& v = row_[table_.column_index(column)];
    if (const auto* x = std::get_if<std::string>(&v)) return *x;
    return {};
  }
  bool null(std::string_view column) const { return is_null(row_[table_.column_index(column)]); }

 private:
  const TableSchema& table_;
  Row& row_;
};

}  // namespace nbaprops
