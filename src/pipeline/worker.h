// A worker of a shared backfill (`nbaprops worker`, 05-pipeline.md §8): claims the items of the
// plans in a PostgreSQL store's work queue (store/postgres/work_queue.h) one at a time, runs
// each with run_pipeline() (pipeline/work_plan.h says what an item runs), and marks it done.
// While an item runs, a second thread extends its lease every third of the lease; a worker that
// dies stops extending it and, once the lease ends, another worker takes the item over and
// runs it again (every partition is one transaction, so re-running replaces, never doubles).
// An item that throws is retried (by any worker) up to max_attempts claims, then failed.
//
// Any number of workers, in any number of processes on any number of machines, may serve
// the same database.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

#include "pipeline/runner.h"

namespace nbaprops::pipeline {

struct WorkerOptions {
  std::string location;         // the PostgreSQL URL
  RunOptions run;               // threads, models, progress of each item's run
  std::optional<int64_t> plan;  // serve only this plan
  int lease_seconds = 60;
  int poll_ms = 1000;  // how often to look again when nothing is claimable
  int max_attempts = 3;
  bool follow = false;  // keep waiting for new plans instead of exiting
  std::string name;     // worker name in the queue (default host:pid)
};

// Serves the queue until no plan has pending or running items (or forever with follow).
// Returns 0 when every item it saw finished done, 1 when some item failed or finished with
// failed entities. Throws StoreError when the server is lost.
int run_worker(const WorkerOptions& options, std::ostream& log);

}  // namespace nbaprops::pipeline
