// Entities of one processor and date in parallel (05-pipeline.md §3): fn(i) for every i of
// [0, n), on the calling thread alone or spread over a ThreadPool with the calling thread
// taking a share. Each index writes only its own result slot, so the outcome is the same for
// any split: callers collect per-index results and merge them in index order.
//
// The runner hands one to the processors of a run that computes a single date (a daily run):
// a backfill already keeps every worker busy with whole dates, and a worker waiting on tasks
// queued behind other dates' work could wait for ever.
#pragma once

#include <cstddef>
#include <functional>

#include "core/thread_pool.h"

namespace nbaprops {

class EntityParallel {
 public:
  // pool == nullptr: everything on the calling thread.
  explicit EntityParallel(ThreadPool* pool = nullptr) : pool_(pool) {}

  // Calls fn(i) for i in [0, n), each exactly once; returns when all are done. The first
  // exception fn threw is rethrown (after every call has finished).
  void for_each(size_t n, const std::function<void(size_t)>& fn) const;

 private:
  ThreadPool* pool_;
};

// for_each on `parallel`, or on the calling thread when it is null.
inline void for_each_entity(const EntityParallel* parallel, size_t n,
                            const std::function<void(size_t)>& fn) {
  if (parallel) {
    parallel->for_each(n, fn);
  } else {
    for (size_t i = 0; i < n; ++i) fn(i);
  }
}

}  // namespace nbaprops
