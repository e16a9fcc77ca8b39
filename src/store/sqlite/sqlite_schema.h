// SQL text for the SQLite store, derived from the table declarations: DDL per migration (the
// walk shared with PostgreSQL, store/schema_ddl.h), and the statements the store prepares.
// Pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/table_schema.h"
#include "store/schema_ddl.h"
#include "store/table_catalog.h"

namespace nbaprops {

// The ordered migrations of `catalog`: migrations[v] takes the store from version v to v + 1.
std::vector<std::vector<std::string>> sqlite_migrations(const TableCatalog& catalog);
std::string insert_sql(const TableSchema& table);
// UPDATE of every column, by rowid (last parameter).
std::string update_sql(const TableSchema& table);
// SELECT rowid by key, NULL-safe (IS).
std::string key_lookup_sql(const TableSchema& table);

}  // namespace nbaprops
