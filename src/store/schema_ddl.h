// The DDL walk shared by the SQLite and PostgreSQL stores: from a TableCatalog to the ordered
// migrations, each a list of statements. What differs between the two databases (column types,
// SQLite's rowid, the change-counter triggers) comes from a DdlDialect; the walk, the key and
// date indexes and the extra lookups are the same text for both. Pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/table_schema.h"
#include "store/table_catalog.h"

namespace nbaprops {

// What one database writes differently. Implementations are stateless.
class DdlDialect {
 public:
  virtual ~DdlDialect() = default;
  // CREATE TABLE with every column of `table`.
  virtual std::string create_table(const TableSchema& table) const = 0;
  // ALTER TABLE `table` ADD COLUMN `column` (nullable: existing rows get NULL).
  virtual std::string add_column(const TableSchema& table, const Column& column) const = 0;
  // The statements that keep raw_partition_versions for table `t` (and count the partitions
  // it already holds), run right after raw_partition_versions is created.
  virtual std::vector<std::string> partition_triggers(const TableSchema& t) const = 0;
};

// "name" with embedded quotes doubled.
std::string quote_identifier(std::string_view name);
// "c1", "c2", ... in declaration order.
std::string column_list(const TableSchema& table);
// "c1" TYPE [NOT NULL], ... in declaration order, each type named by `sql_type`.
std::string column_definitions(const TableSchema& table,
                               std::string_view (*sql_type)(ColumnType type));
// "c" TYPE [NOT NULL] of one column.
std::string column_definition(const Column& column, std::string_view (*sql_type)(ColumnType type));
// Whether some key column of `table` is nullable.
bool nullable_key(const TableSchema& table);
// CREATE [UNIQUE] INDEX "<table>_<suffix>" ON "<table>" (columns).
std::string create_index_sql(const TableSchema& table, const std::vector<std::string>& columns,
                             std::string_view suffix, bool unique);

// migrations[v] takes a store from schema version v to v + 1: for each table of
// catalog.versions[v] its CREATE TABLE (without the columns a later version adds), its key index
// (UNIQUE unless a key column is nullable: upsert then keeps NULL keys unique itself) and an index
// on each game_date / analysis_date / cache_date column that does not lead the key; after
// raw_partition_versions the triggers of catalog.versioned; then an ADD COLUMN per column of
// catalog.versions[v].added; then the version's extra indexes. Throws std::invalid_argument for an
// added column its table does not declare, or one that is NOT NULL or in the key.
std::vector<std::vector<std::string>> catalog_migrations(const TableCatalog& catalog,
                                                         const DdlDialect& dialect);

}  // namespace nbaprops
