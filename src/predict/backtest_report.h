// What a backtest reports (04-predictions.md §9): the pooled figures per system plus the
// `market` line as backtest_summary rows, and the files summary.csv, buckets.csv and
// models.csv. Rows and files are deterministic: the same pooled grades give the same bytes.
// Store functions use one Store on the calling thread.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "core/date.h"
#include "predict/performance.h"
#include "predict/predict_day.h"
#include "predict/recommendation.h"
#include "store/store.h"

namespace nbaprops::predict {

// The thresholds `options` put in force for `system_id` (its own, else the defaults).
Thresholds thresholds_in_force(const PredictSettings& options, const std::string& system_id);

// backtest_summary rows (processed_at NULL): one per system of `pooled`, by system_id, with
// its thresholds in force, then `market` (the line as the prediction over every graded lined
// player-game; NULL thresholds).
std::vector<Row> backtest_summary_rows(Date from, Date to, const PooledGrades& pooled,
                                       const PredictSettings& options);

// Replaces the backtest_summary rows of (from, to) in one transaction. Throws StoreError.
void write_backtest_summary(Store& store, Date from, Date to, std::vector<Row> rows,
                            const std::string& processed_at);

// summary.csv: `rows` (backtest_summary_rows) with backtest_summary's columns but
// processed_at, in the given order.
void write_summary_csv(const std::vector<Row>& rows, const std::filesystem::path& file);

// buckets.csv: from_date, to_date, system_id, kind, bucket and the bucket columns
// (tables.h bucket_columns), the edge and confidence tables of every system by system_id.
void write_buckets_csv(Date from, Date to, const PooledGrades& pooled,
                       const std::filesystem::path& file);

// models.csv: model_version, cutoff_date, training_rows, validation_mae, validation_line_mae
// of each of `versions` (in order) from table model_registry (04 §6); only the header when
// the store has no such table, empty cells for a version it does not list. Throws StoreError.
void write_models_csv(Store& store, const std::set<std::string>& versions,
                      const std::filesystem::path& file);

}  // namespace nbaprops::predict
