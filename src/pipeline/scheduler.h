// The one scheduler of the runner and the backtest (05-pipeline.md §3, §5): items 0..n-1 (dates)
// are computed on a fixed pool of workers, at most a window ahead, and written by the calling
// thread in item order, so what is written, and in which order, does not depend on the
// number of threads. Without a pool (--threads 1) each item is computed and written in turn
// on the calling thread.
//
// compute(i) runs on a worker and must only read state shared with other items; write(result)
// runs on the calling thread. An exception from either propagates to the caller once the
// items already queued have finished (they read the caller's state).
#pragma once

#include <cstddef>
#include <deque>
#include <future>
#include <type_traits>
#include <vector>

#include "core/thread_pool.h"

namespace nbaprops::pipeline {

// How many items the workers may compute ahead of the writer: four per worker, so that a
// worker rarely waits for the writer (blocked in a checkpoint's fsync, or on one large item)
// while the other has nothing to do. A season's backfill on 2 threads: ~4% less wall time than
// with two per worker, ~15 MiB more memory (docs/performance.md, seventh session).
inline size_t schedule_window(const ThreadPool& pool) {
  return static_cast<size_t>(pool.size()) * 4 + 1;
}

// compute(i) for i in 0..n-1 on `pool` (or the calling thread), each result handed to `write`
// on the calling thread in item order.
template <typename Compute, typename Write>
void pipelined(ThreadPool* pool, size_t n, Compute compute, Write write) {
  using Result = std::invoke_result_t<Compute&, size_t>;
  if (!pool) {
    for (size_t i = 0; i < n; ++i) write(compute(i));
    return;
  }
  const size_t window = schedule_window(*pool);
  std::deque<std::future<Result>> pending;
  size_t next = 0;
  auto fill = [&] {
    while (next < n && pending.size() < window) {
      pending.push_back(pool->submit([&compute, i = next] { return compute(i); }));
      ++next;
    }
  };
  try {
    for (size_t done = 0; done < n; ++done) {
      fill();
      Result r = pending.front().get();
      pending.pop_front();
      write(std::move(r));
    }
  } catch (...) {
    for (auto& f : pending) f.wait();
    throw;
  }
}

}  // namespace nbaprops::pipeline
