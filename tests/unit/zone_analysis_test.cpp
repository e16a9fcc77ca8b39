// team_defense_zone_analysis and player_shot_zone_analysis (03-precompute.md §3-4): the spec's
// worked examples as unit tests of their formulas, and both processors on a small league loaded
// through canonical CSVs with a hand-built Phase 3 history.
//
// League: opening night 2024-10-22; D = 2024-11-11 (day 20: TDZA m = 11, PSZA m = 9). BOS plays
// NYK every day from D−20 to D−1 (20 games); LAL plays MIA on the first five days (5 games).
#include <gtest/gtest.h>

#include <map>

#include "core/value.h"
#include "pipeline/catalog.h"
#include "precompute/player_shot_zone_analysis.h"
#include "precompute/team_defense_zone_analysis.h"
#include "support/league_csv.h"
#include "support/test_store.h"

namespace nbaprops::precompute {
namespace {

using analytics::PgsRecord;
using analytics::Phase3History;
using analytics::RawInputs;
using analytics::TdgsRecord;
using nbaprops::testing::LeagueCsv;
using nbaprops::testing::run_ingest;
using nbaprops::testing::TempDir;

const Date kD = make_date(2024, 11, 11);
Date ago(int days) {
  return Date{kD.days - days};
}

TdgsRecord defense(Date d, std::string id, std::string team, int64_t pm, int64_t pa, int64_t mm,
                   int64_t ma, int64_t tm, int64_t ta) {
  TdgsRecord r;
  r.game_date = d;
  r.game_id = std::move(id);
  r.season = season_of(d);
  r.defending_team_abbr = std::move(team);
  r.opp_paint_makes = pm;
  r.opp_paint_attempts = pa;
  r.opp_mid_range_makes = mm;
  r.opp_mid_range_attempts = ma;
  r.opp_three_makes_shots = tm;
  r.opp_three_attempts_shots = ta;
  return r;
}

// --- formulas -------------------------------------------------------------------------------

TEST(TdzaFormulas, SpecExample) {
  // 15 games: paint 312/520, mid-range 118/290, three 195/540.
  std::vector<TdgsRecord> w;
  for (int i = 0; i < 15; ++i) {
    bool last = i == 14;
    w.push_back(defense(ago(i + 1), "g", "BOS", last ? 18 : 21, last ? 30 : 35, last ? 6 : 8,
                        last ? 24 : 19, 13, 36));
  }
  DefenseWindow dw = aggregate_defense_window(w);
  EXPECT_EQ(dw.games, 15);
  EXPECT_DOUBLE_EQ(round_half_away(*dw.paint_pct, 3), 0.600);
  EXPECT_DOUBLE_EQ(round_half_away(*dw.mid_range_pct, 3), 0.407);
  EXPECT_DOUBLE_EQ(round_half_away(*dw.three_pct, 3), 0.361);
  LeagueZoneAverages league{0.585, 0.412, 0.362, 30, true};
  ZoneComparison c = compare_to_league(dw, league);
  EXPECT_DOUBLE_EQ(round_half_away(*c.paint_vs, 2), 1.50);
  EXPECT_DOUBLE_EQ(round_half_away(*c.mid_range_vs, 2), -0.51);
  EXPECT_DOUBLE_EQ(round_half_away(*c.three_vs, 2), -0.09);
  EXPECT_EQ(c.strongest_zone, "mid_range");
  EXPECT_EQ(c.weakest_zone, "paint");
  EXPECT_FALSE(dw.paint_blocks.has_value());  // no block data: NULL, not 0
}

TEST(TdzaFormulas, LeagueAveragesNeedTenQualifyingTeams) {
  DefenseWindow ok;
  ok.games = 12;
  ok.paint_pct = 0.6;
  ok.mid_range_pct = 0.4;
  ok.three_pct = 0.3;
  DefenseWindow short_window = ok;
  short_window.games = 10;
  DefenseWindow no_three = ok;
  no_three.three_pct.reset();
  std::vector<DefenseWindow> nine(9, ok);
  nine.push_back(short_window);
  nine.push_back(no_three);
  LeagueZoneAverages d = league_zone_averages(nine, 11);
  EXPECT_FALSE(d.computed);
  EXPECT_EQ(d.teams_in_sample, 9);
  EXPECT_DOUBLE_EQ(d.paint, 0.580);
  EXPECT_DOUBLE_EQ(d.mid_range, 0.410);
  EXPECT_DOUBLE_EQ(d.three, 0.355);
  DefenseWindow other = ok;
  other.paint_pct = 0.5;
  nine.push_back(other);
  LeagueZoneAverages c = league_zone_averages(nine, 11);
  EXPECT_TRUE(c.computed);
  EXPECT_EQ(c.teams_in_sample, 10);
  EXPECT_DOUBLE_EQ(c.paint, (9 * 0.6 + 0.5) / 10);
}

TEST(TdzaFormulas, CalculationNotesNameZonesWithoutAttempts) {
  std::vector<TdgsRecord> w = {defense(ago(1), "g", "BOS", 0, 0, 3, 10, 0, 0)};
  w[0].opp_paint_attempts.reset();  // NULL: no pct either
  DefenseWindow dw = aggregate_defense_window(w);
  EXPECT_FALSE(dw.paint_pct.has_value());
  EXPECT_FALSE(dw.three_pct.has_value());  // Σattempts = 0
  EXPECT_EQ(calculation_notes(dw), "No paint attempts; No three-point attempts");
  ZoneComparison c = compare_to_league(dw, LeagueZoneAverages{});
  EXPECT_EQ(c.strongest_zone, "mid_range");  // the only non-NULL zone
  EXPECT_EQ(c.weakest_zone, "mid_range");
  dw.mid_range_pct.reset();
  EXPECT_EQ(compare_to_league(dw, LeagueZoneAverages{}).strongest_zone, std::nullopt);
}

TEST(TdzaFormulas, MinimumRamp) {
  EXPECT_EQ(tdza_min_games(0), 5);
  EXPECT_EQ(tdza_min_games(2), 5);
  EXPECT_EQ(tdza_min_games(3), 6);
  EXPECT_EQ(tdza_min_games(20), 11);
  EXPECT_EQ(tdza_min_games(21), 12);
  EXPECT_EQ(tdza_min_games(22), 15);
  EXPECT_EQ(psza_min_games(0), 3);
  EXPECT_EQ(psza_min_games(18), 9);
  EXPECT_EQ(psza_min_games(21), 9);
  EXPECT_EQ(psza_min_games(22), 10);
}

TEST(PszaFormulas, PrimaryZoneThresholds) {
  EXPECT_EQ(primary_scoring_zone(40.0, 20.0, 40.0), "paint");
  EXPECT_EQ(primary_scoring_zone(39.99, 20.01, 40.0), "perimeter");
  EXPECT_EQ(primary_scoring_zone(30.0, 35.0, 35.0), "mid_range");
  EXPECT_EQ(primary_scoring_zone(34.0, 34.99, 31.01), "balanced");
  EXPECT_EQ(primary_scoring_zone(std::nullopt, std::nullopt, std::nullopt), std::nullopt);
}

TEST(PszaFormulas, SampleQuality) {
  EXPECT_EQ(sample_quality(10, 10), "excellent");
  EXPECT_EQ(sample_quality(7, 10), "good");
  EXPECT_EQ(sample_quality(5, 10), "limited");
  EXPECT_EQ(sample_quality(4, 10), "insufficient");
  EXPECT_EQ(sample_quality(14, 20), "good");
  EXPECT_EQ(sample_quality(13, 20), "limited");
  EXPECT_EQ(sample_quality(9, 20), "insufficient");
}

// --- processors on a small league -------------------------------------------------------------

PgsRecord appearance(Date d, const std::string& id, const std::string& player) {
  PgsRecord r;
  r.game_date = d;
  r.game_id = id;
  r.season = season_of(d);
  r.season_type = "regular";
  r.player_lookup = player;
  r.team_abbr = "BOS";
  r.opponent_abbr = "NYK";
  r.player_status = "active";
  r.minutes = 30;
  return r;
}

void shots(PgsRecord& r, int64_t pm, int64_t pa, int64_t mm, int64_t ma, int64_t tm, int64_t ta) {
  r.paint_makes = pm;
  r.paint_attempts = pa;
  r.mid_range_makes = mm;
  r.mid_range_attempts = ma;
  r.three_makes_shots = tm;
  r.three_attempts_shots = ta;
  r.fgm = pm + mm + tm;
}

class ZoneProcessors : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    LeagueCsv csv;
    history_ = new Phase3History();
    std::map<int, std::string> bos;  // days before D → game_id
    for (int o = 20; o >= 1; --o) {
      std::string id = csv.game(ago(o), "BOS", "NYK");
      bos[o] = id;
      if (o <= 15) csv.box(id, ago(o), "BOS", "Sam Shooter");
      if (o <= 14) csv.box(id, ago(o), "BOS", "Rob Role");
      if (o <= 4) csv.box(id, ago(o), "BOS", "Ron Rookie");
      if (o <= 12) csv.box(id, ago(o), "BOS", "Max Missing");
      csv.box(id, ago(o), "BOS", "Dee Enpee", "dnp");
      // BOS: the newest 15 at paint 21/35, mid 8/20, three 13/36; older ones never read.
      TdgsRecord t = o <= 15 ? defense(ago(o), id, "BOS", 21, 35, 8, 20, 13, 36)
                             : defense(ago(o), id, "BOS", 0, 35, 0, 20, 0, 36);
      t.points_in_paint_allowed = 42;
      t.points_allowed = o <= 15 ? 110 : 200;
      t.defensive_rating = 112.5;
      t.opponent_pace = 99.0;
      history_->add(t);
      if (o <= 8) history_->add(defense(ago(o), id, "NYK", 20, 40, 8, 20, 12, 36));
    }
    history_->add(defense(kD, "today", "BOS", 40, 40, 20, 20, 36, 36));  // dated D: not read
    csv.game(kD, "BOS", "NYK", "scheduled");
    for (int o = 20; o >= 16; --o) {
      std::string id = csv.game(ago(o), "LAL", "MIA");
      history_->add(defense(ago(o), id, "LAL", 20, 40, 8, 20, 12, 36));
    }
    csv.game(kD, "LAL", "MIA", "scheduled");

