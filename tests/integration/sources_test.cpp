// Source profiles and the new sources of issue 11 (docs/sources.md), on the small files of
// tests/fixtures/sources/: what each shape loads into which table.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "pipeline/catalog.h"
#include "raw/profile.h"
#include "support/store_fixture.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

using testing::sql_rows;
using testing::sql_value;

std::string fixture(const std::string& name) {
  return std::string(NBAPROPS_FIXTURES_DIR) + "/sources/" + name;
}

class Sources : public testing::NewStoreTest {
 protected:
  IngestReport load(std::vector<std::string> paths, std::vector<std::string> profiles = {}) {
    IngestRequest request;
    request.paths = std::move(paths);
    request.profile_files = std::move(profiles);
    std::ostringstream out, err;
    IngestReport r = ingest(*store_, request, out, err);
    out_ = out.str();
    err_ = err.str();
    return r;
  }
  std::string out_, err_;
};

TEST(Profiles, EveryBuiltInProfileParses) {
  auto profiles = builtin_profiles();
  ASSERT_GE(profiles.size(), 6u);
  std::vector<std::string> names;
  for (const auto& p : profiles) names.push_back(p.name);
  for (const char* want : {"oddsapi-props-wide", "sportsbook-export", "nba-schedule",
                           "schedule-simple", "nba-injury-report", "boxscore-basic"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), want), names.end()) << want;
  }
}

TEST(Profiles, ABadProfileIsRefusedWithItsProblem) {
  EXPECT_THROW(parse_profile("name: x\ntarget: nowhere\nfields: {}\n", "t"), ProfileError);
  EXPECT_THROW(parse_profile("name: x\ntarget: games\nfields:\n  home: [h]\n", "t"),
               ProfileError);  // no away, no date
  EXPECT_THROW(parse_profile(
                   "name: x\ntarget: games\nfields:\n  game_date: {column: d, colour: red}\n", "t"),
               ProfileError);
}

TEST(Profiles, MatchingNeedsOneAliasOfEachRequiredField) {
  const Profile* wide = nullptr;
  for (const auto& p : builtin_profiles()) {
    if (p.name == "oddsapi-props-wide") wide = &p;
  }
  ASSERT_NE(wide, nullptr);
  std::vector<std::string> header = {"player", "game",      "game_time",  "market",
                                     "line",   "bookmaker", "under_odds", "over_odds"};
  EXPECT_TRUE(match_profile(*wide, header).matched);
  header.pop_back();
  auto m = match_profile(*wide, header);
  EXPECT_FALSE(m.matched);
  EXPECT_EQ(m.missing, std::vector<std::string>{"over_odds|over_price"});
}

TEST_F(Sources, WidePropsReadPricesByNameWhateverTheColumnOrder) {
  IngestReport r = load({fixture("threes_wide_swapped.csv")});
  ASSERT_EQ(r.exit_code, 0) << out_ << err_;
  EXPECT_EQ(r.files.at(0).format, "oddsapi-props-wide");
  const auto& c = r.files.at(0).counts;
  EXPECT_EQ(c.read, 4);
  EXPECT_EQ(c.loaded, 3);
  EXPECT_EQ(c.skipped, 1);  // player_blocks is not a kept market
  EXPECT_EQ(
      rows("select player_lookup||'|'||market||'|'||bookmaker||'|'||line||'|'||over_price||"
           "'|'||under_price||'|'||game_id||'|'||snapshot_utc||'|'||tipoff_utc from "
           "prop_lines order by 1"),
      (std::vector<std::string>{// decimal 2.05 -> +105, 1.80 -> -125
                                "jalenbrunson|points|draftkings|25.5|-110|-110|20241022_NYK_BOS|"
                                "2024-10-22T20:00:00Z|2024-10-22T23:40:00Z",
                                "jalenbrunson|threes|caesars|2.5|105|-125|20241022_NYK_BOS|"
                                "2024-10-22T20:00:00Z|2024-10-22T23:40:00Z",
                                "jaysontatum|threes|draftkings|3.5|110|-130|20241022_NYK_BOS|"
                                "2024-10-22T20:00:00Z|2024-10-22T23:40:00Z"}));
}

