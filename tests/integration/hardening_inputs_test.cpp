// Issue 16, the defects a hostile-input probe found, each pinned with the input that failed:
// a header-less or CR-only canonical file, empty stats in a team log, overflowing numbers,
// lines and fields past the reader's bounds, a store file that cannot be opened.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/csv_reader.h"
#include "pipeline/catalog.h"
#include "store/sqlite/sqlite_store.h"
#include "support/store_fixture.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

using testing::run_ingest;
using testing::sql_rows;
using testing::sql_value;

const std::string kBoxHeader =
    "game_id,game_date,team_abbr,player_id,player_lookup,player_name,status,dnp_reason,starter,"
    "minutes,pts,fgm,fga,fg3m,fg3a,ftm,fta,oreb,dreb,reb,ast,stl,blk,tov,pf,plus_minus\n";
const std::string kBoxRows =
    "0022400001,2024-11-13,MIL,1,,Good Player,active,,true,30,10,4,8,0,1,2,2,1,3,4,2,1,0,1,2,5\n"
    "0022400001,2024-11-13,CHI,2,,Rested Player,dnp,Rest,,,,,,,,,,,,,,,,,,\n";

const std::string kTeamHeader =
    "SEASON_ID,TEAM_ID,TEAM_ABBREVIATION,TEAM_NAME,GAME_ID,GAME_DATE,MATCHUP,WL,MIN,PTS,FGM,FGA,"
    "FG_PCT,FG3M,FG3A,FG3_PCT,FTM,FTA,FT_PCT,OREB,DREB,REB,AST,STL,BLK,TOV,PF,PLUS_MINUS,SEASON\n";
// A team-log line of BKN vs. NYK with `ast` and `fgm` as given (105 points = 2*38 + 12 + 17).
std::string team_line(const std::string& game, const std::string& team, const std::string& matchup,
                      const std::string& ast, const std::string& fgm = "38") {
  return "22024,1," + team + ",X," + game + ",2025-04-13," + matchup + ",L,240,105," + fgm +
         ",74,0.5,12,35,0.3,17,25,0.6,6,36,42," + ast + ",4,2,18,24,-8.0,2024-25\n";
}

const std::string kPlayerLogHeader =
    "PLAYER_ID,PLAYER_NAME,TEAM_ABBREVIATION,GAME_ID,GAME_DATE,MATCHUP,MIN,FGM,FGA,FG3M,FG3A,"
    "FTM,FTA,OREB,DREB,REB,AST,STL,BLK,TOV,PF,PTS,PLUS_MINUS\n";

class HardeningInputs : public testing::NewStoreTest {};

TEST_F(HardeningInputs, ACanonicalFileWithoutItsHeaderIsRefusedWithAMessage) {
  std::string file = dir_.write("player_boxscores.csv", kBoxRows);  // crashed (null format)
  auto run = run_ingest(*store_, {file});
  EXPECT_EQ(run.report.exit_code, 2);
  EXPECT_EQ(run.err, "refused " + file +
                         ": the header has empty column names (is the header line missing?)\n");
  EXPECT_EQ(q("select count(*) from player_boxscores"), "0");
}

TEST_F(HardeningInputs, ACanonicalFileWithCrOnlyLineEndsIsRefusedWithAMessage) {
  std::string text = kBoxHeader + kBoxRows;
  std::replace(text.begin(), text.end(), '\n', '\r');
  std::string file = dir_.write("player_boxscores.csv", text);
  auto run = run_ingest(*store_, {file});
  EXPECT_EQ(run.report.exit_code, 2);
  EXPECT_EQ(run.err, "refused " + file +
                         ": line ends are CR only (classic Mac OS): convert them to LF or CRLF\n");
}

TEST_F(HardeningInputs, EmptyStatsInATeamLogRejectTheRowAndTheNextFileStillLoads) {
  std::string team = dir_.write(
      "a_team.csv", kTeamHeader + team_line("0022401188", "BKN", "BKN vs. NYK", "") +
                        team_line("0022401188", "NYK", "NYK @ BKN", "NA") +
                        team_line("0022401191", "PHI", "PHI vs. CHI", "None") +
                        team_line("0022401191", "CHI", "CHI @ PHI", "null") +
                        team_line("0022401192", "BOS", "BOS vs. MIA", "21", "") +  // empty FGM
                        team_line("0022401192", "MIA", "MIA @ BOS", "21"));
  std::string players = dir_.write(
      "b_players.csv",
      kPlayerLogHeader +
          "1,Ann Able,LAL,0022400001,2024-10-22,LAL vs. SAS,30,4,8,1,3,1,2,1,4,5,2,1,0,1,2,10,5\n");
  auto run = run_ingest(*store_, {team, players});
  EXPECT_EQ(run.report.exit_code, 1) << run.err;
  EXPECT_EQ(sql_rows(db_, "select line_number, reason from rejected_rows order by line_number"),
            (std::vector<std::string>{"2|missing_value: ast ''", "3|missing_value: ast ''",
                                      "4|missing_value: ast ''", "5|missing_value: ast ''",
                                      "6|missing_value: fgm ''"}));
  EXPECT_EQ(q("select count(*) from team_boxscores"), "1");
  EXPECT_EQ(q("select count(*) from player_boxscores"), "1");
}