    // samshooter: the §4 example in his last 10 (9 with shot data), 5 older paint-only games.
    const int64_t pa[] = {6, 6, 6, 6, 6, 6, 6, 6, 5}, pm[] = {4, 4, 4, 4, 3, 3, 3, 3, 3};
    const int64_t ma[] = {2, 2, 2, 2, 2, 2, 2, 2, 3}, mm[] = {1, 1, 1, 1, 1, 1, 1, 1, 0};
    const int64_t ta[] = {5, 5, 5, 5, 5, 5, 5, 6, 6}, tm[] = {2, 2, 2, 2, 2, 2, 2, 2, 1};
    for (int o = 1; o <= 15; ++o) {
      PgsRecord r = appearance(ago(o), bos[o], "samshooter");
      if (o <= 9) shots(r, pm[o - 1], pa[o - 1], mm[o - 1], ma[o - 1], tm[o - 1], ta[o - 1]);
      if (o >= 11) shots(r, 5, 10, 0, 0, 0, 0);
      history_->add(r);
    }
    PgsRecord today = appearance(kD, "today", "samshooter");
    shots(today, 0, 50, 0, 0, 0, 0);
    history_->add(today);
    for (int o = 1; o <= 14; ++o) {
      PgsRecord r = appearance(ago(o), bos[o], "robrole");
      shots(r, 1, 2, 1, 2, 2, 6);
      r.assisted_makes = 3;
      r.unassisted_makes = 1;
      history_->add(r);
    }
    for (int o = 1; o <= 4; ++o) history_->add(appearance(ago(o), bos[o], "ronrookie"));
    for (int o = 1; o <= 5; ++o) history_->add(appearance(ago(o), bos[o], "maxmissing"));
    history_->finish();