TEST_F(Sources, ASportsbookExportWithItsOwnColumnNames) {
  IngestReport r = load({fixture("sportsbook_export.csv")});
  EXPECT_EQ(r.exit_code, 1) << out_ << err_;  // line 6: month 13
  EXPECT_EQ(r.files.at(0).format, "sportsbook-export");
  const auto& c = r.files.at(0).counts;
  EXPECT_EQ(c.loaded, 3);
  EXPECT_EQ(c.skipped, 1);  // Double-Double
  EXPECT_EQ(c.rejected, 1);
  EXPECT_EQ(rows("select player_lookup||'|'||market||'|'||bookmaker||'|'||line||'|'||over_price||"
                 "'|'||under_price||'|'||game_date||'|'||game_id||'|'||snapshot_utc from "
                 "prop_lines order by 1"),
            (std::vector<std::string>{
                // no time anywhere: the lines as known at noon ET (17:00 UTC in January)
                "jalenbrunson|threes|fanduel|2.5|-110|-110|2025-01-15|20250115_NYK_BOS|"
                "2025-01-15T17:00:00Z",
                "jaysontatum|points|draftkings|27.5|-115|-105|2025-01-15|20250115_NYK_BOS|"
                "2025-01-15T17:00:00Z",
                "jaysontatum|pra|draftkings|41.5|-110|-110|2025-01-15|20250115_NYK_BOS|"
                "2025-01-15T17:00:00Z"}));
  EXPECT_EQ(q("select line_number||' '||substr(reason, 1, 9) from rejected_rows"), "6 bad_value");
}

TEST_F(Sources, NbaScheduleLoadsScheduledGamesWithTipOffs) {
  IngestReport r = load({fixture("schedule_nba.csv")});
  ASSERT_EQ(r.exit_code, 0) << out_ << err_;
  EXPECT_EQ(r.files.at(0).format, "nba-schedule");
  EXPECT_EQ(
      rows("select game_id||'|'||game_date||'|'||season||'|'||season_type||'|'||away_team||"
           "'@'||home_team||'|'||tipoff_utc||'|'||status||'|'||source from games order by 1"),
      (std::vector<std::string>{
          "0022400585|2025-01-15|2024|regular|NYK@BOS|2025-01-16T00:30:00Z|scheduled|schedule",
          "0022400586|2025-01-15|2024|regular|LAL@DAL|2025-01-16T01:30:00Z|scheduled|"
          "schedule"}));
}

TEST_F(Sources, ASimpleScheduleTakesNamesNicknamesAndCities) {
  IngestReport r = load({fixture("schedule_simple.csv")});
  ASSERT_EQ(r.exit_code, 0) << out_ << err_;
  EXPECT_EQ(r.files.at(0).format, "schedule-simple");
  EXPECT_EQ(rows("select game_id||'|'||coalesce(tipoff_utc, 'NULL')||'|'||status from games "
                 "order by 1"),
            (std::vector<std::string>{"20250116_GSW_SAS|NULL|scheduled",
                                      // 7:30 PM ET = 00:30 UTC the next day
                                      "20250116_LAL_DAL|2025-01-17T02:00:00Z|scheduled",
                                      "20250116_NYK_BOS|2025-01-17T00:30:00Z|scheduled"}));
}

TEST_F(Sources, AScheduleWithoutIdsJoinsTheStoredGameOfThatDateAndTeams) {
  ASSERT_EQ(load({fixture("schedule_nba.csv")}).exit_code, 0);
  std::string f = dir_.write("simple.csv", "date,away,home\n2025-01-15,Knicks,Celtics\n");
  IngestReport r = load({f});
  ASSERT_EQ(r.exit_code, 0) << out_ << err_;
  EXPECT_EQ(q("select count(*) from games"), "2");
  EXPECT_EQ(q("select tipoff_utc from games where game_id = '0022400585'"), "2025-01-16T00:30:00Z");
}

