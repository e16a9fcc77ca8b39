#include "store/sqlite/sqlite_schema.h"

#include <fmt/format.h>

#include "store/partition_versions.h"

namespace nbaprops {
namespace {

std::string_view sql_type(ColumnType type) {
  switch (type) {
    case ColumnType::kInt:
    case ColumnType::kBool:
      return "INTEGER";
    case ColumnType::kDec:
      return "REAL";
    default:
      return "TEXT";
  }
}

// The partition of a raw row in a trigger: its game_date, or '' for undated tables.
std::string partition_of(const TableSchema& t, std::string_view row) {
  for (const auto& c : t.columns) {
    if (c.name == "game_date") return fmt::format("{}.{}", row, quote_identifier("game_date"));
  }
  return "''";
}

// Bumps the counter of partition `date_expr` of table `t` (inside a trigger body).
std::string bump_sql(const TableSchema& t, const std::string& date_expr) {
  const TableSchema& v = raw_partition_versions_table();
  return fmt::format(
      "INSERT INTO {} (table_name, game_date, version) VALUES ('{}', {}, 1) "
      "ON CONFLICT (table_name, game_date) DO UPDATE SET version = version + 1;",
      quote_identifier(v.name), t.name, date_expr);
}

// The triggers that keep raw_partition_versions (partition_versions.h) for table `t`, and the
// counters of the partitions a store already holds when the table arrives.
std::vector<std::string> partition_version_triggers(const TableSchema& t) {
  std::vector<std::string> stmts;
  std::string name = quote_identifier(t.name);
  std::string changed;
  for (const auto& c : t.columns) {
    changed += fmt::format("{}OLD.{} IS NOT NEW.{}", changed.empty() ? "" : " OR ",
                           quote_identifier(c.name), quote_identifier(c.name));
  }
  stmts.push_back(fmt::format(
      "INSERT INTO {} (table_name, game_date, version) SELECT '{}', {}, 1 FROM {} GROUP BY 2",
      quote_identifier(raw_partition_versions_table().name), t.name, partition_of(t, name), name));
  stmts.push_back(fmt::format("CREATE TRIGGER {} AFTER INSERT ON {} BEGIN {} END",
                              quote_identifier(t.name + "_version_insert"), name,
                              bump_sql(t, partition_of(t, "NEW"))));
  stmts.push_back(fmt::format("CREATE TRIGGER {} AFTER DELETE ON {} BEGIN {} END",
                              quote_identifier(t.name + "_version_delete"), name,
                              bump_sql(t, partition_of(t, "OLD"))));
  stmts.push_back(fmt::format("CREATE TRIGGER {} AFTER UPDATE ON {} WHEN {} BEGIN {} END",
                              quote_identifier(t.name + "_version_update"), name, changed,
                              bump_sql(t, partition_of(t, "OLD"))));
  if (partition_of(t, "NEW") != "''") {  // a row moved to another date: that one too
    stmts.push_back(
        fmt::format("CREATE TRIGGER {} AFTER UPDATE ON {} WHEN {} IS NOT {} BEGIN {} END",
                    quote_identifier(t.name + "_version_move"), name, partition_of(t, "OLD"),
                    partition_of(t, "NEW"), bump_sql(t, partition_of(t, "NEW"))));
  }
  return stmts;
}

class SqliteDialect : public DdlDialect {
 public:
  std::string create_table(const TableSchema& table) const override {
    return fmt::format("CREATE TABLE {} ({})", quote_identifier(table.name),
                       column_definitions(table, sql_type));
  }
  std::string add_column(const TableSchema& table, const Column& column) const override {
    return fmt::format("ALTER TABLE {} ADD COLUMN {}", quote_identifier(table.name),
                       column_definition(column, sql_type));
  }
  std::vector<std::string> partition_triggers(const TableSchema& t) const override {
    return partition_version_triggers(t);
  }
};

}  // namespace

std::vector<std::vector<std::string>> sqlite_migrations(const TableCatalog& catalog) {
  return catalog_migrations(catalog, SqliteDialect());
}

std::string insert_sql(const TableSchema& table) {
  std::string params;
  for (size_t i = 0; i < table.columns.size(); ++i)
    params += fmt::format("{}?{}", i ? ", " : "", i + 1);
  return fmt::format("INSERT INTO {} ({}) VALUES ({})", quote_identifier(table.name),
                     column_list(table), params);
}

std::string update_sql(const TableSchema& table) {
  std::string sets;
  for (size_t i = 0; i < table.columns.size(); ++i) {
    sets +=
        fmt::format("{}{} = ?{}", i ? ", " : "", quote_identifier(table.columns[i].name), i + 1);
  }
  return fmt::format("UPDATE {} SET {} WHERE rowid = ?{}", quote_identifier(table.name), sets,
                     table.columns.size() + 1);
}

std::string key_lookup_sql(const TableSchema& table) {
  std::string cond;
  for (size_t k = 0; k < table.key.size(); ++k) {
    cond += fmt::format("{}{} IS ?{}", k ? " AND " : "", quote_identifier(table.key[k]), k + 1);
  }
  return fmt::format("SELECT rowid FROM {} WHERE {}", quote_identifier(table.name), cond);
}

}  // namespace nbaprops
