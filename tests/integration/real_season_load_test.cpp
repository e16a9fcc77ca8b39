// Acceptance of 01-raw-data.md §6: loading the real 2024-25 season.
#include <gtest/gtest.h>

#include "pipeline/catalog.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

using testing::real_season_dir;
using testing::sql_rows;
using testing::sql_value;

class RealSeasonLoad : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (real_season_dir().empty()) return;
    dir_ = new testing::TempDir();
    db_ = (dir_->path() / "season.db").string();
    auto store = open_store(db_);
    run_ = new testing::IngestRun(testing::run_ingest(*store, {real_season_dir()}));
  }
  static void TearDownTestSuite() {
    delete run_;
    delete dir_;
  }
  void SetUp() override {
    if (real_season_dir().empty()) {
      GTEST_SKIP() << "real season data not found at " << NBAPROPS_SHARED_DATA_DIR
                   << " (../shared/data/nba-2024-25); skipping";
    }
  }
  static std::string q(const std::string& sql) { return sql_value(db_, sql); }

  static testing::TempDir* dir_;
  static std::string db_;
  static testing::IngestRun* run_;
};

testing::TempDir* RealSeasonLoad::dir_ = nullptr;
std::string RealSeasonLoad::db_;
testing::IngestRun* RealSeasonLoad::run_ = nullptr;

TEST_F(RealSeasonLoad, LoadsEveryFileWithoutRejects) {
  EXPECT_EQ(run_->report.exit_code, 0) << run_->err;
  ASSERT_EQ(run_->report.files.size(), 4u);
  for (const auto& f : run_->report.files) {
    EXPECT_FALSE(f.refused) << f.message;
    EXPECT_EQ(f.counts.rejected, 0) << f.message;
  }
  EXPECT_NE(run_->out.find("player_gamelogs.csv.gz nba-player-gamelog read=26306 loaded=26306 "
                           "replaced=0 merged=0 skipped=0 rejected=0 | games +1230 ~0 | players "
                           "+569 ~0"),
            std::string::npos)
      << run_->out;
  EXPECT_EQ(q("select count(*) from rejected_rows"), "0");
}

TEST_F(RealSeasonLoad, TableCountsMatchTheSpec) {
  EXPECT_EQ(q("select count(*) from games"), "1230");
  EXPECT_EQ(q("select count(*) from games where season_type='regular' and status='final'"), "1230");
  EXPECT_EQ(q("select count(*) from team_boxscores"), "2460");
  EXPECT_EQ(q("select count(*) from player_boxscores"), "26306");
  EXPECT_EQ(q("select count(distinct player_lookup) from player_boxscores"), "569");
  EXPECT_EQ(q("select count(*) from player_boxscores where status='active'"), "26306");
  EXPECT_EQ(q("select count(*) from shots"), "219527");
  EXPECT_EQ(sql_rows(db_, "select zone, count(*) from shots group by zone order by zone"),
            (std::vector<std::string>{"mid_range|34497", "paint|92576", "three|92454"}));
  EXPECT_EQ(q("select count(*) from prop_lines"), "19302");
  EXPECT_EQ(sql_rows(db_, "select market, count(*) from prop_lines group by 1 order by 1"),
            (std::vector<std::string>{"assists|3216", "points|10748", "rebounds|5338"}));
}

TEST_F(RealSeasonLoad, PropsFileCountsRepairsAndMerges) {
  const auto& props = run_->report.files[1];
  EXPECT_EQ(props.format, "oddsapi-props");
  EXPECT_EQ(props.counts.read, 42932);
  EXPECT_EQ(props.counts.repaired, 959);
  EXPECT_EQ(props.counts.loaded, 19302);
  EXPECT_EQ(props.counts.merged, 42932 - 19302);
  EXPECT_EQ(sql_rows(db_,
                     "select bookmaker, line, over_price, under_price from prop_lines where "
                     "player_lookup='jaysontatum' and game_date='2024-10-22' and "
                     "market='points' order by bookmaker"),
            (std::vector<std::string>{"prizepicks|26.5|-137|-137", "underdog|26.5|-137|-137"}));
}

TEST_F(RealSeasonLoad, KnownGamesCheckOut) {
  EXPECT_EQ(q("select pts||' '||fgm||'-'||fga from player_boxscores where "
              "player_lookup='shaigilgeousalexander' and game_date='2025-01-22'"),
            "54 17-35");
  EXPECT_EQ(q("select pts||' in '||minutes from player_boxscores where "
              "player_lookup='nikolajokic' and game_date='2025-04-01'"),
            "61 in 53.0");
  EXPECT_EQ(q("select pts||' '||fgm||'-'||fga||' '||ftm||'-'||fta from player_boxscores where "
              "player_lookup='giannisantetokounmpo' and game_date='2024-11-13'"),
            "59 21-34 16-17");
  EXPECT_EQ(q("select line from prop_lines where player_lookup='giannisantetokounmpo' and "
              "game_date='2024-11-13' and market='points' and bookmaker='prizepicks'"),
            "32.5");
}

