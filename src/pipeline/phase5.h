// Phase 5 as nodes of the processor graph (05-pipeline.md §1): player_prop_predictions and
// prediction_grades of a date (Phase 6, best_bets, follows the same shape: phase6.h). They run
// for each date after the run's Phase 3-4 partitions are written, on the calling thread, in
// two steps like every processor: the runner loads a stage's inputs of D from the store
// (`load`: reads only; D's feature rows, the TDZA rows of earlier analysis dates, the stored
// predictions...) and the stage computes its partitions from them (`stage`: a pure function,
// no store, no clock). The models are resolved by the runner before the date loop (training
// and registering any that are missing), so a stage never trains, registers or writes. A
// date predicted by the runner equals a date predicted alone (`nbaprops predict`, the same
// load and predict_date).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analytics/processor.h"
#include "core/date.h"
#include "core/table_schema.h"
#include "picks/best_bets.h"
#include "predict/grade_day.h"
#include "predict/markets/market_day.h"
#include "predict/predict_day.h"
#include "store/store.h"

namespace nbaprops::pipeline {

struct MarketRun;  // market_stage.h

// One partition of D to replace.
struct StagePartition {
  const TableSchema* table = nullptr;
  std::vector<Row> rows;  // key order, processed_at NULL
};

// What a stage produced for D: its own table's partition first, then the others it fills
// (prediction_skips; system_performance and its buckets).
struct StageOutput {
  std::vector<StagePartition> partitions;
  std::vector<analytics::FailedEntity> failed;
};

// What every stage of a run shares: the settings, the clock reading of the stage's run, the
// models resolved before the date loop, and the run's in-memory summaries.
struct StageContext {
  const predict::PredictSettings* settings = nullptr;
  std::string processed_at;  // the runner's stamp for this stage of D (new picks' publish time)
  // The gradient_boosting model of each date the run predicts (absent: the system does not
  // run with models).
  const std::map<Date, predict::ModelForDate>* models = nullptr;
  predict::PredictSources sources;
  // market_predictions (market_stage.h): the market models' inputs and models of the run's
  // dates, and the run's first date (the date before it only grades its stored rows).
  const MarketRun* markets = nullptr;
  Date from;
  // player_prop_predictions: the calibrators of each cutoff (P(over), EV), read from
  // prediction_grades when the cutoff's first date loads, after the run wrote the grades of
  // every earlier date (docs/predictions.md §3); null: the columns stay NULL.
  predict::CalibratorCache* calibrators = nullptr;
  // player_prop_predictions rows the run's predictions stage computed, by date, in key order
  // (processed_at NULL: the writer stamps it, and no reader of them reads it). The stages after
  // it on the same date (grades, best bets) read these instead of the rows just stored.
  const std::map<Date, std::vector<Row>>* predicted = nullptr;
};

// A stage's inputs of D, as its `load` read them (each stage fills its own members).
struct StageInputs {
  Date d;
  std::optional<predict::PredictInputs> predict;  // player_prop_predictions
  std::optional<predict::DayGrades> grades;       // prediction_grades
  std::vector<picks::Candidate> candidates;       // best_bets: D's predictions as candidates
  std::vector<picks::Pick> published;             // best_bets: D's picks already published
  // market_predictions: D's upcoming_player_game_context players and its stored rows.
  std::vector<predict::markets::UpcomingPlayer> upcoming;
  std::vector<predict::markets::MarketPredictionRecord> stored_markets;
};

// The model of D from `context` (nullopt: none resolved).
std::optional<predict::ModelForDate> resolved_model(const StageContext& context, Date d);
// D's player_prop_predictions rows the run computed (context.predicted), or null: read them
// from the store.
const std::vector<Row>* predicted_rows(const StageContext& context, Date d);

// player_prop_predictions: loads D's candidates, features, defence and history (the run's
// summaries when they cover them) with the resolved model and C(D)'s calibrators; predicts
// with predict_date.
StageInputs load_predictions(Store& store, Date d, const StageContext& context);
StageOutput predictions_stage(StageInputs in, const StageContext& context);

// prediction_grades: grades D's predictions (the run's own when it predicted D, else the
// stored ones; predict/grade_day.h reads the games, lines and D's summaries); the stage adds
// system_performance and its buckets.
// Predictions of games not final yet stay pending (counted in system_performance).
StageInputs load_grades(Store& store, Date d, const StageContext& context);
StageOutput grades_stage(StageInputs in, const StageContext& context);

}  // namespace nbaprops::pipeline
