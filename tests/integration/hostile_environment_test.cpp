// Issue 16 item 5, the hostile environment a nightly job meets, through the real program:
// a read-only store or folder, a corrupted store, a full disk, a lock held past the busy
// timeout, impossible dates and out-of-range --threads. Each pins the one-line message, the
// exit code and a store left exactly as it was.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "pipeline/catalog.h"
#include "store/sqlite/sqlite_store.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

namespace fs = std::filesystem;
using testing::run_command;
using testing::sql_rows;

const std::string kHeader =
    "PLAYER_ID,PLAYER_NAME,TEAM_ABBREVIATION,GAME_ID,GAME_DATE,MATCHUP,MIN,FGM,FGA,FG3M,FG3A,"
    "FTM,FTA,OREB,DREB,REB,AST,STL,BLK,TOV,PF,PTS,PLUS_MINUS\n";

// A player log of `players` rows per team for one game on 2024-10-22 + `day` days.
std::string player_log(int day, int players) {
  std::string text = kHeader;
  std::string game = "00224000" + std::to_string(10 + day);
  std::string date = "2024-10-" + std::to_string(22 + day);
  for (int i = 0; i < players; ++i) {
    text += std::to_string(1000 + i) + ",Home Player" + std::to_string(i) + ",BOS," + game + "," +
            date + ",BOS vs. NYK,30,4,8,1,3,1,2,1,4,5,2,1,0,1,2,10,5\n";
    text += std::to_string(2000 + i) + ",Away Player" + std::to_string(i) + ",NYK," + game + "," +
            date + ",NYK @ BOS,30,3,9,0,2,2,2,0,3,3,1,0,0,2,1,8,-5\n";
  }
  return text;
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class HostileEnvironment : public ::testing::Test {
 protected:
  void SetUp() override {
    store_dir_ = dir_.path() / "store";
    fs::create_directories(store_dir_);
    db_ = (store_dir_ / "nbaprops.db").string();
    first_ = dir_.write("first.csv", player_log(0, 8));
    second_ = dir_.write("second.csv", player_log(1, 200));
    ASSERT_EQ(run_command(bin_ + " ingest --db " + db_ + " " + first_ + " >/dev/null 2>&1"), 0);
    before_ = contents();
  }
  void TearDown() override {
    fs::permissions(store_dir_, fs::perms::owner_all | fs::perms::group_read |
                                    fs::perms::group_exec | fs::perms::others_read |
                                    fs::perms::others_exec);
  }
  // What the store holds (read through a read-only connection).
  std::vector<std::string> contents() {
    auto rows = sql_rows(db_, "select game_id, player_lookup, pts from player_boxscores");
    for (const char* q : {"select count(*) from games", "select count(*) from players",
                          "select count(*) from processor_runs"}) {
      rows.push_back(sql_rows(db_, q).at(0));
    }
    return rows;
  }
  // Runs the program (as an unprivileged user when `unprivileged` and this test is root, so
  // file permissions apply); returns the exit code, with stderr and stdout in `out`.
  int run(const std::string& args, std::string* out, bool unprivileged = false) {
    std::string prefix = unprivileged && ::geteuid() == 0
                             ? "setpriv --reuid=65534 --regid=65534 --clear-groups "
                             : "";
    return run_command(prefix + bin_ + " " + args + " 2>&1", out);
  }
  testing::TempDir dir_;
  fs::path store_dir_;
  std::string db_, first_, second_;
  std::string bin_ = NBAPROPS_BINARY;
  std::vector<std::string> before_;
};

TEST_F(HostileEnvironment, AReadOnlyStoreFileIsAStoreErrorAndStaysAsItWas) {
  fs::permissions(db_, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  std::string bytes = file_bytes(db_), out;
  EXPECT_EQ(run("ingest --db " + db_ + " " + second_, &out, true), 3);
  EXPECT_EQ(out, "store error: store " + db_ +
                     ": delete from rejected_rows: attempt to write a readonly database\n");
  EXPECT_EQ(file_bytes(db_), bytes);
  EXPECT_EQ(contents(), before_);
}

TEST_F(HostileEnvironment, AReadOnlyFolderIsAStoreErrorAndTheStoreStaysAsItWas) {
  fs::permissions(db_, fs::perms::all);
  fs::permissions(store_dir_, fs::perms::owner_read | fs::perms::owner_exec |
                                  fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
  std::string bytes = file_bytes(db_), out;
  EXPECT_EQ(run("ingest --db " + db_ + " " + second_, &out, true), 3);
  EXPECT_EQ(out, "store error: store " + db_ +
                     ": BEGIN IMMEDIATE: attempt to write a readonly database\n");
  EXPECT_EQ(file_bytes(db_), bytes);
  EXPECT_EQ(contents(), before_);
}

TEST_F(HostileEnvironment, ACorruptedStoreIsAStoreErrorAndIsNotTouched) {
  std::string bytes = file_bytes(db_);
  std::string corrupted = bytes;
  for (size_t i = 0; i < 100; ++i) corrupted[i] = static_cast<char>('#' + i % 7);
  { std::ofstream(db_, std::ios::binary | std::ios::trunc) << corrupted; }
  std::string out;
  EXPECT_EQ(run("ingest --db " + db_ + " " + second_, &out), 3);
  EXPECT_EQ(out,
            "store error: store " + db_ + ": PRAGMA journal_mode=WAL: file is not a database\n");
  EXPECT_EQ(run("run --db " + db_ + " --date 2024-10-22 --quiet", &out), 3);
  EXPECT_EQ(out,
            "store error: store " + db_ + ": PRAGMA journal_mode=WAL: file is not a database\n");
  EXPECT_EQ(file_bytes(db_), corrupted);
}

TEST_F(HostileEnvironment, AFullDiskIsAStoreErrorAndTheFileIsRolledBack) {
  // A file-size limit stands in for a full disk (no root, no loop device): the write-ahead
  // log cannot grow past 32 KiB. SQLite reports the failed write (EFBIG) as an I/O error; a
  // real full disk (ENOSPC) reads "database or disk is full".
  std::string out;
  int rc = run_command("bash -c 'trap \"\" XFSZ; ulimit -f 32; exec " + bin_ + " ingest --db " +
                           db_ + " " + second_ + "' 2>&1",
                       &out);
  EXPECT_EQ(rc, 3);
  EXPECT_EQ(out, "store error: store " + db_ + ": COMMIT: disk I/O error\n");
  EXPECT_EQ(contents(), before_);
  EXPECT_EQ(run("ingest --db " + db_ + " " + second_ + " >/dev/null", &out), 0) << out;
}

TEST_F(HostileEnvironment, ALockHeldPastTheBusyTimeoutIsAStoreErrorAfterTenSeconds) {
  SqliteStore holder(db_, table_catalog());
  holder.begin();  // BEGIN IMMEDIATE: the write lock, held
  std::string out;
  auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(run("ingest --db " + db_ + " " + second_, &out), 3);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_EQ(out, "store error: store " + db_ + ": BEGIN IMMEDIATE: database is locked\n");
  EXPECT_GE(seconds, 9.5);
  holder.rollback();
  EXPECT_EQ(contents(), before_);
}

TEST_F(HostileEnvironment, ImpossibleDatesAreUsageErrors) {
  std::string out;
  const std::string dates_message =
      "error: dates must be YYYY-MM-DD (or today/yesterday/tomorrow), from <= to\n";
  EXPECT_EQ(run("run --db " + db_ + " --date 2025-02-30", &out), 2);
  EXPECT_EQ(out, dates_message);
  EXPECT_EQ(run("run --db " + db_ + " --date 2025-13-01", &out), 2);
  EXPECT_EQ(out, dates_message);
  EXPECT_EQ(run("backfill --db " + db_ + " --from 2025-01-10 --to 2025-01-01", &out), 2);
  EXPECT_EQ(out, dates_message);
  EXPECT_EQ(run("backfill --db " + db_ + " --from 1900-01-01 --to 99999-01-01", &out), 2);
  EXPECT_EQ(out, dates_message);
  EXPECT_EQ(contents(), before_);
}

TEST_F(HostileEnvironment, ThreadsZeroMeansTheMachineAndAHugeValueIsAUsageError) {
  std::string out;
  EXPECT_LE(run("backfill --db " + db_ +
                    " --from 2024-10-22 --to 2024-10-22 --threads 0 "
                    "--quiet --no-progress",
                &out),
            1)
      << out;
  auto after_zero = contents();
  EXPECT_EQ(
      run("backfill --db " + db_ + " --from 2024-10-22 --to 2024-10-22 --threads 100000", &out), 2);
  EXPECT_EQ(out, "error: --threads must be at most 256\n");
  EXPECT_EQ(run("backfill --db " + db_ +
                    " --from 2024-10-22 --to 2024-10-22 --threads "
                    "99999999999",
                &out),
            2);
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 2) << out;  // CLI11: message + hint
  EXPECT_EQ(contents(), after_zero);
}

}  // namespace
}  // namespace nbaprops
