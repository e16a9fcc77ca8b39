#include "predict/parameter_search.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "predict/gradient_boosting.h"

namespace nbaprops::predict {
namespace {

// One model to train: a combination of the grid without rounds, on one fold.
struct Job {
  XgbParams params;  // rounds = the largest of the grid
  size_t fold = 0;
  size_t first_row = 0;  // its first SearchRow (one per value of rounds)
};

XgbParams with_values(const std::vector<std::pair<std::string, std::string>>& chosen) {
  XgbParams p = gradient_boosting_params();
  for (const auto& [name, value] : chosen) {
    for (auto& [key, current] : p.values) {
      if (key == name) current = value;
    }
  }
  return p;
}

size_t lower_index(std::span<const TrainingRow> rows, Date d) {
  return static_cast<size_t>(
      std::partition_point(rows.begin(), rows.end(),
                           [&](const TrainingRow& r) { return r.game_date < d; }) -
      rows.begin());
}

double mae(std::span<const float> predicted, std::span<const TrainingRow> held) {
  double err = 0;
  for (size_t i = 0; i < held.size(); ++i) {
    err += std::abs(static_cast<double>(predicted[i]) - held[i].label);
  }
  return err / static_cast<double>(held.size());
}

// Trains `job` and writes the fold MAE of each value of rounds into its rows.
void run_job(const Job& job, std::span<const TrainingRow> rows, const FoldRows& f,
             const std::vector<int>& rounds, std::vector<SearchRow>& out) {
  auto train = rows.subspan(f.train_begin, f.train_end - f.train_begin);
  auto held = rows.subspan(f.validate_begin, f.validate_end - f.validate_begin);
  XgbModel model = train_booster(feature_matrix(train), labels_of(train), job.params);
  DenseMatrix x = feature_matrix(held);
  for (size_t r = 0; r < rounds.size(); ++r) {
    out[job.first_row + r].fold_mae[job.fold] = mae(model.predict(x, rounds[r]), held);
  }
}

void run_jobs(const std::vector<Job>& jobs, std::span<const TrainingRow> rows,
              const std::vector<FoldRows>& folds, const std::vector<int>& rounds, int threads,
              std::vector<SearchRow>& out) {
  std::atomic<size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto worker = [&] {
    for (size_t i = next++; i < jobs.size(); i = next++) {
      try {
        run_job(jobs[i], rows, folds[jobs[i].fold], rounds, out);
      } catch (...) {
        std::lock_guard lock(error_mutex);
        if (!error) error = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace

ParameterGrid default_parameter_grid() {
  return {{"0.05", "0.1"}, {"4", "6"}, {"10", "50"}, {"1", "10"}, {"0.8"}, {150, 300, 600}};
}

FoldRows fold_rows(std::span<const TrainingRow> rows, const SearchFold& fold, int training_days) {
  FoldRows f;
  f.train_begin = lower_index(rows, Date{fold.validate_from.days - training_days});
  f.train_end = f.validate_begin = lower_index(rows, fold.validate_from);
  f.validate_end = lower_index(rows, fold.validate_to);
  double err = 0;
  int64_t lined = 0;
  for (size_t i = f.validate_begin; i < f.validate_end; ++i) {
    if (!rows[i].line) continue;
    err += std::abs(*rows[i].line - rows[i].label);
    ++lined;
  }
  if (lined > 0) f.line_mae = err / static_cast<double>(lined);
  return f;
}

SearchResult walk_forward_search(std::span<const TrainingRow> rows,
                                 std::span<const SearchFold> folds, const ParameterGrid& grid,
                                 int training_days, int threads) {
  if (grid.eta.empty() || grid.max_depth.empty() || grid.min_child_weight.empty() ||
      grid.lambda.empty() || grid.subsample.empty() || grid.rounds.empty() || threads < 1 ||
      *std::min_element(grid.rounds.begin(), grid.rounds.end()) < 1) {
    throw std::invalid_argument(
        "parameter search: every grid list needs a value, rounds >= 1, threads >= 1");
  }
  SearchResult result;
  for (const SearchFold& fold : folds) {
    FoldRows f = fold_rows(rows, fold, training_days);
    if (f.train_begin == f.train_end || f.validate_begin == f.validate_end) {
      throw std::invalid_argument("parameter search: fold " + fold.name +
                                  " has no training or no validation rows");
    }
    result.folds.push_back(f);
  }
  std::vector<int> rounds = grid.rounds;
  const int most = *std::max_element(rounds.begin(), rounds.end());
  std::vector<Job> jobs;
  for (const auto& eta : grid.eta)
    for (const auto& depth : grid.max_depth)
      for (const auto& mcw : grid.min_child_weight)
        for (const auto& lambda : grid.lambda)
          for (const auto& subsample : grid.subsample) {
            XgbParams p = with_values({{"eta", eta},
                                       {"max_depth", depth},
                                       {"min_child_weight", mcw},
                                       {"lambda", lambda},
                                       {"subsample", subsample}});
            size_t first_row = result.rows.size();
            for (int r : rounds) {
              SearchRow row{p, std::vector<double>(folds.size(), 0.0), 0};
              row.params.rounds = r;
              result.rows.push_back(std::move(row));
            }
            p.rounds = most;
            for (size_t k = 0; k < folds.size(); ++k) jobs.push_back({p, k, first_row});
          }
  run_jobs(jobs, rows, result.folds, rounds, threads, result.rows);
  for (size_t i = 0; i < result.rows.size(); ++i) {
    SearchRow& r = result.rows[i];
    double sum = 0;
    for (double m : r.fold_mae) sum += m;
    r.mean_mae = folds.empty() ? 0 : sum / static_cast<double>(folds.size());
    if (r.mean_mae < result.rows[result.best].mean_mae) result.best = i;
  }
  return result;
}

}  // namespace nbaprops::predict
