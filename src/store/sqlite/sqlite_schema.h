// SQL text for the SQLite store, derived from the table declarations: DDL per migration,
// and the statements the store prepares. Pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "raw/schema.h"

namespace nbaprops {

// "name" with embedded quotes doubled.
std::string quote_identifier(std::string_view name);
// The ordered migrations: migrations[v] takes the store from version v to v + 1.
const std::vector<std::vector<std::string>>& sqlite_migrations();
// "c1", "c2", ... in declaration order.
std::string column_list(const TableSchema& table);
std::string insert_sql(const TableSchema& table);
// UPDATE of every column, by rowid (last parameter).
std::string update_sql(const TableSchema& table);
// SELECT rowid by key, NULL-safe (IS).
std::string key_lookup_sql(const TableSchema& table);

}  // namespace nbaprops
