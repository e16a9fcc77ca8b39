// Helpers to declare a processor table and to fill one of its rows in declaration order.
//
// ColumnList appends typed columns; RowBuilder appends typed cells, rounding decK values half
// away from zero as stored (README "Numbers and rounding"). A std::optional that is empty
// becomes NULL. Plain value types, one per thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analytics/rules.h"
#include "core/date.h"
#include "core/table_schema.h"
#include "core/value.h"

namespace nbaprops::analytics {

class ColumnList {
 public:
  ColumnList& text(std::string name, bool nullable = true) {
    return add({std::move(name), ColumnType::kText, nullable, -1});
  }
  ColumnList& integer(std::string name, bool nullable = true) {
    return add({std::move(name), ColumnType::kInt, nullable, -1});
  }
  ColumnList& boolean(std::string name, bool nullable = true) {
    return add({std::move(name), ColumnType::kBool, nullable, -1});
  }
  ColumnList& dec(std::string name, int decimals, bool nullable = true) {
    return add({std::move(name), ColumnType::kDec, nullable, decimals});
  }
  ColumnList& date(std::string name, bool nullable = true) {
    return add({std::move(name), ColumnType::kDate, nullable, -1});
  }
  ColumnList& ts(std::string name, bool nullable = true) {
    return add({std::move(name), ColumnType::kTs, nullable, -1});
  }
  std::vector<Column> take() { return std::move(columns_); }

 private:
  ColumnList& add(Column c) {
    columns_.push_back(std::move(c));
    return *this;
  }
  std::vector<Column> columns_;
};

class RowBuilder {
 public:
  explicit RowBuilder(size_t reserve) { row_.reserve(reserve); }
  RowBuilder& null() {
    row_.emplace_back();
    return *this;
  }
  RowBuilder& text(std::optional<std::string> v) {
    if (!v) return null();
    row_.emplace_back(std::in_place_type<std::string>, std::move(*v));
    return *this;
  }
  RowBuilder& text(const std::string& v) { return text(std::optional<std::string>(v)); }
  RowBuilder& text(const char* v) { return text(std::optional<std::string>(v)); }
  RowBuilder& integer(std::optional<int64_t> v) {
    if (!v) return null();
    row_.emplace_back(std::in_place_type<int64_t>, *v);
    return *this;
  }
  RowBuilder& boolean(std::optional<bool> v) {
    if (!v) return null();
    return integer(*v ? 1 : 0);
  }
  // A decK value rounded to `decimals` (-0.0 is stored as 0.0).
  RowBuilder& dec(std::optional<double> v, int decimals) {
    if (!v) return null();
    double r = round_half_away(*v, decimals);
    row_.emplace_back(std::in_place_type<double>, r == 0.0 ? 0.0 : r);
    return *this;
  }
  RowBuilder& date(std::optional<Date> v) {
    if (!v) return null();
    return text(format_date(*v));
  }
  RowBuilder& date(Date v) { return text(format_date(v)); }
  // quality_tier, quality_issues, processed_at (NULL: the writer fills it).
  RowBuilder& quality(const std::string& tier, const QualityIssues& issues) {
    text(tier).text(issues.text());
    return null();
  }
  Row take() { return std::move(row_); }
  size_t size() const { return row_.size(); }

 private:
  Row row_;
};

}  // namespace nbaprops::analytics
