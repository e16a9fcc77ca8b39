// Bad input (01-raw-data.md §5): rejected rows with file, line and reason; refused files;
// nothing half-written. Built on small files written by each test.
#include <gtest/gtest.h>

#include <fstream>
#include <random>

#include "pipeline/catalog.h"
#include "support/store_fixture.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

using testing::run_ingest;
using testing::sql_rows;
using testing::sql_value;

const char* kPlayerLogHeader =
    "SEASON_ID,PLAYER_ID,PLAYER_NAME,TEAM_ID,TEAM_ABBREVIATION,TEAM_NAME,GAME_ID,GAME_DATE,"
    "MATCHUP,WL,MIN,FGM,FGA,FG_PCT,FG3M,FG3A,FG3_PCT,FTM,FTA,FT_PCT,OREB,DREB,REB,AST,STL,BLK,"
    "TOV,PF,PTS,PLUS_MINUS\n";

// A player-log line: 10 points on 4-8 FG, 1-3 3PT, 1-2 FT, 5 rebounds.
std::string player_line(const std::string& id, const std::string& name, const std::string& team,
                        const std::string& game, const std::string& matchup,
                        const std::string& fgm = "4", const std::string& pts = "10") {
  return "22024," + id + "," + name + ",1," + team + ",X," + game + ",2024-11-13," + matchup +
         ",W,30," + fgm + ",8,0.5,1,3,0.3,1,2,0.5,1,4,5,2,1,0,1,2," + pts + ",5\n";
}

class BadInput : public testing::NewStoreTest {};

TEST_F(BadInput, BadRowsAreRejectedWithFileLineAndReasonAndTheRestLoads) {
  std::string file = dir_.write(
      "log.csv",
      std::string(kPlayerLogHeader) +
          player_line("1", "Good Player", "MIL", "0022400210", "MIL vs. CHI") +  // line 2
          player_line("2", "Bad Number", "MIL", "0022400210", "MIL vs. CHI", "4", "ten") +
          player_line("3", "Too Many Makes", "MIL", "0022400210", "MIL vs. CHI", "9", "20") +
          player_line("4", "Unknown Team", "XYZ", "0022400210", "XYZ vs. CHI") +
          "22024,5,Truncated Line,1,MIL,X,0022400210\n" +  // line 6
          player_line("6", "Wrong Points", "CHI", "0022400210", "CHI @ MIL", "4", "11") +
          player_line("1", "Good Player", "MIL", "0022400210", "MIL vs. CHI"));  // line 8
  auto run = run_ingest(*store_, {file});
  EXPECT_EQ(run.report.exit_code, 1);
  const auto& c = run.report.files.at(0).counts;
  EXPECT_EQ(c.read, 7);
  EXPECT_EQ(c.loaded, 1);
  EXPECT_EQ(c.rejected, 6);
  auto rejected = sql_rows(db_,
                           "select line_number, format, \"table\", substr(reason, 1, "
                           "instr(reason, ':') - 1) from rejected_rows order by line_number");
  EXPECT_EQ(rejected,
            (std::vector<std::string>{"3|nba-player-gamelog|player_boxscores|bad_value",
                                      "4|nba-player-gamelog|player_boxscores|inconsistent",
                                      "5|nba-player-gamelog|player_boxscores|unknown_team",
                                      "6|nba-player-gamelog|player_boxscores|field_count",
                                      "7|nba-player-gamelog|player_boxscores|inconsistent",
                                      "8|nba-player-gamelog|player_boxscores|duplicate_key"}));
  EXPECT_EQ(q("select reason from rejected_rows where line_number = 3"),
            "bad_value: PTS 'ten' (not an integer)");
  EXPECT_EQ(q("select reason from rejected_rows where line_number = 8"),
            "duplicate_key: same key as line 2");
  EXPECT_EQ(q("select source_file from rejected_rows limit 1"), file);
  EXPECT_EQ(q("select raw_text from rejected_rows where line_number = 6"),
            "22024,5,Truncated Line,1,MIL,X,0022400210");
  EXPECT_EQ(q("select player_lookup from player_boxscores"), "goodplayer");
}

