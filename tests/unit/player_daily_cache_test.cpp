// player_daily_cache (03-precompute.md §6) on a hand-built season: the means, the sample sd,
// true shooting and the assisted percent over the player's games, the team pace and rating over
// season S only, the copies from UPGC and PSZA, the early-season text, the completeness block
// and every failure category of the gate order (the raw box scores decide EXPECTED_INCOMPLETE
// against INSUFFICIENT_DATA).
#include <gtest/gtest.h>

#include "analytics/upcoming_player_game_context.h"
#include "core/row_reader.h"
#include "pipeline/catalog.h"
#include "precompute/player_daily_cache.h"
#include "support/phase4_rows.h"
#include "support/test_store.h"

namespace nbaprops::precompute {
namespace {

using analytics::PgsRecord;
using analytics::TogsRecord;
using analytics::upcoming_player_game_context_table;
using nbaprops::testing::B;
using nbaprops::testing::D;
using nbaprops::testing::I;
using nbaprops::testing::psza_test_table;
using nbaprops::testing::row_of;
using nbaprops::testing::run_ingest;
using nbaprops::testing::S;
using nbaprops::testing::TempDir;

const Date kD = make_date(2025, 1, 15);

// Raw: four BOS-NYK games; gapplayer appeared in all four, rookieplayer in two.
const char* kGames =
    "game_id,game_date,season,season_type,home_team,away_team,tipoff_utc,status,home_score,"
    "away_score,neutral_site\n"
    "0022400401,2025-01-02,2024,regular,BOS,NYK,2025-01-03T00:30:00Z,final,100,90,false\n"
    "0022400402,2025-01-04,2024,regular,NYK,BOS,2025-01-05T00:30:00Z,final,100,90,false\n"
    "0022400403,2025-01-06,2024,regular,BOS,NYK,2025-01-07T00:30:00Z,final,100,90,false\n"
    "0022400404,2025-01-08,2024,regular,NYK,BOS,2025-01-09T00:30:00Z,final,100,90,false\n";

std::string boxes() {
  std::string s =
      "game_id,game_date,team_abbr,player_id,player_lookup,player_name,status,dnp_reason,starter,"
      "minutes,pts,fgm,fga,fg3m,fg3a,ftm,fta,oreb,dreb,reb,ast,stl,blk,tov,pf,plus_minus\n";
  const char* games[][2] = {{"0022400401", "2025-01-02"},
                            {"0022400402", "2025-01-04"},
                            {"0022400403", "2025-01-06"},
                            {"0022400404", "2025-01-08"}};
  for (int i = 0; i < 4; ++i) {
    std::string g = std::string(games[i][0]) + "," + games[i][1] + ",BOS,,,";
    s += g + "Gap Player,active,,true,20,10,4,8,0,1,2,2,1,3,4,2,1,0,1,2,5\n";
    if (i < 2) s += g + "Rookie Player,active,,false,12,4,2,5,0,1,0,0,0,1,1,0,0,0,1,1,-2\n";
    if (i >= 2) s += g + "Rookie Player,dnp,Coach decision,,,,,,,,,,,,,,,,,,\n";
  }
  return s;
}

PgsRecord pgs(const std::string& player, Date date, int season, std::optional<int64_t> pts,
              std::optional<double> minutes) {
  PgsRecord r;
  r.game_date = date;
  r.game_id = "g" + format_date(date);
  r.season = season;
  r.season_type = "regular";
  r.player_lookup = player;
  r.team_abbr = "BOS";
  r.opponent_abbr = "NYK";
  r.player_status = "active";
  r.pts = pts;
  r.minutes = minutes;
  return r;
}

TogsRecord togs(Date date, int season, double pace, double rating) {
  TogsRecord t;
  t.game_date = date;
  t.game_id = "t" + format_date(date);
  t.season = season;
  t.team_abbr = "BOS";
  t.opponent_abbr = "NYK";
  t.pace = pace;
  t.offensive_rating = rating;
  return t;
}

analytics::Phase3History build_history() {
  analytics::Phase3History h;
  // alpha: 12 season games 2025-01-01..12 (i = 0 oldest), pts 10 + 2i, minutes 30 (newest 36),
  // usage 20 + i (newest NULL), ts 0.5 (newest 0.65), fgm 10 with 6 assisted except the two
  // newest (no assist data).
  for (int i = 0; i < 12; ++i) {
    PgsRecord r = pgs("alpha", make_date(2025, 1, 1 + i), 2024, 10 + 2 * i, i == 11 ? 36.0 : 30.0);
    if (i < 11) r.usage_rate = 20.0 + i;
    r.ts_pct = i == 11 ? 0.65 : 0.5;
    r.fgm = 10;
    if (i < 10) {
      r.assisted_makes = 6;
      r.unassisted_makes = 4;
    }
    h.add(r);
  }
  // Not games: a dnp row, a row with 0 minutes, a previous-season game, a game dated D.
  PgsRecord dnp = pgs("alpha", make_date(2024, 12, 30), 2024, std::nullopt, std::nullopt);
  dnp.player_status = "dnp";
  dnp.is_dnp = true;
  h.add(dnp);
  h.add(pgs("alpha", make_date(2024, 12, 29), 2024, 50, 0.0));
  h.add(pgs("alpha", make_date(2024, 4, 10), 2023, 60, 40.0));
  h.add(pgs("alpha", kD, 2024, 70, 40.0));
  // beta: 5 games (early season), gamma: 3 games.
  for (int i = 0; i < 5; ++i) h.add(pgs("beta", make_date(2025, 1, 2 + i), 2024, 8, 20.0));
  for (int i = 0; i < 3; ++i) h.add(pgs("gamma", make_date(2025, 1, 2 + i), 2024, 8, 20.0));
  // rookieplayer: his 2 appearances; gapplayer: only 1 of his 4 PGS rows; staleplayer: 5 games
  // ending 2024-12-01.
  h.add(pgs("rookieplayer", make_date(2025, 1, 2), 2024, 4, 12.0));
  h.add(pgs("rookieplayer", make_date(2025, 1, 4), 2024, 4, 12.0));
  h.add(pgs("gapplayer", make_date(2025, 1, 2), 2024, 10, 20.0));
  for (int i = 0; i < 5; ++i) {
    h.add(pgs("staleplayer", make_date(2024, 11, 27 + i), 2024, 10, 20.0));
  }
  // BOS: 4 games of season 2024 and 8 of 2023 (not counted), one dated D (not counted).
  for (int i = 0; i < 8; ++i) h.add(togs(make_date(2024, 3, 1 + i), 2023, 120.0, 130.0));
  h.add(togs(make_date(2025, 1, 2), 2024, 100.0, 110.0));
  h.add(togs(make_date(2025, 1, 4), 2024, 102.0, 111.0));
  h.add(togs(make_date(2025, 1, 6), 2024, 104.0, 112.0));
  h.add(togs(make_date(2025, 1, 8), 2024, 106.0, 113.5));
  h.add(togs(kD, 2024, 90.0, 90.0));
  h.finish();
  return h;
}

Row upgc(const std::string& player, bool with_team = true) {
  std::vector<std::pair<std::string, Value>> cells = {{"game_date", S("2025-01-15")},
                                                      {"player_lookup", S(player)},
                                                      {"player_id", I(77)},
                                                      {"games_in_last_7_days", I(3)},
                                                      {"games_in_last_14_days", I(6)},
                                                      {"minutes_in_last_7_days", D(95.5)},
                                                      {"minutes_in_last_14_days", D(190.0)},
                                                      {"back_to_backs_last_14_days", I(1)},
                                                      {"avg_minutes_per_game_last_7_days", D(31.8)},
                                                      {"player_age", I(27)},
                                                      {"back_to_back", B(false)}};
  if (with_team) cells.push_back({"team_abbr", S("BOS")});
  return row_of(upcoming_player_game_context_table(), cells);
}

class PlayerDailyCache : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    auto store = open_store((dir_->path() / "store.db").string());
    auto run = run_ingest(
        *store, {dir_->write("games.csv", kGames), dir_->write("player_boxscores.csv", boxes())});
    ASSERT_EQ(run.report.exit_code, 0) << run.out << run.err;
    raw_ = new analytics::RawInputs(
        analytics::RawInputs::load(*store, make_date(2024, 7, 1), make_date(2025, 1, 14)));
    history_ = new analytics::Phase3History(build_history());
  }
  static void TearDownTestSuite() {
    delete history_;
    delete raw_;
    delete dir_;
  }

