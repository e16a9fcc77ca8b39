#include "store/sqlite/sqlite_schema.h"

#include <fmt/format.h>

#include "store/catalog.h"
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

std::string create_table_sql(const TableSchema& table) {
  std::string cols;
  for (const auto& c : table.columns) {
    if (!cols.empty()) cols += ", ";
    cols += fmt::format("{} {}{}", quote_identifier(c.name), sql_type(c.type),
                        c.nullable ? "" : " NOT NULL");
  }
  return fmt::format("CREATE TABLE {} ({})", quote_identifier(table.name), cols);
}

// The key index: UNIQUE when no key column is nullable (NULLs are distinct in SQLite
// unique indexes, so NULL-able keys are kept unique by the store's own lookup).
std::string key_index_sql(const TableSchema& table, const std::vector<std::string>& cols,
                          std::string_view suffix, bool unique) {
  std::string list;
  for (const auto& c : cols) {
    if (!list.empty()) list += ", ";
    list += quote_identifier(c);
  }
  return fmt::format("CREATE {}INDEX {} ON {} ({})", unique ? "UNIQUE " : "",
                     quote_identifier(table.name + "_" + std::string(suffix)),
                     quote_identifier(table.name), list);
}

// The date columns that get an index (partition writes and date-range loads use them).
bool indexed_date_column(const std::string& name) {
  return name == "game_date" || name == "analysis_date" || name == "cache_date";
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

// The triggers that keep raw_partition_versions (partition_versions.h), and the counters of
// the partitions a store already holds when the table arrives.
std::vector<std::string> partition_version_triggers() {
  std::vector<std::string> stmts;
  for (const TableSchema* t : versioned_raw_tables()) {
    std::string name = quote_identifier(t->name);
    std::string changed;
    for (const auto& c : t->columns) {
      changed += fmt::format("{}OLD.{} IS NOT NEW.{}", changed.empty() ? "" : " OR ",
                             quote_identifier(c.name), quote_identifier(c.name));
    }
    stmts.push_back(fmt::format(
        "INSERT INTO {} (table_name, game_date, version) SELECT '{}', {}, 1 FROM {} GROUP BY 2",
        quote_identifier(raw_partition_versions_table().name), t->name, partition_of(*t, name),
        name));
    stmts.push_back(fmt::format("CREATE TRIGGER {} AFTER INSERT ON {} BEGIN {} END",
                                quote_identifier(t->name + "_version_insert"), name,
                                bump_sql(*t, partition_of(*t, "NEW"))));
    stmts.push_back(fmt::format("CREATE TRIGGER {} AFTER DELETE ON {} BEGIN {} END",
                                quote_identifier(t->name + "_version_delete"), name,
                                bump_sql(*t, partition_of(*t, "OLD"))));
    stmts.push_back(fmt::format("CREATE TRIGGER {} AFTER UPDATE ON {} WHEN {} BEGIN {} END",
                                quote_identifier(t->name + "_version_update"), name, changed,
                                bump_sql(*t, partition_of(*t, "OLD"))));
    if (partition_of(*t, "NEW") != "''") {  // a row moved to another date: that one too
      stmts.push_back(
          fmt::format("CREATE TRIGGER {} AFTER UPDATE ON {} WHEN {} IS NOT {} BEGIN {} END",
                      quote_identifier(t->name + "_version_move"), name, partition_of(*t, "OLD"),
                      partition_of(*t, "NEW"), bump_sql(*t, partition_of(*t, "NEW"))));
    }
  }
  return stmts;
}

// DDL of one schema version: its tables, key indexes, date indexes, and the raw layer's
// extra lookups (version 1).
std::vector<std::string> migration(size_t version) {
  std::vector<std::string> stmts;
  for (const TableSchema* t : catalog_versions()[version]) {
    stmts.push_back(create_table_sql(*t));
    if (!t->key.empty()) {
      bool nullable_key = false;
      for (const auto& k : t->key) nullable_key |= t->columns[t->column_index(k)].nullable;
      stmts.push_back(key_index_sql(*t, t->key, "key", !nullable_key));
    }
    for (const auto& c : t->columns) {
      bool leads_key = !t->key.empty() && t->key[0] == c.name;
      if (indexed_date_column(c.name) && !leads_key) {
        stmts.push_back(key_index_sql(*t, {c.name}, "date", false));
      }
    }
  }
  for (const TableSchema* t : catalog_versions()[version]) {
    if (t == &raw_partition_versions_table()) {
      auto triggers = partition_version_triggers();
      stmts.insert(stmts.end(), triggers.begin(), triggers.end());
    }
  }
  if (version == 0) {
    stmts.push_back(
        key_index_sql(*find_table("shots"), {"game_id", "team_abbr"}, "team_game", false));
    stmts.push_back(key_index_sql(*find_table("games"), {"game_date", "home_team", "away_team"},
                                  "teams", true));
    stmts.push_back(
        key_index_sql(*find_table("player_boxscores"), {"player_lookup"}, "player", false));
  }
  return stmts;
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

const std::vector<std::vector<std::string>>& sqlite_migrations() {
  static const std::vector<std::vector<std::string>> migrations = [] {
    std::vector<std::vector<std::string>> out;
    for (size_t v = 0; v < catalog_versions().size(); ++v) out.push_back(migration(v));
    return out;
  }();
  return migrations;
}

std::string column_list(const TableSchema& table) {
  std::string list;
  for (const auto& c : table.columns) {
    if (!list.empty()) list += ", ";
    list += quote_identifier(c.name);
  }
  return list;
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
