// Writing one partition: the rows of (processor, date) and its failed entities, replaced
// in one transaction (05-pipeline.md §5): re-running a date replaces it exactly, and a run
// killed at any moment leaves the partition as it was before or as it is after.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "core/table_schema.h"
#include "store/processor_output.h"
#include "store/store.h"

namespace nbaprops::pipeline {

struct Partition {
  const TableSchema* table;
  std::string date_column;  // game_date, analysis_date, cache_date
  Date date;
  std::string processor;  // = table name
};

// Replaces the partition's rows with `rows` (processed_at filled in) and the failed_entities
// of (processor, date) with `failed`, and inserts `run_record` (a processor_runs row, when
// given), in one transaction: a (processor, date) recorded as run is there in full.
// Returns the rows written.
// REQUIRES: no open transaction. Throws StoreError (nothing is then changed).
int64_t write_partition(Store& store, const Partition& p, std::vector<Row> rows,
                        const std::vector<FailedEntity>& failed, const std::string& run_id,
                        const std::string& processed_at, const Row* run_record = nullptr);

}  // namespace nbaprops::pipeline
