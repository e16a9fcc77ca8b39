// `nbaprops tune [--seasons 2021,2022,2023] [--training-days N] [--threads N] [--out FILE]
// [--eta LIST] [--max-depth LIST] [--min-child-weight LIST] [--lambda LIST] [--subsample LIST]
// [--rounds LIST]` (issue 12): gradient_boosting's walk-forward parameter search. Each season S
// is a fold: trained on the feature rows dated before S's opening night (the --training-days
// before it), validated on S's rows (opening night of S to opening night of S + 1). Rows on or
// after --holdout-from (default 2024-07-01: the reported 2024-25 season) are never read.
// Prints the folds, every combination by mean validation MAE, and the choice as the registry's
// `params` JSON; --out writes the same as JSON.
// Exit codes: 0 done, 1 a fold without rows, 2 bad usage, 3 store or XGBoost error.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <numeric>
#include <sstream>

#include "cli/commands.h"
#include "core/date.h"
#include "pipeline/catalog.h"
#include "predict/parameter_search.h"

namespace nbaprops::cli {
namespace {

struct TuneArgs {
  std::string seasons = "2021,2022,2023", holdout_from = "2024-07-01", out;
  int training_days = predict::kTrainingWindowDays;
  int threads = 2;
  predict::ParameterGrid grid = predict::default_parameter_grid();
};

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, ',');) {
    if (!part.empty()) out.push_back(part);
  }
  return out;
}

std::string season_name(int s) {
  return fmt::format("{}-{:02d}", s, (s + 1) % 100);
}

// The folds of `seasons` from the store's opening nights; nullopt (with a message) when a
// season has no regular-season game or reaches into the holdout.
std::optional<std::vector<predict::SearchFold>> make_folds(Store& store,
                                                           const std::vector<int>& seasons,
                                                           Date holdout_from) {
  std::vector<predict::SearchFold> folds;
  for (int s : seasons) {
    auto from = predict::opening_night(store, s);
    if (!from) {
      std::cerr << "error: no regular-season game of " << season_name(s) << " in the store\n";
      return std::nullopt;
    }
    Date to = predict::opening_night(store, s + 1).value_or(make_date(s + 1, 7, 1));
    to = std::min(to, holdout_from);
    if (!(*from < holdout_from)) {
      std::cerr << "error: season " << season_name(s) << " is on or after --holdout-from "
                << format_date(holdout_from) << " (never searched on)\n";
      return std::nullopt;
    }
    folds.push_back({season_name(s), *from, to});
  }
  return folds;
}

nlohmann::json params_object(const predict::XgbParams& p) {
  return nlohmann::json::parse(predict::params_json(p));
}

void print_result(const predict::SearchResult& r, const std::vector<predict::SearchFold>& folds,
                  const std::vector<predict::TrainingRow>& rows, std::ostream& out) {
  for (size_t k = 0; k < folds.size(); ++k) {
    const auto& f = r.folds[k];
    out << fmt::format(
        "fold {}: train {} rows ({} .. {}), validate {} rows ({} .. {}), line MAE {}\n",
        folds[k].name, f.train_end - f.train_begin, format_date(rows[f.train_begin].game_date),
        format_date(rows[f.train_end - 1].game_date), f.validate_end - f.validate_begin,
        format_date(rows[f.validate_begin].game_date),
        format_date(rows[f.validate_end - 1].game_date),
        f.line_mae ? fmt::format("{:.3f}", *f.line_mae) : "-");
  }
  std::vector<size_t> order(r.rows.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return r.rows[a].mean_mae < r.rows[b].mean_mae; });
  out << fmt::format("{:>6} {:>5} {:>5} {:>6} {:>9} {:>6}", "eta", "depth", "mcw", "lambda",
                     "subsample", "rounds");
  for (const auto& f : folds) out << fmt::format(" {:>8}", f.name);
  out << fmt::format(" {:>8}\n", "mean");
  for (size_t i : order) {
    const auto& row = r.rows[i];
    auto value = [&](const char* name) {
      for (const auto& [k, v] : row.params.values) {
        if (k == name) return v;
      }
      return std::string("-");
    };
    out << fmt::format("{:>6} {:>5} {:>5} {:>6} {:>9} {:>6}", value("eta"), value("max_depth"),
                       value("min_child_weight"), value("lambda"), value("subsample"),
                       row.params.rounds);
    for (double m : row.fold_mae) out << fmt::format(" {:>8.4f}", m);
    out << fmt::format(" {:>8.4f}{}\n", row.mean_mae, i == r.best ? "  <- chosen" : "");
  }
  const auto& best = r.rows[r.best].params;
  out << "chosen: " << predict::params_json(best) << "\n";
  bool same =
      predict::params_json(best) == predict::params_json(predict::gradient_boosting_params());
  out << "built-in gradient_boosting parameters: "
      << (same ? "the same" : predict::params_json(predict::gradient_boosting_params())) << "\n";
}

