// `nbaprops train --date D [--models DIR] [--retrain-every N]` (04-predictions.md §6): trains, or
// reuses from the registry, the gradient_boosting model of the cutoff C(D) and prints it.
// Exit codes: 0 a model, 1 no model (too few training rows), 2 bad usage, 3 store or model-file
// error.
#include <fmt/format.h>

#include <chrono>
#include <iostream>

#include "cli/commands.h"
#include "core/clock.h"
#include "core/date.h"
#include "pipeline/catalog.h"
#include "predict/model_registry.h"

namespace nbaprops::cli {
namespace {

struct TrainArgs {
  std::string date, models;
  int retrain_every = predict::kDefaultRetrainEveryDays;
  int training_days = predict::kTrainingWindowDays;
};

std::string opt(const std::optional<double>& v) {
  return v ? fmt::format("{:.3f}", *v) : "NULL";
}

std::string opt(const std::optional<Date>& d) {
  return d ? format_date(*d) : "-";
}

void print_model(const std::string& day, const predict::ModelForDate& m, std::ostream& out) {
  const predict::RegistryEntry& e = *m.entry;
  out << fmt::format("train {}: model {} ({})\n", day, e.model_version,
                     m.reused ? "reused from the registry" : "trained");
  out << fmt::format("  cutoff {}\n", format_date(e.cutoff_date));
  out << fmt::format("  training rows {} from {} to {}\n", e.training_rows,
                     format_date(e.train_start), format_date(e.train_end));
  out << fmt::format("  validation {} to {}: {} rows, MAE {} vs line MAE {}\n",
                     opt(e.validation_start), opt(e.validation_end), e.validation_rows,
                     opt(e.validation_mae), opt(e.validation_line_mae));
  out << fmt::format("  file {}, xgboost {}\n", e.file_name, e.library_version);
}

int run_train(const GlobalOptions& global, const std::string& date, const std::string& models,
              int retrain_every, int training_days) {
  auto d = parse_iso_date(date);
  if (!d) {
    std::cerr << "error: --date must be YYYY-MM-DD\n";
    return 2;
  }
  auto options = model_options(global, models, retrain_every);
  if (!options) return 2;
  if (training_days < 1) {
    std::cerr << "error: --training-days must be 1 or more\n";
    return 2;
  }
  options->training_days = training_days;
  return with_store_errors([&] {
    auto store = open_store(global.db);
    auto m = predict::get_or_train_model(*store, *d, *options, now_utc());
    if (!m.model) {
      std::cout << fmt::format("train {}: no model ({})\n", date, m.no_model_detail);
      return 1;
    }
    print_model(date, m, std::cout);
    return 0;
  });
}

}  // namespace

void register_train(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto args = std::make_shared<TrainArgs>();
  auto* train = app.add_subcommand(
      "train", "Phase 5: train (or reuse) the gradient_boosting model for a date's cutoff");
  train->add_option("--db", global.db, "SQLite store file or PostgreSQL URL")
      ->capture_default_str();
  train->add_option("--date", args->date, "YYYY-MM-DD: the model of its cutoff C(D)")
      ->transform(relative_date())
      ->required();
  add_models_option(train, args->models);
  train->add_option("--retrain-every", args->retrain_every, "Days between cutoffs (k)")
      ->capture_default_str();
  train
      ->add_option("--training-days", args->training_days,
                   "Days of feature rows before the cutoff that train it (3650: every earlier "
                   "season of a ten-season store)")
      ->capture_default_str();
  train->callback([&global, &exit_code, args] {
    exit_code =
        run_train(global, args->date, args->models, args->retrain_every, args->training_days);
  });
}

}  // namespace nbaprops::cli
