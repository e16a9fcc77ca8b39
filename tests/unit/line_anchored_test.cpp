// line_anchored (issue 12, docs/predictions.md §7): the ensemble's value shrunk toward the line
// by the a of D's cutoff, fitted on the ensemble's graded rows of [C - 14, C) only.
#include "predict/line_anchored.h"

#include <gtest/gtest.h>

#include "pipeline/catalog.h"
#include "predict/grade_day.h"
#include "predict/points_calibration.h"
#include "predict/prediction_record.h"
#include "predict/recommendation.h"
#include "predict/systems.h"
#include "support/day_grades.h"
#include "support/test_store.h"

namespace nbaprops::predict {
namespace {

GradedRow graded(Date d, double predicted, std::optional<double> line, double actual,
                 bool voided = false) {
  GradedRow r;
  r.game_date = d;
  r.prediction.line = line;
  r.prediction.predicted_points = predicted;
  r.grade.actual_points = actual;
  r.grade.is_voided = voided;
  return r;
}

const Date kOct25 = make_date(2024, 10, 25), kNov5 = make_date(2024, 11, 5);

TEST(LineShrinkage, FourRowsWhoseBestShrinkageIsOneHalf) {
  // Line 20, ensemble 24 (+4) on four rows whose players scored 20, 22, 22, 24. With a = 0.5
  // every anchored value is 22: errors 2, 0, 0, 2, MAE 1.0. a = 0.45 (21.8): 1.8, 0.2, 0.2,
  // 2.2 -> 1.1; a = 0.55 (22.2): 2.2, 0.2, 0.2, 1.8 -> 1.1; the line (a = 0) and the ensemble
  // (a = 1) both 2.0.
  std::vector<GradedRow> rows = {graded(kOct25, 24, 20, 20), graded(kOct25, 24, 20, 22),
                                 graded(kOct25, 24, 20, 22), graded(kOct25, 24, 20, 24)};
  EXPECT_NEAR(*anchored_mae(rows, kNov5, 14, 0.5), 1.0, 1e-12);
  EXPECT_NEAR(*anchored_mae(rows, kNov5, 14, 0.45), 1.1, 1e-12);
  EXPECT_NEAR(*anchored_mae(rows, kNov5, 14, 0.55), 1.1, 1e-12);
  EXPECT_NEAR(*anchored_mae(rows, kNov5, 14, 0.0), 2.0, 1e-12);
  EXPECT_NEAR(*anchored_mae(rows, kNov5, 14, 1.0), 2.0, 1e-12);
  LineShrinkage s = fit_line_shrinkage(rows, kNov5, 14, 4);
  EXPECT_TRUE(s.fitted);
  EXPECT_EQ(s.rows, 4u);
  EXPECT_EQ(s.a, 0.5);
}

TEST(LineShrinkage, ATieGoesToTheSmallerShrinkage) {
  // Line 20, ensemble 40 (+20); actual 25 and 26: MAE(a) = (|20a - 5| + |20a - 6|) / 2 is 0.5
  // for every a in [0.25, 0.30], so the grid's 0.25 and 0.30 tie: 0.25 is chosen.
  std::vector<GradedRow> rows = {graded(kOct25, 40, 20, 25), graded(kOct25, 40, 20, 26)};
  EXPECT_NEAR(*anchored_mae(rows, kNov5, 14, 0.25), 0.5, 1e-12);
  EXPECT_NEAR(*anchored_mae(rows, kNov5, 14, 0.30), 0.5, 1e-12);
  EXPECT_NEAR(*anchored_mae(rows, kNov5, 14, 0.20), 1.5, 1e-12);
  EXPECT_NEAR(*anchored_mae(rows, kNov5, 14, 0.35), 1.5, 1e-12);
  EXPECT_EQ(fit_line_shrinkage(rows, kNov5, 14, 2).a, 0.25);
  // Every a ties (errors 4a and 4 - 4a): the line itself, a = 0.
  std::vector<GradedRow> flat = {graded(kOct25, 24, 20, 20), graded(kOct25, 24, 20, 24)};
  EXPECT_EQ(fit_line_shrinkage(flat, kNov5, 14, 2).a, 0.0);
}

TEST(LineShrinkage, OnlyTheWindowsLinedGradedRowsCountAndTooFewLeaveTheEnsemble) {
  std::vector<GradedRow> rows = {graded(kOct25, 24, 20, 20), graded(kOct25, 24, 20, 22),
                                 graded(kOct25, 24, 20, 22), graded(kOct25, 24, 20, 24)};
  // Left out: before C - 14 (Oct 21), on or after C, voided, without a line.
  rows.push_back(graded(make_date(2024, 10, 21), 24, 20, 24));
  rows.push_back(graded(kNov5, 24, 20, 24));
  rows.push_back(graded(make_date(2024, 11, 6), 24, 20, 24));
  rows.push_back(graded(kOct25, 24, 20, 24, true));
  rows.push_back(graded(kOct25, 24, std::nullopt, 24));
  LineShrinkage s = fit_line_shrinkage(rows, kNov5, 14, 4);
  EXPECT_EQ(s.rows, 4u);
  EXPECT_EQ(s.a, 0.5);
  // Fewer rows than the minimum: nothing learned, a = 1 (the ensemble's own value).
  LineShrinkage few = fit_line_shrinkage(rows, kNov5, 14, 5);
  EXPECT_FALSE(few.fitted);
  EXPECT_EQ(few.rows, 4u);
  EXPECT_EQ(few.a, 1.0);
  EXPECT_EQ(fit_line_shrinkage({}, kNov5).a, 1.0);
}

TEST(LineAnchored, ShrinksTheEnsemblesValueTowardTheLine) {
  // line 20.5, ensemble 24.5 at confidence 70, a = 0.25: 20.5 + 0.25 * 4 = 21.5.
  SystemResult r = line_anchored(Member{24.5, 70}, 20.5, 0.25);
  ASSERT_TRUE(r.estimate);
  EXPECT_EQ(r.estimate->raw, 21.5);
  EXPECT_EQ(r.estimate->confidence, 70);
  // Edge +1.0: below the ensemble's 1.5, a PASS (it recommends rarely).
  StoredPrediction s =
      finish_prediction(r.estimate->raw, 70, 20.5, default_thresholds("line_anchored"));
  EXPECT_EQ(s.edge, 1.0);
  EXPECT_EQ(s.recommendation, "PASS");
  // Without a line: the ensemble's value. Without an ensemble value: declined.
  EXPECT_EQ(line_anchored(Member{24.5, 70}, std::nullopt, 0.25).estimate->raw, 24.5);
  SystemResult none = line_anchored(std::nullopt, 20.5, 0.25);
  EXPECT_FALSE(none.estimate);
  EXPECT_EQ(none.reason, "missing_inputs");
}

// Grades of the ensemble on `d`: one player per (predicted, actual) at line 20.
void write_ensemble_grades(Store& store, Date d,
                           const std::vector<std::pair<double, double>>& rows) {
  testing::write_day_grades(store, d, "ensemble", rows);
}

// D = 2024-11-06's line_anchored value through the registry's combiner, for an ensemble value
// of 24.0 against a line of 20.0, with the fits of C(D) = 2024-11-05 read from the store
// (opening night 2024-10-22; window [Oct 22, Nov 5); at least 4 rows).
double anchored_value_of_d(Store& store) {
  CalibratorCache cache(CalibrationOptions{14, 4, Calibrator::Kind::kIsotonic});
  auto fits = cache.get(store, make_date(2024, 11, 6), 7);
  EXPECT_EQ(fits->cutoff, kNov5);
  std::vector<std::pair<std::string_view, Member>> combined = {{"ensemble", {24.0, 70}}};
  SystemResult r = find_system("line_anchored")->combine({{}, 20.0, combined, fits.get()});
  EXPECT_TRUE(r.estimate);
  return r.estimate ? r.estimate->raw : -1;
}

TEST(LineAnchored, GradesOnOrAfterTheCutoffDoNotMoveDsValue) {
  testing::TempDir dir;
  std::string db = (dir.path() / "s.db").string();
  auto store = open_store(db);
  testing::sql_exec(db,
                    "insert into games (game_id, game_date, season, season_type, home_team, "
                    "away_team, status, source) values ('0022400001', '2024-10-22', 2024, "
                    "'regular', 'BOS', 'NYK', 'final', 'test')");
  write_ensemble_grades(*store, kOct25, {{24, 20}, {24, 22}, {24, 22}, {24, 24}});  // a = 0.5
  write_ensemble_grades(*store, kNov5, {{24, 20}, {24, 20}});
  double before = anchored_value_of_d(*store);
  EXPECT_EQ(before, 22.0);  // 20 + 0.5 * 4

  // Every grade dated on or after C changes (the ensemble was right there: a = 1 would win),
  // and later dates appear: D's value is the same.
  write_ensemble_grades(*store, kNov5, {{24, 24}, {24, 24}, {24, 24}, {24, 24}, {24, 24}});
  write_ensemble_grades(*store, make_date(2024, 11, 6), {{24, 24}, {24, 24}});
  write_ensemble_grades(*store, make_date(2024, 11, 20), {{24, 24}, {24, 24}});
  EXPECT_EQ(anchored_value_of_d(*store), before);

  // A grade inside the window does move it (the check above can fail): now every row scored
  // 24, a = 1.
  write_ensemble_grades(*store, kOct25, {{24, 24}, {24, 24}, {24, 24}, {24, 24}});
  EXPECT_EQ(anchored_value_of_d(*store), 24.0);
}

TEST(LineAnchored, WithoutFitsTheCombinerKeepsTheEnsemblesValue) {
  std::vector<std::pair<std::string_view, Member>> combined = {{"ensemble", {24.0, 70}}};
  SystemResult r = find_system("line_anchored")->combine({{}, 20.0, combined, nullptr});
  ASSERT_TRUE(r.estimate);
  EXPECT_EQ(r.estimate->raw, 24.0);
  // The ensemble did not predict the player: declined.
  EXPECT_FALSE(find_system("line_anchored")->combine({{}, 20.0, {}, nullptr}).estimate);
}

}  // namespace
}  // namespace nbaprops::predict
