// The worked examples of 04-predictions.md §2-8 as unit tests.
#include <gtest/gtest.h>

#include <array>
#include <vector>

#include "core/row_reader.h"
#include "core/value.h"
#include "predict/aggregates.h"
#include "predict/ensemble.h"
#include "predict/grading.h"
#include "predict/moving_average.h"
#include "predict/performance.h"
#include "predict/recommendation.h"
#include "predict/similarity.h"
#include "predict/tables.h"
#include "predict/zone_matchup.h"

namespace nbaprops::predict {
namespace {

PlayerDay example_player(const DefenseByDate& defense) {
  PlayerDay p;
  p.d = make_date(2024, 12, 1);
  p.player_lookup = "example";
  p.opponent_abbr = "BOS";
  p.defense = &defense;
  Features& f = p.features;
  f[Feature::kPointsAvgLast5] = 24.4;
  f[Feature::kPointsAvgLast10] = 22.1;
  f[Feature::kPointsAvgSeason] = 20.8;
  f[Feature::kFatigueScore] = 82;
  f[Feature::kShotZoneMismatchScore] = 3.5;
  f[Feature::kBackToBack] = 0;
  f[Feature::kPaceScore] = -1.2;
  f[Feature::kHomeAway] = 1;
  f[Feature::kUsageSpikeScore] = 2.0;
  f[Feature::kPointsStdLast10] = 5.1;
  f[Feature::kGamesInLast7Days] = 3;
  return p;
}

TEST(MovingAverage, WorkedExampleGives24_98Confidence52AndOver) {
  DefenseByDate defense;
  auto r = moving_average(example_player(defense));
  ASSERT_TRUE(r.estimate);
  auto s = finish_prediction(r.estimate->raw, r.estimate->confidence, 21.5,
                             default_thresholds("moving_average"));
  EXPECT_DOUBLE_EQ(s.predicted_points, 24.98);
  EXPECT_DOUBLE_EQ(s.confidence, 52.0);
  EXPECT_DOUBLE_EQ(*s.edge, 3.48);
  EXPECT_EQ(s.recommendation, "OVER");
}

TEST(MovingAverage, FatiguePenalisesTiredPlayersOnly) {
  EXPECT_EQ(moving_average_fatigue_term(82), 0.0);
  EXPECT_EQ(moving_average_fatigue_term(70), 0.0);
  EXPECT_EQ(moving_average_fatigue_term(60), -1.0);
  EXPECT_EQ(moving_average_fatigue_term(45), -2.5);
  EXPECT_EQ(moving_average_fatigue_term(std::nullopt), 0.0);
}

TEST(MovingAverage, DeclinesWithoutRecentAverages) {
  DefenseByDate defense;
  auto p = example_player(defense);
  p.features[Feature::kPointsAvgLast10].reset();
  auto r = moving_average(p);
  EXPECT_FALSE(r.estimate);
  EXPECT_EQ(r.reason, "missing_inputs");
}

TEST(ZoneMatchup, ZoneTermOfTheExampleIsPlus0_92) {
  auto z = zone_term(17.0, {0.45, 0.15, 0.40}, {3.0, -1.0, 2.5});
  ASSERT_TRUE(z);
  EXPECT_NEAR(*z, 0.918, 1e-9);
  EXPECT_DOUBLE_EQ(round_half_away(*z, 2), 0.92);
  EXPECT_DOUBLE_EQ(*zone_term(100, {1.0, 0, 0}, {10, 0, 0}), 6.0);  // clamped
  EXPECT_FALSE(zone_term(17, {std::nullopt, 0.2, std::nullopt}, {3.0, std::nullopt, 1.0}));
}

TEST(ZoneMatchup, UsesTheOpponentsOwnZoneDefence) {
  DefenseByDate defense;
  defense.add(make_date(2024, 12, 1), "BOS", {3.0, -1.0, 2.5, 112.0});
  auto p = example_player(defense);
  p.attempts_per_game = 17.0;
  p.features[Feature::kPctPaint] = 0.45;
  p.features[Feature::kPctMidRange] = 0.15;
  p.features[Feature::kPctThree] = 0.40;
  auto r = zone_matchup(p);
  ASSERT_TRUE(r.estimate);
  // 20.8 + 0.918 + 0.4·(−1.2) + 0.8 (home) + 0 (fatigue 82)
  EXPECT_NEAR(r.estimate->raw, 20.8 + 0.918 - 0.48 + 0.8, 1e-9);
  EXPECT_DOUBLE_EQ(r.estimate->confidence, 52.0);
  p.attempts_per_game.reset();
  EXPECT_EQ(zone_matchup(p).reason, "missing_inputs");
}

TEST(Similarity, ScoresTierRestVenueForm) {
  GameContext a{Tier::kAverage, Rest::kOneDay, true, Form::kNormal};
  EXPECT_EQ(similarity_score(a, a), 100);
  GameContext b{Tier::kElite, Rest::kTwoDays, false, Form::kHot};
  EXPECT_EQ(similarity_score(a, b), 20 + 15 + 0 + 5);
  GameContext c{Tier::kUnknown, Rest::kRested, true, Form::kNormal};
  EXPECT_EQ(similarity_score(a, c), 20 + 0 + 15 + 15);
  GameContext d{Tier::kWeak, Rest::kBackToBack, true, Form::kNormal};
  GameContext e{Tier::kElite, Rest::kRested, true, Form::kNormal};
  EXPECT_EQ(similarity_score(d, e), 0 + 0 + 15 + 15);
  EXPECT_EQ(opponent_tier(109.9), Tier::kElite);
  EXPECT_EQ(opponent_tier(110.0), Tier::kAverage);
  EXPECT_EQ(opponent_tier(115.0), Tier::kWeak);
  EXPECT_EQ(rest_of(1), Rest::kBackToBack);
  EXPECT_EQ(rest_of(3), Rest::kTwoDays);
  EXPECT_EQ(rest_of(std::nullopt), Rest::kRested);
  EXPECT_EQ(form_of(3.0), Form::kHot);
  EXPECT_EQ(form_of(-3.0), Form::kCold);
}

TEST(Similarity, ConfidenceRangeIs26To69) {
  EXPECT_DOUBLE_EQ(similarity_confidence(20, 85, 3.9), 69);
  EXPECT_DOUBLE_EQ(similarity_confidence(5, 70, 9), 26);
  EXPECT_DOUBLE_EQ(similarity_confidence(10, 80, 5), 35 + 9 + 9 + 6);
}

TEST(Similarity, TenHomeGamesTwoDaysApartGive20_8) {
  DefenseByDate defense;
  std::vector<PlayerGame> games;
  for (int i = 0; i < 10; ++i) {
    PlayerGame g;
    g.game_date = make_date(2024, 11, 1 + 2 * i);  // Nov 1..19, every other day
    g.opponent_abbr = "NYK";
    g.home = true;
    g.appeared = true;
    g.points = 20;
    games.push_back(g);
  }
  PlayerDay p;
  p.d = make_date(2024, 11, 21);  // two days after the last game: one_day rest
  p.opponent_abbr = "BOS";
  p.defense = &defense;
  p.features[Feature::kHomeAway] = 1;
  p.history = games;
  auto r = similarity(p);
  ASSERT_TRUE(r.estimate);
  // Every game: tier unknown 20 + rest one_day 30 (except the first: rested, 0) + home 15 + form.
  EXPECT_EQ(*r.estimate->similar_games, 9);
  EXPECT_NEAR(r.estimate->raw, 20.8, 1e-9);
  EXPECT_DOUBLE_EQ(*r.estimate->mean_similarity, 80);
  EXPECT_DOUBLE_EQ(r.estimate->confidence, 35 + 6 + 9 + 10);
  p.history = std::span<const PlayerGame>(games).subspan(0, 4);
  EXPECT_EQ(similarity(p).reason, "too_few_similar");
}

TEST(Ensemble, ConfidenceWeightedMeanAndSpread) {
  std::vector<Member> m = {{24.98, 52}, {23.10, 52}, {22.00, 60}};
  auto r = ensemble(m);
  ASSERT_TRUE(r.estimate);
  EXPECT_NEAR(r.estimate->raw, 3820.16 / 164, 1e-9);
  EXPECT_NEAR(*r.estimate->member_sd, 1.50692, 1e-5);
  EXPECT_NEAR(r.estimate->confidence, 164.0 / 3 + 10, 1e-9);  // sd < 2: +10
  m.push_back({23.0, 80});
  EXPECT_NEAR(ensemble(m).estimate->confidence, 244.0 / 4 + 10 + 5, 1e-9);  // all four: +5
  EXPECT_EQ(ensemble(std::span<const Member>(m).subspan(0, 1)).reason, "too_few_members");
  std::vector<Member> zero = {{10, 0}, {20, 0}};
  EXPECT_DOUBLE_EQ(ensemble(zero).estimate->raw, 15);
}

TEST(Recommendation, EachSystemsThresholdUsesGreaterOrEqual) {
  auto ma = default_thresholds("moving_average");
  EXPECT_EQ(recommend(2.0, 46, true, ma), "OVER");
  EXPECT_EQ(recommend(-2.0, 46, true, ma), "UNDER");
  EXPECT_EQ(recommend(1.99, 60, true, ma), "PASS");
  EXPECT_EQ(recommend(3.0, 45.9, true, ma), "PASS");
  EXPECT_EQ(recommend(2.0, 46, true, default_thresholds("zone_matchup")), "OVER");
  auto sim = default_thresholds("similarity");
  EXPECT_EQ(recommend(2.0, 65, true, sim), "OVER");
  EXPECT_EQ(recommend(2.0, 64.9, true, sim), "PASS");
  auto gb = default_thresholds("gradient_boosting");
  EXPECT_EQ(recommend(-1.5, 60, true, gb), "UNDER");
  EXPECT_EQ(recommend(-1.49, 60, true, gb), "PASS");
  EXPECT_EQ(recommend(1.5, 59.9, true, gb), "PASS");
  auto ens = default_thresholds("ensemble");
  EXPECT_EQ(recommend(1.5, 65, true, ens), "OVER");
  EXPECT_EQ(recommend(1.5, 64.9, true, ens), "PASS");
  EXPECT_EQ(recommend(std::nullopt, 90, false, ens), "NO_LINE");
}

TEST(Recommendation, ClampsRoundsAndTreats20AsARealLine) {
  auto s = finish_prediction(64.0, 52.04, 20.0, default_thresholds("moving_average"));
  EXPECT_DOUBLE_EQ(s.predicted_points, 60.0);
  EXPECT_DOUBLE_EQ(s.confidence, 52.0);
  EXPECT_DOUBLE_EQ(*s.edge, 40.0);
  EXPECT_EQ(s.recommendation, "OVER");
  auto none = finish_prediction(-3, 50, std::nullopt, default_thresholds("moving_average"));
  EXPECT_DOUBLE_EQ(none.predicted_points, 0.0);
  EXPECT_FALSE(none.edge);
  EXPECT_EQ(none.recommendation, "NO_LINE");
}

GradedRow graded(std::string rec, double line, std::optional<int64_t> price, double pred,
                 std::optional<double> actual, double confidence = 60) {
  GradeInput p;
  p.recommendation = rec;
  p.line = line;
  p.edge = round_half_away(pred - line, 2);
  p.predicted_points = pred;
  p.confidence = confidence;
  if (rec == "OVER") p.over_price = price;
  if (rec == "UNDER") p.under_price = price;
  Outcome o;
  if (actual) {
    o.actual_points = actual;
    o.minutes = 30;
  } else {
    o.void_reason = "dnp";
  }
  return {p, grade_prediction(p, o, std::nullopt)};
}

TEST(Grading, WorkedExampleOfOneSystemOneDate) {
  std::vector<GradedRow> rows = {graded("OVER", 21.5, -115, 24.98, 27),
                                 graded("UNDER", 18.5, std::nullopt, 15.90, 15),
                                 graded("OVER", 10.5, 120, 13.20, 8),
                                 graded("UNDER", 25.0, -105, 22.60, 25),
                                 graded("PASS", 14.5, std::nullopt, 15.30, 19),
                                 graded("OVER", 12.5, -110, 16.10, std::nullopt)};
  EXPECT_EQ(*rows[0].grade.result, "WIN");
  EXPECT_DOUBLE_EQ(*rows[0].grade.profit, 0.8696);
  EXPECT_EQ(*rows[1].grade.price, -110);
  EXPECT_DOUBLE_EQ(*rows[1].grade.profit, 0.9091);
  EXPECT_EQ(*rows[2].grade.result, "LOSS");
  EXPECT_DOUBLE_EQ(*rows[2].grade.profit, -1);
  EXPECT_EQ(*rows[3].grade.result, "PUSH");
  EXPECT_DOUBLE_EQ(*rows[3].grade.profit, 0);
  EXPECT_FALSE(rows[4].grade.result);
  EXPECT_FALSE(rows[4].grade.profit);
  EXPECT_EQ(*rows[4].grade.edge_side_result, "WIN");
  EXPECT_TRUE(rows[5].grade.is_voided);
  EXPECT_EQ(*rows[5].grade.void_reason, "dnp");
  EXPECT_FALSE(rows[5].grade.absolute_error);
  EXPECT_DOUBLE_EQ(*rows[0].grade.signed_error, -2.02);
  EXPECT_EQ(*rows[0].grade.edge_bucket, "3-5");
  EXPECT_EQ(*rows[1].grade.edge_bucket, "2-3");
  EXPECT_EQ(*rows[4].grade.edge_bucket, "0-2");

  Performance s = summarize(rows);
  EXPECT_EQ(s.predictions, 6);
  EXPECT_EQ(s.graded, 5);
  EXPECT_EQ(s.voided, 1);
  EXPECT_EQ(s.recommendations, 4);
  EXPECT_EQ(s.wins, 2);
  EXPECT_EQ(s.losses, 1);
  EXPECT_EQ(s.pushes, 1);
  EXPECT_DOUBLE_EQ(*s.win_rate, 66.67);
  EXPECT_DOUBLE_EQ(s.profit, 0.7787);
  EXPECT_DOUBLE_EQ(*s.roi, 19.47);
  EXPECT_DOUBLE_EQ(*s.mae, 2.844);
  EXPECT_DOUBLE_EQ(*s.bias, -0.404);
  EXPECT_DOUBLE_EQ(*s.within_3_pct, 60);
  EXPECT_DOUBLE_EQ(*s.within_5_pct, 80);
  EXPECT_DOUBLE_EQ(*s.market_mae, 3.2);
  EXPECT_DOUBLE_EQ(*s.mae_vs_market, -0.356);
}

TEST(Grading, ProfitAtMinus110AndPlus120AndClv) {
  EXPECT_DOUBLE_EQ(profit_of("WIN", -110), 0.9091);
  EXPECT_DOUBLE_EQ(profit_of("WIN", 120), 1.2);
  EXPECT_DOUBLE_EQ(profit_of("LOSS", 120), -1);
  EXPECT_DOUBLE_EQ(profit_of("PUSH", -110), 0);
  GradeInput p{"UNDER",      18.5,         -2.6,         15.9,         50,
               std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
  Outcome o{std::nullopt, 15.0, 31.0};
  auto g = grade_prediction(p, o, 17.5);
  EXPECT_DOUBLE_EQ(*g.clv, 1.0);  // the market moved toward the UNDER
  EXPECT_EQ(g.confidence_decile, 6);
  EXPECT_EQ(confidence_decile(100), 10);
  Outcome v{std::string("zero_minutes"), std::nullopt, std::nullopt};
  EXPECT_TRUE(grade_prediction(p, v, std::nullopt).is_voided);
}

// The six rows of §8's worked example, with confidences 52, 47, 58, 61, 40, 70.
std::vector<GradedRow> worked_example_rows() {
  return {graded("OVER", 21.5, -115, 24.98, 27, 52),
          graded("UNDER", 18.5, std::nullopt, 15.90, 15, 47),
          graded("OVER", 10.5, 120, 13.20, 8, 58),
          graded("UNDER", 25.0, -105, 22.60, 25, 61),
          graded("PASS", 14.5, std::nullopt, 15.30, 19, 40),
          graded("OVER", 12.5, -110, 16.10, std::nullopt, 70)};
}

void expect_bucket(const BucketFigures& b, const std::string& kind, const std::string& bucket,
                   std::array<int64_t, 4> all, std::optional<double> rate,
                   std::array<int64_t, 4> rec, std::optional<double> rec_rate) {
  SCOPED_TRACE(kind + " " + bucket);
  EXPECT_EQ(b.kind, kind);
  EXPECT_EQ(b.bucket, bucket);
  EXPECT_EQ((std::array<int64_t, 4>{b.n, b.wins, b.losses, b.pushes}), all);
  EXPECT_EQ(b.win_rate, rate);
  EXPECT_EQ((std::array<int64_t, 4>{b.rec_n, b.rec_wins, b.rec_losses, b.rec_pushes}), rec);
  EXPECT_EQ(b.rec_win_rate, rec_rate);
}

TEST(Aggregates, EdgeBucketsOfTheWorkedExampleAre1_0Then1_1_1Then1_0) {
  auto buckets = summarize_buckets(worked_example_rows());
  // Confidence deciles first (key order), then edge buckets; row 6 (voided) is in neither.
  ASSERT_EQ(buckets.size(), 6u);
  // 40-50: row 2 (UNDER, WIN) and row 5 (PASS, edge side WIN): 2-0, one recommended.
  expect_bucket(buckets[0], "confidence", "40-50", {2, 2, 0, 0}, 100.0, {1, 1, 0, 0}, 100.0);
  // 50-60: rows 1 (WIN) and 3 (LOSS).
  expect_bucket(buckets[1], "confidence", "50-60", {2, 1, 1, 0}, 50.0, {2, 1, 1, 0}, 50.0);
  // 60-70: row 4, a push: no win rate.
  expect_bucket(buckets[2], "confidence", "60-70", {1, 0, 0, 1}, std::nullopt, {1, 0, 0, 1},
                std::nullopt);
  // §8: 0-2 row 5 (1-0, not advised); 2-3 rows 2-4 (1-1-1, 50.00); 3-5 row 1 (1-0).
  expect_bucket(buckets[3], "edge", "0-2", {1, 1, 0, 0}, 100.0, {0, 0, 0, 0}, std::nullopt);
  expect_bucket(buckets[4], "edge", "2-3", {3, 1, 1, 1}, 50.0, {3, 1, 1, 1}, 50.0);
  expect_bucket(buckets[5], "edge", "3-5", {1, 1, 0, 0}, 100.0, {1, 1, 0, 0}, 100.0);
  EXPECT_EQ(confidence_bucket(1), "0-10");
  EXPECT_EQ(confidence_bucket(10), "90-100");
}

TEST(Aggregates, PendingPredictionsCountInPredictionsOnly) {
  auto rows = worked_example_rows();
  Performance s = summarize(rows, 2);
  EXPECT_EQ(s.predictions, 8);
  EXPECT_EQ(s.pending, 2);
  EXPECT_EQ(s.graded, 5);
  EXPECT_EQ(s.voided, 1);
  EXPECT_DOUBLE_EQ(*s.roi, 19.47);            // the graded figures do not move
  EXPECT_DOUBLE_EQ(*s.avg_confidence, 51.6);  // (52 + 47 + 58 + 61 + 40) / 5
}

TEST(Aggregates, TheMarketLineIsTheLineAsThePrediction) {
  std::vector<GradedRow> market;
  for (const auto& r : worked_example_rows()) {
    if (r.grade.actual_points) {
      market.push_back(market_row(*r.prediction.line, *r.grade.actual_points, 30));
    }
  }
  Performance m = summarize_market(market);
  EXPECT_EQ(m.predictions, 5);
  EXPECT_EQ(m.recommendations, 0);
  EXPECT_FALSE(m.win_rate);
  EXPECT_DOUBLE_EQ(*m.mae, 3.2);    // the worked example's market_mae
  EXPECT_DOUBLE_EQ(*m.bias, -0.8);  // (-5.5 + 3.5 + 2.5 + 0 - 4.5) / 5
  EXPECT_DOUBLE_EQ(*m.market_mae, 3.2);
  EXPECT_DOUBLE_EQ(*m.mae_vs_market, 0);
  EXPECT_DOUBLE_EQ(*m.within_3_pct, 40);  // 0 and 2.5
  EXPECT_FALSE(m.avg_confidence);
  EXPECT_TRUE(summarize_buckets(market).empty());  // no edge, no bucket
}

TEST(Aggregates, ADatesRowsHoldEverySystemWithGradesOrPendingPredictions) {
  DayGrades day;
  day.by_system["moving_average"] = worked_example_rows();
  day.pending["similarity"] = 3;
  auto rows = performance_rows(make_date(2024, 12, 5), day);
  ASSERT_EQ(rows.performance.size(), 2u);
  const TableSchema& t = system_performance_table();
  RowReader ma(t, rows.performance[0]);
  EXPECT_EQ(*ma.s("system_id"), "moving_average");
  EXPECT_EQ(*ma.s("game_date"), "2024-12-05");
  EXPECT_EQ(*ma.i("predictions"), 6);
  EXPECT_EQ(*ma.i("recommendations"), 4);
  EXPECT_DOUBLE_EQ(*ma.d("win_rate"), 66.67);
  EXPECT_DOUBLE_EQ(*ma.d("profit"), 0.7787);
  EXPECT_DOUBLE_EQ(*ma.d("roi"), 19.47);
  EXPECT_DOUBLE_EQ(*ma.d("mae"), 2.844);
  EXPECT_DOUBLE_EQ(*ma.d("bias"), -0.404);
  EXPECT_DOUBLE_EQ(*ma.d("market_mae"), 3.2);
  EXPECT_DOUBLE_EQ(*ma.d("mae_vs_market"), -0.356);
  EXPECT_EQ(rows.performance[0].size(), t.columns.size());
  RowReader sim(t, rows.performance[1]);
  EXPECT_EQ(*sim.s("system_id"), "similarity");
  EXPECT_EQ(*sim.i("predictions"), 3);
  EXPECT_EQ(*sim.i("pending"), 3);
  EXPECT_EQ(*sim.i("graded"), 0);
  EXPECT_FALSE(sim.d("mae"));
  // The six buckets of moving_average; none for similarity.
  ASSERT_EQ(rows.buckets.size(), 6u);
  const TableSchema& bt = system_performance_buckets_table();
  RowReader b(bt, rows.buckets[4]);
  EXPECT_EQ(*b.s("kind"), "edge");
  EXPECT_EQ(*b.s("bucket"), "2-3");
  EXPECT_EQ(*b.i("n"), 3);
  EXPECT_DOUBLE_EQ(*b.d("win_rate"), 50.0);
  EXPECT_EQ(rows.buckets[4].size(), bt.columns.size());
}

// Form compares the last 5 games with the season's (of d): a game on September 30 belongs to
// the season before, one on October 1 to d's (season_of).
TEST(Similarity, FormCountsOnlyTheGamesOfDsSeason) {
  const DefenseByDate defense;
  const Date d = make_date(2024, 11, 20);
  auto history_with = [](Date earliest, double earliest_points) {
    std::vector<PlayerGame> h;
    PlayerGame g;
    g.appeared = true;
    g.game_date = earliest;
    g.points = earliest_points;
    h.push_back(g);
    for (int k = 0; k < 5; ++k) {
      g.game_date = make_date(2024, 11, 10 + k);
      g.points = 20;
      h.push_back(g);
    }
    return h;
  };
  // Last 5 = 20. With the 80-point game in the season, its average is 200 / 6 = 33.3: cold.
  auto in_season = history_with(make_date(2024, 10, 1), 80);
  EXPECT_EQ(game_context(in_season, d, "BOS", true, defense).form, Form::kCold);
  // On September 30 it is last season's: the season average is 20, form normal.
  auto before = history_with(make_date(2024, 9, 30), 80);
  EXPECT_EQ(game_context(before, d, "BOS", true, defense).form, Form::kNormal);
}

}  // namespace
}  // namespace nbaprops::predict
