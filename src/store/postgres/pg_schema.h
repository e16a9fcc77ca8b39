// SQL text for the PostgreSQL store, derived from the same table declarations as the SQLite
// store (the walk of store/schema_ddl.h over the TableCatalog the store was handed): the same
// tables, columns, keys and indexes, in the same versioned migrations. Pure functions.
//
// Types: int and bool columns are bigint, dec columns double precision, date columns date,
// text and timestamp columns text COLLATE "C" (byte order, as SQLite compares text). Every key
// is a UNIQUE index when no key column is nullable, a plain one otherwise (as in SQLite; upsert
// then matches NULL key cells as equal, store.h). A table
// whose order names SQLite's rowid (shots) gets an identity column "rowid" that numbers rows in
// insertion order. raw_partition_versions is kept by PL/pgSQL row triggers that bump the
// counters exactly where the SQLite triggers do (store/partition_versions.h).
#pragma once

#include <string>
#include <vector>

#include "core/table_schema.h"
#include "store/schema_ddl.h"
#include "store/table_catalog.h"

namespace nbaprops::pg {

// The ordered migrations of `catalog`: migrations[v] takes the store from version v to v + 1.
std::vector<std::vector<std::string>> migrations(const TableCatalog& catalog);
// `order_by` with SQLite's NULL order made explicit (NULLs first ascending, last descending).
std::string order_by(const std::string& sqlite_order_by);
// COPY table (columns) FROM STDIN.
std::string copy_sql(const TableSchema& table);
// The upsert of one row, returning one boolean: whether a row with its key existed. Without
// nullable key columns: INSERT ... ON CONFLICT (key) DO UPDATE; with them (no unique index, as
// in SQLite) an UPDATE matching the key (null_key[k]: key column k is NULL in this row), else
// an INSERT, in one statement.
std::string upsert_sql(const TableSchema& table, const std::vector<bool>& null_key);
// The upsert of every row of table `source` (same columns) into `table`, whose key has no
// NULL-able column. REQUIRES: no key twice in `source`.
std::string upsert_from_sql(const TableSchema& table, const std::string& source);
// INSERT of one row (outside a transaction, where no COPY is buffered).
std::string insert_sql(const TableSchema& table);

}  // namespace nbaprops::pg
