// The work queue of a shared backfill (05-pipeline.md §8: several workers, on several machines,
// share one PostgreSQL database, each claiming work no other worker holds). Two tables beside
// the store's own: work_plans (one row per `backfill --plan`) and work_items (its items, each
// with the items it depends on, a status pending / running / done / failed, the worker holding
// it and the end of its lease).
//
// A worker claims the first pending item whose dependencies are done with SELECT ... FOR
// UPDATE SKIP LOCKED (two workers never get the same item) and holds it for a lease it extends
// while it works; an item whose lease ended (its worker was killed, or lost the server) is
// claimable again. The queue knows nothing of what an item means (pipeline/work_plan.h).
//
// A WorkQueue owns one connection and is used by one thread at a time; any number of them, in
// any number of processes, may share a database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/postgres/pg_connection.h"

namespace nbaprops {

struct QueueItem {
  int64_t plan_id = 0;
  int item_id = 0;   // 1, 2, ... within the plan
  std::string kind;  // what the item does (pipeline/work_plan.h)
  int season = 0;
  std::string first_date, last_date;  // YYYY-MM-DD
  std::vector<int> depends_on;        // item ids of the same plan that must be done first
  int attempts = 0;                   // claims so far, this one included
  std::string plan_options;           // the plan's options (JSON text)
};

struct PlanProgress {
  int64_t plan_id = 0;
  std::string from_date, to_date, created_at;
  int items = 0, done = 0, running = 0, pending = 0, failed = 0;
  int expired = 0;  // running, but the lease ended: claimable again
  // "item 3 dates 2024-11-01..2024-11-30 on host:pid, lease 42 s left" per running item, and
  // "item 4 failed: reason" per failed one.
  std::vector<std::string> notes;
};

class WorkQueue {
 public:
  // Connects to `url` and creates the two tables when missing. Throws StoreError.
  explicit WorkQueue(const std::string& url);

  // Writes a plan and its items (ids 1..n in `items` order; depends_on refers to them) in one
  // transaction; returns its id.
  int64_t create_plan(const std::string& from_date, const std::string& to_date,
                      const std::string& options, const std::vector<QueueItem>& items);
  // Claims an item for `worker` with a lease of `lease_seconds` (of `plan`, or of any plan,
  // oldest first). nullopt: nothing claimable now.
  std::optional<QueueItem> claim(const std::string& worker, int lease_seconds,
                                 std::optional<int64_t> plan = std::nullopt);
  // Extends the lease; false when `worker` no longer holds the item.
  bool extend(const QueueItem& item, const std::string& worker, int lease_seconds);
  // Marks the item done; false when `worker` no longer held it (someone took it over).
  bool finish(const QueueItem& item, const std::string& worker);
  // Records a failure: back to pending, or failed once it has had `max_attempts` claims.
  void fail(const QueueItem& item, const std::string& worker, const std::string& error,
            int max_attempts);
  // Progress of `plan`, or of every plan, oldest first.
  std::vector<PlanProgress> progress(std::optional<int64_t> plan = std::nullopt);

 private:
  PgConnection conn_;
};

}  // namespace nbaprops
