// Phase 5 as nodes of the processor graph (05-pipeline.md §1): player_prop_predictions and
// prediction_grades of a date. Unlike the Phase 3-4 processors they are store stages: the
// runner runs them for each date after the Phase 3-4 partitions of the run are written, on
// the calling thread, because they read what the store holds (D's feature rows, the TDZA rows
// of earlier analysis dates, the model registry) through the same code as `nbaprops predict`
// and `nbaprops grade`, so a date predicted by the runner equals a date predicted alone.
#pragma once

#include <vector>

#include "analytics/processor.h"
#include "core/date.h"
#include "core/table_schema.h"
#include "predict/predict_day.h"
#include "store/store.h"

namespace nbaprops::pipeline {

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

// The predictions of D (player_prop_predictions, prediction_skips). Throws StoreError.
// `sources`: the run's in-memory summaries (read instead of the stored ones when they cover
// what the systems read).
StageOutput predictions_stage(Store& store, Date d, const predict::PredictOptions& options,
                              const predict::PredictSources& sources);

// The grades of D's stored predictions (prediction_grades, system_performance,
// system_performance_buckets). Predictions of games not final yet stay pending (counted in
// system_performance). Throws StoreError.
StageOutput grades_stage(Store& store, Date d, const predict::PredictOptions& options,
                         const predict::PredictSources& sources);

}  // namespace nbaprops::pipeline