  Phase4Inputs inputs(std::vector<Row> upgc_rows) const {
    Phase4Inputs in;
    in.d = kD;
    in.raw = raw_;
    in.history = history_;
    in.upgc = DayRows(upcoming_player_game_context_table(), std::move(upgc_rows), "player_lookup");
    in.psza = DayRows(psza_test_table(),
                      {row_of(psza_test_table(), {{"player_lookup", S("alpha")},
                                                  {"primary_scoring_zone", S("paint")},
                                                  {"paint_rate_last_10", D(44.54)},
                                                  {"mid_range_rate_last_10", D(15.97)},
                                                  {"three_pt_rate_last_10", D(39.49)}}),
                       row_of(psza_test_table(), {{"player_lookup", S("beta")}})},
                      "player_lookup");
    return in;
  }
  static RowReader reader(const Row& row) { return RowReader(player_daily_cache_table(), row); }

  static TempDir* dir_;
  static analytics::RawInputs* raw_;
  static analytics::Phase3History* history_;
};

TempDir* PlayerDailyCache::dir_ = nullptr;
analytics::RawInputs* PlayerDailyCache::raw_ = nullptr;
analytics::Phase3History* PlayerDailyCache::history_ = nullptr;

TEST_F(PlayerDailyCache, SeasonAggregatesOfThePlayersGames) {
  auto out = player_daily_cache(inputs({upgc("alpha")}));
  ASSERT_EQ(out.rows.size(), 1u);
  ASSERT_EQ(out.rows[0].size(), player_daily_cache_table().columns.size());
  RowReader r = reader(out.rows[0]);
  EXPECT_EQ(r.s("cache_date"), "2025-01-15");
  EXPECT_EQ(r.i("player_id"), 77);
  EXPECT_EQ(r.s("team_abbr"), "BOS");
  // Newest first 32, 30, ..., 10.
  EXPECT_EQ(r.d("points_avg_last_5"), 28.0);   // (32+30+28+26+24)/5
  EXPECT_EQ(r.d("points_avg_last_10"), 23.0);  // 230/10
  EXPECT_EQ(r.d("points_avg_season"), 21.0);   // 252/12
  EXPECT_EQ(r.d("points_std_last_10"), 6.06);  // 2 * sd(0..9) = 2 * 3.02765
  EXPECT_EQ(r.d("minutes_avg_last_10"), 30.6);
  EXPECT_EQ(r.d("usage_rate_last_10"), 26.0);        // 22..30, the newest NULL skipped
  EXPECT_EQ(r.d("player_usage_rate_season"), 25.0);  // 20..30
  EXPECT_EQ(r.d("ts_pct_last_10"), 0.515);
  EXPECT_EQ(r.d("assisted_rate_last_10"), 60.0);  // 48 / 80 over the 8 games with assist data
  EXPECT_EQ(r.i("games_played_season"), 12);
  EXPECT_EQ(r.s("last_game_date"), "2025-01-12");
  EXPECT_EQ(r.d("team_pace_last_10"), 103.0);         // season 2024 games only
  EXPECT_EQ(r.d("team_off_rating_last_10"), 111.63);  // 446.5 / 4 = 111.625
  EXPECT_EQ(r.b("early_season_flag"), false);
  EXPECT_TRUE(r.null("insufficient_data_reason"));
  EXPECT_EQ(r.s("cache_version"), "v1");
  EXPECT_TRUE(r.null("processed_at"));
}

