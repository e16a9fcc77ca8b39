// Issue 14 "Workers": a shared backfill (backfill --plan) served by worker processes, one of
// them SIGKILLed while it holds an item; the others take the item over once its lease ends, the
// plan finishes, and every table equals a single-process backfill of the same range. On a
// generated league (no real data needed); skips without a PostgreSQL server.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "generate/generator.h"
#include "pipeline/catalog.h"
#include "support/pg_test.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

std::string quoted(const std::string& s) {
  return "'" + s + "'";
}

// Starts `nbaprops args...` in the background with its output discarded; returns its pid.
pid_t spawn(const std::vector<std::string>& args) {
  pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> argv{const_cast<char*>(NBAPROPS_BINARY)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    freopen("/dev/null", "w", stdout);
    freopen("/dev/null", "w", stderr);
    execv(NBAPROPS_BINARY, argv.data());
    _exit(127);
  }
  return pid;
}

int wait_exit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class PostgresWorkers : public ::testing::Test {
 protected:
  void load(const testing::PgTestDatabase& db) {
    std::string out;
    std::string cmd = fmt::format("{} ingest --db {} {} {} 2>&1", NBAPROPS_BINARY, quoted(db.url()),
                                  (league_ / "games.csv").string(), league_.string());
    ASSERT_EQ(testing::run_command(cmd, &out), 0) << out;
  }
  void SetUp() override {
    if (!testing::pg_server()) return;
    gen::generate_league({1, 11, std::nullopt, false}, league_);
  }
  testing::TempDir dir_;
  std::filesystem::path league_ = dir_.path() / "league";
};

TEST_F(PostgresWorkers, AKilledWorkersItemIsTakenOverAndTheOutputsEqualOneProcess) {
  NBAPROPS_SKIP_WITHOUT_POSTGRES();
  const std::string from = "2024-10-22", to = "2024-12-31";
  testing::PgTestDatabase single;
  load(single);
  testing::PgTestDatabase shared(single);  // the same raw rows
  std::string out;
  ASSERT_EQ(testing::run_command(fmt::format("{} backfill --db {} --from {} --to {} --threads 1 "
                                             "--quiet --no-progress 2>&1",
                                             NBAPROPS_BINARY, quoted(single.url()), from, to),
                                 &out),
            0)
      << out;
  ASSERT_EQ(testing::run_command(fmt::format("{} backfill --db {} --from {} --to {} --plan "
                                             "--chunk-days 14 2>&1",
                                             NBAPROPS_BINARY, quoted(shared.url()), from, to),
                                 &out),
            0)
      << out;
  EXPECT_NE(out.find("plan 1: 7 work items"), std::string::npos) << out;

  // The first worker is killed while it holds a `dates` item.
  pid_t first = spawn({"worker", "--db", shared.url(), "--threads", "1", "--lease-seconds", "3",
                       "--poll-ms", "50", "--name", "doomed", "--quiet"});
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (shared.value("select count(*) from work_items where status = 'running' and kind = "
                      "'dates' and worker = 'doomed'") != "1") {
    ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "the worker never took a dates item";
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill(first, SIGKILL);
  wait_exit(first);
  std::string held =
      shared.value("select item_id from work_items where status = 'running' and worker = 'doomed'");
  ASSERT_NE(held, "") << "the item finished before the kill";

  // Two more workers, side by side, finish the plan.
  pid_t a = spawn({"worker", "--db", shared.url(), "--threads", "1", "--lease-seconds", "3",
                   "--poll-ms", "50", "--name", "a", "--quiet"});
  pid_t b = spawn({"worker", "--db", shared.url(), "--threads", "1", "--lease-seconds", "3",
                   "--poll-ms", "50", "--name", "b", "--quiet"});
  EXPECT_EQ(wait_exit(a), 0);
  EXPECT_EQ(wait_exit(b), 0);
  EXPECT_EQ(shared.value("select count(*) from work_items where status <> 'done'"), "0");
  EXPECT_EQ(shared.value("select attempts || ' ' || (worker <> 'doomed') from work_items "
                         "where item_id = " +
                         held),
            "2 true");

  auto lite = open_store(single.url()), pg = open_store(shared.url());
  for (const TableSchema* t : catalog_tables()) {
    auto x = testing::table_dump(*lite, *t), y = testing::table_dump(*pg, *t);
    if (t->name == "processor_runs") {  // the taken-over item's partitions ran twice
      y.erase(std::unique(y.begin(), y.end()), y.end());
    }
    ASSERT_EQ(x.size(), y.size()) << t->name;
    for (size_t i = 0; i < x.size(); ++i) ASSERT_EQ(x[i], y[i]) << t->name << " line " << i;
  }
  EXPECT_GT(pg->count(*catalog_table("ml_feature_store"), {}), 0);
}

}  // namespace
}  // namespace nbaprops
