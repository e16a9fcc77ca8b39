// A fixed pool of worker threads (05-pipeline.md §3): tasks run in submission order on
// whichever worker is free; the submitter collects each result through its future, so the
// order of results is the caller's, never the scheduler's.
//
// submit() may be called from any thread. The destructor finishes every submitted task, then
// joins the workers. Not copyable.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace nbaprops {

class ThreadPool {
 public:
  // REQUIRES: threads >= 1. `nice` > 0 lowers the workers' scheduling priority by that much
  // (Linux per-thread nice): for a caller whose own thread is the critical path (the runner's
  // writer), so that the workers use the CPU it leaves and never slow it down.
  explicit ThreadPool(int threads, int nice = 0);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  // Queues `task`; the future holds its result or the exception it threw.
  template <typename F>
  auto submit(F task) -> std::future<decltype(task())> {
    using R = decltype(task());
    auto packaged = std::make_shared<std::packaged_task<R()>>(std::move(task));
    std::future<R> result = packaged->get_future();
    enqueue([packaged] { (*packaged)(); });
    return result;
  }

  int size() const { return static_cast<int>(workers_.size()); }

  // The default --threads: the machine's hardware threads (at least 1).
  static int hardware_threads();
  // The threads a --threads of `requested` runs with: `requested`, or hardware_threads() for
  // 0 (the default).
  static int threads_for(int requested) { return requested > 0 ? requested : hardware_threads(); }
  // The largest --threads the commands accept (more threads than this buy nothing and a huge
  // value would fail to start its threads).
  static constexpr int kMaxThreads = 256;

 private:
  void enqueue(std::function<void()> job);
  void work();

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace nbaprops
