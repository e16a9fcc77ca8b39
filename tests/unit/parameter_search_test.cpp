// gradient_boosting's walk-forward parameter search (predict/parameter_search.h) on synthetic
// seasons: a fold trains on the rows before its validation season only, scores each number of
// trees as a model of that many rounds, and the choice is made on validation rows, never on the
// training fit.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "predict/gradient_boosting.h"
#include "predict/parameter_search.h"
#include "predict/training_set.h"
#include "support/synthetic_points.h"

namespace nbaprops::predict {
namespace {

// Three "seasons" of 30 players on 40 days from November 1 of 2021, 2022 and 2023: 1,200 rows
// each, in (game_date, player_lookup) order.
std::vector<TrainingRow> three_seasons() {
  std::vector<TrainingRow> rows;
  for (int year : {2021, 2022, 2023}) {
    auto season = testing::synthetic_training_rows(
        testing::synthetic_games(make_date(year, 11, 1), 40, 30, year));
    rows.insert(rows.end(), std::make_move_iterator(season.begin()),
                std::make_move_iterator(season.end()));
  }
  return rows;
}

const std::vector<SearchFold> kFolds = {
    {"2022-23", make_date(2022, 11, 1), make_date(2023, 7, 1)},
    {"2023-24", make_date(2023, 11, 1), make_date(2024, 7, 1)},
};

ParameterGrid one_combination(std::vector<int> rounds) {
  return {{"0.3"}, {"3"}, {"1"}, {"1"}, {"1"}, std::move(rounds)};
}

std::string value_of(const XgbParams& p, const std::string& name) {
  for (const auto& [key, value] : p.values) {
    if (key == name) return value;
  }
  return "";
}

double mae_of(const XgbModel& model, std::span<const TrainingRow> rows) {
  auto predicted = model.predict(feature_matrix(rows));
  double err = 0;
  for (size_t i = 0; i < rows.size(); ++i) err += std::abs(predicted[i] - rows[i].label);
  return err / static_cast<double>(rows.size());
}

TEST(ParameterSearch, AFoldTrainsOnTheDaysBeforeItsSeasonAndValidatesOnTheSeason) {
  auto rows = three_seasons();
  FoldRows f = fold_rows(rows, kFolds[0], 3650);
  EXPECT_EQ(f.train_begin, 0u);
  EXPECT_EQ(f.train_end, 1200u);  // all of 2021-22, nothing dated 2022-11-01 or later
  EXPECT_EQ(f.validate_begin, 1200u);
  EXPECT_EQ(f.validate_end, 2400u);  // 2022-23 only: 2023-11-01 is the next fold's
  // 355 days before 2022-11-01 is 2021-11-11: the first 10 days (300 rows) fall out.
  f = fold_rows(rows, kFolds[0], 355);
  EXPECT_EQ(f.train_begin, 300u);
  f = fold_rows(rows, kFolds[1], 3650);
  EXPECT_EQ(f.train_end, 2400u);
  EXPECT_EQ(f.validate_end, 3600u);
}

TEST(ParameterSearch, AScoreIsTheModelOfTheEarlierRowsOnTheSeasonAtThatManyRounds) {
  auto rows = three_seasons();
  const ParameterGrid grid = one_combination({10, 25});
  SearchResult r = walk_forward_search(rows, kFolds, grid, 3650, 2);
  ASSERT_EQ(r.rows.size(), 2u);
  // By hand: fold 2022-23 is a model of the 2021-22 rows alone, trained for 10 and for 25
  // rounds, scored on the 2022-23 rows.
  auto first = std::span<const TrainingRow>(rows).subspan(0, 1200);
  auto second = std::span<const TrainingRow>(rows).subspan(1200, 1200);
  for (size_t i = 0; i < 2; ++i) {
    XgbParams p = r.rows[i].params;
    EXPECT_EQ(p.rounds, grid.rounds[i]);
    XgbModel m = train_booster(feature_matrix(first), labels_of(first), p);
    EXPECT_NEAR(r.rows[i].fold_mae[0], mae_of(m, second), 1e-6) << p.rounds << " rounds";
  }
  // Rows on or after the 2022-23 fold's season (2023-24 here) never reach it; they do reach
  // the 2023-24 fold. The 2022-23 rows train the 2023-24 fold.
  auto changed = rows;
  for (size_t i = 2400; i < changed.size(); ++i) changed[i].x[31] += 7;
  SearchResult c = walk_forward_search(changed, kFolds, grid, 3650, 1);
  EXPECT_EQ(c.rows[1].fold_mae[0], r.rows[1].fold_mae[0]);
  EXPECT_NE(c.rows[1].fold_mae[1], r.rows[1].fold_mae[1]);
  changed = rows;
  for (size_t i = 1200; i < 2400; ++i) changed[i].label += 5;
  c = walk_forward_search(changed, std::span(kFolds).subspan(1), grid, 3650, 1);
  EXPECT_NE(c.rows[1].fold_mae[0], r.rows[1].fold_mae[1]);
}

TEST(ParameterSearch, TheSameTableForAnyThreadCount) {
  auto rows = three_seasons();
  ParameterGrid grid{{"0.3"}, {"2", "4"}, {"1", "20"}, {"1"}, {"1", "0.8"}, {5, 15}};
  SearchResult one = walk_forward_search(rows, kFolds, grid, 3650, 1);
  SearchResult three = walk_forward_search(rows, kFolds, grid, 3650, 3);
  ASSERT_EQ(one.rows.size(), 16u);
  for (size_t i = 0; i < one.rows.size(); ++i) {
    EXPECT_EQ(one.rows[i].fold_mae, three.rows[i].fold_mae) << i;
  }
  EXPECT_EQ(one.best, three.best);
}

TEST(ParameterSearch, ChoosesByValidationNotByTheTrainingFit) {
  // Points that are noise, independent of every feature: deep trees and many rounds fit the
  // training rows best and the next season worst.
  auto rows = three_seasons();
  std::mt19937 rng(3);
  std::normal_distribution<float> noise(0.5f, 4.0f);
  for (auto& r : rows) r.label = noise(rng);
  ParameterGrid grid{{"0.3"}, {"6", "1"}, {"1"}, {"0"}, {"1"}, {100, 20}};
  SearchResult r = walk_forward_search(rows, kFolds, grid, 3650, 2);
  ASSERT_EQ(r.rows.size(), 4u);  // (6, 100), (6, 20), (1, 100), (1, 20)
  const XgbParams& chosen = r.rows[r.best].params;
  EXPECT_EQ(value_of(chosen, "max_depth"), "1") << params_json(chosen);
  EXPECT_EQ(value_of(r.rows[0].params, "max_depth"), "6");
  EXPECT_EQ(r.rows[0].params.rounds, 100);
  // On the training rows of the first fold the deep model fits better.
  auto train = std::span<const TrainingRow>(rows).subspan(0, 1200);
  XgbModel deep = train_booster(feature_matrix(train), labels_of(train), r.rows[0].params);
  XgbModel picked = train_booster(feature_matrix(train), labels_of(train), chosen);
  EXPECT_LT(mae_of(deep, train), mae_of(picked, train) - 0.5);
  EXPECT_GT(r.rows[0].mean_mae, r.rows[r.best].mean_mae);
}

TEST(ParameterSearch, AFoldWithoutRowsOrAnEmptyGridIsRefused) {
  auto rows = three_seasons();
  std::vector<SearchFold> early = {{"2020-21", make_date(2020, 11, 1), make_date(2021, 7, 1)}};
  EXPECT_THROW(walk_forward_search(rows, early, one_combination({5}), 3650, 1),
               std::invalid_argument);
  EXPECT_THROW(walk_forward_search(rows, kFolds, one_combination({}), 3650, 1),
               std::invalid_argument);
  EXPECT_THROW(walk_forward_search(rows, kFolds, one_combination({0}), 3650, 1),
               std::invalid_argument);
}

TEST(ParameterSearch, TheDefaultGridIsTheDocumentedOneAroundTheBuiltInChoice) {
  ParameterGrid g = default_parameter_grid();
  EXPECT_EQ(g.eta, (std::vector<std::string>{"0.05", "0.1"}));
  EXPECT_EQ(g.max_depth, (std::vector<std::string>{"4", "6"}));
  EXPECT_EQ(g.min_child_weight, (std::vector<std::string>{"10", "50"}));
  EXPECT_EQ(g.lambda, (std::vector<std::string>{"1", "10"}));
  EXPECT_EQ(g.subsample, (std::vector<std::string>{"0.8"}));
  EXPECT_EQ(g.rounds, (std::vector<int>{150, 300, 600}));
}

}  // namespace
}  // namespace nbaprops::predict
