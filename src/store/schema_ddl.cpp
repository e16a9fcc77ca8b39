#include "store/schema_ddl.h"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "store/partition_versions.h"

namespace nbaprops {
namespace {

// The date columns that get an index (partition writes and date-range loads use them).
bool indexed_date_column(const std::string& name) {
  return name == "game_date" || name == "analysis_date" || name == "cache_date";
}

// The names of the columns that versions after `version` add to `t`.
std::vector<std::string> added_later(const TableSchema& t, const TableCatalog& catalog,
                                     size_t version) {
  std::vector<std::string> out;
  for (size_t v = version + 1; v < catalog.versions.size(); ++v) {
    for (const AddedColumns& a : catalog.versions[v].added) {
      if (a.table == &t) out.insert(out.end(), a.columns.begin(), a.columns.end());
    }
  }
  return out;
}

// `t` as the version that creates it knows it: without the columns added later.
TableSchema as_created(const TableSchema& t, const std::vector<std::string>& later) {
  TableSchema out = t;
  std::erase_if(out.columns, [&](const Column& c) {
    return std::find(later.begin(), later.end(), c.name) != later.end();
  });
  return out;
}

// The column `name` of `t`, checked: declared, nullable, not in the key.
const Column& added_column(const TableSchema& t, const std::string& name) {
  auto it = std::find_if(t.columns.begin(), t.columns.end(),
                         [&](const Column& c) { return c.name == name; });
  if (it == t.columns.end() || !it->nullable ||
      std::find(t.key.begin(), t.key.end(), name) != t.key.end()) {
    throw std::invalid_argument(fmt::format(
        "column {} added to {}: not a declared, nullable, non-key column", name, t.name));
  }
  return *it;
}

void add_table(const TableSchema& t, const TableCatalog& catalog, const DdlDialect& dialect,
               size_t version, std::vector<std::string>& stmts) {
  std::vector<std::string> later = added_later(t, catalog, version);
  for (const auto& name : later) added_column(t, name);
  stmts.push_back(dialect.create_table(later.empty() ? t : as_created(t, later)));
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

std::string column_definition(const Column& c, std::string_view (*sql_type)(ColumnType type)) {
  std::string def = quote_identifier(c.name);
  def += ' ';
  def += sql_type(c.type);
  if (!c.nullable) def += " NOT NULL";
  return def;
}

std::string column_definitions(const TableSchema& table,
                               std::string_view (*sql_type)(ColumnType type)) {
  std::string cols;
  for (const auto& c : table.columns) {
    if (!cols.empty()) cols += ", ";
    cols += column_definition(c, sql_type);
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
  for (size_t v = 0; v < catalog.versions.size(); ++v) {
    const SchemaVersion& version = catalog.versions[v];
    std::vector<std::string> stmts;
    for (const TableSchema* t : version.tables) add_table(*t, catalog, dialect, v, stmts);
    for (const AddedColumns& a : version.added) {
      for (const auto& name : a.columns) {
        stmts.push_back(dialect.add_column(*a.table, added_column(*a.table, name)));
      }
    }
    for (const TableIndex& index : version.indexes) {
      stmts.push_back(create_index_sql(*index.table, index.columns, index.suffix, index.unique));
    }
    out.push_back(std::move(stmts));
  }
  return out;
}

}  // namespace nbaprops
