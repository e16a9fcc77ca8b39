// The walk-forward parameter search of gradient_boosting (issue 12: "parameters chosen by a
// documented walk-forward validation on prior seasons"): every combination of a small grid is
// trained, for each fold, on the rows dated before the fold's validation season only, and
// scored by its MAE on that season's rows. The combination with the lowest mean MAE over the
// folds is chosen; the training fit never enters the score.
//
// walk_forward_search is a pure function of its arguments and the library version: each model
// is trained with one XGBoost thread on a fixed row order, models run on `threads` threads and
// their results land in fixed slots, so the table is the same for any thread count.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/date.h"
#include "predict/training_set.h"
#include "predict/xgb_model.h"

namespace nbaprops::predict {

// The values tried per parameter (strings as XGBoosterSetParam takes them). The other
// parameters are gradient_boosting_params()'s. `rounds` costs one model per combination of the
// rest: it is trained for the largest value and scored after each listed number of trees.
struct ParameterGrid {
  std::vector<std::string> eta, max_depth, min_child_weight, lambda, subsample;
  std::vector<int> rounds;
};

// The documented default grid around the issue's choice (docs/decisions.md, "Parameter
// search"): eta 0.05 / 0.1, max_depth 4 / 6, min_child_weight 10 / 50, lambda 1 / 10,
// subsample 0.8, rounds 150 / 300 / 600 (16 models a fold, 48 scored combinations).
ParameterGrid default_parameter_grid();

// One fold: validate on the rows dated in [validate_from, validate_to); train on the rows dated
// in [validate_from - training_days, validate_from).
struct SearchFold {
  std::string name;  // e.g. "2023-24"
  Date validate_from, validate_to;
};

// A fold's rows, as indexes into the searched rows (in (game_date, player_lookup) order).
struct FoldRows {
  size_t train_begin = 0, train_end = 0;        // [begin, end): dated before validate_from
  size_t validate_begin = 0, validate_end = 0;  // dated in [validate_from, validate_to)
  std::optional<double> line_mae;               // the line as the prediction, lined rows
};
// REQUIRES: rows in (game_date, player_lookup) order.
FoldRows fold_rows(std::span<const TrainingRow> rows, const SearchFold& fold, int training_days);

// One scored combination.
struct SearchRow {
  XgbParams params;              // gradient_boosting_params() with the grid's values
  std::vector<double> fold_mae;  // per fold, in the folds' order
  double mean_mae = 0;           // the mean of fold_mae: the score
};

struct SearchResult {
  std::vector<FoldRows> folds;
  std::vector<SearchRow> rows;  // grid order (eta, max_depth, min_child_weight, lambda,
                                // subsample, rounds; each in the order given)
  size_t best = 0;              // the lowest mean_mae; the first in grid order on a tie
};

// Trains and scores every combination of `grid` on every fold.
// REQUIRES: rows in (game_date, player_lookup) order; every list of `grid` non-empty; rounds
// >= 1; threads >= 1. Throws std::invalid_argument when a fold has no training or no validation
// rows; XgbError from the library.
SearchResult walk_forward_search(std::span<const TrainingRow> rows,
                                 std::span<const SearchFold> folds, const ParameterGrid& grid,
                                 int training_days, int threads);

}  // namespace nbaprops::predict
