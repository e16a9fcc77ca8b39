// Test support for Phase 4 processors: rows of any table built from (column, value) pairs
// (every other cell NULL), and small stand-in schemas for the Phase 4 tables written by other
// processors (PSZA, TDZA), holding only the spec's column names a reader needs.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/table_schema.h"
#include "core/value.h"

namespace nbaprops::testing {

inline Value I(int64_t v) {
  return Value{v};
}
inline Value D(double v) {
  return Value{v};
}
inline Value S(std::string v) {
  return Value{std::move(v)};
}
inline Value B(bool v) {
  return Value{int64_t{v ? 1 : 0}};
}

// A row of `table`: the named cells set, every other cell NULL. Throws on an unknown column.
inline Row row_of(const TableSchema& table,
                  const std::vector<std::pair<std::string, Value>>& cells) {
  Row row(table.columns.size());
  for (const auto& [name, v] : cells) row[table.column_index(name)] = v;
  return row;
}

inline TableSchema schema_of(std::string name,
                             const std::vector<std::pair<std::string, ColumnType>>& cols) {
  TableSchema t{std::move(name), {}, {}, ""};
  for (const auto& [c, type] : cols)
    t.columns.push_back({c, type, true, type == ColumnType::kDec ? 2 : -1});
  return t;
}

// player_shot_zone_analysis columns that PCF and PDC read.
inline const TableSchema& psza_test_table() {
  static const TableSchema t =
      schema_of("player_shot_zone_analysis", {{"analysis_date", ColumnType::kDate},
                                              {"player_lookup", ColumnType::kText},
                                              {"primary_scoring_zone", ColumnType::kText},
                                              {"paint_rate_last_10", ColumnType::kDec},
                                              {"mid_range_rate_last_10", ColumnType::kDec},
                                              {"three_pt_rate_last_10", ColumnType::kDec},
                                              {"is_production_ready", ColumnType::kBool}});
  return t;
}

// team_defense_zone_analysis columns that PCF reads.
inline const TableSchema& tdza_test_table() {
  static const TableSchema t = schema_of("team_defense_zone_analysis",
                                         {{"analysis_date", ColumnType::kDate},
                                          {"team_abbr", ColumnType::kText},
                                          {"paint_defense_vs_league_avg", ColumnType::kDec},
                                          {"mid_range_defense_vs_league_avg", ColumnType::kDec},
                                          {"three_pt_defense_vs_league_avg", ColumnType::kDec},
                                          {"weakest_zone", ColumnType::kText},
                                          {"is_production_ready", ColumnType::kBool}});
  return t;
}

}  // namespace nbaprops::testing
