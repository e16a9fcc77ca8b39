#include "store/schema_ddl.h"

#include <fmt/format.h>

#include "store/partition_versions.h"

namespace nbaprops {
namespace {

// The date columns that get an index (partition writes and date-range loads use them).
bool indexed_date_column(const std::string& name) {
  return name == "game_date" || name == "analysis_date" || name == "cache_date";
}

void add_table(const TableSchema& t, const TableCatalog& catalog, const DdlDialect& dialect,
               std::vector<std::string>& stmts) {
  stmts.push_back(dialect.create_table(t));
  if (!t.key.empty()) stmts.push_back(create_index_sql(t, t.key, "key", !nullable_key(t)));
  for (const auto& c : t.columns) {
    bool leads_key = !t.key.empty() && t.key[0] == c.name;
    if (indexed_date_column(c.name) && !leads_key) {
      stmts.push_back(create_index_sql(t, {c.name}, "date", false));
    }
  }
  if (&t == &raw_partition_versions_table()) {
    for (const TableSchema* counted : catalog.versioned) {
      auto triggers = dialect.partition_triggers(*counted);
      stmts.insert(stmts.end(), triggers.begin(), triggers.end());
    }
  }
}

}  // namespace

std::string quote_identifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string column_list(const TableSchema& table) {
  std::string list;
  for (const auto& c : table.columns) {
    if (!list.empty()) list += ", ";
    list += quote_identifier(c.name);
  }
  return list;
}

std::string column_definitions(const TableSchema& table,
                               std::string_view (*sql_type)(ColumnType type)) {
  std::string cols;
  for (const auto& c : table.columns) {
    if (!cols.empty()) cols += ", ";
    cols += quote_identifier(c.name);
    cols += ' ';
    cols += sql_type(c.type);
    if (!c.nullable) cols += " NOT NULL";
  }
  return cols;
}

bool nullable_key(const TableSchema& table) {
  for (const auto& k : table.key) {
    if (table.columns[table.column_index(k)].nullable) return true;
  }
  return false;
}

std::string create_index_sql(const TableSchema& table, const std::vector<std::string>& columns,
                             std::string_view suffix, bool unique) {
  std::string list;
  for (const auto& c : columns) {
    if (!list.empty()) list += ", ";
    list += quote_identifier(c);
  }
  return fmt::format("CREATE {}INDEX {} ON {} ({})", unique ? "UNIQUE " : "",
                     quote_identifier(table.name + "_" + std::string(suffix)),
                     quote_identifier(table.name), list);
}

std::vector<std::vector<std::string>> catalog_migrations(const TableCatalog& catalog,
                                                         const DdlDialect& dialect) {
  std::vector<std::vector<std::string>> out;
  for (const SchemaVersion& version : catalog.versions) {
    std::vector<std::string> stmts;
    for (const TableSchema* t : version.tables) add_table(*t, catalog, dialect, stmts);
    for (const TableIndex& index : version.indexes) {
      stmts.push_back(create_index_sql(*index.table, index.columns, index.suffix, index.unique));
    }
    out.push_back(std::move(stmts));
  }
  return out;
}

}  // namespace nbaprops
