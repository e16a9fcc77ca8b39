// gradient_boosting (04-predictions.md §6): an XGBoost regression model on the 60 store features,
// trained walk-forward. A model for date D is trained only on rows dated before its cutoff
// C(D) <= D; every date with the same cutoff shares it.
//
// model_cutoff, train_gradient_boosting, gradient_boosting_confidence and gradient_boosting are
// pure functions (training is a function of its rows, the parameters and the library version:
// one thread per model, fixed row order), safe to call from several threads at once. A GbModel
// is immutable and may be shared by any number of threads (model_registry.h loads them).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/date.h"
#include "predict/estimate.h"
#include "predict/player_day.h"
#include "predict/training_set.h"
#include "predict/xgb_model.h"

namespace nbaprops::predict {

inline constexpr int kDefaultRetrainEveryDays = 7;
inline constexpr int kValidationDays = 14;
inline constexpr size_t kMinTrainingRows = 2000;
inline constexpr size_t kMinValidationRows = 200;

// C(D) = s + k * floor((D - s) / k), s = opening night of D's season, k = retrain_every_days.
// Floor division, so C(D) <= D also for a date before opening night (its cutoff is then the
// last grid date at or before D, counted back from s).
// REQUIRES: retrain_every_days >= 1.
Date model_cutoff(Date d, Date opening_night, int retrain_every_days = kDefaultRetrainEveryDays);

// The parameters chosen by walk-forward validation (issue 12; they replace §6's library
// defaults): eta 0.05, max_depth 4, min_child_weight 50, subsample 0.8, colsample_bytree 0.8,
// lambda 10, alpha 0, max_bin 256, objective reg:squarederror, tree_method hist, seed 0,
// nthread 1; 300 rounds. Recorded in the registry's params and so stored with the model.
const XgbParams& gradient_boosting_params();
// The parameters as a compact JSON object with sorted keys and "rounds" (the registry's params).
std::string params_json(const XgbParams& params);

// The result of training for one cutoff.
struct TrainedModel {
  Date cutoff;
  std::string model_json;  // the final model (all rows) in XGBoost's JSON format
  std::string training_data_hash;
  Date train_start, train_end;  // first and last training rows
  int64_t training_rows = 0;
  std::optional<Date> validation_start, validation_end;  // first and last rows in [C-14, C)
  int64_t validation_rows = 0;
  // Fit on rows before C - 14, predicted on [C - 14, C); NULL when fewer than 200 rows there
  // or none before C - 14. validation_line_mae: |line - points| over the rows with a line.
  std::optional<double> validation_mae, validation_line_mae;
};

// Trains the model for `cutoff` from `rows` (as load_training_rows gives them): validation fit,
// then the final fit on every row. nullopt when there are fewer than 2,000 rows.
// Throws std::invalid_argument when a row is dated on or after the cutoff (the walk-forward
// guard) or rows are not in (game_date, player_lookup) order; XgbError from the library.
std::optional<TrainedModel> train_gradient_boosting(
    std::span<const TrainingRow> rows, Date cutoff,
    const XgbParams& params = gradient_boosting_params());

// 70 + q + c: q from feature_quality_score (>= 90 +10, >= 80 +7, else +5); c from
// points_std_last_10 (< 4 +10, < 6 +7, < 8 +5, else or NULL +2).
double gradient_boosting_confidence(std::optional<double> quality,
                                    std::optional<double> points_std_last_10);

// A registered model, loaded: immutable, shared by every date with its cutoff.
struct GbModel {
  std::string model_version;  // gb-YYYYMMDD-<8 hex>
  Date cutoff;
  XgbModel booster;
};

// One player to predict: his stored features, their labels and feature_quality_score.
struct GbPlayer {
  const Features* features = nullptr;       // REQUIRES: not null
  const FeatureSources* sources = nullptr;  // null: no labels (only NULLs are missing)
  std::optional<double> quality;
};

// Every player's estimate from one batched model call (raw = model output, confidence above,
// model_version set); without a model every player declines with no_model and `no_model_detail`.
// Results in the order of `players`. Throws XgbError.
std::vector<SystemResult> gradient_boosting(const GbModel* model, std::span<const GbPlayer> players,
                                            const std::string& no_model_detail);

}  // namespace nbaprops::predict
