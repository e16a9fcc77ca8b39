// Table `raw_partition_versions`: one change counter per raw partition (table, game_date),
// kept by the store itself. Every insert, delete, or update that changes a value of a raw row
// bumps the counter of that row's partition (an update that rewrites identical values does
// not), whoever the writer is: the loaders, a test, or a user with an SQL client. Undated raw
// tables (players, player_aliases) count under game_date ''.
//
// This is what `--resume` and the daily run's "summarise only the games not yet summarised"
// compare (05-pipeline.md §6: a fingerprint of the input partitions a run read): reading a
// few hundred counters instead of hashing every raw row. The SQLite store keeps them with
// triggers created by the migration that adds this table (store/schema_ddl.h), on the tables
// its catalog names as versioned (the raw layer's list: raw/schema.h versioned_raw_tables).
#pragma once

#include <vector>

#include "core/table_schema.h"

namespace nbaprops {

// Key (table_name, game_date); column `version` (int).
const TableSchema& raw_partition_versions_table();

}  // namespace nbaprops
