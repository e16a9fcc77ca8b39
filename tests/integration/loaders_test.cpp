// Each input format on small hand-written files: what lands in which table (01-raw-data.md §3-4).
#include <gtest/gtest.h>

#include "pipeline/catalog.h"
#include "support/store_fixture.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

using testing::run_ingest;
using testing::sql_rows;
using testing::sql_value;

class Loaders : public testing::NewStoreTest {};

const char* kProps =
    "player,market,bookmaker,side,line,price,home_team,away_team,game_id,"
    "commence_time\n";

TEST_F(Loaders, PropsFoldOverAndUnderIntoOneRow) {
  std::string f = dir_.write(
      "props.csv",
      std::string(kProps) +
          "Jayson Tatum,player_points,DraftKings,Over,26.5,-115,Boston Celtics,New York Knicks,x,"
          "2024-10-22T23:40:00Z\n"  // 2
          "Jayson Tatum,player_points,DraftKings,Under,26.5,-105,Boston Celtics,New York Knicks,"
          "x,2024-10-22T23:40:00Z\n"  // 3 fills
          "Jayson Tatum,player_points,DraftKings,Under,26.5,-105,Boston Celtics,New York Knicks,"
          "x,2024-10-22T23:40:00Z\n"  // 4 repeat
          "Jalen Brunson,player_assists,DraftKings,Over,7.5,2.5,Boston Celtics,New York Knicks,"
          "x,2024-10-22T23:40:00Z\n"  // 5 decimal
          "Jalen Brunson,player_assists,DraftKings,Over,6.5,1.91,Boston Celtics,New York Knicks,"
          "x,2024-10-22T23:40:00Z\n"  // 6 new number
          "player_rebounds,williamhill_us,Josh Hart,Over,9.5,-120,Boston Celtics,New York "
          "Knicks,x,2024-10-22T23:40:00Z\n"  // 7 repaired
          "Josh Hart,player_points_alternate,DraftKings,Over,12.5,-120,Boston Celtics,New York "
          "Knicks,x,2024-10-22T23:40:00Z\n"  // 8 skipped
          "Josh Hart,player_points,DraftKings,Push,12.5,-120,Boston Celtics,New York Knicks,x,"
          "2024-10-22T23:40:00Z\n");  // 9 bad side
  auto run = run_ingest(*store_, {f});
  EXPECT_EQ(run.report.exit_code, 1) << run.out << run.err;
  const auto& c = run.report.files.at(0).counts;
  EXPECT_EQ(c.read, 8);
  EXPECT_EQ(c.loaded, 3);
  EXPECT_EQ(c.merged, 3);
  EXPECT_EQ(c.skipped, 1);
  EXPECT_EQ(c.rejected, 1);
  EXPECT_EQ(c.repaired, 1);
  EXPECT_EQ(rows("select player_lookup, market, bookmaker, line, coalesce(over_price, 'NULL'), "
                 "coalesce(under_price, 'NULL'), game_date, game_id, snapshot_utc from prop_lines "
                 "order by 1"),
            (std::vector<std::string>{
                "jalenbrunson|assists|draftkings|6.5|-110|NULL|2024-10-22|20241022_NYK_BOS|"
                "2024-10-22T22:40:00Z",
                "jaysontatum|points|draftkings|26.5|-115|-105|2024-10-22|20241022_NYK_BOS|"
                "2024-10-22T22:40:00Z",
                "joshhart|rebounds|caesars|9.5|-120|NULL|2024-10-22|20241022_NYK_BOS|"
                "2024-10-22T22:40:00Z"}));
  EXPECT_EQ(q("select substr(reason, 1, 9) from rejected_rows"), "bad_value");
}

TEST_F(Loaders, PropsUseTheSnapshotColumnAndTheEasternDate) {
  std::string f = dir_.write(
      "props.csv",
      "player,market,bookmaker,side,line,price,home_team,away_team,game_id,commence_time,"
      "snapshot_utc\n"
      "Chris Paul,player_assists,Underdog,Over,8.5,-137,San Antonio Spurs,Los Angeles Clippers,"
      "e,2025-01-01T00:10:00Z,2024-12-31T18:00:00Z\n");
  ASSERT_EQ(run_ingest(*store_, {f}).report.exit_code, 0);
  EXPECT_EQ(q("select game_date||' '||game_id||' '||snapshot_utc||' '||tipoff_utc from prop_lines"),
            "2024-12-31 20241231_LAC_SAS 2024-12-31T18:00:00Z 2025-01-01T00:10:00Z");
}

