// The market models (issue 12 items 1-4, src/predict/markets/): each feature formula on a
// hand-computed history, the line probabilities, the walk-forward guard, calibrated P(over) on a
// synthetic market with a known answer, and the money of each book offer.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "predict/gradient_boosting.h"
#include "predict/markets/market.h"
#include "predict/markets/market_backtest.h"
#include "predict/markets/market_bet.h"
#include "predict/markets/market_features.h"
#include "predict/markets/market_inputs.h"
#include "predict/markets/market_model.h"
#include "predict/markets/market_probability.h"
#include "predict/markets/market_record.h"
#include "support/synthetic_market.h"

namespace nbaprops::predict::markets {
namespace {

using F = MarketFeature;

Date day(int y, unsigned m, unsigned d) {
  return make_date(y, m, d);
}

PlayerGame game(Date d, double reb, double minutes, double fg3m, double fg3a) {
  PlayerGame g;
  g.date = d;
  g.player = "a";
  g.team = "BOS";
  g.opponent = "NYK";
  g.stats = {10, reb, 3, fg3m, fg3a, minutes};
  return g;
}

// His games before 2024-12-01: one 398 days back (outside the 365-day look-back), one of the
// previous season, six of this one.
std::vector<PlayerGame> history() {
  return {game(day(2023, 10, 30), 50, 40, 9, 9), game(day(2024, 4, 10), 10, 30, 1, 4),
          game(day(2024, 11, 1), 4, 20, 1, 3),   game(day(2024, 11, 3), 6, 22, 2, 4),
          game(day(2024, 11, 5), 8, 24, 0, 2),   game(day(2024, 11, 7), 2, 26, 3, 5),
          game(day(2024, 11, 9), 5, 28, 1, 4),   game(day(2024, 11, 28), 7, 30, 2, 6)};
}

std::vector<TeamAllowed> opponent() {
  std::vector<TeamAllowed> out;
  for (int i = 0; i < 12; ++i) {
    TeamAllowed t;
    t.date = Date{day(2024, 11, 1).days + i};
    t.stats.reb = 40 + i;  // 40 .. 51
    out.push_back(t);
  }
  return out;
}

TEST(MarketFeatures, EachFormulaOnAHandComputedHistory) {
  const MarketDef& reb = *find_market("rebounds");
  auto games = history();
  auto opp = opponent();
  SameDayLine line{6.5, -0.5, 2, std::nullopt};
  MarketFeatures f = market_features(reb, day(2024, 12, 1), true, games, opp, line);
  // Within 365 days: 10 | 4 6 8 2 5 7 (the 50 of 2023-10-30 is out).
  EXPECT_FLOAT_EQ(feature(f, F::kStatAvgLast5), 28.0f / 5);   // 6 8 2 5 7
  EXPECT_FLOAT_EQ(feature(f, F::kStatAvgLast10), 42.0f / 7);  // all seven
  EXPECT_FLOAT_EQ(feature(f, F::kStatAvgSeason), 32.0f / 6);  // the six of 2024-25
  // Deviations from 6: 4 -2 0 2 -4 -1 1, squares sum 42, / 6 = 7.
  EXPECT_NEAR(feature(f, F::kStatSdLast10), std::sqrt(7.0), 1e-5);
  EXPECT_FLOAT_EQ(feature(f, F::kMinutesAvgLast5), 26.0f);        // 22 24 26 28 30
  EXPECT_FLOAT_EQ(feature(f, F::kMinutesAvgLast10), 180.0f / 7);  // + 30 and 20
  EXPECT_TRUE(std::isnan(feature(f, F::kFg3aAvgLast10)));         // threes only
  EXPECT_TRUE(std::isnan(feature(f, F::kFg3RateLast10)));
  EXPECT_FLOAT_EQ(feature(f, F::kOppAllowedLast10), 46.5f);  // 42 .. 51
  EXPECT_FLOAT_EQ(feature(f, F::kHome), 1.0f);
  EXPECT_FLOAT_EQ(feature(f, F::kRestDays), 3.0f);  // 11-28 -> 12-01
  EXPECT_FLOAT_EQ(feature(f, F::kGamesSeason), 6.0f);
  EXPECT_FLOAT_EQ(feature(f, F::kLineConsensus), 6.5f);
  EXPECT_FLOAT_EQ(feature(f, F::kLineMovement), -0.5f);
  EXPECT_FLOAT_EQ(feature(f, F::kLineBooks), 2.0f);

  const MarketDef& threes = *find_market("threes");
  MarketFeatures t = market_features(threes, day(2024, 12, 1), false, games, {}, std::nullopt);
  EXPECT_FLOAT_EQ(feature(t, F::kStatAvgLast10), 10.0f / 7);      // fg3m 1 1 2 0 3 1 2
  EXPECT_FLOAT_EQ(feature(t, F::kFg3aAvgLast10), 28.0f / 7);      // fg3a 4 3 4 2 5 4 6
  EXPECT_FLOAT_EQ(feature(t, F::kFg3RateLast10), 10.0f / 28.0f);  // 0.357
  EXPECT_TRUE(std::isnan(feature(t, F::kOppAllowedLast10)));      // no opponent games
  EXPECT_FLOAT_EQ(feature(t, F::kHome), 0.0f);
  EXPECT_TRUE(std::isnan(feature(t, F::kLineConsensus)));
  EXPECT_EQ(market_feature_names().size(), kMarketFeatureCount);
}

TEST(MarketFeatures, NoHistoryLeavesTheWindowsMissing) {
  MarketFeatures f =
      market_features(*find_market("assists"), day(2024, 12, 1), true, {}, {}, std::nullopt);
  EXPECT_TRUE(std::isnan(feature(f, F::kStatAvgLast5)));
  EXPECT_TRUE(std::isnan(feature(f, F::kRestDays)));
  EXPECT_FLOAT_EQ(feature(f, F::kGamesSeason), 0.0f);
}

TEST(MarketRows, ARowSeesOnlyEarlierDatesOfHimAndHisOpponent) {
  MarketInputs in;
  auto g = [](Date d, std::string p, std::string team, std::string opp, double reb) {
    PlayerGame x;
    x.date = d;
    x.player = std::move(p);
    x.team = std::move(team);
    x.opponent = std::move(opp);
    x.stats.reb = reb;
    x.stats.minutes = 30;
    return x;
  };
  Date d1 = day(2024, 11, 1), d2 = day(2024, 11, 3), d3 = day(2024, 11, 5);
  in.games = {g(d1, "a", "BOS", "NYK", 4), g(d1, "b", "NYK", "BOS", 9), g(d2, "a", "BOS", "NYK", 8),
              g(d3, "a", "BOS", "NYK", 100)};
  in.consensus[{d3.days, "a"}] = SameDayLine{5.5, 0.5, 3, 0.46};
  auto rows = market_rows(*find_market("rebounds"), in);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_TRUE(std::isnan(feature(rows[0].x, F::kStatAvgLast5)));  // d1: nothing before
  EXPECT_TRUE(std::isnan(feature(rows[1].x, F::kOppAllowedLast10)));
  const MarketRow& r = rows[3];  // a on d3: his 4 and 8; NYK allowed 4 (d1) and 8 (d2)
  EXPECT_FLOAT_EQ(feature(r.x, F::kStatAvgLast5), 6.0f);
  EXPECT_FLOAT_EQ(feature(r.x, F::kOppAllowedLast10), 6.0f);
  EXPECT_FLOAT_EQ(r.label, 100.0f);
  EXPECT_EQ(r.line, 5.5);
  EXPECT_EQ(r.market_p, 0.46);
  EXPECT_FLOAT_EQ(feature(r.x, F::kLineBooks), 3.0f);
}

// The pre-game row of a player on D (market_rows_of_date) is the row market_rows builds for
// the game he then plays on D, the label aside: the same games before D, nothing of D.
TEST(MarketRows, ThePreGameRowOfADateIsThePlayedRowWithoutItsLabel) {
  MarketInputs in;
  auto g = [](Date d, std::string p, std::string team, std::string opp, double reb, bool home) {
    PlayerGame x;
    x.date = d;
    x.player = std::move(p);
    x.team = std::move(team);
    x.opponent = std::move(opp);
    x.home = home;
    x.stats = {10, reb, 3, 1, 4, 30};
    return x;
  };
  Date d1 = day(2024, 11, 1), d2 = day(2024, 11, 3), d3 = day(2024, 11, 5);
  in.games = {g(d1, "a", "BOS", "NYK", 4, true),  g(d1, "b", "NYK", "BOS", 9, false),
              g(d1, "c", "NYK", "BOS", 2, false), g(d2, "a", "BOS", "NYK", 8, false),
              g(d2, "b", "NYK", "BOS", 7, true),  g(d3, "a", "BOS", "NYK", 100, true),
              g(d3, "b", "NYK", "BOS", 50, false)};
  in.consensus[{d3.days, "a"}] = SameDayLine{5.5, 0.5, 3, 0.46};
  const MarketDef& reb = *find_market("rebounds");
  auto played = market_rows(reb, in);
  std::vector<MarketCandidate> candidates = {{"a", "BOS", "NYK", true}, {"b", "NYK", "BOS", false}};
  auto pre = market_rows_of_date(reb, in, d3, candidates);
  ASSERT_EQ(pre.size(), 2u);
  for (size_t k = 0; k < 2; ++k) {
    const MarketRow& want = played[5 + k];  // a and b on d3
    EXPECT_EQ(pre[k].player, want.player);
    EXPECT_EQ(pre[k].date, d3);
    for (size_t f = 0; f < kMarketFeatureCount; ++f) {
      if (std::isnan(want.x[f])) {
        EXPECT_TRUE(std::isnan(pre[k].x[f])) << k << " " << f;
      } else {
        EXPECT_EQ(pre[k].x[f], want.x[f]) << k << " " << f;
      }
    }
    EXPECT_EQ(pre[k].line, want.line);
    EXPECT_EQ(pre[k].label, 0.0f);
  }
  // By hand: a's mean 6 over 4 and 8; NYK allowed 4 (d1) and 8 (d2): 6; b's 8 over 9 and 7,
  // BOS allowed 9 + 2 = 11 (d1) and 7 (d2): 9.
  EXPECT_FLOAT_EQ(feature(pre[0].x, F::kStatAvgLast5), 6.0f);
  EXPECT_FLOAT_EQ(feature(pre[0].x, F::kOppAllowedLast10), 6.0f);
  EXPECT_FLOAT_EQ(feature(pre[1].x, F::kStatAvgLast5), 8.0f);
  EXPECT_FLOAT_EQ(feature(pre[1].x, F::kOppAllowedLast10), 9.0f);
  EXPECT_EQ(pre[0].line, 5.5);
  EXPECT_FALSE(pre[1].line);
}

TEST(MarketProbability, NormalWithContinuityCorrectionAndPushes) {
  // Mean 5, sd 2, line 5.5: over = 1 - Phi(0.25) = 0.401294, no push.
  auto half = normal_line_probabilities(5, 2, 5.5);
  EXPECT_NEAR(half.over, 0.401294, 1e-6);
  EXPECT_NEAR(half.under, 0.598706, 1e-6);
  EXPECT_NEAR(half.push, 0.0, 1e-12);
  // Line 5: push = Phi(0.25) - Phi(-0.25) = 0.197413; over = under = 0.401294.
  auto whole = normal_line_probabilities(5, 2, 5);
  EXPECT_NEAR(whole.push, 0.197413, 1e-6);
  EXPECT_NEAR(whole.over, 0.401294, 1e-6);
  EXPECT_NEAR(whole.over_given_action(), 0.5, 1e-9);
}

TEST(MarketProbability, PoissonAndNegativeBinomial) {
  double inf = std::numeric_limits<double>::infinity();
  // Poisson(2), line 1.5: under = e^-2 (1 + 2) = 0.406006.
  auto p = negative_binomial_line_probabilities(2, inf, 1.5);
  EXPECT_NEAR(p.under, 3 * std::exp(-2.0), 1e-9);
  EXPECT_NEAR(p.over, 1 - 3 * std::exp(-2.0), 1e-9);
  // Line 2: push = P(X = 2) = 2 e^-2 = 0.270671; under = P(X <= 1).
  auto w = negative_binomial_line_probabilities(2, inf, 2);
  EXPECT_NEAR(w.push, 2 * std::exp(-2.0), 1e-9);
  EXPECT_NEAR(w.under, 3 * std::exp(-2.0), 1e-9);
  // NB mean 2, size 1 (geometric, p = 1/3): P(0) = 1/3, P(1) = 2/9; line 1.5 under = 5/9.
  auto g = negative_binomial_line_probabilities(2, 1, 1.5);
  EXPECT_NEAR(g.under, 5.0 / 9, 1e-9);
  // variance 3 = mean 2 + mean_sq 5 / r: r = 5.
  EXPECT_DOUBLE_EQ(negative_binomial_size(2, 5, 3), 5.0);
  EXPECT_TRUE(std::isinf(negative_binomial_size(2, 5, 1.5)));
}

// A synthetic threes market (feature 0 the true mean, Poisson stat, line 1.5, 100 rows a day).
std::vector<MarketRow> synthetic_rows(Date first, int days) {
  return testing::synthetic_market_rows(first, days);
}

TEST(MarketModel, CalibratedPOverOfASyntheticPoissonMarketIsTheKnownOne) {
  Date first = day(2024, 11, 1), cutoff = day(2024, 12, 31);  // 60 days of rows
  auto rows = synthetic_rows(first, 60);
  const MarketDef& threes = *find_market("threes");
  auto m = train_market_model(threes, rows, cutoff, gradient_boosting_params());
  ASSERT_TRUE(m);
  EXPECT_EQ(m->training_rows, 6000);
  EXPECT_EQ(m->validation_rows, 1400);  // [C - 14, C)
  EXPECT_EQ(m->calibration_rows, 1400);
  ASSERT_TRUE(m->calibrator);
  EXPECT_EQ(m->model_id, "threes-2024-12-31");
  // A player whose mean is 2: P(X >= 2) = 1 - 3 e^-2 = 0.594.
  MarketRow two;
  two.date = cutoff;
  two.x.fill(std::numeric_limits<float>::quiet_NaN());
  two.x[0] = 2.0f;
  double mean = predict_means(*m, std::span<const MarketRow>(&two, 1)).front();
  EXPECT_NEAR(mean, 2.0, 0.25);
  EXPECT_NEAR(calibrated_p_over(threes, *m, mean, 1.5), 1 - 3 * std::exp(-2.0), 0.06);
  // A mean of 3.5: P(X >= 2) = 1 - 4.5 e^-3.5 = 0.864.
  EXPECT_NEAR(calibrated_p_over(threes, *m, 3.5, 1.5), 1 - 4.5 * std::exp(-3.5), 0.06);
}

TEST(MarketModel, ARowOnOrAfterTheCutoffIsRefused) {
  Date first = day(2024, 11, 1);
  auto rows = synthetic_rows(first, 30);
  const MarketDef& threes = *find_market("threes");
  Date last = rows.back().date;
  EXPECT_THROW(train_market_model(threes, rows, last, gradient_boosting_params()),
               std::invalid_argument);
  // Too few rows: no model (2,000 needed).
  EXPECT_FALSE(train_market_model(threes, std::span<const MarketRow>(rows).first(1999),
                                  Date{last.days + 1}, gradient_boosting_params()));
}

TEST(MarketModel, BlendWeightMinimisesTheBrierScoreAgainstTheMarket) {
  // model 0.7 0.3, market 0.5 0.5, outcomes 1 0: d = 0.2, -0.2; sum d (y - k) = 0.1 + 0.1 = 0.2,
  // sum d^2 = 0.08: w = 2.5, clamped to 1 (the model alone is best).
  std::vector<double> model = {0.7, 0.3}, market = {0.5, 0.5};
  std::vector<int> y = {1, 0};
  EXPECT_DOUBLE_EQ(blend_weight(model, market, y), 1.0);
  // outcomes 0 1: the model is wrong both times: w = -2.5, clamped to 0.
  std::vector<int> wrong = {0, 1};
  EXPECT_DOUBLE_EQ(blend_weight(model, market, wrong), 0.0);
  // model 0.7 0.3 0.7, market 0.5 0.5 0.5, outcomes 1 0 0: sum d (y - k) = 0.1 + 0.1 - 0.1 =
  // 0.1, sum d^2 = 0.12: w = 0.8333.
  std::vector<double> m3 = {0.7, 0.3, 0.7}, k3 = {0.5, 0.5, 0.5};
  std::vector<int> y3 = {1, 0, 0};
  EXPECT_NEAR(blend_weight(m3, k3, y3), 0.1 / 0.12, 1e-12);
  MarketModel m;
  m.model_weight = 0.25;
  EXPECT_NEAR(blended_p_over(m, 0.8, 0.4), 0.25 * 0.8 + 0.75 * 0.4, 1e-12);
  EXPECT_DOUBLE_EQ(blended_p_over(m, 0.8, std::nullopt), 0.8);
}

TEST(MarketBet, ExpectedValueOfEachSideAtTheBooksPrice) {
  Offer o{"book", 1.5, 120, -150};
  // p 0.6: over 0.6 * 1.2 - 0.4 = 0.32; under 0.4 * 100/150 - 0.6 = -0.333.
  auto v = offer_value(o, 0.6, 0);
  EXPECT_NEAR(*v.ev_over, 0.32, 1e-12);
  EXPECT_NEAR(*v.ev_under, 0.4 / 1.5 - 0.6, 1e-12);
  // A push probability of 0.2 scales both: the stake comes back.
  EXPECT_NEAR(*offer_value(o, 0.6, 0.2).ev_over, 0.8 * 0.32, 1e-12);
  EXPECT_FALSE(offer_value(Offer{"dfs", 1.5, 120, std::nullopt}, 0.6, 0).ev_under);
  std::vector<OfferValue> values = {v, offer_value(Offer{"b", 1.5, 100, -120}, 0.6, 0)};
  auto bet = best_ev_bet(values, 0.03);
  ASSERT_TRUE(bet);
  EXPECT_EQ(bet->offer, 0u);
  EXPECT_EQ(bet->side, "OVER");
  EXPECT_FALSE(best_ev_bet(values, 0.5));
}

TEST(MarketBet, ConsensusBettorTakesTheBookThatBeatsTheOthersFairPrice) {
  // A and B: -120 / +100 (no-vig over 0.545455 / 1.045455 = 0.521739); C: +110 / -140.
  // C's over at the fair 0.521739 of A and B: 0.521739 * 1.1 - 0.478261 = 0.095652.
  // A's under at the fair of B and C (0.521739 and 0.449438, mean 0.485589): 0.028822 < 0.03.
  std::vector<Offer> offers = {{"a", 1.5, -120, 100}, {"b", 1.5, -120, 100}, {"c", 1.5, 110, -140}};
  auto bet = consensus_bet(offers, 0.03);
  ASSERT_TRUE(bet);
  EXPECT_EQ(bet->offer, 2u);
  EXPECT_EQ(bet->side, "OVER");
  EXPECT_NEAR(bet->ev, 0.095652, 1e-6);
  EXPECT_FALSE(consensus_bet(offers, 0.10));
  // A book alone at its line has no fair price from the others.
  std::vector<Offer> alone = {{"a", 1.5, -120, 100}, {"c", 2.5, 110, -140}};
  EXPECT_FALSE(consensus_bet(alone, 0.0));
}

TEST(MarketBet, AlwaysUnderTakesTheOfferNearestTheConsensusLine) {
  std::vector<Offer> offers = {
      {"a", 2.5, -120, 100}, {"b", 1.5, -110, -110}, {"c", 1.5, 105, -125}};
  auto bet = always_under_bet(offers, 1.5);
  ASSERT_TRUE(bet);
  EXPECT_EQ(bet->offer, 1u);  // line 1.5, under -110 beats -125
  EXPECT_EQ(bet->side, "UNDER");
}

TEST(MarketBet, SettlementAtThePriceTaken) {
  EXPECT_NEAR(settle("OVER", 1.5, 2, 110), 1.1, 1e-12);
  EXPECT_NEAR(settle("UNDER", 1.5, 2, -137), -1.0, 1e-12);
  EXPECT_NEAR(settle("UNDER", 2, 2, -137), 0.0, 1e-12);
  EXPECT_NEAR(settle("UNDER", 5.5, 3, -137), 100.0 / 137, 1e-12);
  EXPECT_EQ(outcome(2, 2), "PUSH");
}

// The daily rows of D (market_predictions_of_date) are the backtest's rows of D over a window
// holding D: the same model of C(D), offers, bet and grading. Synthetic threes market from
// 2024-11-01 (its opening night: cutoffs every 7 days, 2024-12-13 and 2024-12-20 in the
// window); two books quote 1.5 for every player from 2024-12-18 on.
TEST(MarketDay, TheDailyRowsOfADateAreTheBacktestsRowsOfThatDate) {
  auto rows = synthetic_rows(day(2024, 11, 1), 55);  // to 2024-12-25
  MarketInputs in = testing::two_books_from(rows, day(2024, 12, 18));
  const MarketDef& threes = *find_market("threes");
  MarketBacktestOptions o;
  o.from = day(2024, 12, 18);
  o.to = day(2024, 12, 24);
  o.threads = 2;
  auto week = run_market_backtest(threes, in, rows, o);
  EXPECT_EQ(week.report.models, 2);
  const Date d = day(2024, 12, 22);
  auto daily = market_predictions_of_date(threes, in, rows, d, o);
  ASSERT_EQ(daily.size(), 200u);  // 100 players, two books each
  std::vector<Row> expected, got;
  for (const auto& rec : week.records) {
    if (rec.game_date == d) expected.push_back(market_prediction_record().write(rec));
  }
  for (const auto& rec : daily) {
    EXPECT_EQ(rec.model_id, "threes-2024-12-20");
    got.push_back(market_prediction_record().write(rec));
  }
  EXPECT_EQ(got, expected);
  int bets = 0;
  for (const auto& rec : daily) bets += rec.recommendation != "PASS";
  EXPECT_GT(bets, 0);
  EXPECT_LE(bets, 100);  // one per player at most
  // A date without an offer has no row; nor does one without a player who played.
  EXPECT_TRUE(market_predictions_of_date(threes, in, rows, day(2024, 12, 17), o).empty());
  EXPECT_TRUE(market_predictions_of_date(threes, in, rows, day(2024, 12, 26), o).empty());
}

}  // namespace
}  // namespace nbaprops::predict::markets
