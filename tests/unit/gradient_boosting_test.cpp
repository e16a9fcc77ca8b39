// gradient_boosting (04-predictions.md §6) without a store: the cutoff formula, the model's
// view of a feature row, the walk-forward guard, learning a known function, the confidence
// formula, one batched call per date, determinism.
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <regex>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "predict/gradient_boosting.h"
#include "predict/moving_average.h"
#include "predict/training_set.h"
#include "support/synthetic_points.h"

namespace nbaprops::predict {
namespace {

const Date kOpening = make_date(2024, 10, 22);

std::vector<TrainingRow> training_rows(const std::vector<testing::SyntheticGame>& games) {
  return testing::synthetic_training_rows(games);
}

TEST(ModelCutoff, WeeklyFromOpeningNight) {
  // s = 2024-10-22 (a Tuesday), k = 7: C(D) = s + 7 * floor((D - s) / 7).
  EXPECT_EQ(model_cutoff(make_date(2024, 10, 22), kOpening), make_date(2024, 10, 22));
  EXPECT_EQ(model_cutoff(make_date(2024, 10, 28), kOpening), make_date(2024, 10, 22));
  EXPECT_EQ(model_cutoff(make_date(2024, 10, 29), kOpening), make_date(2024, 10, 29));
  EXPECT_EQ(model_cutoff(make_date(2024, 12, 1), kOpening), make_date(2024, 11, 26));  // 40 -> 35
  // 2025-01-08 is 78 days after s: floor(78 / 7) = 11, 77 days -> 2025-01-07.
  EXPECT_EQ(model_cutoff(make_date(2025, 1, 8), kOpening), make_date(2025, 1, 7));
  EXPECT_EQ(model_cutoff(make_date(2025, 1, 13), kOpening), make_date(2025, 1, 7));
  EXPECT_EQ(model_cutoff(make_date(2025, 1, 14), kOpening), make_date(2025, 1, 14));
}

TEST(ModelCutoff, DailyRetrainIsTheDateItself) {
  for (Date d : {make_date(2024, 10, 22), make_date(2024, 11, 3), make_date(2025, 1, 8)}) {
    EXPECT_EQ(model_cutoff(d, kOpening, 1), d);
  }
  EXPECT_EQ(model_cutoff(make_date(2024, 11, 3), kOpening, 5), make_date(2024, 11, 1));  // 12 -> 10
}

TEST(ModelCutoff, BeforeOpeningNightFloorsBackOnTheSameGrid) {
  // -1 day: floor(-1 / 7) = -1 -> s - 7; the cutoff never lies after D.
  EXPECT_EQ(model_cutoff(make_date(2024, 10, 21), kOpening), make_date(2024, 10, 15));
  EXPECT_EQ(model_cutoff(make_date(2024, 10, 15), kOpening), make_date(2024, 10, 15));
  EXPECT_EQ(model_cutoff(make_date(2024, 10, 14), kOpening), make_date(2024, 10, 8));
  EXPECT_THROW(model_cutoff(make_date(2024, 10, 14), kOpening, 0), std::invalid_argument);
}

TEST(ModelFeatures, NullDefaultAndMissingAreNaNOthersPassThrough) {
  Features f;
  for (size_t i = 0; i < kFeatureCount; ++i) f[i] = static_cast<double>(i) + 0.5;
  f[3] = std::nullopt;
  FeatureSources s;
  s.fill("phase4");
  s[3] = "missing";
  s[9] = "default";  // a default value is stored (0.5 + 9), but it is not the player's own
  s[15] = "phase3";
  s[25] = "vegas";
  s[30] = "calculated";
  ModelFeatures x = model_features(f, &s);
  EXPECT_TRUE(std::isnan(x[3]));
  EXPECT_TRUE(std::isnan(x[9]));
  EXPECT_FLOAT_EQ(x[0], 0.5f);
  EXPECT_FLOAT_EQ(x[15], 15.5f);
  EXPECT_FLOAT_EQ(x[25], 25.5f);
  EXPECT_FLOAT_EQ(x[30], 30.5f);
  // Without labels only NULL is missing.
  ModelFeatures plain = model_features(f, nullptr);
  EXPECT_TRUE(std::isnan(plain[3]));
  EXPECT_FLOAT_EQ(plain[9], 9.5f);
}

TEST(ModelFeatures, ParsesTheStoredLabels) {
  std::string json = "[";
  for (size_t i = 0; i < kFeatureCount; ++i) json += std::string(i ? "," : "") + "\"phase4\"";
  json += "]";
  auto s = parse_feature_sources(json);
  ASSERT_TRUE(s);
  EXPECT_EQ((*s)[59], "phase4");
  EXPECT_FALSE(parse_feature_sources("[\"phase4\"]"));
  EXPECT_TRUE(is_default_like("default"));
  EXPECT_TRUE(is_default_like("missing"));
  EXPECT_FALSE(is_default_like("vegas"));
}

TEST(WalkForward, TrainingForCutoffRefusesARowDatedOnOrAfterIt) {
  const Date cutoff = make_date(2024, 12, 10);
  auto rows = training_rows(testing::synthetic_games(make_date(2024, 11, 1), 39, 60));
  ASSERT_EQ(rows.back().game_date, make_date(2024, 12, 9));
  EXPECT_NO_THROW(train_gradient_boosting(std::span(rows).subspan(0, 100), cutoff));
  for (Date bad : {cutoff, make_date(2024, 12, 11)}) {
    auto leaking = rows;
    leaking.back().game_date = bad;
    try {
      train_gradient_boosting(leaking, cutoff);
      ADD_FAILURE() << "a row dated " << format_date(bad) << " was accepted";
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find("walk-forward"), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find(format_date(bad)), std::string::npos) << e.what();
    }
  }
}

TEST(WalkForward, RowsOfEarlierSeasonsTrainAndTheGuardHoldsAcrossTheBoundary) {
  // Rows from the 2023-24 season (February-March 2024) and from 2024-25 up to the day before
  // a 2024-25 cutoff: accepted (2,100 rows, a model). One row of the cutoff's own season dated
  // on the cutoff: refused, whichever season the rest come from.
  auto earlier = training_rows(testing::synthetic_games(make_date(2024, 2, 1), 20, 60));
  auto current = training_rows(testing::synthetic_games(make_date(2024, 10, 22), 15, 60));
  std::vector<TrainingRow> rows = earlier;
  rows.insert(rows.end(), current.begin(), current.end());
  const Date cutoff = make_date(2024, 11, 6);
  ASSERT_EQ(rows.back().game_date, make_date(2024, 11, 5));
  auto m = train_gradient_boosting(rows, cutoff);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->train_start, make_date(2024, 2, 1));
  EXPECT_EQ(m->train_end, make_date(2024, 11, 5));
  rows.back().game_date = cutoff;
  EXPECT_THROW(train_gradient_boosting(rows, cutoff), std::invalid_argument);
}

