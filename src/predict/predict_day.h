// Predicting one date D (04-predictions.md §1-2): the candidates, the player-level skips, every
// requested system per player, then the ensemble from the base systems' stored values.
//
// load_predict_inputs reads the store (Phase 3/4 rows of D, the TDZA rows of the 90 days
// before, the player_game_summary history, D's prop lines); attach_model adds the
// gradient_boosting model of C(D) (model_registry.h gets or trains it) and the calibrators of
// C(D) fill p_over / ev_over / ev_under (points_calibration.h); predict_date is a pure
// function of those inputs (rows in key order, processed_at NULL; gradient_boosting predicts
// every eligible player of D in one batched model call); write_predictions replaces D's rows in
// player_prop_predictions and prediction_skips, each in one transaction.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "analytics/history.h"
#include "core/date.h"
#include "core/value.h"
#include "predict/gradient_boosting.h"
#include "predict/model_registry.h"
#include "predict/player_day.h"
#include "predict/points_calibration.h"
#include "predict/recommendation.h"
#include "predict/systems.h"
#include "store/store.h"

namespace nbaprops::predict {

// How far back D's inputs reach in Phase 4 rows: team_defense_zone_analysis of analysis dates
// D - 90 .. D (the opponent tier of similarity's past games).
inline constexpr int kDefenseLookbackDays = 90;

// The line of a player for D (UPGC's current_points_line and bookmaker; snapshot time and
// prices from that book's chosen prop_lines snapshot when it gives the same line).
struct LineInfo {
  std::optional<double> line;
  std::optional<std::string> bookmaker, snapshot_at;
  std::optional<int64_t> over_price, under_price;
};

struct Candidate {
  std::string player_lookup;
  std::optional<std::string> injury_status;
  bool has_features = false;  // an ml_feature_store row of D
  std::optional<Features> features;
  std::optional<FeatureSources> feature_sources;  // labels of `features`
  std::optional<double> feature_quality_score;
  std::optional<std::string> game_id, team_abbr, opponent_abbr, feature_version, quality_tier;
  std::optional<double> attempts_per_game;
  LineInfo line;
};

struct PredictInputs {
  Date d;
  std::vector<Candidate> candidates;  // player_lookup order
  DefenseByDate defense;              // TDZA rows, analysis dates D - 90 .. D
  std::unordered_map<std::string, std::vector<PlayerGame>> history;  // dates < D
  // gradient_boosting: the model of C(D) (shared, immutable); null -> every player declines
  // with no_model and `no_model_detail`.
  std::shared_ptr<const GbModel> model;
  std::string no_model_detail = "no model loaded";
  // The calibrators of C(D) (shared, immutable): a system's rows get p_over, ev_over and
  // ev_under from its calibrator; null (or a system without one) -> NULL.
  std::shared_ptr<const PointsCalibrators> calibrators;
  // The optional feature-quality filter (issue 12): a player whose feature_quality_score is
  // below it is skipped (quality_too_low); 0, the default, predicts every player with features.
  double min_quality = 0;
};

// What a caller may already hold in memory: the runner's game summaries, loaded from
// `history_from`. Used instead of reading player_game_summary when they cover the dates the
// systems read (from the season start of D - 90); the values are the stored ones.
struct PredictSources {
  const analytics::Phase3History* history = nullptr;
  Date history_from;
};

// REQUIRES: the store holds Phases 3-4 for D. Throws StoreError. The inputs carry no model
// (attach_model adds it).
PredictInputs load_predict_inputs(Store& store, Date d, const PredictSources& sources = {});

// Sets in.model (and the no_model detail) from get_or_train_model's answer for in.d.
void attach_model(PredictInputs& in, const ModelForDate& model);

struct PredictOutput {
  std::vector<Row> predictions, skips;  // key order; processed_at NULL
  size_t candidates = 0;
};

// Runs `systems` (ids of all_systems(); empty = all) with `thresholds` (missing ids: defaults).
PredictOutput predict_date(const PredictInputs& in, const std::vector<std::string>& systems,
                           const std::map<std::string, Thresholds>& thresholds = {});

// Models already fetched, by cutoff: a run over many dates gets each cutoff's model once.
// Thread-safe.
class ModelCache {
 public:
  // The model of C(D): the cached one, else get_or_train_model's (then cached).
  ModelForDate get(Store& store, Date d, const ModelOptions& options,
                   const std::string& processed_at);

 private:
  std::mutex mutex_;
  std::map<std::pair<int, int>, ModelForDate> by_cutoff_;  // (retrain_every, cutoff) -> model
};

// What a date is predicted with, the same for every date of a run: `predict`, the runner and
// the backtest pass the same settings.
struct PredictSettings {
  std::vector<std::string> systems;              // ids of all_systems(); empty = all
  std::map<std::string, Thresholds> thresholds;  // missing ids: defaults
  // gradient_boosting: where its models live (model_registry.h). Without it the system
  // declines every player with no_model.
  std::optional<ModelOptions> models;
  double min_quality = 0;  // PredictInputs::min_quality: 0 = no quality gate (issue 12)
};

// The state of one run of predictions: when it runs, and the models already fetched.
struct PredictRuntime {
  std::string processed_at;                 // stamped on model_registry rows written
  std::shared_ptr<ModelCache> model_cache;  // optional: shared between dates (and runs)
  // P(over) and EV from prediction_grades (points_calibration.h): null, the rows keep NULL
  // (the backtest, whose grades are its own tables and whose money report calibrates itself).
  std::shared_ptr<CalibratorCache> calibrators;
  // Used instead of `calibrators` when set: the fits every date of this runtime is predicted
  // with (the backtest's, fitted on its own grades of one cutoff).
  std::shared_ptr<const PointsCalibrators> fixed_calibrators;
};

// The step of the cutoff grid the settings predict with (the models', else the default).
int retrain_every_days(const PredictSettings& settings);

// Whether `systems` (empty = all) runs gradient_boosting.
bool runs_gradient_boosting(const std::vector<std::string>& systems);

// The gradient_boosting model of C(D) when `settings` runs it with models (from the cache, the
// registry, or trained and registered: writes the model file and registry row), else nullopt.
// Throws StoreError, XgbError, ModelFileError.
std::optional<ModelForDate> resolve_model(Store& store, Date d, const PredictSettings& settings,
                                          const PredictRuntime& runtime);

// D's inputs with the settings' quality gate and, when given, the model: what predict_date reads.
// REQUIRES: the store holds Phases 3-4 for D. Throws StoreError.
PredictInputs load_for_prediction(Store& store, Date d, const PredictSettings& settings,
                                  const std::optional<ModelForDate>& model,
                                  const PredictSources& sources = {});

// The one way a date is predicted from the store: load_predict_inputs, the model of C(D)
// (resolve_model), the calibrators of C(D) when runtime.calibrators (or fixed_calibrators) is
// set, predict_date. Writes
// only when a model is trained (model file and registry row). REQUIRES: the store holds Phases 3-4
// for D. Throws StoreError, XgbError, ModelFileError.
PredictOutput predict_from_store(Store& store, Date d, const PredictSettings& settings,
                                 const PredictRuntime& runtime, const PredictSources& sources = {});

// Replaces D's rows of both tables (default player_prop_predictions and prediction_skips; the
// backtest passes backtest_predictions and backtest_skips). Throws StoreError.
void write_predictions(Store& store, Date d, PredictOutput out, const std::string& processed_at,
                       const TableSchema* predictions_table = nullptr,
                       const TableSchema* skips_table = nullptr);

}  // namespace nbaprops::predict