TEST_F(HardeningInputs, HugeNumbersAreOutOfRangeNotOverflowed) {
  std::string shots_header =
      "TEAM_NAME,PLAYER_ID,PLAYER_NAME,GAME_DATE,GAME_ID,HOME_TEAM,AWAY_TEAM,SHOT_MADE,SHOT_TYPE,"
      "LOC_X,LOC_Y,SHOT_DISTANCE,QUARTER,MINS_LEFT,SECS_LEFT\n";
  std::string shot =
      "Atlanta Hawks,1642258,Zaccharie Risacher,11-12-2024,22400001,BOS,ATL,FALSE,"
      "3PT Field Goal,16.8,25.75,26,1,";
  std::string shots =
      dir_.write("shots.csv", shots_header + shot + "307445734561825860,43\n" + shot +
                                  "1,-9223372036854775808\n" + shot + "11,43\n");
  auto run = run_ingest(*store_, {shots});
  EXPECT_EQ(run.report.exit_code, 1) << run.err;
  EXPECT_EQ(sql_rows(db_, "select line_number, reason from rejected_rows order by line_number"),
            (std::vector<std::string>{"2|out_of_range: MINS_LEFT '307445734561825860' (0-12)",
                                      "3|out_of_range: SECS_LEFT '-9223372036854775808' (0-59)"}));
  EXPECT_EQ(q("select seconds_left_in_period from shots"), "703");

  std::string big = "9223372036854775807";
  std::string team =
      dir_.write("team.csv", kTeamHeader +
                                 "22024,1,BKN,X,0022401188,2025-04-13,BKN vs. NYK,L,240,105,38,"
                                 "74,0.5,12,35,0.3,17,25,0.6," +
                                 big + "," + big +
                                 ",42,21,4,2,18,"
                                 "24,-9223372036854775808,2024-25\n");
  run = run_ingest(*store_, {team});
  EXPECT_EQ(run.report.exit_code, 1) << run.err;
  EXPECT_EQ(q("select reason from rejected_rows where source_file like '%team.csv'"),
            "out_of_range: oreb '" + big + "' (above 1000)");
}

TEST_F(HardeningInputs, ALineOrFieldPastTheBoundIsRejectedAndTheRestLoads) {
  std::string good =
      "1,Ann Able,LAL,0022400001,2024-10-22,LAL vs. SAS,30,4,8,1,3,1,2,1,4,5,2,1,0,1,2,10,5\n";
  std::string commas(kMaxRecordBytes + 1, ',');
  std::string long_name(kMaxFieldBytes + 1, 'x');
  std::string file =
      dir_.write_gz("log.csv.gz", kPlayerLogHeader + commas + "\n" + "2," + long_name +
                                      ",LAL,0022400001,2024-10-22,LAL vs. SAS,30,4,8,1,3,1,2,"
                                      "1,4,5,2,1,0,1,2,10,5\n" +
                                      good);
  auto run = run_ingest(*store_, {file});
  EXPECT_EQ(run.report.exit_code, 1) << run.err;
  EXPECT_EQ(sql_rows(db_,
                     "select line_number, reason, length(raw_text) from rejected_rows "
                     "order by line_number"),
            (std::vector<std::string>{
                "2|line_too_long: 1048577 bytes, the limit is 1048576|2001",
                "3|field_too_long: field 2 has 65537 bytes, the limit is 65536|2001"}));
  EXPECT_EQ(q("select count(*) from player_boxscores"), "1");
}

TEST_F(HardeningInputs, AHeaderPastTheBoundOrAFileOverOneGibIsRefused) {
  std::string file = dir_.write("wide.csv", std::string(kMaxRecordBytes + 1, 'a') + "\n1\n");
  auto run = run_ingest(*store_, {file});
  EXPECT_EQ(run.report.exit_code, 2);
  EXPECT_EQ(run.err, "refused " + file + ": header line longer than 1 MiB\n");
  std::string sparse = (dir_.path() / "huge.csv").string();
  { std::ofstream(sparse) << "x"; }
  std::filesystem::resize_file(sparse, kMaxFileBytes + 1);  // sparse: no disk used
  run = run_ingest(*store_, {sparse});
  EXPECT_EQ(run.report.exit_code, 2);
  EXPECT_EQ(run.err, "refused " + sparse + ": larger than 1 GiB (the limit of an input file)\n");
}

TEST_F(HardeningInputs, AQuotedFieldPastTheBoundRefusesTheFile) {
  std::string quoted;  // short physical lines, one quoted field of more than 1 MiB
  while (quoted.size() <= kMaxRecordBytes) quoted += std::string(999, 'x') + "\n";
  std::string file = dir_.write("log.csv", kPlayerLogHeader + "1,\"" + quoted + "\"\n");
  auto run = run_ingest(*store_, {file});
  EXPECT_EQ(run.report.exit_code, 2);
  EXPECT_EQ(run.err, "refused " + file + ": quoted field longer than 1 MiB at line 2\n");
}

// A store that cannot be opened throws StoreError and leaves nothing open (LeakSanitizer
// checks the second half under `make sanitize`).
TEST(HardeningStore, AFileThatIsNotADatabaseIsAStoreErrorWithoutALeak) {
  testing::TempDir dir;
  std::string path = dir.write("not.db", std::string(4096, 'x'));
  try {
    SqliteStore store(path, table_catalog());
    FAIL() << "opened a file that is not a database";
  } catch (const StoreError& e) {
    EXPECT_EQ(std::string(e.what()),
              "store " + path + ": PRAGMA journal_mode=WAL: file is not a database");
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(bytes, std::string(4096, 'x'));
}

}  // namespace
}  // namespace nbaprops