TEST_F(PlayerDailyCache, CopiesFromUpgcAndPsza) {
  auto out = player_daily_cache(inputs({upgc("alpha"), upgc("beta"), upgc("gamma")}));
  ASSERT_EQ(out.rows.size(), 3u);
  RowReader a = reader(out.rows[0]);
  EXPECT_EQ(a.i("games_in_last_7_days"), 3);
  EXPECT_EQ(a.i("games_in_last_14_days"), 6);
  EXPECT_EQ(a.d("minutes_in_last_7_days"), 95.5);
  EXPECT_EQ(a.d("minutes_in_last_14_days"), 190.0);
  EXPECT_EQ(a.i("back_to_backs_last_14_days"), 1);
  EXPECT_EQ(a.d("avg_minutes_per_game_last_7_days"), 31.8);
  EXPECT_EQ(a.i("player_age"), 27);
  EXPECT_EQ(a.s("primary_scoring_zone"), "paint");
  EXPECT_EQ(a.d("paint_rate_last_10"), 44.54);
  EXPECT_EQ(a.d("mid_range_rate_last_10"), 15.97);
  EXPECT_EQ(a.d("three_pt_rate_last_10"), 39.49);
  EXPECT_EQ(a.b("shot_zone_data_available"), true);
  RowReader b = reader(out.rows[1]);  // PSZA row with NULL rates
  EXPECT_EQ(b.b("shot_zone_data_available"), false);
  EXPECT_TRUE(b.null("paint_rate_last_10"));
  RowReader g = reader(out.rows[2]);  // no PSZA row
  EXPECT_EQ(g.b("shot_zone_data_available"), false);
  EXPECT_TRUE(g.null("primary_scoring_zone"));
}

