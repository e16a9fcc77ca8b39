// Crash safety (05-pipeline.md §5): `nbaprops backfill` killed with SIGKILL at random moments
// leaves every partition complete or absent (a partition is there exactly when its run is
// recorded, with the rows of an uninterrupted run), and a re-run finishes with the same result
// as an uninterrupted run.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <random>
#include <thread>

#include "pipeline/catalog.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

using testing::sql_rows;
using Clock = std::chrono::steady_clock;

const char* const kTables[] = {"team_offense_game_summary",    "team_defense_game_summary",
                               "player_game_summary",          "upcoming_team_game_context",
                               "upcoming_player_game_context", "team_defense_zone_analysis",
                               "player_shot_zone_analysis",    "player_composite_factors",
                               "player_daily_cache",           "ml_feature_store"};

std::string date_column(const std::string& table) {
  if (table == "team_defense_zone_analysis" || table == "player_shot_zone_analysis") {
    return "analysis_date";
  }
  return table == "player_daily_cache" ? "cache_date" : "game_date";
}

// Starts `nbaprops backfill` on `db` (output discarded); returns its pid.
pid_t start_backfill(const std::string& db, bool resume = false) {
  pid_t pid = ::fork();
  if (pid == 0) {
    int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    ::execl(NBAPROPS_BINARY, NBAPROPS_BINARY, "backfill", "--db", db.c_str(), "--from",
            "2024-10-22", "--to", "2024-11-12", "--threads", "2", "--quiet",
            resume ? "--resume" : static_cast<char*>(nullptr), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

// The rows of `table` (processed_at dropped), restricted to `dates` when given.
std::vector<std::string> rows_of(const std::string& db, const std::string& table,
                                 const std::vector<std::string>* dates = nullptr) {
  std::string where;
  if (dates) {
    where = " where " + date_column(table) + " in (''";
    for (const auto& d : *dates) where += ", '" + d + "'";
    where += ")";
  }
  auto rows = sql_rows(db, "select * from " + table + where + " order by 1, 2, 3, 4");
  for (auto& r : rows) r = r.substr(0, r.rfind('|'));
  return rows;
}

std::vector<std::string> recorded_dates(const std::string& db, const std::string& table) {
  return sql_rows(
      db, "select distinct date from processor_runs where processor = '" + table + "' order by 1");
}

TEST(CrashSafety, KilledBackfillsLeaveCompletePartitionsAndARerunFinishesTheSame) {
  if (testing::real_season_dir().empty()) GTEST_SKIP() << "real season data not found";
  testing::TempDir dir;
  std::string raw = (dir.path() / "raw.db").string();
  {
    auto store = open_store(raw);
    testing::run_ingest(*store, {testing::real_season_dir()});
  }
  auto copy = [&](const std::string& name) {
    std::string path = (dir.path() / name).string();
    std::filesystem::copy_file(raw, path, std::filesystem::copy_options::overwrite_existing);
    return path;
  };
  // The uninterrupted run, and how long it takes.
  std::string clean = copy("clean.db");
  auto started = Clock::now();
  int status = wait_for(start_backfill(clean));
  auto run_ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) <= 1) << status;

  std::mt19937 random(20250413);
  std::uniform_int_distribution<int64_t> moment(0, run_ms.count());
  std::string count_runs = "select count(*) from processor_runs where processor != 'ingest'";
  int total_partitions = std::stoi(testing::sql_value(clean, count_runs));
  int killed_mid_run = 0, partly_written = 0;
  for (int attempt = 0; attempt < 20; ++attempt) {
    SCOPED_TRACE("attempt " + std::to_string(attempt));
    std::string db = copy("killed.db");
    std::filesystem::remove(db + "-wal");
    std::filesystem::remove(db + "-shm");
    pid_t pid = start_backfill(db);
    std::this_thread::sleep_for(std::chrono::milliseconds(moment(random)));
    ::kill(pid, SIGKILL);
    status = wait_for(pid);
    if (WIFSIGNALED(status)) ++killed_mid_run;
    { auto recover = open_store(db); }  // a new writer recovers the store (WAL)
    int written = std::stoi(testing::sql_value(db, count_runs));
    if (written > 0 && written < total_partitions) ++partly_written;
    for (const char* t : kTables) {
      // Every partition present is recorded, and holds exactly the rows of the clean run.
      auto dates = recorded_dates(db, t);
      EXPECT_EQ(rows_of(db, t), rows_of(clean, t, &dates)) << t;
      EXPECT_EQ(sql_rows(db, std::string("select count(distinct ") + date_column(t) + ") from " +
                                 t + " where " + date_column(t) + " not in (select date from " +
                                 "processor_runs where processor = '" + t + "')"),
                std::vector<std::string>{"0"})
          << t;
    }
    // A re-run (every other one with --resume) finishes with the result of the uninterrupted
    // run.
    {
      status = wait_for(start_backfill(db, attempt % 2 == 1));
      ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) <= 1) << status;
      for (const char* t : kTables) EXPECT_TRUE(rows_of(db, t) == rows_of(clean, t)) << t;
      std::string failures =
          "select processor, date, entity_id, category from failed_entities "
          "order by 1, 2, 3";
      EXPECT_EQ(sql_rows(db, failures), sql_rows(clean, failures));
    }
  }
  std::cout << "crash safety: clean run " << run_ms.count() << " ms, " << total_partitions
            << " partitions; " << killed_mid_run << " of 20 kills mid-run, " << partly_written
            << " left some partitions written\n";
  EXPECT_GE(killed_mid_run, 10);  // most kills land while the run is still going
  EXPECT_GE(partly_written, 5);   // and many of them in the middle of the writes
}

}  // namespace
}  // namespace nbaprops