const char* kTeamLog =
    "SEASON_ID,TEAM_ID,TEAM_ABBREVIATION,TEAM_NAME,GAME_ID,GAME_DATE,MATCHUP,"
    "WL,MIN,PTS,FGM,FGA,FG_PCT,FG3M,FG3A,FG3_PCT,FTM,FTA,FT_PCT,OREB,DREB,REB,"
    "AST,STL,BLK,TOV,PF,PLUS_MINUS\n";

std::string team_line(const std::string& team, const std::string& game, const std::string& date,
                      const std::string& matchup, int pts) {
  // pts = 2*fgm + fg3m + ftm with fg3m = 10, ftm = 10: fgm = (pts - 20) / 2.
  int fgm = (pts - 20) / 2;
  return "22024,1," + team + ",X," + game + "," + date + "," + matchup + ",W,240," +
         std::to_string(pts) + "," + std::to_string(fgm) + ",90,0.4,10,30,0.3,10,12,0.8,10,30,40," +
         "20,5,5,10,20,0.0\n";
}

TEST_F(Loaders, TeamLogGivesHomeAwayScoresAndNeutralSite) {
  std::string f =
      dir_.write("teams.csv", std::string(kTeamLog) +
                                  team_line("BOS", "0022400001", "2024-10-22", "BOS vs. NYK", 132) +
                                  team_line("NYK", "0022400001", "2024-10-22", "NYK @ BOS", 110) +
                                  team_line("IND", "0022400621", "2025-01-23", "SAS @ IND", 136) +
                                  team_line("SAS", "0022400621", "2025-01-23", "SAS @ IND", 140) +
                                  team_line("LAL", "0032400001", "2025-02-16", "LAL vs. BOS", 120));
  auto run = run_ingest(*store_, {f});
  EXPECT_EQ(run.report.exit_code, 0) << run.err;
  EXPECT_EQ(run.report.files[0].counts.skipped, 1);  // All-Star
  EXPECT_EQ(rows("select game_id, away_team, home_team, away_score, home_score, neutral_site, "
                 "source, season from games"),
            (std::vector<std::string>{"0022400001|NYK|BOS|110|132|0|team_log|2024",
                                      "0022400621|SAS|IND|140|136|1|team_log|2024"}));
  EXPECT_EQ(rows("select team_abbr, opponent_abbr, is_home from team_boxscores order by 1"),
            (std::vector<std::string>{"BOS|NYK|1", "IND|SAS|1", "NYK|BOS|0", "SAS|IND|0"}));
}

const char* kPlayerLog =
    "PLAYER_ID,PLAYER_NAME,TEAM_ABBREVIATION,GAME_ID,GAME_DATE,MATCHUP,MIN,"
    "FGM,FGA,FG3M,FG3A,FTM,FTA,OREB,DREB,REB,AST,STL,BLK,TOV,PF,PTS,"
    "PLUS_MINUS\n";

std::string player_line(const std::string& id, const std::string& name, const std::string& team,
                        const std::string& matchup, const std::string& min = "30:30") {
  return id + "," + name + "," + team + ",0022400001,2024-10-22," + matchup + "," + min +
         ",4,8,1,3,1,2,1,4,5,2,1,0,1,2,10,NA\n";
}

TEST_F(Loaders, PlayerLogNamesMinutesAndPlayers) {
  std::string f = dir_.write(
      "players.csv",
      std::string(kPlayerLog) + player_line("201", "Nikola Jokić", "BOS", "BOS vs. NYK") +
          player_line("202", "\"Porter Jr., Michael\"", "NYK", "NYK @ BOS", "PT34M20.00S") +
          player_line("203", "Herb Jones", "NYK", "NYK @ BOS", "12"));
  auto run = run_ingest(*store_, {f});
  EXPECT_EQ(run.report.exit_code, 0) << run.err;
  EXPECT_EQ(rows("select player_lookup, player_name, minutes, coalesce(plus_minus, 'NULL') from "
                 "player_boxscores order by 1"),
            (std::vector<std::string>{"herbertjones|Herb Jones|12.0|NULL",
                                      "michaelporter|Porter Jr., Michael|34.33|NULL",
                                      "nikolajokic|Nikola Jokić|30.5|NULL"}));
  EXPECT_EQ(q("select count(*) from players"), "3");
  EXPECT_EQ(q("select away_score||'-'||home_score||' '||source from games"), "20-10 player_log");
}