    dir_ = new TempDir();
    auto store = open_store((dir_->path() / "store.db").string());
    auto run = run_ingest(*store, {dir_->write("games.csv", csv.games()),
                                   dir_->write("player_boxscores.csv", csv.boxes())});
    ASSERT_EQ(run.report.exit_code, 0) << run.out << run.err;
    inputs_ = new RawInputs(RawInputs::load(*store, make_date(2024, 10, 1), kD));
  }
  static void TearDownTestSuite() {
    delete inputs_;
    delete history_;
    delete dir_;
  }

  static Phase4Inputs inputs(Date d = kD) {
    Phase4Inputs in;
    in.d = d;
    in.raw = inputs_;
    in.history = history_;
    return in;
  }
  static const Row* find(const analytics::ProcessorOutput& out, const TableSchema& t,
                         const std::string& entity) {
    size_t k = t.column_index(t.key[1]);
    for (const Row& r : out.rows) {
      if (r[k] == Value{entity}) return &r;
    }
    return nullptr;
  }
  static Value cell(const Row& r, const TableSchema& t, const char* column) {
    return r[t.column_index(column)];
  }

  static TempDir* dir_;
  static RawInputs* inputs_;
  static Phase3History* history_;
};

TempDir* ZoneProcessors::dir_ = nullptr;
RawInputs* ZoneProcessors::inputs_ = nullptr;
Phase3History* ZoneProcessors::history_ = nullptr;

