// P(over) on the graded rows (issue 12 item 5, docs/predictions.md §3): the EV taken, the grade
// rows carrying the prediction's p_over, the Brier scores of system_performance against the
// no-vig market probability, and publish's model health binning by P(over) from a store.
#include <gtest/gtest.h>

#include <cmath>

#include "core/value.h"
#include "pipeline/catalog.h"
#include "predict/aggregates.h"
#include "predict/grade_day.h"
#include "predict/grading.h"
#include "predict/performance.h"
#include "predict/performance_record.h"
#include "predict/prediction_record.h"
#include "predict/tables.h"
#include "publish/performance.h"
#include "publish/reads.h"
#include "support/test_store.h"

namespace nbaprops::predict {
namespace {

GradeInput input(const std::string& rec, std::optional<double> p_over,
                 std::optional<int64_t> over = -110, std::optional<int64_t> under = -110) {
  GradeInput p;
  p.recommendation = rec;
  p.line = 20.5;
  p.predicted_points = 23;
  p.edge = 2.5;
  p.confidence = 60;
  p.over_price = over;
  p.under_price = under;
  p.p_over = p_over;
  return p;
}

Outcome scored(double points) {
  return {std::nullopt, points, 30.0};
}

TEST(GradeProbability, EvTakenIsTheRecommendedSidesOwnEv) {
  GradeInput p = input("OVER", 0.6);
  p.ev_over = 0.1455;  // 0.6 / 1.1 - 0.4
  p.ev_under = -0.2364;
  EXPECT_EQ(grade_prediction(p, scored(25), std::nullopt).ev_taken, 0.1455);
  p.recommendation = "UNDER";
  EXPECT_EQ(grade_prediction(p, scored(25), std::nullopt).ev_taken, -0.2364);
  p.recommendation = "PASS";
  EXPECT_FALSE(grade_prediction(p, scored(25), std::nullopt).ev_taken);
  // No price on the recommended side: the prediction has no EV there, and -110 is not assumed
  // (the grade's price still is, for the profit).
  p.recommendation = "OVER";
  p.ev_over.reset();
  p.over_price.reset();
  Grade g = grade_prediction(p, scored(25), std::nullopt);
  EXPECT_FALSE(g.ev_taken);
  EXPECT_EQ(g.price, -110);
  // A voided row keeps the prediction's EV.
  p.recommendation = "UNDER";
  EXPECT_EQ(
      grade_prediction(p, {std::string("dnp"), std::nullopt, std::nullopt}, std::nullopt).ev_taken,
      -0.2364);
}

GradedRow row(std::optional<double> p_over, std::optional<int64_t> over,
              std::optional<int64_t> under, std::optional<double> actual, double line = 20.5) {
  GradeInput p = input("PASS", p_over, over, under);
  p.line = line;
  Outcome o = actual ? scored(*actual) : Outcome{std::string("dnp"), std::nullopt, std::nullopt};
  return {p, grade_prediction(p, o, std::nullopt)};
}

// Three scored rows; the others are left out: a push, a missing under price, a voided row, a
// row without P(over).
std::vector<GradedRow> brier_rows() {
  return {row(0.7, -110, -110, 25),            // over: (0.7 - 1)^2 = 0.09; market 0.5: 0.25
          row(0.4, -150, 130, 18),             // under: 0.16; market 0.6 / (0.6 + 1 / 2.3)
          row(0.6, -110, -110, 20, 20.0),      // push
          row(0.55, -110, std::nullopt, 25),   // no under price
          row(0.5, -110, -110, std::nullopt),  // voided
          row(std::nullopt, -110, -110, 25),   // no P(over)
          row(0.2, -137, -137, 22)};           // over: 0.64; market 0.5: 0.25
}

TEST(GradeProbability, BrierOfPOverBesideTheNoVigMarketOnTheSameRows) {
  ProbabilityScores s = probability_scores(brier_rows());
  EXPECT_EQ(s.n, 3);
  EXPECT_EQ(s.brier, 0.2967);  // (0.09 + 0.16 + 0.64) / 3
  // -150 / +130: implied 0.6 and 0.434783, no-vig over 0.579832, squared 0.336205;
  // (0.25 + 0.336205 + 0.25) / 3 = 0.278735.
  EXPECT_EQ(s.market_brier, 0.2787);
  EXPECT_FALSE(probability_scores({}).brier);
  EXPECT_EQ(probability_scores({}).n, 0);
}

TEST(GradeProbability, SystemPerformanceRowsCarryTheBrierScores) {
  DayGrades day;
  day.by_system["moving_average"] = brier_rows();
  day.by_system["similarity"] = {row(std::nullopt, -110, -110, 25)};
  PerformanceRows rows = performance_rows(make_date(2025, 1, 10), day);
  ASSERT_EQ(rows.performance.size(), 2u);
  const TableSchema& t = system_performance_table();
  auto ma = system_performance_record().read(t, rows.performance[0]);
  EXPECT_EQ(ma.system_id, "moving_average");
  EXPECT_EQ(ma.brier_n, 3);
  EXPECT_EQ(ma.brier, 0.2967);
  EXPECT_EQ(ma.market_brier, 0.2787);
  auto sim = system_performance_record().read(t, rows.performance[1]);
  EXPECT_EQ(sim.brier_n, 0);
  EXPECT_FALSE(sim.brier || sim.market_brier);
}

PredictionRecord prediction(const std::string& system, const std::string& rec,
                            std::optional<double> p_over, std::optional<double> ev_over,
                            std::optional<double> ev_under) {
  PredictionRecord p;
  p.system_id = system;
  p.game_date = make_date(2025, 1, 10);
  p.player_lookup = "jdoe";
  p.game_id = "0022400500";
  p.line = 20.5;
  p.over_price = -110;
  p.under_price = -110;
  p.predicted_points = 23.5;
  p.confidence = 65;
  p.edge = 3.0;
  p.recommendation = rec;
  p.p_over = p_over;
  p.ev_over = ev_over;
  p.ev_under = ev_under;
  return p;
}

// Grading a date from the store copies each prediction's p_over, and its recommended side's EV,
// into prediction_grades; the day's system_performance has the Brier scores.
TEST(GradeProbability, GradingADateCopiesPOverAndTheEvTaken) {
  testing::TempDir dir;
  std::string db = (dir.path() / "s.db").string();
  auto store = open_store(db);
  testing::sql_exec(
      db,
      "insert into games (game_id, game_date, season, season_type, home_team, away_team, "
      "status, source) values ('0022400500', '2025-01-10', 2024, 'regular', 'BOS', 'NYK', "
      "'final', 'test');"
      "insert into player_game_summary (game_id, game_date, season, season_type, player_lookup, "
      "player_name, team_abbr, opponent_abbr, home_game, player_status, is_dnp, starter_flag, "
      "starter_source, has_complete_shot_zones, quality_tier, quality_issues, minutes, pts) "
      "values ('0022400500', '2025-01-10', 2024, 'regular', 'jdoe', 'J Doe', 'BOS', 'NYK', 1, "
      "'active', 0, 1, 'test', 0, 'gold', '', 33.0, 25)");
  const Date d = make_date(2025, 1, 10);
  std::vector<Row> predictions = {
      prediction_record().write(prediction("moving_average", "OVER", 0.6, 0.1455, -0.2364)),
      prediction_record().write(prediction("similarity", "PASS", 0.55, 0.05, -0.1409)),
      prediction_record().write(
          prediction("zone_matchup", "OVER", std::nullopt, std::nullopt, std::nullopt))};
  DayGrades day = grade_predictions(*store, d, predictions);
  ASSERT_EQ(day.rows.size(), 3u);
  write_grades(*store, d, day.rows, "2026-01-01T00:00:00Z");
  std::vector<GradeRecord> back;
  const TableSchema& t = prediction_grades_table();
  store->scan(t, {}, [&](const Row& r) { back.push_back(grade_record().read(t, r)); });
  ASSERT_EQ(back.size(), 3u);
  EXPECT_EQ(back[0].system_id, "moving_average");
  EXPECT_EQ(back[0].actual_points, 25);
  EXPECT_EQ(back[0].p_over, 0.6);
  EXPECT_EQ(back[0].ev_taken, 0.1455);
  EXPECT_EQ(back[1].p_over, 0.55);
  EXPECT_FALSE(back[1].ev_taken);  // PASS
  EXPECT_FALSE(back[2].p_over || back[2].ev_taken);

  auto perf = performance_rows(d, day);
  auto ma = system_performance_record().read(system_performance_table(), perf.performance[0]);
  EXPECT_EQ(ma.brier_n, 1);
  EXPECT_EQ(ma.brier, 0.16);         // (0.6 - 1)^2
  EXPECT_EQ(ma.market_brier, 0.25);  // -110 / -110: 0.5
}

GradeRecord graded(const std::string& system, int day, const std::string& player,
                   std::optional<double> p_over, std::optional<double> actual, double line = 20.5) {
  GradeRecord g;
  g.system_id = system;
  g.game_date = make_date(2025, 1, day);
  g.player_lookup = player;
  g.game_id = "00224005" + std::to_string(day);
  g.recommendation = "PASS";
  g.line = line;
  g.predicted_points = 21;
  g.confidence = 55;
  g.edge = round_half_away(21 - line, 2);
  g.p_over = p_over;
  g.actual_points = actual;
  g.is_voided = !actual;
  if (!actual) g.void_reason = "dnp";
  g.confidence_decile = 6;
  return g;
}

void write_day(Store& store, int day, const std::vector<GradeRecord>& grades) {
  std::vector<Row> rows;
  for (const auto& g : grades) rows.push_back(grade_record().write(g));
  write_grades(store, make_date(2025, 1, day), std::move(rows), "2026-01-01T00:00:00Z");
}

// publish's model-health.json (docs/publishing.md) reads p_over from prediction_grades: a system
// whose grades carry it is calibrated by P(over) bins, one without by confidence decile.
TEST(GradeProbability, ModelHealthBinsTheStoredGradesByPOver) {
  testing::TempDir dir;
  auto store = open_store((dir.path() / "s.db").string());
  write_day(*store, 9,
            {graded("moving_average", 9, "a", 0.62, 25), graded("moving_average", 9, "b", 0.68, 18),
             graded("moving_average", 9, "c", 0.31, 15), graded("similarity", 9, "a", {}, 25)});
  write_day(
      *store, 10,
      {graded("moving_average", 10, "a", 0.65, 30), graded("moving_average", 10, "b", 0.35, 22),
       graded("moving_average", 10, "c", 0.91, 21),
       graded("moving_average", 10, "d", 0.5, 20, 20.0),  // push: left out
       graded("moving_average", 10, "e", 0.45, {})});     // voided: left out
  const Date d = make_date(2025, 1, 10);
  auto grades = publish::read_grades(*store, make_date(2024, 8, 1), d);
  ASSERT_EQ(grades.size(), 9u);
  nlohmann::json health = publish::model_health_json(d, grades);
  ASSERT_EQ(health["systems"].size(), 2u);
  const nlohmann::json& ma = health["systems"][0];
  EXPECT_EQ(ma["system_id"], "moving_average");
  EXPECT_EQ(ma["calibration"]["basis"], "p_over");
  const nlohmann::json& bins = ma["calibration"]["bins"];
  ASSERT_EQ(bins.size(), 3u);
  // [0.3, 0.4): 0.31 under, 0.35 over. [0.6, 0.7): 0.62 over, 0.68 under, 0.65 over. [0.9, 1]:
  // 0.91 over.
  EXPECT_EQ(bins[0]["bin"], 3);
  EXPECT_EQ(bins[0]["predicted"], 0.33);
  EXPECT_EQ(bins[0]["observed"], 0.5);
  EXPECT_EQ(bins[0]["n"], 2);
  EXPECT_EQ(bins[1]["bin"], 6);
  EXPECT_EQ(bins[1]["predicted"], 0.65);
  EXPECT_EQ(bins[1]["observed"], 0.6667);
  EXPECT_EQ(bins[1]["n"], 3);
  EXPECT_EQ(bins[2]["bin"], 9);
  EXPECT_EQ(bins[2]["predicted"], 0.91);
  EXPECT_EQ(bins[2]["observed"], 1.0);
  EXPECT_EQ(bins[2]["n"], 1);
  EXPECT_EQ(health["systems"][1]["system_id"], "similarity");
  EXPECT_EQ(health["systems"][1]["calibration"]["basis"], "confidence_decile");
}

}  // namespace
}  // namespace nbaprops::predict
