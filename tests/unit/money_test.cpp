// Money at the offered price and the calibrator (issue 12, item 5): hand-computed values.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "predict/calibrator.h"
#include "predict/money.h"
#include "predict/money_report.h"

namespace nbaprops::predict {
namespace {

TEST(Money, BreakEvenOfTheDfsPriceIs57Point8NotMinus110s52Point38) {
  EXPECT_NEAR(implied_probability(-110), 110.0 / 210.0, 1e-12);  // 0.5238
  EXPECT_NEAR(implied_probability(-137), 137.0 / 237.0, 1e-12);  // 0.5781
  EXPECT_NEAR(implied_probability(120), 100.0 / 220.0, 1e-12);   // 0.4545
  std::vector<int64_t> dfs(50, -137);
  EXPECT_NEAR(*break_even_rate(dfs), 0.578059, 1e-6);
  EXPECT_FALSE(break_even_rate({}));
}

TEST(Money, BreakEvenOfMixedPricesMakesProfitZero) {
  // One bet at -110 (wins 0.90909) and one at +150 (wins 1.5): n / sum(1 + payout)
  // = 2 / (1.90909 + 2.5) = 0.453608. At that hit rate the expected profit is 0.
  std::vector<int64_t> prices = {-110, 150};
  double p = *break_even_rate(prices);
  EXPECT_NEAR(p, 2.0 / (1 + 100.0 / 110.0 + 2.5), 1e-12);
  EXPECT_NEAR(expected_value(p, -110) + expected_value(p, 150), 0.0, 1e-12);
}

TEST(Money, ExpectedValueAtTheBooksOwnPrice) {
  // p 0.6 at -137: 0.6 * 100/137 - 0.4 = 0.037956.
  EXPECT_NEAR(expected_value(0.6, -137), 0.6 * 100.0 / 137.0 - 0.4, 1e-12);
  // p 0.5 at +110: 0.5 * 1.1 - 0.5 = 0.05.
  EXPECT_NEAR(expected_value(0.5, 110), 0.05, 1e-12);
  EXPECT_NEAR(expected_value(implied_probability(-137), -137), 0.0, 1e-12);
}

TEST(Money, PickByEvBetsTheSideAboveTheThresholdOnly) {
  // P(over) 0.6 at -137/-137: over EV +0.038, under EV 0.4*0.7299-0.6 = -0.308.
  auto pick = pick_by_ev(0.6, -137, -137, 0.03);
  ASSERT_TRUE(pick);
  EXPECT_EQ(pick->side, "OVER");
  EXPECT_NEAR(pick->ev, 0.037956, 1e-6);
  EXPECT_FALSE(pick_by_ev(0.6, -137, -137, 0.05));  // below the threshold
  // A points edge with no value: P(over) 0.56 at -137 is EV -0.031 (the -110 rule would bet).
  EXPECT_FALSE(pick_by_ev(0.56, -137, -137, 0.0));
  auto under = pick_by_ev(0.3, 120, -150, 0.0);  // under: 0.7 * 0.6667 - 0.3 = 0.1667
  ASSERT_TRUE(under);
  EXPECT_EQ(under->side, "UNDER");
  EXPECT_NEAR(under->ev, 0.7 * 100.0 / 150.0 - 0.3, 1e-12);
  EXPECT_FALSE(pick_by_ev(0.6, std::nullopt, -137, 0.0));
}

TEST(Money, NoVigProbability) {
  EXPECT_NEAR(no_vig_over(-137, -137), 0.5, 1e-12);
  // -150 / +130: 0.6 and 0.434783 -> 0.6 / 1.034783 = 0.579832.
  EXPECT_NEAR(no_vig_over(-150, 130), 0.6 / (0.6 + 100.0 / 230.0), 1e-12);
}

TEST(Money, BrierAndReliability) {
  std::vector<double> p = {0.9, 0.2, 0.55, 0.05};
  std::vector<int> y = {1, 0, 0, 0};
  // (0.01 + 0.04 + 0.3025 + 0.0025) / 4 = 0.08875.
  EXPECT_NEAR(*brier_score(p, y), 0.08875, 1e-12);
  auto bins = reliability_table(p, y);
  ASSERT_EQ(bins.size(), 4u);
  EXPECT_DOUBLE_EQ(bins[0].lo, 0.0);
  EXPECT_EQ(bins[0].count, 1);
  EXPECT_DOUBLE_EQ(bins[3].lo, 0.9);
  EXPECT_DOUBLE_EQ(bins[3].observed, 1.0);
}

TEST(Money, RoiIntervalIsMeanPlusMinus196StandardErrors) {
  // Profits 1, -1, 1, -1: mean 0, s = sqrt(4/3), half = 1.96 * 1.1547 / 2 = 1.13161.
  std::vector<double> profits = {1, -1, 1, -1};
  auto r = roi_interval(profits);
  ASSERT_TRUE(r);
  EXPECT_NEAR(r->roi, 0.0, 1e-12);
  EXPECT_NEAR(r->high, 1.96 * std::sqrt(4.0 / 3.0) / 2.0, 1e-12);
  EXPECT_NEAR(r->low, -r->high, 1e-12);
  EXPECT_FALSE(roi_interval(std::vector<double>{1.0}));
}

// A synthetic market with known probabilities: score s uniform on [-4, 4], P(over | s) =
// 1 / (1 + exp(-(0.8 s - 0.3))). Both calibrators recover it.
struct Synthetic {
  std::vector<double> s;
  std::vector<int> y;
};
Synthetic synthetic(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> score(-4, 4), u(0, 1);
  Synthetic out;
  for (size_t i = 0; i < n; ++i) {
    double s = score(rng);
    out.s.push_back(s);
    out.y.push_back(u(rng) < 1.0 / (1.0 + std::exp(-(0.8 * s - 0.3))) ? 1 : 0);
  }
  return out;
}

double truth(double s) {
  return 1.0 / (1.0 + std::exp(-(0.8 * s - 0.3)));
}

TEST(Calibrator, PlattRecoversKnownCoefficients) {
  auto d = synthetic(20000, 7);
  auto c = Calibrator::fit_platt(d.s, d.y);
  ASSERT_TRUE(c);
  EXPECT_NEAR(c->a(), 0.8, 0.05);
  EXPECT_NEAR(c->b(), -0.3, 0.05);
  for (double s : {-2.0, 0.0, 0.375, 2.0}) EXPECT_NEAR(c->probability(s), truth(s), 0.02);
}

TEST(Calibrator, IsotonicRecoversKnownProbabilitiesAndIsMonotone) {
  auto d = synthetic(20000, 11);
  auto c = Calibrator::fit_isotonic(d.s, d.y);
  ASSERT_TRUE(c);
  double worst = 0, last = 0;
  for (double s = -3.5; s <= 3.5; s += 0.25) {
    double p = c->probability(s);
    EXPECT_GE(p, last);
    last = p;
    worst = std::max(worst, std::abs(p - truth(s)));
  }
  EXPECT_LT(worst, 0.06);
  // Its Brier score on fresh data is close to the truth's own.
  auto test = synthetic(20000, 12);
  std::vector<double> cal, tru;
  for (double s : test.s) {
    cal.push_back(c->probability(s));
    tru.push_back(truth(s));
  }
  EXPECT_LT(*brier_score(cal, test.y) - *brier_score(tru, test.y), 0.002);
}

TEST(Calibrator, PoolsViolatorsByHand) {
  // Scores 1..4 with outcomes 1, 0, 1, 1: the first two violate the order and pool to 0.5 at
  // score 1.5; the last two stay (1.0, clipped to 0.99).
  std::vector<double> s = {1, 2, 3, 4};
  std::vector<int> y = {1, 0, 1, 1};
  auto c = Calibrator::fit_isotonic(s, y, 1);
  ASSERT_TRUE(c);
  ASSERT_EQ(c->knots().size(), 3u);
  EXPECT_DOUBLE_EQ(c->knots()[0].first, 1.5);
  EXPECT_DOUBLE_EQ(c->knots()[0].second, 0.5);
  EXPECT_DOUBLE_EQ(c->knots()[1].first, 3.0);
  EXPECT_DOUBLE_EQ(c->knots()[1].second, kMaxCalibratedP);
  EXPECT_DOUBLE_EQ(c->probability(2.25), 0.5 + 0.5 * (kMaxCalibratedP - 0.5));
  EXPECT_DOUBLE_EQ(c->probability(0.0), 0.5);       // clamped outside the knots
  EXPECT_FALSE(Calibrator::fit_isotonic(s, y, 5));  // too few rows
}

TEST(Calibrator, JsonRoundTrip) {
  auto d = synthetic(500, 3);
  for (auto c : {Calibrator::fit_isotonic(d.s, d.y), Calibrator::fit_platt(d.s, d.y)}) {
    ASSERT_TRUE(c);
    auto back = Calibrator::from_json(c->to_json());
    ASSERT_TRUE(back);
    for (double s : {-3.0, -0.4, 0.0, 1.7})
      EXPECT_DOUBLE_EQ(back->probability(s), c->probability(s));
  }
  EXPECT_FALSE(Calibrator::from_json("{\"kind\":\"magic\"}"));
  EXPECT_FALSE(Calibrator::from_json("not json"));
}

// The money report by hand: a calibrator of the cutoff 2024-11-05 (opening night 2024-10-22,
// weekly grid) fitted on rows dated in [2024-10-22, 2024-11-05); the rows of 2024-11-06 bet by
// EV at -110 (break-even 52.38%); earlier rows only calibrate.
GradedRow graded(Date d, double predicted, double line, double actual) {
  GradedRow r;
  r.game_date = d;
  r.prediction.recommendation = "PASS";
  r.prediction.line = line;
  r.prediction.predicted_points = predicted;
  r.prediction.over_price = -110;
  r.prediction.under_price = -110;
  r.grade.actual_points = actual;
  return r;
}

TEST(MoneyReport, CalibratesWalkForwardAndBetsByValueAtThePrice) {
  const Date cal = make_date(2024, 10, 25), day = make_date(2024, 11, 6);
  PooledGrades pooled;
  auto& rows = pooled.by_system["s"];
  // Calibration: score +2 went over twice, score -2 under twice -> P(over) 0.99 / 0.01.
  rows = {graded(cal, 22, 20, 25), graded(cal, 22, 20, 24), graded(cal, 18, 20, 15),
          graded(cal, 18, 20, 16),
          // The report day: +2 (over, wins at -110) and -2 (under, but it went over: loses).
          graded(day, 22, 20, 23), graded(day, 18, 20, 23)};
  pooled.market = {graded(day, 20, 20, 23), graded(day, 20, 20, 23)};
  MoneyOptions o;
  o.report_from = day;
  o.opening_night = make_date(2024, 10, 22);
  o.min_calibration_rows = 2;
  auto figures = money_report(pooled, o);
  ASSERT_EQ(figures.size(), 2u);
  const MoneyFigures& s = figures[0];
  EXPECT_EQ(s.system, "s");
  EXPECT_EQ(s.lined, 2);
  EXPECT_EQ(s.calibrated, 2);
  EXPECT_EQ(s.bets, 2);
  EXPECT_EQ(s.wins, 1);
  EXPECT_EQ(s.losses, 1);
  EXPECT_NEAR(*s.hit_rate, 0.5, 1e-12);
  EXPECT_NEAR(*s.break_even, 110.0 / 210.0, 1e-12);
  EXPECT_NEAR(s.profit, 100.0 / 110.0 - 1.0, 1e-12);
  // Brier: (0.99 - 1)^2 and (0.01 - 1)^2 -> 0.4901; the no-vig 0.5 scores 0.25.
  EXPECT_NEAR(*s.brier, (0.0001 + 0.9801) / 2, 1e-12);
  EXPECT_NEAR(*s.market_brier, 0.25, 1e-12);
  const MoneyFigures& under = figures[1];
  EXPECT_EQ(under.system, "always_under");
  EXPECT_EQ(under.bets, 2);
  EXPECT_EQ(under.losses, 2);
  EXPECT_NEAR(under.profit, -2.0, 1e-12);
  // Too few calibration rows: nothing is calibrated, nothing is bet.
  o.min_calibration_rows = 5;
  auto none = money_report(pooled, o);
  EXPECT_EQ(none[0].calibrated, 0);
  EXPECT_EQ(none[0].bets, 0);
}

}  // namespace
}  // namespace nbaprops::predict
