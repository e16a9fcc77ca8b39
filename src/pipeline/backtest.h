// The backtest of 04-predictions.md §9: replays predicting and grading over a date range into
// backtest_predictions, backtest_skips and backtest_grades (the live schemas), never touching
// the live tables, and pools the range's figures.
//
// For each date with games in [from, to] (a `games` row dated D, whatever its status: the
// runner's definition): D's inputs are built first when missing: every date with games from
// D1 - 90 (the TDZA rows a prediction reads) to D2 whose ml_feature_store partition is empty
// gets Phases 3-4 (run_pipeline, backfill mode, over the missing dates' span); then
// `backtest_day` predicts D exactly as `predict` does (predict_from_store) and grades the
// result as `grade` does (grade_predictions). Each date reads only data before it plus D's own
// box scores and lines, and writes nothing another date reads, so dates are computed in
// parallel, one Store connection per worker; the calling thread writes them in date order,
// each table's date partition in one transaction. Outputs are byte-identical for any thread
// count. A rerun replaces the range's rows (dates of the range without games are emptied).
// Dates run one model cutoff C at a time (in parallel within it): line_anchored's shrinkage of
// C is fitted first on the backtest's own ensemble grades of [C - 14, C), walk-forward
// (predict/line_anchored.h); the log prints it per cutoff.
//
// gradient_boosting (§9 step 2), when it joins through PredictSettings: training a model writes
// model_registry, so the models of the range's cutoffs should be registered on the calling
// thread before the dates are computed in parallel (after the missing inputs are built).
//
// Not thread-safe: one backtest per Store at a time.
#pragma once

#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/record.h"
#include "predict/grade_day.h"
#include "predict/performance.h"
#include "predict/predict_day.h"
#include "store/store.h"

namespace nbaprops::pipeline {

// What the backtest reads of a `games` row (its dates with games): the game's date, read
// through this compact record of the raw table (bound once per scan, only this column fetched;
// a row of another width is refused).
struct GameDateView {
  std::optional<Date> game_date;  // NULL: the row is skipped
};
const Record<GameDateView>& game_date_view();

struct BacktestOptions {
  Date from, to;
  predict::PredictSettings predict;
  int threads = 0;  // 0: the machine's hardware threads; 1: the calling thread alone
  // The store's location (as given to open_store): with threads > 1, each worker reads through
  // its own connection to it; empty: everything runs on the calling thread.
  std::string store_location;
  std::string processed_at;  // stamped on every row written
};

// One date of the backtest: predictions and skip records as `predict` makes them, and their
// grades. Reads only.
struct BacktestDay {
  predict::PredictOutput predictions;
  predict::DayGrades grades;
};

// The per-date seam: predicts D with `settings` (the same call as `predict`) and grades it.
// REQUIRES: the store holds Phases 3-4 for D. Throws StoreError.
BacktestDay backtest_day(Store& store, Date d, const predict::PredictSettings& settings,
                         const predict::PredictRuntime& runtime);

struct BacktestResult {
  std::vector<Date> dates;  // with games, in [from, to]
  std::vector<Date> built;  // dates (from D1 - 90) whose Phases 3-4 were missing and were built
  int64_t predictions = 0, skips = 0, grades = 0;
  predict::PooledGrades pooled;          // the range, in date then key order
  std::set<std::string> model_versions;  // non-NULL model_version values of the predictions
  int threads = 1;                       // threads that computed dates
};

// Runs the backtest of [from, to]; pipeline and per-date lines go to `log`.
// Throws StoreError (dates written before the error stay).
BacktestResult run_backtest(Store& store, const BacktestOptions& options, std::ostream& log);

}  // namespace nbaprops::pipeline
