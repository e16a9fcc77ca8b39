#include "pipeline/backtest.h"

#include <fmt/format.h>

#include <future>
#include <memory>
#include <mutex>

#include "core/thread_pool.h"
#include "pipeline/catalog.h"
#include "pipeline/runner.h"
#include "pipeline/scheduler.h"
#include "precompute/ml_feature_store.h"
#include "predict/line_anchored.h"
#include "predict/model_registry.h"
#include "predict/points_calibration.h"
#include "predict/tables.h"
#include "raw/schema.h"

namespace nbaprops::pipeline {

using namespace predict;  // the backtest replays predict and grade

const Record<GameDateView>& game_date_view() {
  static const Record<GameDateView> r =
      Record<GameDateView>().field("game_date", &GameDateView::game_date);
  return r;
}

namespace {

std::vector<Condition> range_of(const std::string& column, Date from, Date to) {
  return {{column, ">=", format_date(from)}, {column, "<=", format_date(to)}};
}

std::vector<Date> dates_with_games(Store& store, Date from, Date to) {
  const TableSchema& games = *find_table("games");
  const auto& view = game_date_view();
  const RowBinding binding = view.bind(games);
  std::set<Date> dates;
  store.scan_columns(games, view.wanted(games), range_of("game_date", from, to),
                     [&](const Row& row) {
                       if (auto d = view.read(binding, row).game_date) dates.insert(*d);
                     });
  return {dates.begin(), dates.end()};
}

// Builds Phases 3-4 where D's inputs are missing: the dates with games from D1 - 90 (the
// TDZA rows predict_day reads) to D2 whose ml_feature_store partition is empty, in one run over
// their span (partitions of the span already there and unchanged are skipped).
std::vector<Date> build_missing_inputs(Store& store, const BacktestOptions& o, std::ostream& log) {
  std::vector<Date> missing;
  const TableSchema& mlfs = precompute::ml_feature_store_table();
  for (Date d : dates_with_games(store, Date{o.from.days - kDefenseLookbackDays}, o.to)) {
    if (store.count(mlfs, {{"game_date", "=", format_date(d)}}) == 0) missing.push_back(d);
  }
  if (missing.empty()) return missing;
  RunOptions run;
  run.mode = analytics::RunMode::kBackfill;
  run.phases = {3, 4};
  run.threads = o.threads;
  run.resume = true;
  run.store_location = o.store_location;
  log << fmt::format("backtest: building Phases 3-4 for {} date(s) from {} to {}\n", missing.size(),
                     format_date(missing.front()), format_date(missing.back()));
  run_pipeline(store, missing.front(), missing.back(), run, log);
  return missing;
}

// Empties the backtest tables on the dates of [from, to] without games (rows of an earlier
// backtest, before the schedule changed), in one transaction.
void clear_dates_without_games(Store& store, const BacktestOptions& o,
                               const std::vector<Date>& with_games) {
  std::set<Date> keep(with_games.begin(), with_games.end());
  Transaction tx(store);
  for (Date d = o.from; d <= o.to; d = Date{d.days + 1}) {
    if (keep.count(d)) continue;
    for (const TableSchema* t :
         {&backtest_predictions_table(), &backtest_skips_table(), &backtest_grades_table()}) {
      store.erase(*t, {{"game_date", "=", format_date(d)}});
    }
  }
  tx.commit();
}

// Connections for the workers: each task borrows one for its date and gives it back.
class ReaderPool {
 public:
  ReaderPool(const std::string& location, int n) {
    for (int i = 0; i < n; ++i) {
      owned_.push_back(open_store(location));
      free_.push_back(owned_.back().get());
    }
  }
  BacktestDay run(Date d, const PredictSettings& settings, const PredictRuntime& runtime) {
    Store* s = take();
    struct Return {
      ReaderPool* pool;
      Store* store;
      ~Return() { pool->give(store); }
    } back{this, s};
    return backtest_day(*s, d, settings, runtime);
  }

