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
#include <functional>
#include <future>
#include <type_traits>
#include <vector>

#include "core/thread_pool.h"

namespace nbaprops::pipeline {

// How many items the workers may compute ahead of the writer.
inline size_t schedule_window(const ThreadPool& pool) {
  return static_cast<size_t>(pool.size()) * 2 + 1;
}

// compute(i) for i in 0..n-1 on `pool` (or the calling thread), each result handed to `write`
// on the calling thread in item order. `prelude` runs on the calling thread while the first
// items compute (before the first write).
template <typename Compute, typename Write>
void pipelined(ThreadPool* pool, size_t n, Compute compute, Write write,
               const std::function<void()>& prelude = {}) {
  using Result = std::invoke_result_t<Compute&, size_t>;
  if (!pool) {
    if (prelude) prelude();
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
    fill();
    if (prelude) prelude();
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

// compute(0..n-1) on `pool` (or the calling thread), every result kept, in item order.
template <typename Compute>
auto compute_all(ThreadPool* pool, size_t n, Compute compute)
    -> std::vector<std::invoke_result_t<Compute&, size_t>> {
  using Result = std::invoke_result_t<Compute&, size_t>;
  std::vector<Result> out;
  out.reserve(n);
  pipelined(pool, n, compute, [&](Result r) { out.push_back(std::move(r)); });
  return out;
}

}  // namespace nbaprops::pipeline