TEST_F(BadInput, ReloadingAFileReplacesItsRejectedRows) {
  std::string bad = std::string(kPlayerLogHeader) +
                    player_line("2", "Bad Number", "MIL", "0022400210", "MIL vs. CHI", "4", "x");
  std::string file = dir_.write("log.csv", bad);
  run_ingest(*store_, {file});
  EXPECT_EQ(q("select count(*) from rejected_rows"), "1");
  dir_.write("log.csv", std::string(kPlayerLogHeader) +
                            player_line("2", "Fixed", "MIL", "0022400210", "MIL vs. CHI"));
  auto run = run_ingest(*store_, {file});
  EXPECT_EQ(run.report.exit_code, 0);
  EXPECT_EQ(q("select count(*) from rejected_rows"), "0");
}

// Loads one good file, then `bad`; the store must hold exactly what the good file gave.
void expect_refused_and_store_unchanged(Store& store, const std::string& db,
                                        const std::string& good, const std::string& bad,
                                        const std::string& message_part) {
  ASSERT_EQ(run_ingest(store, {good}).report.exit_code, 0);
  std::string before = testing::export_csv(store, "player_boxscores") +
                       testing::export_csv(store, "games") + testing::export_csv(store, "players");
  auto run = run_ingest(store, {bad});
  EXPECT_EQ(run.report.exit_code, 2) << run.err;
  ASSERT_EQ(run.report.files.size(), 1u);
  EXPECT_TRUE(run.report.files[0].refused);
  EXPECT_NE(run.err.find(message_part), std::string::npos) << run.err;
  EXPECT_EQ(testing::export_csv(store, "player_boxscores") + testing::export_csv(store, "games") +
                testing::export_csv(store, "players"),
            before);
  EXPECT_EQ(sql_value(db, "select count(*) from rejected_rows"), "0");
}

class RefusedFiles : public BadInput {
 protected:
  std::string good() {
    return dir_.write("good.csv", std::string(kPlayerLogHeader) +
                                      player_line("1", "Good", "MIL", "0022400210", "MIL vs. CHI"));
  }
};

TEST_F(RefusedFiles, MissingColumnsAreNamed) {
  std::string header(kPlayerLogHeader);
  header.replace(header.find(",PLUS_MINUS"), 11, "");
  header.replace(header.find(",MIN,"), 5, ",");
  std::string bad = dir_.write("bad.csv", header + "22024,1,A\n");
  expect_refused_and_store_unchanged(*store_, db_, good(), bad,
                                     "refused " + bad +
                                         ": format nba-player-gamelog (closest); missing "
                                         "columns: MIN, PLUS_MINUS");
}

TEST_F(RefusedFiles, WrongHeader) {
  std::string bad = dir_.write("bad.csv", "foo,bar,baz\n1,2,3\n");
  expect_refused_and_store_unchanged(*store_, db_, good(), bad, "missing columns:");
}

TEST_F(RefusedFiles, DuplicateColumn) {
  std::string bad = dir_.write("bad.csv", "player,player,market\n1,2,3\n");
  expect_refused_and_store_unchanged(*store_, db_, good(), bad, "duplicate column player");
}

TEST_F(RefusedFiles, BinaryGarbage) {
  std::mt19937 rng(7);
  std::string bytes(4096, '\0');
  for (auto& b : bytes) b = static_cast<char>(rng() & 0xff);
  bytes[0] = 'x';  // not a gzip or zip magic
  std::string bad = dir_.write("garbage.csv", bytes);
  expect_refused_and_store_unchanged(*store_, db_, good(), bad, "refused " + bad);
}

TEST_F(RefusedFiles, ZipArchive) {
  std::string bad = dir_.write("data.csv", std::string("PK\x03\x04", 4) + "rest of a zip");
  expect_refused_and_store_unchanged(*store_, db_, good(), bad, "zip");
}

