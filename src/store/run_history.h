// The run-history tables of 05-pipeline.md §6, declared where they are written: every
// partition write (store/partition_writer.h) records its processor_runs row and replaces the
// failed_entities of its (processor, date). The raw layer lists them among its tables (the
// store's first schema version creates them); the declarations are these. Immutable,
// thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/record.h"
#include "core/table_schema.h"

namespace nbaprops {

// processor_runs: one row per (run, processor, date, detail); `detail` holds an ingested
// file's name or a processor's input fingerprint, the counts its summary.
const TableSchema& processor_runs_table();

// failed_entities: the failures of the latest run of each (processor, date).
const TableSchema& failed_entities_table();

// What `nbaprops status` reads of a processor_runs row (cli/cmd_status.cpp), a compact record
// of the table (bound once per scan, only its columns fetched; a row of another width is
// refused). Text cells as stored, the date as its text; NULL text reads as "".
struct RunListView {
  std::string run_id, processor, date, mode, status, processed_at;
  std::optional<int64_t> rows_written, entities_failed, total_ms;
};
const Record<RunListView>& run_list_view();

// What `nbaprops failures` reads of a failed_entities row (cli/cmd_status.cpp): every column
// but the run id, the date as its text; NULL reads as "" (false).
struct FailureView {
  std::string processor, date, entity_type, entity_id, category, reason;
  bool can_retry = false;
};
const Record<FailureView>& failure_view();

}  // namespace nbaprops