TEST_F(ZoneProcessors, TdzaRowAgainstDefaultLeague) {
  auto out = team_defense_zone_analysis(inputs());
  const TableSchema& t = team_defense_zone_analysis_table();
  ASSERT_EQ(out.rows.size(), 1u);
  const Row& r = out.rows[0];
  ASSERT_EQ(r.size(), t.columns.size());
  auto v = [&](const char* c) { return cell(r, t, c); };
  EXPECT_EQ(v("analysis_date"), Value{std::string("2024-11-11")});
  EXPECT_EQ(v("team_abbr"), Value{std::string("BOS")});
  EXPECT_EQ(v("games_in_sample"), Value{int64_t{15}});
  EXPECT_EQ(v("paint_pct_allowed_last_15"), Value{0.6});
  EXPECT_EQ(v("mid_range_pct_allowed_last_15"), Value{0.4});
  EXPECT_EQ(v("three_pt_pct_allowed_last_15"), Value{0.361});
  EXPECT_EQ(v("paint_attempts_allowed_per_game"), Value{35.0});
  EXPECT_EQ(v("three_pt_attempts_allowed_per_game"), Value{36.0});
  EXPECT_EQ(v("paint_points_allowed_per_game"), Value{42.0});
  EXPECT_EQ(v("paint_blocks_per_game"), Value{});
  EXPECT_EQ(v("opponent_points_per_game"), Value{110.0});
  EXPECT_EQ(v("defensive_rating_last_15"), Value{112.5});
  EXPECT_EQ(v("opponent_pace"), Value{99.0});
  // One qualifying team (< 10): the defaults, with the count of qualifying teams.
  EXPECT_EQ(v("league_paint_pct"), Value{0.58});
  EXPECT_EQ(v("league_teams_in_sample"), Value{int64_t{1}});
  EXPECT_EQ(v("league_avg_source"), Value{std::string("default")});
  EXPECT_EQ(v("paint_defense_vs_league_avg"), Value{2.0});
  EXPECT_EQ(v("mid_range_defense_vs_league_avg"), Value{-1.0});
  EXPECT_EQ(v("three_pt_defense_vs_league_avg"), Value{0.61});
  EXPECT_EQ(v("strongest_zone"), Value{std::string("mid_range")});
  EXPECT_EQ(v("weakest_zone"), Value{std::string("paint")});
  EXPECT_EQ(v("data_quality_tier"), Value{std::string("high")});
  EXPECT_EQ(v("early_season_flag"), Value{int64_t{1}});
  EXPECT_EQ(v("min_games_required"), Value{int64_t{11}});
  EXPECT_EQ(v("calculation_notes"), Value{});
  EXPECT_EQ(v("completeness_checked"), Value{int64_t{0}});
  EXPECT_EQ(v("bootstrap_mode"), Value{int64_t{0}});
  EXPECT_EQ(v("completeness_pct"), Value{});
  EXPECT_EQ(v("processed_at"), Value{});
}

TEST_F(ZoneProcessors, TdzaFewGamesExpectedOrInsufficient) {
  auto out = team_defense_zone_analysis(inputs());
  ASSERT_EQ(out.failed.size(), 3u);  // key order: LAL, MIA, NYK
  EXPECT_EQ(out.failed[0].entity_id, "LAL");
  EXPECT_EQ(out.failed[0].category, "EXPECTED_INCOMPLETE");
  EXPECT_EQ(out.failed[0].reason, "Only 5 games, need 11 (raw data has 5)");
  EXPECT_FALSE(out.failed[0].can_retry);
  EXPECT_EQ(out.failed[1].entity_id, "MIA");
  EXPECT_EQ(out.failed[1].reason, "Only 0 games, need 11 (raw data has 5)");
  EXPECT_EQ(out.failed[2].entity_id, "NYK");
  EXPECT_EQ(out.failed[2].category, "INSUFFICIENT_DATA");
  EXPECT_EQ(out.failed[2].reason, "Only 8 games, need 11 (raw data has 20)");
  EXPECT_TRUE(out.failed[2].can_retry);
}

