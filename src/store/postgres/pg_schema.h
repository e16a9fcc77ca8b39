// SQL text for the PostgreSQL store, derived from the same table declarations as the SQLite
// store (store/catalog.h): the same tables, columns, keys and indexes, in the same versioned
// migrations. Pure functions.
//
// Types: int and bool columns are bigint, dec columns double precision, date columns date,
// text and timestamp columns text COLLATE "C" (byte order, as SQLite compares text). Every key
// is a UNIQUE index with NULLS NOT DISTINCT (a NULL key cell equals NULL, store.h). A table
// whose order names SQLite's rowid (shots) gets an identity column "rowid" that numbers rows in
// insertion order. raw_partition_versions is kept by PL/pgSQL row triggers that bump the
// counters exactly where the SQLite triggers do (store/partition_versions.h).
#pragma once

#include <string>
#include <vector>

#include "core/table_schema.h"

namespace nbaprops::pg {

// The ordered migrations: migrations[v] takes the store from version v to v + 1.
const std::vector<std::vector<std::string>>& migrations();
// `order_by` with SQLite's NULL order made explicit (NULLs first ascending, last descending).
std::string order_by(const std::string& sqlite_order_by);
// COPY table (columns) FROM STDIN.
std::string copy_sql(const TableSchema& table);
// INSERT ... ON CONFLICT (key) DO UPDATE ... RETURNING whether the row existed.
std::string upsert_sql(const TableSchema& table);
// INSERT of one row (outside a transaction, where no COPY is buffered).
std::string insert_sql(const TableSchema& table);

}  // namespace nbaprops::pg
