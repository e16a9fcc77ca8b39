// P(over) and EV on the points predictions (issue 12 item 5, docs/predictions.md §3): the
// expected value of each side at its own price, the calibrator of a cutoff's window, point in
// time through the store, and the picks board reading the columns.
#include "predict/points_calibration.h"

#include <gtest/gtest.h>

#include "picks/best_bets.h"
#include "picks/load.h"
#include "pipeline/catalog.h"
#include "predict/grade_day.h"
#include "predict/predict_day.h"
#include "predict/tables.h"
#include "support/day_grades.h"
#include "support/test_store.h"

namespace nbaprops::predict {
namespace {

// A lined prediction of 22.5 against 20.5 (score +2.0).
PredictionRecord lined(const std::string& system = "moving_average", double predicted = 22.5,
                       std::optional<int64_t> over = -137, std::optional<int64_t> under = 110) {
  PredictionRecord p;
  p.system_id = system;
  p.game_date = make_date(2024, 11, 6);
  p.player_lookup = "jdoe";
  p.game_id = "0022400100";
  p.line = 20.5;
  p.over_price = over;
  p.under_price = under;
  p.predicted_points = predicted;
  p.edge = predicted - 20.5;
  p.recommendation = "PASS";
  return p;
}

Calibrator knots(const std::string& json) {
  auto c = Calibrator::from_json(json);
  EXPECT_TRUE(c.has_value());
  return *c;
}

TEST(PointsProbability, ExpectedValueOfEachSideAtItsOwnPrice) {
  // P(over) at +2.0 between the knots (-1, 0.40) and (3, 0.60): 0.40 + 0.75 * 0.20 = 0.55.
  Calibrator c = knots(R"({"kind":"isotonic","knots":[[-1,0.4],[3,0.6]]})");
  PredictionRecord p = lined();
  add_probability(p, &c);
  ASSERT_TRUE(p.p_over && p.ev_over && p.ev_under);
  EXPECT_NEAR(*p.p_over, 0.55, 1e-12);
  // OVER at -137: 0.55 * 100/137 - 0.45 = -0.04854; UNDER at +110: 0.45 * 1.1 - 0.55 = -0.055.
  EXPECT_NEAR(*p.ev_over, 0.55 * 100.0 / 137.0 - 0.45, 1e-12);
  EXPECT_NEAR(*p.ev_over, -0.04854, 1e-5);
  EXPECT_NEAR(*p.ev_under, -0.055, 1e-12);
  // Stored with 4 decimals.
  const TableSchema& t = player_prop_predictions_table();
  PredictionRecord back = prediction_record().read(t, prediction_record().write(p));
  EXPECT_EQ(back.p_over, 0.55);
  EXPECT_EQ(back.ev_over, -0.0485);
  EXPECT_EQ(back.ev_under, -0.055);

  // The EVs read the stored (rounded) P(over): +1.0 -> 0.5 + 0.1 / 3 = 0.53333 -> 0.5333;
  // OVER at -110: 0.5333 / 1.1 - 0.4667 = +0.01812.
  Calibrator third = knots(R"({"kind":"isotonic","knots":[[0,0.5],[3,0.6]]})");
  PredictionRecord q = lined("moving_average", 21.5, -110, -110);
  add_probability(q, &third);
  EXPECT_EQ(*q.p_over, 0.5333);
  EXPECT_NEAR(*q.ev_over, 0.5333 * 100.0 / 110.0 - 0.4667, 1e-12);
  EXPECT_NEAR(*q.ev_over, 0.01812, 1e-5);

  // No price for a side: that side's EV is NULL. No calibrator or no line: all three NULL.
  PredictionRecord no_under = lined("moving_average", 22.5, -137, std::nullopt);
  add_probability(no_under, &c);
  EXPECT_TRUE(no_under.p_over && no_under.ev_over);
  EXPECT_FALSE(no_under.ev_under);
  PredictionRecord none = lined();
  add_probability(none, nullptr);
  EXPECT_FALSE(none.p_over || none.ev_over || none.ev_under);
  PredictionRecord no_line = lined();
  no_line.line.reset();
  add_probability(no_line, &c);
  EXPECT_FALSE(no_line.p_over || no_line.ev_over || no_line.ev_under);
}

GradedRow graded(Date d, double predicted, double line, double actual, bool voided = false) {
  GradedRow r;
  r.game_date = d;
  r.prediction.line = line;
  r.prediction.predicted_points = predicted;
  r.grade.actual_points = actual;
  r.grade.is_voided = voided;
  return r;
}

TEST(PointsCalibration, EachCutoffUsesItsOwnWindowOfEachSystemsRows) {
  const Date oct21 = make_date(2024, 10, 21), oct25 = make_date(2024, 10, 25);
  const Date nov5 = make_date(2024, 11, 5), nov6 = make_date(2024, 11, 6);
  PooledGrades pooled;
  pooled.by_system["a"] = {
      // Before [C - 14, C) of C = Nov 5: the other way round.
      graded(oct21, 22, 20, 15), graded(oct21, 18, 20, 25),
      // In the window: +2 went over twice, -2 under twice; a voided row is left out.
      graded(oct25, 22, 20, 25), graded(oct25, 22, 20, 24), graded(oct25, 18, 20, 15),
      graded(oct25, 18, 20, 16), graded(oct25, 22, 20, 10, true),
      // On and after the cutoff: the other way round.
      graded(nov5, 22, 20, 15), graded(nov5, 22, 20, 16), graded(nov6, 18, 20, 25),
      graded(nov6, 18, 20, 24)};
  pooled.by_system["b"] = {graded(oct25, 22, 20, 25), graded(oct25, 18, 20, 15),
                           graded(oct25, 18, 20, 15)};
  CalibrationOptions o{14, 4, Calibrator::Kind::kIsotonic};
  PointsCalibrators at_nov5 = fit_points_calibrators(pooled, nov5, o);
  EXPECT_EQ(at_nov5.cutoff, nov5);
  ASSERT_NE(at_nov5.find("a"), nullptr);
  EXPECT_EQ(at_nov5.find("b"), nullptr);  // 3 rows < 4
  EXPECT_EQ(at_nov5.find("a")->probability(2), 0.99);
  EXPECT_EQ(at_nov5.find("a")->probability(-2), 0.01);
  // C = Nov 12 reads [Oct 29, Nov 12): only the four rows of Nov 5-6, where +2 went under and
  // -2 over: isotonic pools them into one flat 0.5.
  PointsCalibrators at_nov12 = fit_points_calibrators(pooled, make_date(2024, 11, 12), o);
  ASSERT_NE(at_nov12.find("a"), nullptr);
  EXPECT_EQ(at_nov12.find("a")->probability(2), 0.5);
  EXPECT_EQ(at_nov12.find("a")->probability(-2), 0.5);
  // The backtest's money report uses the same fit (money_report.h).
  EXPECT_EQ(calibrator_of_cutoff(pooled.by_system["a"], nov5, o)->to_json(),
            at_nov5.find("a")->to_json());
}

using testing::write_day_grades;

// What D = 2024-11-06 gets (opening night 2024-10-22: C(D) = 2024-11-05, window [Oct 22, Nov 5)).
// A new store holding one game, the season's opening night 2024-10-22 (the cutoffs' grid).
std::unique_ptr<Store> store_with_opening_night(const std::string& db) {
  auto store = open_store(db);
  testing::sql_exec(db,
                    "insert into games (game_id, game_date, season, season_type, home_team, "
                    "away_team, status, source) values ('0022400001', '2024-10-22', 2024, "
                    "'regular', 'BOS', 'NYK', 'final', 'test')");
  return store;
}

PredictionRecord probability_of_d(Store& store) {
  CalibratorCache cache(CalibrationOptions{14, 4, Calibrator::Kind::kIsotonic});
  auto calibrators = cache.get(store, make_date(2024, 11, 6), 7);
  EXPECT_EQ(calibrators->cutoff, make_date(2024, 11, 5));
  PredictionRecord p = lined("moving_average", 22.5, -110, -110);
  add_probability(p, calibrators->find("moving_average"));
  return p;
}

TEST(PointsCalibration, GradesOnOrAfterTheCutoffDoNotMoveDsProbability) {
  testing::TempDir dir;
  std::string db = (dir.path() / "s.db").string();
  auto store = store_with_opening_night(db);
  const Date oct25 = make_date(2024, 10, 25), nov5 = make_date(2024, 11, 5);
  write_day_grades(*store, oct25, "moving_average", {{22, 25}, {22, 24}, {18, 15}, {18, 16}});
  write_day_grades(*store, nov5, "moving_average", {{22, 15}, {18, 25}});
  PredictionRecord before = probability_of_d(*store);
  ASSERT_TRUE(before.p_over);
  EXPECT_EQ(*before.p_over, 0.99);
  EXPECT_NEAR(*before.ev_over, 0.99 / 1.1 - 0.01, 1e-12);

  // Every grade dated on or after the cutoff changes (and a later date appears): D's row is the
  // same.
  write_day_grades(*store, nov5, "moving_average", {{22, 10}, {22, 11}, {18, 30}, {18, 31}});
  write_day_grades(*store, make_date(2024, 11, 6), "moving_average", {{22, 10}, {18, 30}});
  write_day_grades(*store, make_date(2024, 11, 20), "moving_average", {{22, 10}, {18, 30}});
  PredictionRecord after = probability_of_d(*store);
  EXPECT_EQ(after.p_over, before.p_over);
  EXPECT_EQ(after.ev_over, before.ev_over);
  EXPECT_EQ(after.ev_under, before.ev_under);

  // A grade inside the window does move it (the check above can fail).
  write_day_grades(*store, oct25, "moving_average", {{22, 25}, {22, 10}, {18, 15}, {18, 16}});
  EXPECT_NE(probability_of_d(*store).p_over, before.p_over);
}

// The stored P(over) and the backtest's money report fit the same rows in the same order (date,
// then player and game): the isotonic fit depends on the order of tied scores (here, sorted by
// score and outcome instead, it would be one flat 0.6).
TEST(PointsCalibration, TheStoreIsReadInTheMoneyReportsOrder) {
  testing::TempDir dir;
  std::string db = (dir.path() / "s.db").string();
  auto store = open_store(db);
  const Date oct25 = make_date(2024, 10, 25), cutoff = make_date(2024, 11, 5);
  // p0..p4 at line 20: scores -1, +2, +2, +2, -1; outcomes under, over, over, under, over.
  write_day_grades(*store, oct25, "s", {{19, 15}, {22, 25}, {22, 25}, {22, 15}, {19, 25}});
  CalibrationOptions o{14, 4, Calibrator::Kind::kIsotonic};
  PointsCalibrators read = read_points_calibrators(*store, cutoff, o);
  ASSERT_NE(read.find("s"), nullptr);
  PooledGrades pooled =
      read_pooled_grades(*store, prediction_grades_table(), make_date(2024, 10, 22), cutoff);
  auto money = calibrator_of_cutoff(pooled.by_system["s"], cutoff, o);
  ASSERT_TRUE(money);
  EXPECT_EQ(read.find("s")->to_json(), money->to_json());
  EXPECT_EQ(read.find("s")->probability(-1), 0.5);
  EXPECT_NEAR(read.find("s")->probability(2), 2.0 / 3.0, 1e-12);
}

TEST(PointsCalibration, TheCacheReadsEachCutoffOnce) {
  testing::TempDir dir;
  std::string db = (dir.path() / "s.db").string();
  auto store = store_with_opening_night(db);
  CalibratorCache cache;
  auto a = cache.get(*store, make_date(2024, 11, 6), 7);
  auto b = cache.get(*store, make_date(2024, 11, 11), 7);
  auto c = cache.get(*store, make_date(2024, 11, 12), 7);
  EXPECT_EQ(a.get(), b.get());  // both C = Nov 5
  EXPECT_EQ(c->cutoff, make_date(2024, 11, 12));
  EXPECT_TRUE(a->by_system.empty());  // no grades: no calibrator, the columns stay NULL
}

// The picks board (docs/publishing.md) reads p_over from the stored predictions: EV replaces
// the edge in the min_edge filter and the ranking.
TEST(PointsCalibration, ThePicksBoardUsesTheStoredProbability) {
  testing::TempDir dir;
  std::string db = (dir.path() / "s.db").string();
  auto store = open_store(db);
  const Date d = make_date(2024, 11, 6);
  // A: edge +3.6 but P(over) 0.50 at -110 (EV -0.045): removed by min_edge on its EV.
  // B: edge +1.5 (under 2.0) but P(over) 0.62 at -110 (EV +0.1836): passes min_edge.
  PredictionRecord a = lined("moving_average", 24.1, -110, -110);
  a.player_lookup = "aaa";
  a.recommendation = "OVER";
  a.p_over = 0.5;
  PredictionRecord b = lined("moving_average", 22.0, -110, -110);
  b.player_lookup = "bbb";
  b.recommendation = "OVER";
  b.p_over = 0.62;
  PredictOutput out;
  out.predictions = {prediction_record().write(a), prediction_record().write(b)};
  write_predictions(*store, d, std::move(out), "2026-01-01T00:00:00Z");
  auto candidates = picks::load_candidates(*store, d);
  ASSERT_EQ(candidates.size(), 2u);
  EXPECT_EQ(candidates[0].p_over, 0.5);
  EXPECT_EQ(candidates[1].p_over, 0.62);
  EXPECT_NEAR(*picks::expected_value(candidates[1]), 0.62 / 1.1 - 0.38, 1e-12);
  picks::BestBets bets = picks::best_bets(candidates, {}, {}, "2026-01-01T00:00:00Z");
  ASSERT_EQ(bets.removed.size(), 2u);
  EXPECT_EQ(bets.removed[0].c.player_lookup, "aaa");
  EXPECT_EQ(bets.removed[0].removed_by, "min_edge");
  EXPECT_EQ(bets.removed[0].reason, "expected value -0.045 below 0.020");
  EXPECT_EQ(bets.removed[1].c.player_lookup, "bbb");
  EXPECT_NE(bets.removed[1].removed_by, "min_edge");  // no context of D: unstable_minutes
}

}  // namespace
}  // namespace nbaprops::predict
