#include "store/export.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace nbaprops {

std::string csv_quote(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

namespace {

nlohmann::ordered_json json_cell(const Column& column, const Value& v) {
  if (is_null(v)) return nullptr;
  if (const auto* i = std::get_if<int64_t>(&v)) {
    if (column.type == ColumnType::kBool) return *i != 0;
    return *i;
  }
  if (const auto* d = std::get_if<double>(&v)) return *d;
  return std::get<std::string>(v);
}

}  // namespace

std::string cell_text(const Column& column, const Value& v) {
  if (is_null(v)) return {};
  if (const auto* i = std::get_if<int64_t>(&v)) {
    if (column.type == ColumnType::kBool) return *i ? "true" : "false";
    return std::to_string(*i);
  }
  if (const auto* d = std::get_if<double>(&v)) {
    // A declared precision prints fixed (27.0, not 27); otherwise the shortest exact form.
    if (column.decimals >= 0) return fmt::format("{:.{}f}", *d, column.decimals);
    return fmt::format("{}", *d);
  }
  return std::get<std::string>(v);
}

std::string date_column_of(const TableSchema& table) {
  for (const char* c : {"game_date", "analysis_date", "cache_date", "date"}) {
    for (const auto& col : table.columns) {
      if (col.name == c) return c;
    }
  }
  return {};
}

int64_t export_table(Store& store, const TableSchema& table, const std::vector<Condition>& where,
                     ExportFormat format, std::ostream& out) {
  int64_t rows = 0;
  if (format == ExportFormat::kCsv) {
    std::string header;
    for (const auto& c : table.columns) header += (header.empty() ? "" : ",") + c.name;
    out << header << "\n";
    std::string line;
    store.scan(table, where, [&](const Row& row) {
      line.clear();
      for (size_t i = 0; i < row.size(); ++i) {
        if (i) line += ',';
        line += csv_quote(cell_text(table.columns[i], row[i]));
      }
      out << line << "\n";
      ++rows;
    });
    return rows;
  }
  out << "[";
  store.scan(table, where, [&](const Row& row) {
    nlohmann::ordered_json obj = nlohmann::ordered_json::object();
    for (size_t i = 0; i < row.size(); ++i)
      obj[table.columns[i].name] = json_cell(table.columns[i], row[i]);
    out << (rows ? ",\n " : "\n ") << obj.dump();
    ++rows;
  });
  out << (rows ? "\n]\n" : "]\n");
  return rows;
}

}  // namespace nbaprops