TEST_F(Loaders, PlayerIdsBindLookupsAndConflictsAreRejected) {
  std::string first = dir_.write(
      "a.csv", std::string(kPlayerLog) + player_line("301", "Cui Cui", "BOS", "BOS vs. NYK"));
  ASSERT_EQ(run_ingest(*store_, {first}).report.exit_code, 0);
  // Same id under another name: takes the stored lookup, and an auto alias is recorded.
  const char* shots_header =
      "TEAM_NAME,PLAYER_ID,PLAYER_NAME,GAME_DATE,GAME_ID,HOME_TEAM,"
      "AWAY_TEAM,SHOT_MADE,SHOT_TYPE,LOC_X,LOC_Y,SHOT_DISTANCE,QUARTER,"
      "MINS_LEFT,SECS_LEFT\n";
  std::string shots = dir_.write(
      "s.csv", std::string(shots_header) +
                   "Boston Celtics,301,Cui Yongxi,10-22-2024,22400001,BOS,NYK,TRUE,2PT Field "
                   "Goal,1.5,6.0,2,1,11,43\n"
                   "Boston Celtics,999,Cui Cui,10-22-2024,22400001,BOS,NYK,FALSE,3PT Field "
                   "Goal,20.0,20.0,25,1,10,3\n");
  auto run = run_ingest(*store_, {shots});
  EXPECT_EQ(run.report.exit_code, 1);
  EXPECT_EQ(q("select alias_lookup||'>'||player_lookup from player_aliases where origin='auto'"),
            "cuiyongxi>cuicui");
  EXPECT_EQ(q("select player_lookup||' '||zone from shots"), "cuicui paint");
  EXPECT_EQ(q("select substr(reason, 1, 15) from rejected_rows"), "lookup_conflict");
}

TEST_F(Loaders, ShotChartFormatConvertsTenthsOfAFoot) {
  std::string f = dir_.write(
      "chart.csv",
      "GRID_TYPE,GAME_ID,GAME_EVENT_ID,PLAYER_ID,PLAYER_NAME,TEAM_ID,TEAM_NAME,PERIOD,"
      "MINUTES_REMAINING,SECONDS_REMAINING,ACTION_TYPE,SHOT_TYPE,SHOT_ZONE_BASIC,SHOT_DISTANCE,"
      "LOC_X,LOC_Y,SHOT_ATTEMPTED_FLAG,SHOT_MADE_FLAG,GAME_DATE,HTM,VTM\n"
      "Shot Chart Detail,0022400001,7,1628369,Jayson Tatum,1610612738,Boston Celtics,1,11,20,Jump "
      "Shot,3PT Field Goal,Above the Break 3,25,-87,236,1,1,20241022,BOS,NYK\n"
      "Shot Chart Detail,0022400001,9,1628369,Jayson Tatum,1610612738,Boston Celtics,1,10,2,"
      "Layup,2PT Field Goal,Restricted Area,1,5,10,0,0,20241022,BOS,NYK\n");
  auto run = run_ingest(*store_, {f});
  EXPECT_EQ(run.report.exit_code, 0) << run.err;
  EXPECT_EQ(run.report.files[0].counts.skipped, 1);  // SHOT_ATTEMPTED_FLAG = 0
  EXPECT_EQ(q("select loc_x||' '||loc_y||' '||seconds_left_in_period||' '||zone||' '||made from "
              "shots"),
            "-8.7 28.85 680 three 1");
  EXPECT_EQ(q("select home_team||' '||source from games"), "BOS shots");
}

const char* kGames =
    "game_id,game_date,season,season_type,home_team,away_team,tipoff_utc,status,"
    "home_score,away_score,neutral_site\n";

TEST_F(Loaders, CanonicalScheduleOutranksAndStaleScheduledRowsAreSkipped) {
  std::string sched = dir_.write(
      "games.csv", std::string(kGames) +
                       "0022400001,2024-10-22,,regular,BOS,NYK,2024-10-22T23:30:00Z,scheduled,,,\n"
                       "0022400002,2024-10-22,2024,regular,LAL,MIN,,final,,,\n");
  auto run = run_ingest(*store_, {sched});
  EXPECT_EQ(run.report.exit_code, 1);  // final without scores
  EXPECT_EQ(q("select season||' '||status||' '||source from games"), "2024 scheduled schedule");
  std::string log = dir_.write(
      "log.csv", std::string(kPlayerLog) + player_line("1", "A B", "BOS", "BOS vs. NYK"));
  run_ingest(*store_, {log});
  EXPECT_EQ(q("select status||' '||home_score||' '||tipoff_utc from games"),
            "final 10 2024-10-22T23:30:00Z");
  auto again = run_ingest(*store_, {sched});
  EXPECT_EQ(again.report.files[0].counts.skipped, 1);
  EXPECT_EQ(q("select status from games"), "final");
}

