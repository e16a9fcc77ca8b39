// The fixed worker pool: every task runs once, results come back through their futures in
// the submitter's order, exceptions reach the submitter, and the destructor drains the queue.
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <stdexcept>
#include <vector>

#include "core/thread_pool.h"

namespace nbaprops {
namespace {

TEST(ThreadPool, ResultsComeBackInSubmissionOrder) {
  ThreadPool pool(4);
  EXPECT_EQ(pool.size(), 4);
  std::vector<std::future<int>> results;
  for (int i = 0; i < 200; ++i) results.push_back(pool.submit([i] { return i * i; }));
  for (int i = 0; i < 200; ++i) EXPECT_EQ(results[i].get(), i * i);
}

TEST(ThreadPool, AnExceptionReachesTheSubmitter) {
  ThreadPool pool(2);
  auto f = pool.submit([]() -> int { throw std::runtime_error("bad entity"); });
  EXPECT_THROW(f.get(), std::runtime_error);
  EXPECT_EQ(pool.submit([] { return 7; }).get(), 7);  // the worker survived
}

TEST(ThreadPool, TheDestructorRunsEveryQueuedTask) {
  std::atomic<int> ran{0};
  {
    ThreadPool pool(2);
    for (int i = 0; i < 100; ++i) pool.submit([&ran] { ++ran; });
  }
  EXPECT_EQ(ran.load(), 100);
  EXPECT_GE(ThreadPool::hardware_threads(), 1);
}

}  // namespace
}  // namespace nbaprops
