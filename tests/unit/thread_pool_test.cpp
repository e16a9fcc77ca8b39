// The fixed worker pool: every task runs once, results come back through their futures in
// the submitter's order, exceptions reach the submitter, and the destructor drains the queue.
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <stdexcept>
#include <vector>

#include "analytics/processor.h"
#include "core/entity_parallel.h"
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

TEST(ThreadPool, ThreadsRequestedOrTheMachinesForZero) {
  EXPECT_EQ(ThreadPool::threads_for(3), 3);
  EXPECT_EQ(ThreadPool::threads_for(1), 1);
  EXPECT_EQ(ThreadPool::threads_for(0), ThreadPool::hardware_threads());
  EXPECT_GE(ThreadPool::threads_for(0), 1);
}

TEST(EntityParallel, EveryIndexRunsOnceAndResultsMergeInIndexOrder) {
  ThreadPool pool(2, /*nice=*/10);
  EntityParallel parallel(&pool);
  std::vector<std::atomic<int>> hits(1000);
  parallel.for_each(hits.size(), [&](size_t i) { ++hits[i]; });
  for (const auto& h : hits) EXPECT_EQ(h.load(), 1);
  // Entity outcomes: even indexes give a row, odd ones a failure; the merge is the serial one.
  auto result_of = [](size_t i) -> analytics::EntityResult {
    if (i % 2) return analytics::FailedEntity{"player", std::to_string(i), "X", "odd", false};
    return Row{Value{static_cast<int64_t>(i)}};
  };
  auto spread = analytics::collect_entities(&parallel, 501, result_of);
  auto serial = analytics::collect_entities(nullptr, 501, result_of);
  ASSERT_EQ(spread.rows.size(), 251u);
  ASSERT_EQ(spread.failed.size(), 250u);
  EXPECT_EQ(spread.rows, serial.rows);
  for (size_t i = 0; i < spread.failed.size(); ++i) {
    EXPECT_EQ(spread.failed[i].entity_id, serial.failed[i].entity_id);
  }
}

TEST(EntityParallel, ACallerThatIsAPoolWorkerTakesPartAndExceptionsReachIt) {
  // The runner's case: a date computed on a worker spreads its entities over the same pool.
  ThreadPool pool(2);
  EntityParallel parallel(&pool);
  auto outer = pool.submit([&] {
    std::atomic<size_t> sum{0};
    parallel.for_each(640, [&](size_t i) { sum += i; });
    return sum.load();
  });
  EXPECT_EQ(outer.get(), 640u * 639u / 2);
  EXPECT_THROW(parallel.for_each(640,
                                 [](size_t i) {
                                   if (i == 333) throw std::runtime_error("bad entity");
                                 }),
               std::runtime_error);
}

}  // namespace
}  // namespace nbaprops
