// Writing one partition: the rows of (processor, date) and its failed entities, replaced
// in one transaction (05-pipeline.md §5): re-running a date replaces it exactly, and a run
// killed at any moment leaves the partition as it was before or as it is after.
//
// PartitionBatch groups several partitions in one transaction (fewer commits: a commit
// rewrites every page the transaction touched, and a backfill writes ~1,800 partitions).
// Each partition is still all-or-nothing with its run record: a batch commits whole, in the
// order its partitions were written, so a crash leaves the batches committed before it (whole
// partitions, each with its processor_runs row) and none of the open one; `--resume` then
// recomputes the partitions without a run record. docs/performance.md.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/table_schema.h"
#include "store/processor_output.h"
#include "store/store.h"

namespace nbaprops {

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

// Partitions written into one open transaction, committed once it holds `max_rows` rows or
// more (or on flush()). Used by one thread at a time, like its Store; while a batch is open
// nothing else may begin a transaction on that store (flush() first).
class PartitionBatch {
 public:
  // Default size: about three mid-season dates of Phases 3-4 (docs/performance.md).
  static constexpr size_t kDefaultMaxRows = 5000;

  explicit PartitionBatch(Store& store, size_t max_rows = kDefaultMaxRows);
  // Rolls back a batch that was not flushed (an error unwinding the run): its partitions are
  // then absent, with their run records.
  ~PartitionBatch();
  PartitionBatch(const PartitionBatch&) = delete;
  PartitionBatch& operator=(const PartitionBatch&) = delete;

  // write_partition() inside the batch's transaction (opened when none is); commits the
  // batch when it has reached max_rows. Returns the rows written. Throws StoreError (the
  // whole open batch is then rolled back).
  int64_t write(const Partition& p, std::vector<Row> rows, const std::vector<FailedEntity>& failed,
                const std::string& run_id, const std::string& processed_at,
                const Row* run_record = nullptr);
  // Hands each written partition's rows to `release` instead of freeing them here (a runner
  // frees them on its workers: freeing ~100,000 rows that other threads built is a tenth of
  // the writer's time, and the writer is a backfill's critical path).
  void release_rows_with(std::function<void(std::vector<Row>)> release) {
    release_ = std::move(release);
  }
  // Commits the open transaction, if any. Throws StoreError (the batch is rolled back).
  void flush();
  // Partitions written since the last commit.
  size_t pending_partitions() const { return partitions_; }

 private:
  Store& store_;
  size_t max_rows_;
  std::function<void(std::vector<Row>)> release_;
  std::optional<Transaction> tx_;
  size_t rows_ = 0, partitions_ = 0;
};

}  // namespace nbaprops