TEST_F(Sources, TheInjuryReportFillsDownAndTakesItsTimeFromTheFileName) {
  IngestReport r = load({fixture("Injury-Report_2025-01-15_05PM.csv")});
  ASSERT_EQ(r.exit_code, 0) << out_ << err_;
  EXPECT_EQ(r.files.at(0).format, "nba-injury-report");
  EXPECT_EQ(r.files.at(0).counts.skipped, 1);  // NOT YET SUBMITTED
  EXPECT_EQ(rows("select report_utc||'|'||game_date||'|'||team_abbr||'|'||player_lookup||'|'||"
                 "player_name||'|'||status||'|'||reason from injuries order by player_lookup"),
            (std::vector<std::string>{
                "2025-01-15T22:00:00Z|2025-01-15|NYK|jalenbrunson|Jalen Brunson|out|"
                "Injury/Illness - Right Calf; Strain",
                "2025-01-15T22:00:00Z|2025-01-15|BOS|jaylenbrown|Jaylen Brown|available|"
                "Injury/Illness - Right Hip; Contusion",
                "2025-01-15T22:00:00Z|2025-01-15|BOS|jaysontatum|Jayson Tatum|questionable|"
                "Injury/Illness - Left Knee; Soreness"}));
  ASSERT_EQ(load({fixture("Injury-Report_2025-01-15_08PM.csv")}).exit_code, 0);
  EXPECT_EQ(
      rows("select report_utc||' '||status from injuries where player_lookup = "
           "'jaysontatum' order by 1"),
      (std::vector<std::string>{"2025-01-15T22:00:00Z questionable", "2025-01-16T01:00:00Z out"}));
}

TEST_F(Sources, BoxScoresWithoutSplitsLoadWithNullSplitsAndMakeTheirGame) {
  IngestReport r = load({fixture("boxscore_basic.csv")});
  EXPECT_EQ(r.exit_code, 1) << out_ << err_;  // line 4: negative points
  EXPECT_EQ(r.files.at(0).format, "boxscore-basic");
  EXPECT_EQ(r.files.at(0).counts.loaded, 2);
  EXPECT_EQ(rows("select player_lookup||'|'||game_id||'|'||team_abbr||'|'||minutes||'|'||pts||'|'||"
                 "reb||'|'||ast||'|'||coalesce(fgm, 'NULL')||'|'||coalesce(oreb, 'NULL') from "
                 "player_boxscores order by 1"),
            (std::vector<std::string>{"jaysontatum|20250115_NYK_BOS|BOS|36.0|30|8|5|NULL|NULL",
                                      "joshhart|20250115_NYK_BOS|NYK|38.5|12|11|6|NULL|NULL"}));
  EXPECT_EQ(q("select away_team||'@'||home_team||' '||status||' '||source from games"),
            "NYK@BOS final player_log");
  EXPECT_EQ(q("select substr(reason, 1, 12) from rejected_rows"), "out_of_range");
}

TEST_F(Sources, BoxScoresWithoutIdsJoinTheScheduledGame) {
  ASSERT_EQ(load({fixture("schedule_nba.csv")}).exit_code, 0);
  IngestReport r = load({fixture("boxscore_basic.csv")});
  EXPECT_EQ(r.files.at(0).counts.loaded, 2) << out_ << err_;
  EXPECT_EQ(q("select group_concat(distinct game_id) from player_boxscores"), "0022400585");
  EXPECT_EQ(q("select status||' '||home_score||' '||away_score from games where game_id = "
              "'0022400585'"),
            "final 30 12");
}

