// Reading the cells of a stored row by column name: how a processor reads the rows of an
// upstream processor's table (values as stored). A view: holds references, owns nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/table_schema.h"
#include "core/value.h"

namespace nbaprops {

class RowReader {
 public:
  RowReader(const TableSchema& table, const Row& row) : table_(&table), row_(&row) {}

  // The cell of `column`; throws std::out_of_range when the table has no such column.
  const Value& cell(std::string_view column) const { return (*row_)[table_->column_index(column)]; }
  bool null(std::string_view column) const { return is_null(cell(column)); }
  std::optional<int64_t> i(std::string_view column) const {
    const auto* v = std::get_if<int64_t>(&cell(column));
    return v ? std::optional<int64_t>(*v) : std::nullopt;
  }
  // A dec column (an int column reads as its double).
  std::optional<double> d(std::string_view column) const {
    const Value& v = cell(column);
    if (const auto* x = std::get_if<double>(&v)) return *x;
    if (const auto* x = std::get_if<int64_t>(&v)) return static_cast<double>(*x);
    return std::nullopt;
  }
  std::optional<bool> b(std::string_view column) const {
    auto v = i(column);
    return v ? std::optional<bool>(*v != 0) : std::nullopt;
  }
  std::optional<std::string> s(std::string_view column) const {
    const auto* v = std::get_if<std::string>(&cell(column));
    return v ? std::optional<std::string>(*v) : std::nullopt;
  }
  std::optional<Date> date(std::string_view column) const {
    auto v = s(column);
    return v ? parse_iso_date(*v) : std::nullopt;
  }
  const TableSchema& table() const { return *table_; }

 private:
  const TableSchema* table_;
  const Row* row_;
};

}  // namespace nbaprops
