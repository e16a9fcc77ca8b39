// The data gradient_boosting learns from (04-predictions.md §6): the model's view of a feature
// row (60 floats, NaN for what is not the player's own value), the training rows of a cutoff C
// read from the store, and the hash that identifies them in the model registry.
//
// model_features and training_data_hash are pure (any thread). load_training_rows reads the
// store (one thread, like every Store use).
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "predict/player_day.h"
#include "predict/xgb_model.h"
#include "store/store.h"

namespace nbaprops::predict {

inline constexpr int kTrainingWindowDays = 730;

using ModelFeatures = std::array<float, kFeatureCount>;

// The 60 features as 32-bit floats: NaN where the value is NULL or its label (when `sources`
// is given) is default-like (`default`, `missing`); never a default value.
ModelFeatures model_features(const Features& features, const FeatureSources* sources);

// One training row: a player-game with its features and the points he scored.
struct TrainingRow {
  Date game_date;
  std::string player_lookup;
  ModelFeatures x{};
  float label = 0;             // pts of that game (player_game_summary)
  std::optional<double> line;  // his points line that day (feature 25, vegas_points_line)
};

// ml_feature_store rows with cutoff - 730 <= game_date < cutoff and feature_version =
// precompute::kFeatureVersion, of any feature_quality_score (issue 12: every row, what is not
// his own value left missing, NaN), whose player appeared that day
// (his player_game_summary row of the date: player_status active, minutes > 0); label = that
// row's pts. Rows in (game_date, player_lookup) order. Throws StoreError.
// `window_days` replaces the 730 days (issue 12: a longer window trains on earlier seasons).
std::vector<TrainingRow> load_training_rows(Store& store, Date cutoff,
                                            int window_days = kTrainingWindowDays);

// The rows' features as one row-major matrix, and their labels.
DenseMatrix feature_matrix(std::span<const TrainingRow> rows);
std::vector<float> labels_of(std::span<const TrainingRow> rows);

// Lowercase hex SHA-256 of the feature matrix bytes (row-major float32, as in memory) followed
// by the label bytes: what the registry compares to reuse a model.
std::string training_data_hash(std::span<const TrainingRow> rows);

// Lowercase hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace nbaprops::predict
