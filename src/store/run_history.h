// The run-history tables of 05-pipeline.md §6, declared where they are written: every
// partition write (store/partition_writer.h) records its processor_runs row and replaces the
// failed_entities of its (processor, date). The raw layer lists them among its tables (the
// store's first schema version creates them); the declarations are these. Immutable,
// thread-safe.
#pragma once

#include "core/table_schema.h"

namespace nbaprops {

// processor_runs: one row per (run, processor, date, detail); `detail` holds an ingested
// file's name or a processor's input fingerprint, the counts its summary.
const TableSchema& processor_runs_table();

// failed_entities: the failures of the latest run of each (processor, date).
const TableSchema& failed_entities_table();

}  // namespace nbaprops