TEST_F(Sources, OddsApiJsonEventOdds) {
  IngestReport r = load({fixture("oddsapi_event.json")});
  EXPECT_EQ(r.exit_code, 1) << out_ << err_;  // the Under without a point
  EXPECT_EQ(r.files.at(0).format, "oddsapi-json");
  const auto& c = r.files.at(0).counts;
  EXPECT_EQ(c.read, 5);
  EXPECT_EQ(c.loaded, 3);
  EXPECT_EQ(c.merged, 1);
  EXPECT_EQ(c.rejected, 1);
  EXPECT_EQ(rows("select player_lookup||'|'||market||'|'||bookmaker||'|'||line||'|'||"
                 "coalesce(over_price, 'NULL')||'|'||coalesce(under_price, 'NULL')||'|'||"
                 "game_date||'|'||snapshot_utc from prop_lines order by 1"),
            (std::vector<std::string>{
                "jalenbrunson|points|fanduel|26.5|-120|NULL|2025-01-15|2025-01-15T22:00:00Z",
                // decimal 1.87 -> -115, 1.95 -> -105
                "jaysontatum|points|fanduel|27.5|-115|-105|2025-01-15|2025-01-15T22:00:00Z",
                "joshhart|rebounds|fanduel|9.5|-110|NULL|2025-01-15|2025-01-15T22:00:00Z"}));
  EXPECT_EQ(q("select line_number||' '||substr(reason, 1, 13) from rejected_rows"),
            "5 missing_value");
}

// The JSON and the CSV export pair Over/Under the same way (one PropFolder): a side seen
// again with another price at the same snapshot is a newer observation, which empties the
// other side.
TEST_F(Sources, OddsApiJsonAndCsvFoldASidesNewPriceTheSameWay) {
  std::string json = dir_.write(
      "fold.json",
      "{\"commence_time\": \"2025-01-16T00:30:00Z\", \"home_team\": \"Boston Celtics\", "
      "\"away_team\": \"New York Knicks\", \"bookmakers\": [{\"key\": \"fanduel\", "
      "\"markets\": [{\"key\": \"player_points\", \"outcomes\": ["
      "{\"name\": \"Over\", \"description\": \"Jayson Tatum\", \"price\": -110, \"point\": 27.5},"
      "{\"name\": \"Under\", \"description\": \"Jayson Tatum\", \"price\": -110, \"point\": 27.5},"
      "{\"name\": \"Over\", \"description\": \"Jayson Tatum\", \"price\": -125, \"point\": "
      "27.5}]}]}]}");
  std::string csv =
      dir_.write("fold.csv",
                 "player,market,bookmaker,side,line,price,home_team,away_team,commence_time\n"
                 "Jayson Tatum,player_points,fanduel,Over,27.5,-110,Boston Celtics,New York "
                 "Knicks,2025-01-16T00:30:00Z\n"
                 "Jayson Tatum,player_points,fanduel,Under,27.5,-110,Boston Celtics,New York "
                 "Knicks,2025-01-16T00:30:00Z\n"
                 "Jayson Tatum,player_points,fanduel,Over,27.5,-125,Boston Celtics,New York "
                 "Knicks,2025-01-16T00:30:00Z\n");
  for (const std::string& file : {json, csv}) {
    SCOPED_TRACE(file);
    testing::sql_exec(db_, "delete from prop_lines");
    IngestReport r = load({file});
    ASSERT_EQ(r.exit_code, 0) << out_ << err_;
    EXPECT_EQ(r.files.at(0).counts.read, 3);
    EXPECT_EQ(r.files.at(0).counts.merged, 2);
    EXPECT_EQ(rows("select line||'|'||coalesce(over_price, 'NULL')||'|'||coalesce(under_price, "
                   "'NULL')||'|'||snapshot_utc from prop_lines"),
              std::vector<std::string>{"27.5|-125|NULL|2025-01-15T23:30:00Z"});
  }
}

