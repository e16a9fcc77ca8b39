// The writing side of a run (05-pipeline.md §5-§6): on the calling thread, each computed
// (processor, date) is written as one partition in one transaction with its processor_runs row
// (store/partition_writer.h), logged, and added to the run's report; skipped partitions are
// logged and reported without a write.
#pragma once

#include <ostream>
#include <string>

#include "core/date.h"
#include "core/thread_pool.h"
#include "pipeline/date_work.h"
#include "pipeline/phase5.h"
#include "pipeline/runner.h"
#include "store/partition_writer.h"
#include "store/store.h"

namespace nbaprops::pipeline {

class RunWriter {
 public:
  // The run id is "run-<now>-<pid>"; `threads` is recorded on every processor_runs row.
  RunWriter(Store& store, std::ostream& log, int threads);

  // Writes one partition with its processor_runs row, whole, in the open batch; logs it. The rows
  // are moved into the store: c.out.rows is empty afterwards. Throws StoreError.
  void write(Computed& c, Date d, const std::string& mode);

  // Writes a stage's partitions: the others first, then its own with its processor_runs row
  // (in the open batch). Throws StoreError.
  void write_stage(const ProcessorEntry& e, Date d, const std::string& mode, StageOutput out,
                   int64_t compute_us);

  // Records a partition that is current in the store and was not recomputed (no log line).
  void skipped(const ProcessorEntry& e, Date d, const std::string& mode);

  RunReport& report() { return report_; }
  // Commits the partitions written so far (store/partition_writer.h: PartitionBatch). Called
  // before anything else reads or writes the store, and at the end of a run.
  void flush() { batch_.flush(); }
  // Frees written rows on `pool`'s workers, off the writer's thread.
  void release_rows_on(ThreadPool* pool);

 private:
  Row run_record(const ProcessorRunSummary& s, const std::string& stamp,
                 const std::string& fingerprint) const;

  Store& store_;
  std::ostream& log_;
  int threads_;
  std::string run_id_;
  RunReport report_;
  PartitionBatch batch_;
};

}  // namespace nbaprops::pipeline
