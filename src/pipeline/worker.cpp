#include "pipeline/worker.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "pipeline/catalog.h"
#include "pipeline/work_plan.h"
#include "store/postgres/work_queue.h"

namespace nbaprops::pipeline {
namespace {

using Clock = std::chrono::steady_clock;

std::string default_name() {
  char host[256] = {0};
  if (::gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return fmt::format("{}:{}", host, ::getpid());
}

// Extends the lease of `item` every third of the lease until stopped, on its own connection.
class LeaseKeeper {
 public:
  LeaseKeeper(const std::string& location, const QueueItem& item, const std::string& worker,
              int lease_seconds)
      : thread_([this, location, item, worker, lease_seconds] {
          WorkQueue queue(location);
          std::unique_lock lock(mutex_);
          auto every = std::chrono::milliseconds(lease_seconds * 1000 / 3);
          while (!stop_) {
            if (cv_.wait_for(lock, every, [this] { return stop_; })) break;
            lock.unlock();
            bool held = false;
            try {
              held = queue.extend(item, worker, lease_seconds);
            } catch (const StoreError&) {
              held = false;
            }
            lock.lock();
            if (!held) lost_ = true;
          }
        }) {}
  ~LeaseKeeper() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  bool lost() {
    std::lock_guard lock(mutex_);
    return lost_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stop_ = false, lost_ = false;
  std::thread thread_;
};

}  // namespace

int run_worker(const WorkerOptions& options, std::ostream& log) {
  std::string name = options.name.empty() ? default_name() : options.name;
  WorkQueue queue(options.location);
  auto store = open_store(options.location);
  bool any_failed = false;
  log << fmt::format("worker {}: serving {}\n", name,
                     options.plan ? fmt::format("plan {}", *options.plan) : "every plan");
  while (true) {
    auto item = queue.claim(name, options.lease_seconds, options.plan);
    if (!item) {
      bool open = false;
      for (const auto& p : queue.progress(options.plan)) {
        open = open || p.pending > 0 || p.running > 0;
        any_failed = any_failed || p.failed > 0;
      }
      if (!open && !options.follow) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(options.poll_ms));
      continue;
    }
    std::string what = fmt::format("plan {} item {} ({} {}..{})", item->plan_id, item->item_id,
                                   item->kind, item->first_date, item->last_date);
    log << fmt::format("worker {}: {}{}\n", name, what,
                       item->attempts > 1 ? fmt::format(", attempt {}", item->attempts) : "");
    auto started = Clock::now();
    try {
      PlanOptions plan = parse_plan_options(item->plan_options);
      RunOptions run = item_run_options(item->kind, plan, options.run);
      run.store_location = options.location;
      auto from = parse_iso_date(item->first_date), to = parse_iso_date(item->last_date);
      if (!from || !to) throw std::invalid_argument("bad item dates");
      RunReport report;
      bool lost = false;
      {
        LeaseKeeper keeper(options.location, *item, name, options.lease_seconds);
        report = run_pipeline(*store, *from, *to, run, log);
        lost = keeper.lost();
      }
      double secs = std::chrono::duration<double>(Clock::now() - started).count();
      if (lost || !queue.finish(*item, name)) {
        log << fmt::format("worker {}: {}: lease lost after {:.1f} s; another worker has it\n",
                           name, what, secs);
        continue;
      }
      any_failed = any_failed || report.any_failed;
      log << fmt::format("worker {}: {} done in {:.1f} s{}\n", name, what, secs,
                         report.any_failed ? " (some entities failed)" : "");
    } catch (const std::exception& e) {
      log << fmt::format("worker {}: {} failed: {}\n", name, what, e.what());
      queue.fail(*item, name, e.what(), options.max_attempts);
      // A transaction the error left open is rolled back before the next item.
      store->rollback();
    }
  }
  log << fmt::format("worker {}: no work left\n", name);
  return any_failed ? 1 : 0;
}

}  // namespace nbaprops::pipeline