TEST_F(Sources, AFolderOfJsonFilesLoadsEveryOne) {
  std::filesystem::create_directory(dir_.path() / "odds");
  std::filesystem::copy_file(fixture("oddsapi_event.json"), dir_.path() / "odds" / "a.json");
  dir_.write("odds/b.json",
             "[{\"commence_time\": \"2025-01-16T01:30:00Z\", \"home_team\": \"Dallas "
             "Mavericks\", \"away_team\": \"Los Angeles Lakers\", \"bookmakers\": [{\"key\": "
             "\"draftkings\", \"markets\": [{\"key\": \"player_assists\", \"outcomes\": "
             "[{\"name\": \"Over\", \"description\": \"LeBron James\", \"price\": -105, "
             "\"point\": 8.5}]}]}]}]");
  IngestReport r = load({(dir_.path() / "odds").string()});
  ASSERT_EQ(r.files.size(), 2u) << out_ << err_;
  EXPECT_EQ(r.files.at(1).counts.loaded, 1);
  // No snapshot in the file: tip-off minus 60 minutes.
  EXPECT_EQ(q("select game_id||' '||snapshot_utc from prop_lines where player_lookup = "
              "'lebronjames'"),
            "20250115_LAL_DAL 2025-01-16T00:30:00Z");
  std::string broken = dir_.write("broken.json", "{\"bookmakers\": [");
  EXPECT_EQ(load({broken}).exit_code, 2);
  EXPECT_NE(err_.find("not valid JSON"), std::string::npos) << err_;
}

TEST_F(Sources, ABadPriceInAWideRowCostsThePriceNotTheRow) {
  std::string f = dir_.write(
      "wide.csv",
      "player,game,game_time,market,line,bookmaker,over_odds,under_odds\n"
      "Jayson Tatum,New York Knicks @ Boston Celtics,2024-10-22T23:40:00Z,player_threes,3.5,"
      "fanduel,abc,-120\n");
  IngestReport r = load({f});
  ASSERT_EQ(r.exit_code, 0) << out_ << err_;
  EXPECT_EQ(r.files.at(0).counts.nulled, 1);
  EXPECT_EQ(q("select coalesce(over_price, 'NULL')||' '||under_price from prop_lines"),
            "NULL -120");
  EXPECT_EQ(q("select reason from rejected_rows"),
            "nulled: bad_value: over_odds 'abc' (not a number)");
}

TEST_F(Sources, AUserProfileLoadsAShapeNoBuiltInKnowsWithoutARebuild) {
  IngestReport refused = load({fixture("my_sheet.csv")});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(err_.find("--explain"), std::string::npos) << err_;
  IngestReport r = load({fixture("my_sheet.csv")}, {fixture("my_sheet_profile.yaml")});
  ASSERT_EQ(r.exit_code, 0) << out_ << err_;
  EXPECT_EQ(r.files.at(0).format, "my-sheet");
  EXPECT_EQ(
      rows("select player_lookup||'|'||market||'|'||bookmaker||'|'||line||'|'||over_price||"
           "'|'||under_price||'|'||game_id from prop_lines order by 1"),
      (std::vector<std::string>{// 2.10 -> +110, 1.74 -> -135.1 -> -135
                                "jalenbrunson|assists|pinnacle|7.5|110|-135|20250115_NYK_BOS",
                                // 1.95 -> -105.3 -> -105, 1.87 -> -114.9 -> -115
                                "jaysontatum|points|pinnacle|27.5|-105|-115|20250115_NYK_BOS"}));
}