TEST_F(RefusedFiles, TruncatedGzip) {
  std::string body(kPlayerLogHeader);
  for (int i = 0; i < 400; ++i) {
    body += player_line(std::to_string(100 + i), "Player " + std::to_string(i), "MIL",
                        "00224" + std::to_string(10000 + i), "MIL vs. CHI");
  }
  std::string gz = dir_.write_gz("full.csv.gz", body);
  std::ifstream in(gz, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string bad = dir_.write("cut.csv.gz", bytes.substr(0, bytes.size() / 2));
  expect_refused_and_store_unchanged(*store_, db_, good(), bad, "refused " + bad);
}

TEST_F(RefusedFiles, UnterminatedQuoteRefusesTheWholeFile) {
  std::string bad =
      dir_.write("bad.csv", std::string(kPlayerLogHeader) +
                                player_line("7", "Would Load", "MIL", "0022400211", "MIL vs. CHI") +
                                "22024,8,\"Open Quote,1,MIL\n");
  expect_refused_and_store_unchanged(*store_, db_, good(), bad, "unterminated");
}

TEST_F(BadInput, ArgumentsAreCheckedBeforeAnythingLoads) {
  std::string good =
      dir_.write("good.csv", std::string(kPlayerLogHeader) +
                                 player_line("1", "A", "MIL", "0022400210", "MIL vs. CHI"));
  auto run = run_ingest(*store_, {good, (dir_.path() / "missing.csv").string()});
  EXPECT_EQ(run.report.exit_code, 2);
  EXPECT_NE(run.err.find("missing.csv"), std::string::npos);
  EXPECT_EQ(q("select count(*) from player_boxscores"), "0");
}

// A store that fails on its Nth write, to show a failing file leaves no trace.
class FailingStore : public Store {
 public:
  FailingStore(Store& inner, int fail_at) : inner_(inner), fail_at_(fail_at) {}
  void begin() override { inner_.begin(); }
  void commit() override { inner_.commit(); }
  void rollback() override { inner_.rollback(); }
  bool upsert(const TableSchema& t, const Row& r) override {
    tick();
    return inner_.upsert(t, r);
  }
  void insert(const TableSchema& t, const Row& r) override {
    tick();
    inner_.insert(t, r);
  }
  int64_t erase(const TableSchema& t, const std::vector<Condition>& w) override {
    return inner_.erase(t, w);
  }
  void scan(const TableSchema& t, const std::vector<Condition>& w,
            const std::function<void(const Row&)>& fn) override {
    inner_.scan(t, w, fn);
  }
  int64_t count(const TableSchema& t, const std::vector<Condition>& w) override {
    return inner_.count(t, w);
  }
  std::pair<Value, Value> min_max(const TableSchema& t, const std::string& c) override {
    return inner_.min_max(t, c);
  }

 private:
  void tick() {
    if (++writes_ == fail_at_) throw StoreError("disk full (simulated)");
  }
  Store& inner_;
  int fail_at_;
  int writes_ = 0;
};

TEST_F(BadInput, AStoreFailureMidFileRollsBackThatFileAndStops) {
  std::string first =
      dir_.write("a.csv", std::string(kPlayerLogHeader) +
                              player_line("1", "A", "MIL", "0022400210", "MIL vs. CHI"));
  std::string body(kPlayerLogHeader);
  for (int i = 0; i < 50; ++i) {
    body += player_line(std::to_string(100 + i),
                        "P" + std::string(1, char('a' + i % 26)) + std::to_string(i), "BOS",
                        "0022400300", "BOS vs. NYK");
  }
  std::string second = dir_.write("b.csv", body);
  std::string third =
      dir_.write("c.csv", std::string(kPlayerLogHeader) +
                              player_line("9", "C", "LAL", "0022400400", "LAL vs. SAS"));
  ASSERT_EQ(run_ingest(*store_, {first}).report.exit_code, 0);
  std::string before = testing::export_csv(*store_, "player_boxscores") +
                       testing::export_csv(*store_, "players") +
                       testing::export_csv(*store_, "games");
  FailingStore failing(*store_, 40);
  auto run = run_ingest(failing, {second, third});
  EXPECT_EQ(run.report.exit_code, 3);
  EXPECT_NE(run.err.find("disk full"), std::string::npos);
  EXPECT_EQ(testing::export_csv(*store_, "player_boxscores") +
                testing::export_csv(*store_, "players") + testing::export_csv(*store_, "games"),
            before);
}

}  // namespace
}  // namespace nbaprops
