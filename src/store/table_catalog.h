// The tables a store holds, handed to it by whoever opens it (the pipeline assembles the
// whole catalog from every phase's declarations: pipeline/catalog.h). The store creates and
// migrates its schema from this data alone and knows no phase.
//
// versions[v] is what schema version v + 1 adds: its tables (created in order, each with its
// key index and its date indexes), columns added to tables an earlier version created (ALTER
// TABLE ... ADD COLUMN; such a column is declared in its table like any other, and the version
// that creates the table leaves it out, so a new store and a migrated one end with the same
// columns) and extra lookup indexes. `versioned` lists the tables whose
// partitions raw_partition_versions counts (store/partition_versions.h); their triggers are
// created by the version that adds raw_partition_versions. A TableCatalog holds pointers to
// declarations that outlive it (function-local statics). Immutable once built; thread-safe to
// read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/table_schema.h"

namespace nbaprops {

// An index beside a table's key and date indexes, named "<table>_<suffix>".
struct TableIndex {
  const TableSchema* table;
  std::vector<std::string> columns;
  std::string suffix;
  bool unique = false;
};

// Columns of `table` (by name, nullable, not in its key) that a later version adds to it.
struct AddedColumns {
  const TableSchema* table;
  std::vector<std::string> columns;
};

struct SchemaVersion {
  std::vector<const TableSchema*> tables;
  std::vector<TableIndex> indexes;  // created after the tables (and the added columns)
  std::vector<AddedColumns> added;  // added to tables of earlier versions, in order
};

struct TableCatalog {
  std::vector<SchemaVersion> versions;
  std::vector<const TableSchema*> versioned;

  // Every table, in creation order.
  std::vector<const TableSchema*> tables() const;
  // The table called `name`, or nullptr.
  const TableSchema* find(std::string_view name) const;
};

}  // namespace nbaprops