TEST_F(Sources, ExplainNamesTheMatchOrTheClosestWithWhatTheyLack) {
  std::string lacking =
      dir_.write("lacking.csv", "player,game,game_time,market,line,bookmaker,under_odds\n");
  IngestRequest request;
  request.paths = {fixture("threes_wide_swapped.csv"), lacking, fixture("my_sheet.csv")};
  std::ostringstream out, err;
  EXPECT_EQ(explain_files(request, out, err), 0) << err.str();
  std::string text = out.str();
  EXPECT_NE(text.find("matches profile oddsapi-props-wide (built-in) -> prop_lines"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("no format or profile matches; the closest:\n  1. profile "
                      "oddsapi-props-wide (built-in) -> prop_lines: has 7 of 8 columns; lacks "
                      "over_odds|over_price"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("convert to: player,game,game_time,market,line,bookmaker,over_odds,"
                      "under_odds,market_last_update"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("no column in common with any format or profile"), std::string::npos) << text;
  EXPECT_EQ(store_->count(*find_table("prop_lines"), {}), 0);
}

TEST_F(Sources, AGameLogIsNotToldItIsClosestToProps) {
  std::string f =
      dir_.write("log.csv",
                 "PLAYER_ID,PLAYER_NAME,TEAM_ABBREVIATION,GAME_ID,GAME_DATE,MATCHUP,"
                 "MIN,FGM,FGA,PTS\n1,A B,BOS,0022400001,2024-10-22,BOS vs. NYK,30,1,2,2\n");
  IngestReport r = load({f});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(err_.find("oddsapi"), std::string::npos) << err_;
}

TEST_F(Sources, AFractionalPlusMinusCostsTheValueNotTheRow) {
  std::string f = dir_.write(
      "team_log.csv",
      "TEAM_ABBREVIATION,GAME_ID,GAME_DATE,MATCHUP,MIN,FGM,FGA,FG3M,FG3A,FTM,FTA,OREB,DREB,REB,"
      "AST,STL,BLK,TOV,PF,PTS,PLUS_MINUS\n"
      "BOS,0021500001,2015-10-27,BOS vs. PHI,240,40,80,10,30,12,15,10,30,40,25,8,5,12,20,102,"
      "-27.6\n"
      "PHI,0021500001,2015-10-27,PHI @ BOS,240,45,85,9,25,20,24,12,33,45,20,7,4,14,18,119,x\n"
      "BOS,0021500002,2015-10-28,BOS @ TOR,240,40,80,10,30,12,15,10,30,40,25,8,5,12,20,102,-8.0"
      "\n");
  IngestReport r = load({f});
  ASSERT_EQ(r.exit_code, 0) << out_ << err_;
  EXPECT_EQ(r.files.at(0).counts.loaded, 3);
  EXPECT_EQ(r.files.at(0).counts.nulled, 2);
  EXPECT_EQ(r.files.at(0).counts.rejected, 0);
  EXPECT_NE(out_.find(" nulled=2"), std::string::npos) << out_;
  EXPECT_EQ(rows("select team_abbr||' '||pts||' '||coalesce(plus_minus, 'NULL') from "
                 "team_boxscores order by game_id, team_abbr"),
            (std::vector<std::string>{"BOS 102 NULL", "PHI 119 NULL", "BOS 102 -8"}));
  EXPECT_EQ(rows("select line_number||' '||\"table\"||' '||reason from rejected_rows order by 1"),
            (std::vector<std::string>{
                "2 team_boxscores nulled: bad_value: PLUS_MINUS '-27.6' (not an integer)",
                "3 team_boxscores nulled: bad_value: PLUS_MINUS 'x' (not an integer)"}));
}

TEST_F(Sources, TheWholeThreesFolderLoadsWithNoRejectedRow) {
  if (testing::real_season_dir().empty()) {
    GTEST_SKIP() << "real season data absent (../shared/data/nba-2024-25): skipped";
  }
  std::string folder = testing::real_season_dir() + "/props_threes";
  IngestReport r = load({folder});
  ASSERT_EQ(r.exit_code, 0) << err_;
  ASSERT_EQ(r.files.size(), 163u);
  int64_t read = 0, loaded = 0, rejected = 0;
  for (const auto& f : r.files) {
    EXPECT_EQ(f.format, "oddsapi-props-wide") << f.path;
    read += f.counts.read;
    loaded += f.counts.loaded;
    rejected += f.counts.rejected;
  }
  EXPECT_EQ(rejected, 0);
  EXPECT_EQ(read, 64567);
  EXPECT_EQ(loaded, 64567);
  // The README counts 8 books with Fanatics; the files hold 7 (no fanatics row).
  EXPECT_EQ(q("select count(distinct bookmaker) from prop_lines"), "7");
  EXPECT_EQ(q("select count(*) from prop_lines where market <> 'threes'"), "0");
}

}  // namespace
}  // namespace nbaprops