nlohmann::json result_json(const predict::SearchResult& r,
                           const std::vector<predict::SearchFold>& folds, int training_days) {
  nlohmann::json j;
  j["chosen"] = params_object(r.rows[r.best].params);
  j["training_days"] = training_days;
  for (size_t k = 0; k < folds.size(); ++k) {
    j["folds"].push_back({{"season", folds[k].name},
                          {"validate_from", format_date(folds[k].validate_from)},
                          {"validate_to", format_date(folds[k].validate_to)},
                          {"train_rows", r.folds[k].train_end - r.folds[k].train_begin},
                          {"validate_rows", r.folds[k].validate_end - r.folds[k].validate_begin}});
  }
  for (const auto& row : r.rows) {
    j["table"].push_back({{"params", params_object(row.params)},
                          {"fold_mae", row.fold_mae},
                          {"mean_mae", row.mean_mae}});
  }
  return j;
}

int run_tune(const GlobalOptions& global, const TuneArgs& args) {
  std::vector<int> seasons;
  for (const auto& s : split(args.seasons)) {
    try {
      seasons.push_back(std::stoi(s));
    } catch (const std::exception&) {
      std::cerr << "error: --seasons takes start years, e.g. 2021,2022,2023\n";
      return 2;
    }
  }
  auto holdout = parse_iso_date(args.holdout_from);
  if (seasons.empty() || !holdout || args.training_days < 1 || args.threads < 1) {
    std::cerr << "error: --seasons, --holdout-from YYYY-MM-DD, --training-days >= 1 and "
                 "--threads >= 1 are required\n";
    return 2;
  }
  const auto& g = args.grid;
  if (g.eta.empty() || g.max_depth.empty() || g.min_child_weight.empty() || g.lambda.empty() ||
      g.subsample.empty() || g.rounds.empty() ||
      *std::min_element(g.rounds.begin(), g.rounds.end()) < 1) {
    std::cerr << "error: every grid option needs a value, and --rounds values >= 1\n";
    return 2;
  }
  std::sort(seasons.begin(), seasons.end());
  return with_store_errors([&] {
    auto store = open_store(global.db);
    auto folds = make_folds(*store, seasons, *holdout);
    if (!folds) return 2;
    Date first = Date{folds->front().validate_from.days - args.training_days};
    Date last = folds->back().validate_to;  // <= the holdout: its rows are never read
    auto rows = predict::load_training_rows(*store, last, last.days - first.days);
    predict::SearchResult result;
    try {
      result =
          predict::walk_forward_search(rows, *folds, args.grid, args.training_days, args.threads);
    } catch (const std::invalid_argument& e) {
      std::cerr << "tune: " << e.what() << "\n";
      return 1;
    }
    print_result(result, *folds, rows, std::cout);
    if (!args.out.empty()) {
      std::ofstream file(args.out);
      file << result_json(result, *folds, args.training_days).dump(2) << "\n";
      if (!file.flush()) {
        std::cerr << "error: cannot write " << args.out << "\n";
        return 3;
      }
    }
    return 0;
  });
}

}  // namespace

void register_tune(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto args = std::make_shared<TuneArgs>();
  auto* tune = app.add_subcommand(
      "tune", "Phase 5: walk-forward parameter search of gradient_boosting on earlier seasons");
  tune->add_option("--db", global.db, "SQLite store file or PostgreSQL URL")->capture_default_str();
  tune->add_option("--seasons", args->seasons, "Validation seasons (start years), one fold each")
      ->capture_default_str();
  tune->add_option("--holdout-from", args->holdout_from,
                   "Rows on or after this date are never read (the reported season)")
      ->capture_default_str();
  tune->add_option("--training-days", args->training_days,
                   "Days of rows before a fold's season that train it")
      ->capture_default_str();
  tune->add_option("--threads", args->threads, "Models trained at once (one thread each)")
      ->capture_default_str();
  tune->add_option("--out", args->out, "Also write the table and the choice as JSON");
  auto& g = args->grid;
  tune->add_option("--eta", g.eta, "Values tried")->delimiter(',')->capture_default_str();
  tune->add_option("--max-depth", g.max_depth, "Values tried")
      ->delimiter(',')
      ->capture_default_str();
  tune->add_option("--min-child-weight", g.min_child_weight, "Values tried")
      ->delimiter(',')
      ->capture_default_str();
  tune->add_option("--lambda", g.lambda, "Values tried")->delimiter(',')->capture_default_str();
  tune->add_option("--subsample", g.subsample, "Values tried")
      ->delimiter(',')
      ->capture_default_str();
  tune->add_option("--rounds", g.rounds, "Numbers of trees scored (one model per combination)")
      ->delimiter(',')
      ->capture_default_str();
  tune->callback([&global, &exit_code, args] { exit_code = run_tune(global, *args); });
}

}  // namespace nbaprops::cli
