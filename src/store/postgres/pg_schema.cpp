#include "store/postgres/pg_schema.h"

#include <fmt/format.h>

#include <algorithm>

#include "store/partition_versions.h"
#include "store/schema_ddl.h"

namespace nbaprops::pg {
namespace {

// The type of a parameter cast ($1::type): the column's type without its collation.
std::string_view cast_type(ColumnType type) {
  switch (type) {
    case ColumnType::kInt:
    case ColumnType::kBool:
      return "bigint";
    case ColumnType::kDec:
      return "double precision";
    case ColumnType::kDate:
      return "date";
    default:
      return "text";
  }
}

// A column's type: its cast type, text collated in byte order ("C", as SQLite compares).
std::string_view sql_type(ColumnType type) {
  std::string_view t = cast_type(type);
  return t == "text" ? "text COLLATE \"C\"" : t;
}

bool has_rowid(const TableSchema& t) {
  return t.order_by.find("rowid") != std::string::npos;
}

// The partition of a raw row (`row` is NEW or OLD): its game_date as YYYY-MM-DD, or ''.
std::string partition_of(const TableSchema& t, std::string_view row) {
  for (const auto& c : t.columns) {
    if (c.name != "game_date") continue;
    if (c.type == ColumnType::kDate) return fmt::format("to_char({}.game_date, 'YYYY-MM-DD')", row);
    return fmt::format("{}.game_date::text", row);
  }
  return "''";
}

// The counter bump of partition `date_expr` of table `t` (a PL/pgSQL statement: its plan is
// cached per session, where a SQL-language function would be planned on every row).
std::string bump_sql(const TableSchema& t, const std::string& date_expr) {
  return fmt::format(
      "INSERT INTO {0} AS v (table_name, game_date, version) VALUES ('{1}', {2}, 1) "
      "ON CONFLICT (table_name, game_date) DO UPDATE SET version = v.version + 1;",
      quote_identifier(raw_partition_versions_table().name), t.name, date_expr);
}

// One trigger function per raw table, as the SQLite triggers: an insert bumps the new row's
// partition, a delete the old row's, an update that changes a value the old row's and, when
// the row moved to another date, the new one's too.
std::vector<std::string> partition_version_triggers(const TableSchema& t) {
  std::vector<std::string> stmts;
  std::string name = quote_identifier(t.name);
  std::string fn = quote_identifier("nbaprops_" + t.name + "_version");
  stmts.push_back(fmt::format(
      "INSERT INTO {} (table_name, game_date, version) SELECT '{}', {}, 1 FROM {} AS NEW "
      "GROUP BY 2",
      quote_identifier(raw_partition_versions_table().name), t.name, partition_of(t, "NEW"), name));
  std::string old_part = partition_of(t, "OLD"), new_part = partition_of(t, "NEW");
  stmts.push_back(fmt::format(
      "CREATE FUNCTION {0}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
      "IF TG_OP <> 'INSERT' THEN {1} END IF; "
      "IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND {2} IS DISTINCT FROM {3}) THEN {4} END IF; "
      "RETURN NULL; END $$",
      fn, bump_sql(t, old_part), old_part, new_part, bump_sql(t, new_part)));
  stmts.push_back(fmt::format(
      "CREATE TRIGGER {} AFTER INSERT OR DELETE ON {} FOR EACH ROW EXECUTE FUNCTION {}()",
      quote_identifier(t.name + "_version_insert_delete"), name, fn));
  stmts.push_back(fmt::format(
      "CREATE TRIGGER {} AFTER UPDATE ON {} FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) "
      "EXECUTE FUNCTION {}()",
      quote_identifier(t.name + "_version_update"), name, fn));
  return stmts;
}

class PostgresDialect : public DdlDialect {
 public:
  std::string create_table(const TableSchema& table) const override {
    std::string cols = column_definitions(table, sql_type);
    if (has_rowid(table)) cols += ", rowid bigint GENERATED ALWAYS AS IDENTITY";
    return fmt::format("CREATE TABLE {} ({})", quote_identifier(table.name), cols);
  }
  std::string add_column(const TableSchema& table, const Column& column) const override {
    return fmt::format("ALTER TABLE {} ADD COLUMN {}", quote_identifier(table.name),
                       column_definition(column, sql_type));
  }
  std::vector<std::string> partition_triggers(const TableSchema& t) const override {
    return partition_version_triggers(t);
  }
};

std::string trim(const std::string& s) {
  size_t a = s.find_first_not_of(' '), b = s.find_last_not_of(' ');
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

bool ends_with(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

std::vector<std::vector<std::string>> migrations(const TableCatalog& catalog) {
  return catalog_migrations(catalog, PostgresDialect());
}

std::string order_by(const std::string& sqlite_order_by) {
  std::string out;
  size_t start = 0;
  while (start <= sqlite_order_by.size()) {
    size_t comma = sqlite_order_by.find(',', start);
    if (comma == std::string::npos) comma = sqlite_order_by.size();
    std::string term = trim(sqlite_order_by.substr(start, comma - start));
    if (!term.empty()) {
      if (term.find("NULLS") == std::string::npos) {
        term += ends_with(term, " DESC") ? " NULLS LAST" : " NULLS FIRST";
      }
      out += (out.empty() ? "" : ", ") + term;
    }
    start = comma + 1;
  }
  return out;
}

std::string copy_sql(const TableSchema& table) {
  return fmt::format("COPY {} ({}) FROM STDIN", quote_identifier(table.name), column_list(table));
}

std::string insert_sql(const TableSchema& table) {
  std::string params;
  for (size_t i = 0; i < table.columns.size(); ++i)
    params += fmt::format("{}${}", i ? ", " : "", i + 1);
  return fmt::format("INSERT INTO {} ({}) VALUES ({})", quote_identifier(table.name),
                     column_list(table), params);
}

// "SET c = EXCLUDED.c, ..." over the columns outside the key (the first key column when there
// are none).
std::string excluded_sets(const TableSchema& table) {
  std::string excluded;
  for (const auto& c : table.columns) {
    if (std::find(table.key.begin(), table.key.end(), c.name) != table.key.end()) continue;
    std::string q = quote_identifier(c.name);
    excluded += fmt::format("{}{} = EXCLUDED.{}", excluded.empty() ? "" : ", ", q, q);
  }
  if (excluded.empty()) {
    std::string q = quote_identifier(table.key.front());
    excluded = fmt::format("{} = EXCLUDED.{}", q, q);
  }
  return excluded;
}

std::string key_list(const TableSchema& table) {
  std::string keys;
  for (const auto& k : table.key) keys += (keys.empty() ? "" : ", ") + quote_identifier(k);
  return keys;
}

std::string upsert_from_sql(const TableSchema& table, const std::string& source) {
  return fmt::format("INSERT INTO {} ({}) SELECT {} FROM {} ON CONFLICT ({}) DO UPDATE SET {}",
                     quote_identifier(table.name), column_list(table), column_list(table),
                     quote_identifier(source), key_list(table), excluded_sets(table));
}

std::string upsert_sql(const TableSchema& table, const std::vector<bool>& null_key) {
  std::string sets;
  for (size_t i = 0; i < table.columns.size(); ++i) {
    sets += fmt::format("{}{} = ${}::{}", i ? ", " : "", quote_identifier(table.columns[i].name),
                        i + 1, cast_type(table.columns[i].type));
  }
  std::string keys, match, values;
  for (size_t k = 0; k < table.key.size(); ++k) {
    size_t c = table.column_index(table.key[k]);
    keys += (k ? ", " : "") + quote_identifier(table.key[k]);
    match += k ? " AND " : "";
    match += null_key[k] ? fmt::format("{} IS NULL", quote_identifier(table.key[k]))
                         : fmt::format("{} = ${}::{}", quote_identifier(table.key[k]), c + 1,
                                       cast_type(table.columns[c].type));
  }
  if (!nullable_key(table)) {
    return fmt::format("{} ON CONFLICT ({}) DO UPDATE SET {} RETURNING (xmax <> 0)",
                       pg::insert_sql(table), keys, excluded_sets(table));
  }
  for (size_t i = 0; i < table.columns.size(); ++i) {
    values += fmt::format("{}${}::{}", i ? ", " : "", i + 1, cast_type(table.columns[i].type));
  }
  // No unique index to conflict on: update the row with this key, else insert it.
  return fmt::format(
      "WITH u AS (UPDATE {0} SET {1} WHERE {2} RETURNING 1), "
      "i AS (INSERT INTO {0} ({3}) SELECT {4} WHERE NOT EXISTS (SELECT 1 FROM u) RETURNING 1) "
      "SELECT EXISTS (SELECT 1 FROM u)",
      quote_identifier(table.name), sets, match, column_list(table), values);
}

}  // namespace nbaprops::pg