TEST_F(RealSeasonLoad, NeutralSiteGamesHaveTheShotsFilesHomeAndAway) {
  EXPECT_EQ(sql_rows(db_,
                     "select game_id, away_team||' @ '||home_team from games where "
                     "neutral_site = 1 order by game_id"),
            (std::vector<std::string>{"0022400147|MIA @ WAS", "0022400621|SAS @ IND",
                                      "0022400633|IND @ SAS", "0022401229|ATL @ MIL",
                                      "0022401230|HOU @ OKC"}));
  EXPECT_EQ(q("select count(*) from games where neutral_site = 0"), "1225");
}

TEST_F(RealSeasonLoad, ScoresEqualTheSumOfPlayerPoints) {
  EXPECT_EQ(q("select count(*) from team_boxscores t where t.pts != (select sum(pts) from "
              "player_boxscores p where p.game_id=t.game_id and p.team_abbr=t.team_abbr)"),
            "0");
  EXPECT_EQ(q("select count(*) from games g join team_boxscores t on t.game_id=g.game_id and "
              "t.team_abbr=g.home_team where t.pts != g.home_score or t.is_home != 1"),
            "0");
}

TEST_F(RealSeasonLoad, ShotsMatchBoxScoresForEveryPlayerGame) {
  EXPECT_EQ(q("select count(*) from player_boxscores b left join (select game_id, player_lookup, "
              "sum(made) fgm, count(*) fga, sum(shot_value=3 and made) fg3m, sum(shot_value=3) "
              "fg3a from shots group by 1,2) s using (game_id, player_lookup) where "
              "coalesce(s.fga, 0) != b.fga or s.fgm != b.fgm or s.fga != b.fga or s.fg3m != b.fg3m "
              "or s.fg3a != b.fg3a"),
            "0");
}

TEST_F(RealSeasonLoad, AtLeast96PercentOfPointsLinesJoinABoxScore) {
  auto row = sql_rows(db_,
                      "select count(*), sum(b.player_lookup is not null) from (select "
                      "distinct game_date, player_lookup from prop_lines where "
                      "market='points') p left join player_boxscores b using (game_date, "
                      "player_lookup)")[0];
  double total = std::stod(row.substr(0, row.find('|')));
  double joined = std::stod(row.substr(row.find('|') + 1));
  EXPECT_EQ(total, 6372);
  EXPECT_EQ(joined, 6145);
  EXPECT_GE(joined / total, 0.96);
}

TEST_F(RealSeasonLoad, EveryGameHasItsTipoffFromTheProps) {
  // Props cover 2024-10-22 to 2025-01-13; each of those games gets the earliest tip-off.
  EXPECT_EQ(q("select count(*) from games where tipoff_utc is not null and game_date > "
              "'2025-01-13'"),
            "0");
  EXPECT_EQ(q("select tipoff_utc from games where game_date='2024-10-22' and home_team='BOS'"),
            "2024-10-22T23:40:00Z");
}

TEST_F(RealSeasonLoad, ReloadChangesNoRowAndReverseOrderGivesTheSameTables) {
  auto store = open_store(db_);
  std::map<std::string, std::string> before;
  for (const char* t : {"games", "player_boxscores", "team_boxscores", "shots", "prop_lines",
                        "players", "player_aliases"}) {
    before[t] = testing::export_csv(*store, t);
  }
  auto again = testing::run_ingest(*store, {real_season_dir()});
  EXPECT_EQ(again.report.exit_code, 0);
  for (const auto& f : again.report.files) {
    EXPECT_EQ(f.counts.loaded, 0) << f.message;
    EXPECT_EQ(f.counts.replaced + f.counts.merged, f.counts.read) << f.message;
  }
  testing::TempDir other;
  auto reversed = open_store((other.path() / "reversed.db").string());
  std::string d = real_season_dir();
  auto run = testing::run_ingest(
      *reversed, {d + "/team_gamelogs.csv.gz", d + "/shots.csv.gz", d + "/player_props_dfs.csv.gz",
                  d + "/player_gamelogs.csv.gz"});
  EXPECT_EQ(run.report.exit_code, 0) << run.err;
  for (const auto& [table, text] : before) {
    EXPECT_EQ(testing::export_csv(*store, table), text) << table << " changed on reload";
    EXPECT_EQ(testing::export_csv(*reversed, table), text) << table << " depends on load order";
  }
}

}  // namespace
}  // namespace nbaprops