TEST_F(PlayerDailyCache, EarlySeasonFlagAndText) {
  auto out = player_daily_cache(inputs({upgc("beta"), upgc("gamma")}));
  ASSERT_EQ(out.rows.size(), 2u);
  RowReader b = reader(out.rows[0]);
  EXPECT_EQ(b.b("early_season_flag"), true);
  EXPECT_EQ(b.s("insufficient_data_reason"), "Only 5 games played, need 10");
  EXPECT_EQ(reader(out.rows[1]).s("insufficient_data_reason"), "Only 3 games played, need 10");
  EXPECT_EQ(b.d("points_std_last_10"), 0.0);  // five equal values: a computed 0, not NULL
}

TEST_F(PlayerDailyCache, FailureCategoriesInGateOrder) {
  auto out = player_daily_cache(inputs({upgc("noteam", false), upgc("rookieplayer"),
                                        upgc("gapplayer"), upgc("staleplayer"), upgc("alpha")}));
  ASSERT_EQ(out.rows.size(), 1u);
  ASSERT_EQ(out.failed.size(), 4u);
  // Key order: gapplayer, noteam, rookieplayer, staleplayer.
  EXPECT_EQ(out.failed[0].entity_id, "gapplayer");
  EXPECT_EQ(out.failed[0].category, "INSUFFICIENT_DATA");
  EXPECT_EQ(out.failed[0].reason, "Only 1 games, need 3 but the raw box scores show 4 appearances");
  EXPECT_TRUE(out.failed[0].can_retry);
  // No team and no box-score row this season: he has not played yet (docs/tonight.md).
  EXPECT_EQ(out.failed[1].entity_id, "noteam");
  EXPECT_EQ(out.failed[1].category, "EXPECTED_INCOMPLETE");
  EXPECT_FALSE(out.failed[1].can_retry);
  EXPECT_EQ(out.failed[2].entity_id, "rookieplayer");
  EXPECT_EQ(out.failed[2].category, "EXPECTED_INCOMPLETE");
  EXPECT_EQ(out.failed[2].reason, "Only 2 games, need 3 (2 raw appearances)");
  EXPECT_FALSE(out.failed[2].can_retry);
  EXPECT_EQ(out.failed[3].entity_id, "staleplayer");
  EXPECT_EQ(out.failed[3].category, "STALE_DATA");
  EXPECT_EQ(out.failed[3].reason, "Last game 2024-12-01, 45 days before 2025-01-15 (more than 30)");
  EXPECT_FALSE(out.failed[3].can_retry);
  for (const auto& f : out.failed) EXPECT_EQ(f.entity_type, "player");
}

TEST_F(PlayerDailyCache, CompletenessBlockRecordedNeverASkip) {
  Phase4Inputs in = inputs({upgc("alpha"), upgc("beta")});
  CompletenessResult c;
  EntityCompleteness e;
  for (const char* w : {"l5", "l10", "l7d", "l14d", "l30d"}) {
    e.windows.push_back({w, 10, 5, 50.0, false, false});
  }
  e.all_windows_complete = false;
  e.production_ready = false;
  c.players["alpha"] = e;
  in.completeness = &c;
  in.bootstrap_mode = false;
  auto out = player_daily_cache(in);
  ASSERT_EQ(out.rows.size(), 2u);
  RowReader a = reader(out.rows[0]);
  EXPECT_EQ(a.b("completeness_checked"), true);
  EXPECT_EQ(a.i("expected_games_count"), 10);
  EXPECT_EQ(a.i("actual_games_count"), 5);
  EXPECT_EQ(a.d("completeness_pct"), 50.0);
  EXPECT_EQ(a.d("l5_completeness_pct"), 50.0);
  EXPECT_EQ(a.b("is_production_ready"), false);
  // beta has no checker result: NULL counts, not production-ready.
  RowReader b = reader(out.rows[1]);
  EXPECT_EQ(b.b("completeness_checked"), true);
  EXPECT_TRUE(b.null("completeness_pct"));
  EXPECT_EQ(b.b("is_production_ready"), false);
}

}  // namespace
}  // namespace nbaprops::precompute