TEST(WalkForward, FewerThan2000RowsGiveNoModel) {
  auto rows = training_rows(testing::synthetic_games(make_date(2024, 11, 1), 39, 51));
  ASSERT_EQ(rows.size(), 1989u);
  EXPECT_FALSE(train_gradient_boosting(rows, make_date(2024, 12, 10)));
}

TEST(GradientBoosting, LearnsANonlinearTruthMovingAverageCannotSee) {
  // 60 players on 45 days: 2,700 rows, the last 14 days (840 rows) are the validation window.
  const Date cutoff = make_date(2024, 12, 16);
  auto games = testing::synthetic_games(make_date(2024, 11, 1), 45, 60);
  auto rows = training_rows(games);
  auto m = train_gradient_boosting(rows, cutoff);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->training_rows, 2700);
  EXPECT_EQ(m->train_start, make_date(2024, 11, 1));
  EXPECT_EQ(m->train_end, make_date(2024, 12, 15));
  EXPECT_EQ(m->validation_start, make_date(2024, 12, 2));
  EXPECT_EQ(m->validation_end, make_date(2024, 12, 15));
  EXPECT_EQ(m->validation_rows, 840);
  ASSERT_TRUE(m->validation_mae);
  ASSERT_TRUE(m->validation_line_mae);
  // moving_average on the same validation rows.
  double ma_err = 0;
  int n = 0;
  DefenseByDate defense;
  for (const auto& g : games) {
    if (g.game_date < make_date(2024, 12, 2)) continue;
    PlayerDay p;
    p.d = g.game_date;
    p.features = g.features;
    p.defense = &defense;
    auto r = moving_average(p);
    ASSERT_TRUE(r.estimate);
    ma_err += std::abs(r.estimate->raw - g.points);
    ++n;
  }
  double ma_mae = ma_err / n;
  std::cout << "validation MAE " << *m->validation_mae << " vs moving_average " << ma_mae
            << " over " << n << " rows\n";
  EXPECT_LT(*m->validation_mae, 0.7 * ma_mae);
}

