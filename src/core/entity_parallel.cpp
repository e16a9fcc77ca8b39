#include "core/entity_parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <future>
#include <mutex>
#include <vector>

namespace nbaprops {
namespace {

// Below this many entities per chunk, splitting costs more than it saves.
constexpr size_t kMinChunk = 16;
// Chunks per participating thread: small enough to balance uneven entities.
constexpr size_t kChunksPerThread = 4;

}  // namespace

void EntityParallel::for_each(size_t n, const std::function<void(size_t)>& fn) const {
  size_t helpers = pool_ ? static_cast<size_t>(pool_->size()) : 0;
  size_t chunks = std::min((helpers + 1) * kChunksPerThread, n / kMinChunk);
  if (helpers == 0 || chunks <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  // Contiguous chunks claimed in turn by the calling thread and by helper tasks on the pool:
  // whoever is free takes the next one, so a caller that is itself a pool worker never waits
  // for work it could do.
  std::atomic<size_t> next{0};
  std::mutex failure_mutex;
  std::exception_ptr failure;
  auto drain = [&] {
    for (size_t c; (c = next.fetch_add(1)) < chunks;) {
      try {
        for (size_t i = n * c / chunks, end = n * (c + 1) / chunks; i < end; ++i) fn(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure) failure = std::current_exception();
      }
    }
  };
  std::vector<std::future<void>> tasks;
  for (size_t h = 0; h < helpers; ++h) tasks.push_back(pool_->submit(drain));
  drain();
  for (auto& t : tasks) t.wait();  // a helper that starts late finds nothing left and returns
  if (failure) std::rethrow_exception(failure);
}

}  // namespace nbaprops