 private:
  Store* take() {
    std::lock_guard lock(mutex_);
    Store* s = free_.back();
    free_.pop_back();
    return s;
  }
  void give(Store* s) {
    std::lock_guard lock(mutex_);
    free_.push_back(s);
  }
  std::vector<std::unique_ptr<Store>> owned_;
  std::vector<Store*> free_;
  std::mutex mutex_;
};

// Writes one computed date and adds it to the pooled figures.
void write_day(Store& store, Date d, BacktestDay day, const BacktestOptions& o,
               BacktestResult& result, std::ostream& log) {
  const TableSchema& preds = backtest_predictions_table();
  size_t version = preds.column_index("model_version");
  for (const Row& row : day.predictions.predictions) {
    if (const auto* v = std::get_if<std::string>(&row[version])) result.model_versions.insert(*v);
  }
  int64_t n_preds = static_cast<int64_t>(day.predictions.predictions.size());
  int64_t n_skips = static_cast<int64_t>(day.predictions.skips.size());
  int64_t n_grades = static_cast<int64_t>(day.grades.rows.size());
  int64_t pending = 0;
  for (const auto& [system, n] : day.grades.pending) pending += n;
  result.pooled.add(day.grades);
  write_predictions(store, d, std::move(day.predictions), o.processed_at, &preds,
                    &backtest_skips_table());
  write_grades(store, d, std::move(day.grades.rows), o.processed_at, &backtest_grades_table());
  result.predictions += n_preds;
  result.skips += n_skips;
  result.grades += n_grades;
  log << fmt::format("backtest {}: {} predictions, {} skip records, {} grades, {} pending\n",
                     format_date(d), n_preds, n_skips, n_grades, pending);
}

}  // namespace

BacktestDay backtest_day(Store& store, Date d, const PredictSettings& settings,
                         const PredictRuntime& runtime) {
  BacktestDay day;
  day.predictions = predict_from_store(store, d, settings, runtime);
  day.grades = grade_predictions(store, d, day.predictions.predictions);
  return day;
}

namespace {
BacktestResult run_dates(Store& store, const BacktestOptions& o, const PredictRuntime& runtime,
                         BacktestResult result, std::ostream& log);
}  // namespace

BacktestResult run_backtest(Store& store, const BacktestOptions& o, std::ostream& log) {
  BacktestResult result;
  result.dates = dates_with_games(store, o.from, o.to);
  result.built = build_missing_inputs(store, o, log);
  clear_dates_without_games(store, o, result.dates);
  // gradient_boosting: each cutoff's model is fetched (or trained and registered) once, here,
  // through the writing connection; the dates then share it from the cache.
  // No P(over) in backtest_predictions: the money report calibrates from the backtest grades.
  PredictRuntime runtime{o.processed_at, std::make_shared<ModelCache>(), nullptr, nullptr};
  for (Date d : result.dates) resolve_model(store, d, o.predict, runtime);
  return run_dates(store, o, runtime, std::move(result), log);
}

namespace {

// The range's dates grouped by their cutoff C(D), in date order.
std::vector<std::vector<Date>> dates_by_cutoff(Store& store, const std::vector<Date>& dates,
                                               int retrain_every) {
  std::vector<std::vector<Date>> groups;
  std::optional<Date> current;
  for (Date d : dates) {
    Date c = cutoff_for(store, d, retrain_every);
    if (!current || !(*current == c)) groups.emplace_back();
    current = c;
    groups.back().push_back(d);
  }
  return groups;
}

BacktestResult run_dates(Store& store, const BacktestOptions& o, const PredictRuntime& runtime,
                         BacktestResult result, std::ostream& log) {
  int threads = ThreadPool::threads_for(o.threads);
  const bool parallel = threads > 1 && !o.store_location.empty() && result.dates.size() > 1;
  result.threads = parallel ? threads : 1;
  // Workers compute dates, each through its own connection; the calling thread writes them
  // in date order (scheduler.h, as the runner does).
  std::unique_ptr<ReaderPool> readers;
  std::unique_ptr<ThreadPool> pool;
  if (parallel) {
    readers = std::make_unique<ReaderPool>(o.store_location, threads);
    pool = std::make_unique<ThreadPool>(threads);
  }
  // One cutoff's dates at a time: line_anchored's shrinkage of C is fitted on the backtest's
  // own grades of [C - 14, C) (walk-forward, like the money report's calibrators), all written
  // by the earlier groups. No P(over) calibrators here: the money report calibrates itself.
  const int every = retrain_every_days(o.predict);
  for (const std::vector<Date>& dates : dates_by_cutoff(store, result.dates, every)) {
    Date cutoff = cutoff_for(store, dates.front(), every);
    auto fits = std::make_shared<PointsCalibrators>();
    fits->cutoff = cutoff;
    auto anchored = result.pooled.by_system.find(std::string(kAnchorBase));
    if (anchored != result.pooled.by_system.end()) {
      CalibrationOptions c;
      fits->line_shrinkage =
          fit_line_shrinkage(anchored->second, cutoff, c.calibration_days, c.min_rows);
    }
    log << fmt::format("backtest: cutoff {}: line_anchored a = {:.2f} ({} rows{})\n",
                       format_date(cutoff), fits->line_shrinkage.a, fits->line_shrinkage.rows,
                       fits->line_shrinkage.fitted ? "" : ", too few: not fitted");
    PredictRuntime group = runtime;
    group.fixed_calibrators = fits;
    pipelined(
        pool.get(), dates.size(),
        [&](size_t i) {
          return readers ? readers->run(dates[i], o.predict, group)
                         : backtest_day(store, dates[i], o.predict, group);
        },
        [&, i = size_t{0}](BacktestDay day) mutable {
          write_day(store, dates[i++], std::move(day), o, result, log);
        });
  }
  return result;
}

}  // namespace

}  // namespace nbaprops::pipeline