TEST_F(Loaders, DerivedRowsThatContradictTheStoredGameAreRejected) {
  std::string sched =
      dir_.write("games.csv", std::string(kGames) +
                                  "0022400001,2024-10-23,2024,regular,BOS,NYK,,scheduled,,,\n");
  run_ingest(*store_, {sched});
  std::string log = dir_.write(
      "log.csv", std::string(kPlayerLog) + player_line("1", "A B", "BOS", "BOS vs. NYK"));
  auto run = run_ingest(*store_, {log});
  EXPECT_EQ(run.report.exit_code, 1);
  EXPECT_EQ(q("select substr(reason, 1, 20) from rejected_rows"), "conflicts_with_games");
  EXPECT_EQ(q("select count(*) from player_boxscores"), "0");
}

TEST_F(Loaders, AliasFileRewritesStoredLookupsAndRefusesChains) {
  std::string log = dir_.write(
      "log.csv", std::string(kPlayerLog) + player_line("1", "Nic Claxton", "BOS", "BOS vs. NYK") +
                     player_line("2", "Bob Smith", "NYK", "NYK @ BOS"));
  run_ingest(*store_, {log});
  std::string aliases = dir_.write("aliases.csv",
                                   "alias,player_lookup,player_id\n"
                                   "Bob Smith,robertsmith,\n");
  auto run = run_ingest(*store_, {aliases});
  EXPECT_EQ(run.report.exit_code, 0) << run.err;
  EXPECT_EQ(rows("select player_lookup from player_boxscores order by 1"),
            (std::vector<std::string>{"nicclaxton", "robertsmith"}));
  EXPECT_EQ(q("select player_lookup from players where player_id = 2"), "robertsmith");
  std::string chain = dir_.write("chain.csv",
                                 "alias,player_lookup,player_id\n"
                                 "Bobby Smith,bobsmith,\n");
  auto refused = run_ingest(*store_, {chain});
  EXPECT_EQ(refused.report.exit_code, 2);
  EXPECT_NE(refused.err.find("alias chain"), std::string::npos) << refused.err;
  EXPECT_EQ(q("select count(*) from player_aliases where alias_lookup = 'bobbysmith'"), "0");
}

TEST_F(Loaders, CommandLineExitCodesAndExport) {
  std::string bin = NBAPROPS_BINARY;
  std::string db = (dir_.path() / "cli.db").string();
  std::string good = dir_.write(
      "log.csv", std::string(kPlayerLog) + player_line("1", "A B", "BOS", "BOS vs. NYK"));
  std::string out;
  EXPECT_EQ(testing::run_command(bin + " ingest --db " + db + " " + good, &out), 0);
  EXPECT_NE(out.find("read=1 loaded=1"), std::string::npos) << out;
  EXPECT_EQ(testing::run_command(bin + " ingest --db " + db + " /no/such/file 2>/dev/null"), 2);
  EXPECT_EQ(testing::run_command(bin + " ingest --db " + db + " --bogus x 2>/dev/null"), 2);
  EXPECT_EQ(testing::run_command(bin + " ingest --db /no/such/dir/x.db " + good + " 2>/dev/null"),
            3);
  EXPECT_EQ(testing::run_command(bin + " export --db " + db + " games --format json", &out), 0);
  EXPECT_NE(out.find("\"game_id\":\"0022400001\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"neutral_site\":false"), std::string::npos) << out;
  EXPECT_EQ(
      testing::run_command(
          bin + " export --db " + db + " player_boxscores --from 2024-10-22 --to 2024-10-22", &out),
      0);
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 2);
  EXPECT_EQ(testing::run_command(bin + " export --db " + db + " nosuchtable 2>/dev/null"), 2);
  EXPECT_EQ(testing::run_command(bin + " --help >/dev/null"), 0);
  EXPECT_EQ(testing::run_command(bin + " ingest --help >/dev/null"), 0);
}

}  // namespace
}  // namespace nbaprops
