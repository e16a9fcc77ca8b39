// History across seasons (issue 12, item 1): feature 29 (avg_points_vs_opponent, games in
// [D - 365, D), any season) reads the season before D's, which the runner loads from the whole
// store (summarising it first when it is not), and nothing dated D - 365 or earlier.
#include <gtest/gtest.h>

#include <sstream>

#include "pipeline/catalog.h"
#include "pipeline/runner.h"
#include "precompute/ml_feature_store.h"
#include "predict/player_day.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

const char* kGamesHeader =
    "game_id,game_date,season,season_type,home_team,away_team,tipoff_utc,status,home_score,"
    "away_score,neutral_site\n";
const char* kBoxHeader =
    "game_id,game_date,team_abbr,player_id,player_lookup,player_name,status,dnp_reason,starter,"
    "minutes,pts,fgm,fga,fg3m,fg3a,ftm,fta,oreb,dreb,reb,ast,stl,blk,tov,pf,plus_minus\n";

// Alpha's games of the 2023-24 season, both against NYK: 2023-10-30 (367 days before D, out of
// the window) with 40 points, and 2024-03-01 with 14 points.
const char* kEarlierGames =
    "0022300010,2023-10-30,2023,regular,BOS,NYK,2023-10-30T23:30:00Z,final,110,100,false\n"
    "0022300500,2024-03-01,2023,regular,NYK,BOS,2024-03-02T00:30:00Z,final,100,110,false\n";
const char* kEarlierBoxes =
    "0022300010,2023-10-30,BOS,,,Alpha Player,active,,true,30,40,15,25,4,8,6,6,1,4,5,2,1,0,1,2,5\n"
    "0022300500,2024-03-01,BOS,,,Alpha Player,active,,true,30,14,6,10,0,1,2,2,1,3,4,2,1,0,1,2,5\n";
// 2024-25: a game against PHI (20 points), then D = 2024-11-01 against NYK, with a line.
const char* kSeasonGames =
    "0022400020,2024-10-25,2024,regular,BOS,PHI,2024-10-25T23:30:00Z,final,110,100,false\n"
    "0022400080,2024-11-01,2024,regular,BOS,NYK,2024-11-01T23:30:00Z,scheduled,,,false\n";
const char* kSeasonBoxes =
    "0022400020,2024-10-25,BOS,,,Alpha Player,active,,true,30,20,8,16,1,3,3,4,1,4,5,2,1,0,1,2,5\n";
const char* kProps =
    "game_date,game_id,player_lookup,player_name,market,bookmaker,line,over_price,under_price,"
    "snapshot_utc,tipoff_utc\n"
    "2024-11-01,0022400080,,Alpha Player,points,draftkings,19.5,-110,-110,2024-11-01T18:00:00Z,\n";

const Date kD = make_date(2024, 11, 1);

class CrossSeasonHistory : public ::testing::Test {
 protected:
  // A store with the 2024-25 games, and the 2023-24 ones when `earlier`; Phases 3-4 run for
  // 2024-10-22 .. D only (the earlier season is never backfilled explicitly).
  std::optional<double> feature_29(bool earlier) {
    std::string games = std::string(kGamesHeader) + (earlier ? kEarlierGames : "") + kSeasonGames;
    std::string boxes = std::string(kBoxHeader) + (earlier ? kEarlierBoxes : "") + kSeasonBoxes;
    std::string tag = earlier ? "with" : "without";
    auto g = dir_.write(tag + "_games.csv", games);
    auto b = dir_.write(tag + "_boxes.csv", boxes);
    auto p = dir_.write(tag + "_props.csv", kProps);
    auto store = open_store((dir_.path() / (tag + ".db")).string());
    auto ingest = testing::run_ingest(*store, {g, b, p});
    EXPECT_EQ(ingest.report.exit_code, 0) << ingest.out << ingest.err;
    std::ostringstream log;
    pipeline::RunOptions options;
    options.threads = 1;
    pipeline::run_pipeline(*store, make_date(2024, 10, 22), kD, options, log);
    log_ = log.str();
    std::optional<double> value;
    const TableSchema& t = precompute::ml_feature_store_table();
    store->scan(t, {{"game_date", "=", format_date(kD)}, {"player_lookup", "=", "alphaplayer"}},
                [&](const Row& row) {
                  auto text = std::get_if<std::string>(&row[t.column_index("features")]);
                  auto f = text ? predict::parse_features(*text) : std::nullopt;
                  if (f) value = (*f)[29];
                });
    return value;
  }
  testing::TempDir dir_;
  std::string log_;
};

TEST_F(CrossSeasonHistory, Feature29ChangesWhenAnEarlierSeasonLoads) {
  // Without the earlier season: no game against NYK in the window, f29 takes f2's value (a
  // default of 10 here: one game is too few for f2).
  auto without = feature_29(false);
  ASSERT_TRUE(without);
  EXPECT_DOUBLE_EQ(*without, 10.0);
  // With it: the 2024-03-01 game (14 points) is in [D - 365, D); the 2023-10-30 game (40
  // points, 368 days before D) is not.
  auto with = feature_29(true);
  ASSERT_TRUE(with);
  EXPECT_DOUBLE_EQ(*with, 14.0);
  // The earlier season was not summarised: the run summarised its look-back first.
  EXPECT_NE(log_.find("look-back: summarising 2 earlier date(s), 2023-10-30..2024-03-01"),
            std::string::npos)
      << log_;
}

TEST(Lookback, StartsAtTheEarlierOfSeasonStartAndDMinus365) {
  EXPECT_EQ(pipeline::lookback_start(kD), make_date(2023, 11, 2));
  EXPECT_EQ(pipeline::lookback_start(make_date(2025, 4, 13)), make_date(2024, 4, 13));
}

}  // namespace
}  // namespace nbaprops