TEST(GradientBoosting, SameRowsGiveByteIdenticalModels) {
  auto rows = training_rows(testing::synthetic_games(make_date(2024, 11, 1), 40, 55));
  auto a = train_gradient_boosting(rows, make_date(2024, 12, 11));
  auto b = train_gradient_boosting(rows, make_date(2024, 12, 11));
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->model_json, b->model_json);
  EXPECT_EQ(a->training_data_hash, b->training_data_hash);
  EXPECT_EQ(a->model_json.front(), '{');  // XGBoost's JSON model format
  rows[10].label += 1;
  auto c = train_gradient_boosting(rows, make_date(2024, 12, 11));
  EXPECT_NE(c->training_data_hash, a->training_data_hash);
  EXPECT_NE(c->model_json, a->model_json);
}

TEST(GradientBoosting, ConfidenceIs70PlusQualityPlusSpread) {
  EXPECT_EQ(gradient_boosting_confidence(95, 3.0), 90);      // 70 + 10 + 10
  EXPECT_EQ(gradient_boosting_confidence(90, 4.0), 87);      // 70 + 10 + 7
  EXPECT_EQ(gradient_boosting_confidence(85, 5.9), 84);      // 70 + 7 + 7
  EXPECT_EQ(gradient_boosting_confidence(80, 6.0), 82);      // 70 + 7 + 5
  EXPECT_EQ(gradient_boosting_confidence(79.99, 7.99), 80);  // 70 + 5 + 5
  EXPECT_EQ(gradient_boosting_confidence(70, 8.0), 77);      // 70 + 5 + 2
  EXPECT_EQ(gradient_boosting_confidence(70, std::nullopt), 77);
}

TEST(GradientBoosting, OneBatchedCallPredictsEveryPlayerWithItsVersion) {
  auto games = testing::synthetic_games(make_date(2024, 11, 1), 40, 55);
  auto trained = train_gradient_boosting(training_rows(games), make_date(2024, 12, 11));
  ASSERT_TRUE(trained);
  GbModel model{"gb-20241211-00000000", make_date(2024, 12, 11),
                XgbModel::from_json(trained->model_json)};
  // Player 0 as generated; player 1 the same with the truth's features (9, 20, 31, 48) NULL;
  // player 2 with them present but labelled default, which must predict exactly like NULL.
  const std::vector<size_t> truth = {9, 20, 31, 48};
  Features f0 = games[0].features, f1 = f0;
  FeatureSources labels;
  labels.fill("phase4");
  FeatureSources defaulted = labels;
  for (size_t i : truth) {
    f1[i] = std::nullopt;
    defaulted[i] = "default";
  }
  std::vector<GbPlayer> players = {
      {&f0, &labels, 92.0}, {&f1, &labels, 75.0}, {&f0, &defaulted, 75.0}};
  auto out = gradient_boosting(&model, players, "");
  ASSERT_EQ(out.size(), 3u);
  for (const auto& r : out) {
    ASSERT_TRUE(r.estimate);
    EXPECT_EQ(r.estimate->model_version, "gb-20241211-00000000");
  }
  EXPECT_NE(out[0].estimate->raw, out[1].estimate->raw);
  EXPECT_EQ(out[1].estimate->raw, out[2].estimate->raw);
  EXPECT_NEAR(out[0].estimate->raw, games[0].points, 4.0);
  EXPECT_EQ(out[0].estimate->confidence,
            gradient_boosting_confidence(92.0, f0[Feature::kPointsStdLast10]));
  // Without a model every player declines.
  auto none = gradient_boosting(nullptr, players, "cutoff 2024-12-11: 12 training rows < 2000");
  ASSERT_EQ(none.size(), 3u);
  EXPECT_FALSE(none[0].estimate);
  EXPECT_EQ(none[0].reason, "no_model");
  EXPECT_EQ(none[0].detail, "cutoff 2024-12-11: 12 training rows < 2000");
}

TEST(GradientBoosting, ParamsAreTheWalkForwardChoiceStatedExplicitly) {
  // Issue 12 replaces §6's library defaults (docs/predictions.md, "Parameters").
  EXPECT_EQ(params_json(gradient_boosting_params()),
            R"({"alpha":"0","colsample_bytree":"0.8","eta":"0.05","lambda":"10","max_bin":"256",)"
            R"("max_depth":"4","min_child_weight":"50","nthread":"1",)"
            R"("objective":"reg:squarederror","rounds":300,"seed":"0","subsample":"0.8",)"
            R"("tree_method":"hist"})");
  EXPECT_TRUE(std::regex_match(xgboost_version(), std::regex(R"(\d+\.\d+\.\d+)")))
      << xgboost_version();
}

}  // namespace
}  // namespace nbaprops::predict
