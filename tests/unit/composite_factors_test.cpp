// player_composite_factors (03-precompute.md §5): each factor formula by hand, the §5 worked
// example end to end, the context JSON texts, the quality fields, readiness and the failure
// categories. Upstream rows are built by hand over the UPGC / UTGC tables and small PSZA / TDZA
// stand-in schemas with the spec's column names.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "analytics/upcoming_player_game_context.h"
#include "analytics/upcoming_team_game_context.h"
#include "core/row_reader.h"
#include "precompute/composite_factor_context.h"
#include "precompute/composite_factor_formulas.h"
#include "precompute/player_composite_factors.h"
#include "support/phase4_rows.h"

namespace nbaprops::precompute {
namespace {

using analytics::upcoming_player_game_context_table;
using analytics::upcoming_team_game_context_table;
using nbaprops::testing::B;
using nbaprops::testing::D;
using nbaprops::testing::I;
using nbaprops::testing::psza_test_table;
using nbaprops::testing::row_of;
using nbaprops::testing::S;
using nbaprops::testing::tdza_test_table;

// ---- Fatigue, rule by rule -------------------------------------------------------------------

// A rested baseline: no rule fires, nothing defaulted.
FatigueInputs rested() {
  return FatigueInputs{1, false, 3, 100.0, 30.0, 0, 25};
}

TEST(FatigueFactor, BaselineIs100AndAdjustmentZero) {
  FatigueResult r = fatigue_factor(rested());
  EXPECT_EQ(r.score, 100);
  EXPECT_DOUBLE_EQ(r.adjustment, 0.0);
  EXPECT_TRUE(r.penalties.empty());
  EXPECT_TRUE(r.bonuses.empty());
  EXPECT_TRUE(r.defaults_used.empty());
}

TEST(FatigueFactor, EachRuleAlone) {
  auto score = [](auto change) {
    FatigueInputs in = rested();
    change(in);
    return fatigue_factor(in).score;
  };
  EXPECT_EQ(score([](FatigueInputs& in) { in.back_to_back = true; }), 85);
  EXPECT_EQ(score([](FatigueInputs& in) { in.days_rest = 3; }), 100);  // 105 clamped
  EXPECT_EQ(score([](FatigueInputs& in) { in.days_rest = 2; }), 100);
  EXPECT_EQ(score([](FatigueInputs& in) { in.games_last_7 = 4; }), 90);
  EXPECT_EQ(score([](FatigueInputs& in) { in.minutes_last_7 = 240.0; }), 100);
  EXPECT_EQ(score([](FatigueInputs& in) { in.minutes_last_7 = 240.1; }), 90);
  EXPECT_EQ(score([](FatigueInputs& in) { in.avg_minutes_last_7 = 35.0; }), 100);
  EXPECT_EQ(score([](FatigueInputs& in) { in.avg_minutes_last_7 = 35.1; }), 92);
  EXPECT_EQ(score([](FatigueInputs& in) { in.back_to_backs_last_14 = 1; }), 95);
  EXPECT_EQ(score([](FatigueInputs& in) { in.back_to_backs_last_14 = 2; }), 88);
  EXPECT_EQ(score([](FatigueInputs& in) { in.player_age = 30; }), 95);
  EXPECT_EQ(score([](FatigueInputs& in) { in.player_age = 35; }), 90);
}

TEST(FatigueFactor, ExtraRestBonusOnlyWithoutBackToBack) {
  FatigueInputs in = rested();
  in.days_rest = 4;
  in.games_last_7 = 4;  // 100 + 5 - 10
  FatigueResult r = fatigue_factor(in);
  EXPECT_EQ(r.score, 95);
  EXPECT_EQ(r.bonuses, std::vector<std::string>{"extra_rest:+5"});
  in.back_to_back = true;  // 100 - 15 - 10: no bonus
  r = fatigue_factor(in);
  EXPECT_EQ(r.score, 75);
  EXPECT_TRUE(r.bonuses.empty());
}

TEST(FatigueFactor, NullInputsTakeDefaultsAndAreRecorded) {
  FatigueResult r = fatigue_factor(FatigueInputs{});
  // days_rest 1, not b2b, 3 games, 200 min, 30 avg, 0 b2b, age 25: no rule fires.
  EXPECT_EQ(r.score, 100);
  EXPECT_EQ(r.defaults_used.size(), 7u);
  EXPECT_EQ(r.defaults_used.front(), "days_rest");
  EXPECT_EQ(r.defaults_used.back(), "player_age");
}

TEST(FatigueFactor, ClampsAtZeroAndAdjustmentAtMinus3_25) {
  // Worst case: 100 - 15 - 10 - 10 - 8 - 12 - 10 = 35 (the clamp at 0 cannot bind with these
  // rules; the adjustment's lower bound is (35 - 100) / 20 = -3.25).
  FatigueInputs in{0, true, 5, 250.0, 40.0, 3, 36};
  FatigueResult r = fatigue_factor(in);
  EXPECT_EQ(r.score, 35);
  EXPECT_DOUBLE_EQ(r.adjustment, -3.25);
  EXPECT_EQ(r.penalties.size(), 6u);
}

TEST(FatigueFactor, SpecExample57) {
  FatigueInputs in{1, true, 4, 148.0, 37.0, 1, 31};
  FatigueResult r = fatigue_factor(in);
  EXPECT_EQ(r.score, 57);
  EXPECT_DOUBLE_EQ(r.adjustment, -2.15);
  std::vector<std::string> expected = {"back_to_back:-15", "games_last_7:-10",
                                       "high_avg_minutes:-8", "one_back_to_back_14d:-5",
                                       "age_30_plus:-5"};
  EXPECT_EQ(r.penalties, expected);
}

// ---- Shot-zone mismatch ----------------------------------------------------------------------

MismatchInputs zone_inputs(const char* zone) {
  MismatchInputs in;
  in.has_shot_zone_row = in.has_team_defense_row = true;
  in.primary_scoring_zone = zone;
  in.paint_rate = 44.54;
  in.mid_range_rate = 30.0;
  in.three_pt_rate = 60.0;
  in.paint_vs_league = 6.20;
  in.mid_range_vs_league = -2.0;
  in.three_pt_vs_league = 4.0;
  return in;
}

TEST(ShotZoneMismatch, SpecExampleBeyondFiveIsAmplified) {
  MismatchResult r = shot_zone_mismatch(zone_inputs("paint"));
  EXPECT_NEAR(r.score, 6.627552, 1e-9);  // 6.20 * 0.8908 = 5.52296 > 5 -> * 1.2
  EXPECT_NEAR(r.rate_weight, 0.8908, 1e-12);
  EXPECT_EQ(r.zone_used, "paint");
}

TEST(ShotZoneMismatch, ZonePairs) {
  // mid_range: -2.0 * 30 / 50 = -1.2 (not amplified).
  EXPECT_NEAR(shot_zone_mismatch(zone_inputs("mid_range")).score, -1.2, 1e-12);
  // perimeter: the three pair, weight capped at 1: 4.0.
  EXPECT_NEAR(shot_zone_mismatch(zone_inputs("perimeter")).score, 4.0, 1e-12);
  EXPECT_EQ(shot_zone_mismatch(zone_inputs("perimeter")).zone_used, "three");
  // balanced: the paint pair.
  EXPECT_NEAR(shot_zone_mismatch(zone_inputs("balanced")).score, 6.627552, 1e-9);
}

TEST(ShotZoneMismatch, ClampAtTenAndNullDefaults) {
  MismatchInputs in = zone_inputs("paint");
  in.paint_rate = std::nullopt;  // -> 50, weight 1
  in.paint_vs_league = 9.0;      // 9 > 5 -> 10.8 -> 10
  MismatchResult r = shot_zone_mismatch(in);
  EXPECT_DOUBLE_EQ(r.score, 10.0);
  EXPECT_DOUBLE_EQ(r.rate_weight, 1.0);
  in.paint_vs_league = -9.0;
  EXPECT_DOUBLE_EQ(shot_zone_mismatch(in).score, -10.0);
  in.paint_vs_league = std::nullopt;  // defense NULL -> 0
  EXPECT_DOUBLE_EQ(shot_zone_mismatch(in).score, 0.0);
  in.paint_vs_league = -4.5;  // |x| = 4.5 <= 5: not amplified
  EXPECT_DOUBLE_EQ(shot_zone_mismatch(in).score, -4.5);
}

TEST(ShotZoneMismatch, MissingInputsGiveZero) {
  MismatchInputs in = zone_inputs("paint");
  in.has_shot_zone_row = false;
  EXPECT_EQ(shot_zone_mismatch(in).score, 0.0);
  EXPECT_EQ(shot_zone_mismatch(in).missing, std::vector<std::string>{"player_shot_zone"});
  in = zone_inputs("paint");
  in.has_team_defense_row = false;
  EXPECT_EQ(shot_zone_mismatch(in).missing, std::vector<std::string>{"team_defense_zone"});
  in = zone_inputs("paint");
  in.primary_scoring_zone = std::nullopt;
  EXPECT_EQ(shot_zone_mismatch(in).score, 0.0);
  EXPECT_EQ(shot_zone_mismatch(in).missing, std::vector<std::string>{"primary_scoring_zone"});
}

// ---- Pace, usage, travel ---------------------------------------------------------------------

TEST(PaceScore, HalfTheDifferentialClampedAtThree) {
  EXPECT_DOUBLE_EQ(pace_score(3.1), 1.55);
  EXPECT_DOUBLE_EQ(pace_score(-4.0), -2.0);
  EXPECT_DOUBLE_EQ(pace_score(7.5), 3.0);
  EXPECT_DOUBLE_EQ(pace_score(-6.01), -3.0);
  EXPECT_DOUBLE_EQ(pace_score(std::nullopt), 0.0);
}

TEST(UsageSpike, StarsOutMultiplyOnlyAPositiveSpike) {
  EXPECT_NEAR(usage_spike(28.0, 25.5, 0).score, 0.75, 1e-12);
  EXPECT_NEAR(usage_spike(28.0, 25.5, 1).score, 0.8625, 1e-12);
  EXPECT_NEAR(usage_spike(28.0, 25.5, 2).score, 0.975, 1e-12);
  EXPECT_NEAR(usage_spike(28.0, 25.5, 4).score, 0.975, 1e-12);
  EXPECT_NEAR(usage_spike(23.0, 25.5, 2).score, -0.75, 1e-12);  // negative: no multiplier
}

TEST(UsageSpike, ClampBaseZeroAndDefaults) {
  EXPECT_DOUBLE_EQ(usage_spike(40.0, 20.0, 0).score, 3.0);
  EXPECT_DOUBLE_EQ(usage_spike(5.0, 20.0, 0).score, -3.0);
  EXPECT_DOUBLE_EQ(usage_spike(30.0, 0.0, 2).score, 0.0);
  UsageResult r = usage_spike(std::nullopt, std::nullopt, std::nullopt);
  EXPECT_DOUBLE_EQ(r.score, 0.0);  // 25 vs 25
  std::vector<std::string> expected = {"projected_usage_rate", "avg_usage_rate_last_7_days",
                                       "star_teammates_out"};
  EXPECT_EQ(r.defaults_used, expected);
  EXPECT_NEAR(usage_spike(std::nullopt, 20.0, 1).score, 1.5 * 1.15, 1e-12);
}

TEST(TravelImpact, MilesCappedZonesHalfAndClamp) {
  EXPECT_NEAR(travel_impact(1120, 1), -1.62, 1e-12);
  EXPECT_DOUBLE_EQ(travel_impact(5000, 0), -3.0);  // miles capped at 3000
  EXPECT_DOUBLE_EQ(travel_impact(2800, 3), -3.0);  // -4.3 clamped
  EXPECT_DOUBLE_EQ(travel_impact(std::nullopt, std::nullopt), 0.0);
  EXPECT_DOUBLE_EQ(travel_impact(0, 0), 0.0);
  EXPECT_FALSE(std::signbit(travel_impact(0, 0)));
  EXPECT_DOUBLE_EQ(travel_impact(std::nullopt, 2), -1.0);  // a NULL input counts as 0
}

// ---- The processor ---------------------------------------------------------------------------

const Date kD = make_date(2025, 1, 15);

Row upgc_row(const std::string& player, std::vector<std::pair<std::string, Value>> extra = {}) {
  std::vector<std::pair<std::string, Value>> cells = {
      {"game_date", S("2025-01-15")},      {"player_lookup", S(player)},
      {"game_id", S("0022400600")},        {"team_abbr", S("BOS")},
      {"opponent_abbr", S("LAL")},         {"back_to_back", B(false)},
      {"games_in_last_7_days", I(3)},      {"minutes_in_last_7_days", D(100.0)},
      {"back_to_backs_last_14_days", I(0)}};
  for (auto& c : extra) cells.push_back(std::move(c));
  return row_of(upcoming_player_game_context_table(), cells);
}

// The §5 example player.
Row example_upgc() {
  return upgc_row("jaysontatum", {{"player_id", I(1628369)},
                                  {"days_rest", I(0)},
                                  {"back_to_back", B(true)},
                                  {"games_in_last_7_days", I(4)},
                                  {"minutes_in_last_7_days", D(148.0)},
                                  {"avg_minutes_per_game_last_7_days", D(37.0)},
                                  {"back_to_backs_last_14_days", I(1)},
                                  {"player_age", I(31)},
                                  {"pace_differential", D(3.1)},
                                  {"opponent_pace_last_10", D(98.5)},
                                  {"projected_usage_rate", D(28.0)},
                                  {"avg_usage_rate_last_7_days", D(25.5)},
                                  {"star_teammates_out", I(1)}});
}

struct Fixture {
  Phase4Inputs in;
  Fixture(std::vector<Row> upgc, bool with_others = true) {
    in.d = kD;
    in.upgc = DayRows(upcoming_player_game_context_table(), std::move(upgc), "player_lookup");
    if (!with_others) return;
    in.utgc =
        DayRows(upcoming_team_game_context_table(),
                {row_of(upcoming_team_game_context_table(), {{"team_abbr", S("BOS")},
                                                             {"travel_miles", I(1120)},
                                                             {"time_zones_crossed", I(1)},
                                                             {"is_production_ready", B(true)}})},
                "team_abbr");
    in.psza = DayRows(psza_test_table(),
                      {row_of(psza_test_table(), {{"player_lookup", S("jaysontatum")},
                                                  {"primary_scoring_zone", S("paint")},
                                                  {"paint_rate_last_10", D(44.54)},
                                                  {"mid_range_rate_last_10", D(15.97)},
                                                  {"three_pt_rate_last_10", D(39.49)},
                                                  {"is_production_ready", B(true)}})},
                      "player_lookup");
    in.tdza = DayRows(tdza_test_table(),
                      {row_of(tdza_test_table(), {{"team_abbr", S("LAL")},
                                                  {"paint_defense_vs_league_avg", D(6.20)},
                                                  {"mid_range_defense_vs_league_avg", D(-0.51)},
                                                  {"three_pt_defense_vs_league_avg", D(-0.09)},
                                                  {"weakest_zone", S("paint")},
                                                  {"is_production_ready", B(true)}})},
                      "team_abbr");
  }
};

RowReader reader(const Row& row) {
  return RowReader(player_composite_factors_table(), row);
}

TEST(PlayerCompositeFactors, SpecExampleEndToEnd) {
  Fixture f({example_upgc()});
  auto out = player_composite_factors(f.in);
  ASSERT_EQ(out.rows.size(), 1u);
  ASSERT_TRUE(out.failed.empty());
  ASSERT_EQ(out.rows[0].size(), player_composite_factors_table().columns.size());
  RowReader r = reader(out.rows[0]);
  EXPECT_EQ(r.s("game_date"), "2025-01-15");
  EXPECT_EQ(r.s("game_id"), "0022400600");
  EXPECT_EQ(r.s("team_abbr"), "BOS");
  EXPECT_EQ(r.s("opponent_abbr"), "LAL");
  EXPECT_EQ(r.i("player_id"), 1628369);
  EXPECT_EQ(r.i("fatigue_score"), 57);
  EXPECT_EQ(r.d("fatigue_adjustment"), -2.15);
  EXPECT_EQ(r.d("shot_zone_mismatch_score"), 6.63);
  EXPECT_EQ(r.d("pace_score"), 1.55);
  EXPECT_EQ(r.d("usage_spike_score"), 0.86);
  EXPECT_EQ(r.d("travel_impact_score"), -1.62);
  EXPECT_EQ(r.d("total_composite_adjustment"), 5.27);
  EXPECT_EQ(r.d("data_completeness_pct"), 100.0);
  EXPECT_TRUE(r.null("missing_data_fields"));
  EXPECT_EQ(r.b("has_warnings"), false);
  EXPECT_TRUE(r.null("warning_details"));
  EXPECT_EQ(r.s("calculation_version"), "v2_5factors");
  // Unchecked completeness: the block and the readiness fields are NULL.
  EXPECT_EQ(r.b("completeness_checked"), false);
  EXPECT_EQ(r.b("bootstrap_mode"), false);
  EXPECT_TRUE(r.null("completeness_pct"));
  EXPECT_TRUE(r.null("l10_completeness_pct"));
  EXPECT_TRUE(r.null("is_production_ready"));
  EXPECT_TRUE(r.null("upstream_player_context_ready"));
  EXPECT_TRUE(r.null("all_upstreams_ready"));
  EXPECT_TRUE(r.null("data_quality_issues"));
  EXPECT_TRUE(r.null("processed_at"));
}

TEST(PlayerCompositeFactors, ContextJsonKeyOrderAndContent) {
  Fixture f({example_upgc()});
  auto out_r = player_composite_factors(f.in);
  RowReader r = reader(out_r.rows.at(0));
  EXPECT_EQ(r.s("fatigue_context_json"),
            "{\"days_rest\":0,\"back_to_back\":true,\"games_last_7\":4,\"minutes_last_7\":148.0,"
            "\"avg_minutes_last_7\":37.0,\"back_to_backs_last_14\":1,\"player_age\":31,"
            "\"penalties\":[\"back_to_back:-15\",\"games_last_7:-10\",\"high_avg_minutes:-8\","
            "\"one_back_to_back_14d:-5\",\"age_30_plus:-5\"],\"bonuses\":[],\"defaults_used\":[],"
            "\"final_score\":57}");
  EXPECT_EQ(r.s("shot_zone_context_json"),
            "{\"player_primary_zone\":\"paint\",\"zone_used\":\"paint\",\"zone_rate\":44.54,"
            "\"rate_weight\":0.8908,\"opponent_defense_vs_league\":6.2,"
            "\"opponent_weakest_zone\":\"paint\",\"mismatch_type\":\"favorable\","
            "\"final_score\":6.63}");
  EXPECT_EQ(r.s("pace_context_json"),
            "{\"pace_differential\":3.1,\"opponent_pace_last_10\":98.5,"
            "\"pace_environment\":\"fast\",\"final_score\":1.55}");
  EXPECT_EQ(r.s("usage_context_json"),
            "{\"projected_usage_rate\":28.0,\"avg_usage_rate_last_7_days\":25.5,"
            "\"defaults_used\":[],\"usage_differential\":2.5,\"star_teammates_out\":1,"
            "\"usage_trend\":\"spike\",\"final_score\":0.86}");
}

TEST(PlayerCompositeFactors, MissingUpstreamRowsGiveZerosAndSaySo) {
  // Only UPGC: no PSZA, TDZA, UTGC rows; days_rest known, the other UPGC inputs NULL.
  Fixture f({upgc_row("nobody", {{"days_rest", I(2)}})}, false);
  auto out = player_composite_factors(f.in);
  ASSERT_EQ(out.rows.size(), 1u);
  RowReader r = reader(out.rows[0]);
  EXPECT_EQ(r.d("shot_zone_mismatch_score"), 0.0);
  EXPECT_EQ(r.d("travel_impact_score"), 0.0);
  EXPECT_EQ(r.d("pace_score"), 0.0);
  EXPECT_EQ(r.d("usage_spike_score"), 0.0);
  EXPECT_EQ(r.d("data_completeness_pct"), 16.67);  // 1 of 6
  EXPECT_EQ(r.s("missing_data_fields"),
            "projected_usage_rate, pace_differential, player_shot_zone, team_defense_zone, "
            "team_travel");
  EXPECT_EQ(r.s("shot_zone_context_json"),
            "{\"missing_data\":true,\"missing\":[\"player_shot_zone\",\"team_defense_zone\"]}");
  EXPECT_EQ(r.s("usage_context_json"),
            "{\"projected_usage_rate\":null,\"avg_usage_rate_last_7_days\":null,"
            "\"defaults_used\":[\"projected_usage_rate\",\"avg_usage_rate_last_7_days\","
            "\"star_teammates_out\"],\"usage_differential\":0.0,\"star_teammates_out\":null,"
            "\"usage_trend\":\"stable\",\"final_score\":0.0}");
  EXPECT_EQ(r.s("pace_context_json"),
            "{\"pace_differential\":null,\"opponent_pace_last_10\":null,"
            "\"pace_environment\":\"normal\",\"final_score\":0.0}");
}

TEST(PlayerCompositeFactors, DataCompletenessCountsSixInputs) {
  // Example player without his PSZA row: 5 of 6 = 83.33.
  Fixture f({example_upgc()});
  f.in.psza = DayRows();
  auto out_r = player_composite_factors(f.in);
  RowReader r = reader(out_r.rows.at(0));
  EXPECT_EQ(r.d("data_completeness_pct"), 83.33);
  EXPECT_EQ(r.s("missing_data_fields"), "player_shot_zone");
  EXPECT_EQ(r.d("total_composite_adjustment"), -1.36);  // -2.15 + 0 + 1.55 + 0.8625 - 1.62
}

TEST(PlayerCompositeFactors, Warnings) {
  // Fatigue 35 (< 50), mismatch 10 (> 8): two warnings; total -3.25 + 10 + 3 + 3 - 1.62.
  Fixture f({upgc_row("jaysontatum", {{"days_rest", I(0)},
                                      {"back_to_back", B(true)},
                                      {"games_in_last_7_days", I(5)},
                                      {"minutes_in_last_7_days", D(250.0)},
                                      {"avg_minutes_per_game_last_7_days", D(40.0)},
                                      {"back_to_backs_last_14_days", I(2)},
                                      {"player_age", I(36)},
                                      {"pace_differential", D(8.0)},
                                      {"projected_usage_rate", D(40.0)},
                                      {"avg_usage_rate_last_7_days", D(20.0)}})});
  f.in.tdza = DayRows(tdza_test_table(),
                      {row_of(tdza_test_table(),
                              {{"team_abbr", S("LAL")}, {"paint_defense_vs_league_avg", D(12.0)}})},
                      "team_abbr");
  auto out_r = player_composite_factors(f.in);
  RowReader r = reader(out_r.rows.at(0));
  EXPECT_EQ(r.i("fatigue_score"), 35);
  EXPECT_EQ(r.d("shot_zone_mismatch_score"), 10.0);
  EXPECT_EQ(r.d("total_composite_adjustment"), 11.13);
  EXPECT_EQ(r.b("has_warnings"), true);
  EXPECT_EQ(r.s("warning_details"), "EXTREME_FATIGUE; EXTREME_MATCHUP");
}

TEST(PlayerCompositeFactors, ExtremeAdjustmentWarning) {
  // Rested, mismatch 10, pace 3, usage 3, travel 0: total 16 > 12.
  Fixture f({upgc_row("jaysontatum", {{"pace_differential", D(8.0)},
                                      {"projected_usage_rate", D(40.0)},
                                      {"avg_usage_rate_last_7_days", D(20.0)}})});
  f.in.tdza = DayRows(tdza_test_table(),
                      {row_of(tdza_test_table(),
                              {{"team_abbr", S("LAL")}, {"paint_defense_vs_league_avg", D(12.0)}})},
                      "team_abbr");
  f.in.utgc = DayRows();
  auto out_r = player_composite_factors(f.in);
  RowReader r = reader(out_r.rows.at(0));
  EXPECT_EQ(r.d("total_composite_adjustment"), 16.0);
  EXPECT_EQ(r.s("warning_details"), "EXTREME_MATCHUP; EXTREME_ADJUSTMENT");
}

TEST(PlayerCompositeFactors, CheckedCompletenessAndUpstreamReadiness) {
  Fixture f({example_upgc(), upgc_row("zachlavine")});
  CompletenessResult c;
  EntityCompleteness e;
  for (const char* w : {"l5", "l10", "l7d", "l14d", "l30d"}) {
    e.windows.push_back({w, 10, 9, 90.0, false, true});
  }
  e.all_windows_complete = false;
  e.production_ready = true;
  c.players["jaysontatum"] = e;
  c.players["zachlavine"] = e;
  f.in.completeness = &c;
  auto out = player_composite_factors(f.in);
  ASSERT_EQ(out.rows.size(), 2u);
  RowReader r = reader(out.rows[0]);
  EXPECT_EQ(r.s("player_lookup"), "jaysontatum");
  EXPECT_EQ(r.b("completeness_checked"), true);
  EXPECT_EQ(r.i("expected_games_count"), 10);
  EXPECT_EQ(r.i("actual_games_count"), 9);
  EXPECT_EQ(r.d("completeness_pct"), 90.0);
  EXPECT_EQ(r.d("l30d_completeness_pct"), 90.0);
  EXPECT_EQ(r.b("all_windows_complete"), false);
  // UPGC's is_production_ready is NULL (unchecked context row): not ready.
  EXPECT_EQ(r.b("upstream_player_context_ready"), false);
  EXPECT_EQ(r.b("upstream_team_context_ready"), true);
  EXPECT_EQ(r.b("upstream_shot_zone_ready"), true);
  EXPECT_EQ(r.b("upstream_team_defense_ready"), true);
  EXPECT_EQ(r.b("all_upstreams_ready"), false);
  EXPECT_EQ(r.b("is_production_ready"), false);
  EXPECT_EQ(r.s("data_quality_issues"), "upstream_player_context_incomplete");
  // zachlavine has no PSZA row either.
  RowReader z = reader(out.rows[1]);
  EXPECT_EQ(z.s("data_quality_issues"),
            "upstream_player_context_incomplete, upstream_shot_zone_incomplete");

  // Every upstream ready and the entity ready: production-ready, no issues.
  Row ready_upgc = example_upgc();
  ready_upgc[upcoming_player_game_context_table().column_index("is_production_ready")] = B(true);
  Fixture g({ready_upgc});
  c.players["jaysontatum"].production_ready = false;
  g.in.completeness = &c;
  auto out_x = player_composite_factors(g.in);
  RowReader x = reader(out_x.rows.at(0));
  EXPECT_EQ(x.b("all_upstreams_ready"), true);
  EXPECT_EQ(x.b("is_production_ready"), false);
  EXPECT_EQ(x.s("data_quality_issues"), "own_data_incomplete");
  c.players["jaysontatum"].production_ready = true;
  auto out_y = player_composite_factors(g.in);
  RowReader y = reader(out_y.rows.at(0));
  EXPECT_EQ(y.b("is_production_ready"), true);
  EXPECT_TRUE(y.null("data_quality_issues"));
}

TEST(PlayerCompositeFactors, MissingUpstreamWhenUpgcLacksTeamOpponentOrGame) {
  Row no_team = upgc_row("a");
  no_team[upcoming_player_game_context_table().column_index("team_abbr")] = Value{};
  Row no_game = upgc_row("b");
  no_game[upcoming_player_game_context_table().column_index("game_id")] = Value{};
  no_game[upcoming_player_game_context_table().column_index("opponent_abbr")] = Value{};
  Fixture f({no_game, no_team, upgc_row("c")});
  auto out = player_composite_factors(f.in);
  ASSERT_EQ(out.rows.size(), 1u);
  ASSERT_EQ(out.failed.size(), 2u);
  EXPECT_EQ(out.failed[0].entity_id, "a");  // key order
  EXPECT_EQ(out.failed[0].category, "MISSING_UPSTREAM");
  EXPECT_EQ(out.failed[0].reason, "upcoming_player_game_context row without team_abbr");
  EXPECT_TRUE(out.failed[0].can_retry);
  EXPECT_EQ(out.failed[1].reason,
            "upcoming_player_game_context row without opponent_abbr, game_id");
}

TEST(PlayerCompositeFactors, ValidationAndProcessingErrors) {
  // A NaN rate (not a storable value) makes the mismatch leave its range.
  Fixture f({example_upgc()});
  f.in.psza =
      DayRows(psza_test_table(),
              {row_of(psza_test_table(),
                      {{"player_lookup", S("jaysontatum")},
                       {"primary_scoring_zone", S("paint")},
                       {"paint_rate_last_10", D(std::numeric_limits<double>::quiet_NaN())}})},
              "player_lookup");
  auto out = player_composite_factors(f.in);
  ASSERT_EQ(out.failed.size(), 1u);
  EXPECT_EQ(out.failed[0].category, "VALIDATION_ERROR");
  EXPECT_FALSE(out.failed[0].can_retry);
  // A TDZA table without the columns PCF reads: PROCESSING_ERROR for that entity.
  TableSchema bare{
      "team_defense_zone_analysis", {{"team_abbr", ColumnType::kText, false, -1}}, {}, ""};
  Fixture g({example_upgc()});
  g.in.tdza = DayRows(bare, {Row{S("LAL")}}, "team_abbr");
  out = player_composite_factors(g.in);
  ASSERT_EQ(out.failed.size(), 1u);
  EXPECT_EQ(out.failed[0].category, "PROCESSING_ERROR");
  EXPECT_FALSE(out.failed[0].can_retry);
}

TEST(MismatchType, Thresholds) {
  EXPECT_EQ(mismatch_type(2.01), "favorable");
  EXPECT_EQ(mismatch_type(2.0), "neutral");
  EXPECT_EQ(mismatch_type(-2.0), "neutral");
  EXPECT_EQ(mismatch_type(-2.01), "unfavorable");
}

}  // namespace
}  // namespace nbaprops::precompute