TEST_F(ZoneProcessors, CompletenessGateComesFirstExceptInBootstrap) {
  CompletenessResult c;
  EntityCompleteness bos;
  bos.windows = {{"l7d", 7, 7, 100.0, true, true},
                 {"l14d", 14, 14, 100.0, true, true},
                 {"l15", 15, 9, 60.0, false, false}};
  bos.all_windows_complete = false;
  bos.production_ready = false;
  c.teams["BOS"] = bos;
  c.teams["NYK"] = bos;
  Phase4Inputs in = inputs();
  in.completeness = &c;
  auto out = team_defense_zone_analysis(in);
  EXPECT_TRUE(out.rows.empty());
  ASSERT_EQ(out.failed.size(), 4u);
  EXPECT_EQ(out.failed[0].entity_id, "BOS");
  EXPECT_EQ(out.failed[0].category, "INCOMPLETE_DATA");
  EXPECT_EQ(out.failed[0].reason, "Completeness 60.0% (9/15) in l15");
  EXPECT_TRUE(out.failed[0].can_retry);
  EXPECT_EQ(out.failed[3].category, "INCOMPLETE_DATA");  // NYK: before the game count

  in.bootstrap_mode = true;
  out = team_defense_zone_analysis(in);
  ASSERT_EQ(out.rows.size(), 1u);
  const TableSchema& t = team_defense_zone_analysis_table();
  EXPECT_EQ(cell(out.rows[0], t, "completeness_checked"), Value{int64_t{1}});
  EXPECT_EQ(cell(out.rows[0], t, "bootstrap_mode"), Value{int64_t{1}});
  EXPECT_EQ(cell(out.rows[0], t, "expected_games_count"), Value{int64_t{15}});
  EXPECT_EQ(cell(out.rows[0], t, "completeness_pct"), Value{60.0});
  EXPECT_EQ(cell(out.rows[0], t, "l15_completeness_pct"), Value{60.0});
}

TEST_F(ZoneProcessors, TdzaHardRanges) {
  Phase3History h;
  for (int o = 1; o <= 15; ++o) {
    TdgsRecord t = defense(ago(o), "v" + std::to_string(o), "BOS", 21, 35, 8, 20, 13, 36);
    t.defensive_rating = 250.0;
    h.add(t);
  }
  h.finish();
  Phase4Inputs in = inputs();
  in.history = &h;
  auto out = team_defense_zone_analysis(in);
  EXPECT_TRUE(out.rows.empty());
  ASSERT_FALSE(out.failed.empty());
  EXPECT_EQ(out.failed[0].entity_id, "BOS");
  EXPECT_EQ(out.failed[0].category, "VALIDATION_ERROR");
  EXPECT_EQ(out.failed[0].reason, "defensive_rating_last_15 = 250 outside [50, 200]");
  EXPECT_FALSE(out.failed[0].can_retry);
}

TEST_F(ZoneProcessors, NothingBeforeOpeningNightOrWithoutGames) {
  auto before = team_defense_zone_analysis(inputs(make_date(2024, 10, 21)));
  EXPECT_TRUE(before.rows.empty() && before.failed.empty());
  auto no_games = player_shot_zone_analysis(inputs(Date{kD.days + 1}));
  EXPECT_TRUE(no_games.rows.empty() && no_games.failed.empty());
}

TEST_F(ZoneProcessors, PszaSpecExample) {
  auto out = player_shot_zone_analysis(inputs());
  const TableSchema& t = player_shot_zone_analysis_table();
  const Row* r = find(out, t, "samshooter");
  ASSERT_NE(r, nullptr);
  ASSERT_EQ(r->size(), t.columns.size());
  auto v = [&](const char* c) { return cell(*r, t, c); };
  EXPECT_EQ(v("player_id"), Value{});
  EXPECT_EQ(v("team_abbr"), Value{std::string("BOS")});
  EXPECT_EQ(v("games_in_sample_10"), Value{int64_t{10}});
  EXPECT_EQ(v("shot_games_10"), Value{int64_t{9}});
  EXPECT_EQ(v("paint_rate_last_10"), Value{44.54});
  EXPECT_EQ(v("mid_range_rate_last_10"), Value{15.97});
  EXPECT_EQ(v("three_pt_rate_last_10"), Value{39.5});
  EXPECT_EQ(v("paint_pct_last_10"), Value{0.585});
  EXPECT_EQ(v("mid_range_pct_last_10"), Value{0.421});
  EXPECT_EQ(v("three_pt_pct_last_10"), Value{0.362});
  EXPECT_EQ(v("paint_attempts_per_game"), Value{5.9});  // 53 / 9, not / 10
  EXPECT_EQ(v("mid_range_attempts_per_game"), Value{2.1});
  EXPECT_EQ(v("three_pt_attempts_per_game"), Value{5.2});
  EXPECT_EQ(v("total_shots_last_10"), Value{int64_t{119}});
  EXPECT_EQ(v("assisted_rate_last_10"), Value{});  // no assist data
  EXPECT_EQ(v("unassisted_rate_last_10"), Value{});
  EXPECT_EQ(v("games_in_sample_20"), Value{int64_t{15}});
  EXPECT_EQ(v("paint_rate_last_20"), Value{60.95});  // 103 / 169
  EXPECT_EQ(v("paint_pct_last_20"), Value{0.544});   // 56 / 103
  EXPECT_EQ(v("sample_quality_10"), Value{std::string("excellent")});
  EXPECT_EQ(v("sample_quality_20"), Value{std::string("good")});
  EXPECT_EQ(v("primary_scoring_zone"), Value{std::string("paint")});
  EXPECT_EQ(v("data_quality_tier"), Value{std::string("medium")});
  EXPECT_EQ(v("early_season_flag"), Value{int64_t{1}});
  EXPECT_EQ(v("min_games_required"), Value{int64_t{9}});
  EXPECT_EQ(v("completeness_checked"), Value{int64_t{0}});
  EXPECT_EQ(v("processed_at"), Value{});
}

TEST_F(ZoneProcessors, PszaAssistedRatesAndShortW20) {
  auto out = player_shot_zone_analysis(inputs());
  const TableSchema& t = player_shot_zone_analysis_table();
  const Row* r = find(out, t, "robrole");
  ASSERT_NE(r, nullptr);
  auto v = [&](const char* c) { return cell(*r, t, c); };
  EXPECT_EQ(v("assisted_rate_last_10"), Value{75.0});
  EXPECT_EQ(v("unassisted_rate_last_10"), Value{25.0});
  EXPECT_EQ(v("three_pt_rate_last_10"), Value{60.0});
  EXPECT_EQ(v("primary_scoring_zone"), Value{std::string("perimeter")});
  EXPECT_EQ(v("games_in_sample_20"), Value{int64_t{14}});
  EXPECT_EQ(v("paint_rate_last_20"), Value{});  // fewer than 15 games
  EXPECT_EQ(v("paint_pct_last_20"), Value{});
  EXPECT_EQ(v("data_quality_tier"), Value{std::string("high")});
}

TEST_F(ZoneProcessors, PszaEntitiesAndFailures) {
  EXPECT_EQ(psza_entities(*inputs_, kD),
            (std::vector<std::string>{"maxmissing", "robrole", "ronrookie", "samshooter"}));
  auto out = player_shot_zone_analysis(inputs());
  ASSERT_EQ(out.rows.size(), 2u);
  ASSERT_EQ(out.failed.size(), 2u);
  EXPECT_EQ(out.failed[0].entity_id, "maxmissing");
  EXPECT_EQ(out.failed[0].category, "INSUFFICIENT_DATA");
  EXPECT_EQ(out.failed[0].reason, "Only 5 games, need 9 (raw data has 12)");
  EXPECT_EQ(out.failed[1].entity_id, "ronrookie");
  EXPECT_EQ(out.failed[1].category, "EXPECTED_INCOMPLETE");
  EXPECT_EQ(out.failed[1].reason, "Only 4 games, need 9 (raw data has 4)");

  // With the checker's result: a player who is not production-ready fails first.
  CompletenessResult c = check_completeness(*inputs_, *history_, kD, psza_entities(*inputs_, kD));
  c.players["samshooter"].production_ready = false;
  c.players["samshooter"].windows[1] = {"l10", 10, 6, 60.0, false, false};
  Phase4Inputs in = inputs();
  in.completeness = &c;
  out = player_shot_zone_analysis(in);
  ASSERT_EQ(out.rows.size(), 1u);
  EXPECT_EQ(out.failed[2].entity_id, "samshooter");
  EXPECT_EQ(out.failed[2].reason, "Completeness 60.0% (6/10) in l10");
  const TableSchema& t = player_shot_zone_analysis_table();
  EXPECT_EQ(cell(out.rows[0], t, "completeness_checked"), Value{int64_t{1}});
  EXPECT_EQ(cell(out.rows[0], t, "l10_completeness_pct"), Value{100.0});
  EXPECT_EQ(cell(out.rows[0], t, "is_production_ready"), Value{int64_t{1}});
}

}  // namespace
}  // namespace nbaprops::precompute
