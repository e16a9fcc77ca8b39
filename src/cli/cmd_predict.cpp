// `nbaprops predict --date D [--systems LIST] [--models DIR] [--retrain-every N]` and
// `nbaprops grade --date D | --from A --to B` (04-predictions.md §2-8): read the store, write
// the Phase 5 partitions (grade: with each date's system_performance and
// system_performance_buckets rows), print a summary. predict gets or trains the
// gradient_boosting model of C(D) (model_registry.h) when that system runs, then writes D's
// market_predictions (unless --no-markets; pipeline/market_stage.h: each lined market's model
// of C(D), registered once).
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <sstream>

#include "cli/commands.h"
#include "core/clock.h"
#include "core/date.h"
#include "pipeline/catalog.h"
#include "pipeline/market_stage.h"
#include "predict/grade_day.h"
#include "predict/model_registry.h"
#include "predict/money.h"
#include "predict/performance.h"
#include "predict/predict_day.h"

namespace nbaprops::cli {

int with_store_errors(const std::function<int()>& body) {
  try {
    return body();
  } catch (const StoreError& e) {
    std::cerr << "store error: " << e.what() << "\n";
  } catch (const predict::ModelFileError& e) {
    std::cerr << "model file error: " << e.what() << "\n";
  } catch (const predict::XgbError& e) {
    std::cerr << "error: " << e.what() << "\n";
  }
  return 3;
}

std::optional<predict::ModelOptions> model_options(const GlobalOptions& global,
                                                   const std::string& models, int retrain_every) {
  if (retrain_every < 1) {
    std::cerr << "error: --retrain-every must be >= 1\n";
    return std::nullopt;
  }
  return predict::ModelOptions{
      models.empty() ? predict::default_models_dir(global.db) : std::filesystem::path(models),
      retrain_every};
}

void add_models_option(CLI::App* cmd, std::string& models) {
  cmd->add_option("--models", models,
                  "gradient_boosting model folder (default: models/ beside the store)");
}

bool parse_system_list(const std::string& text, std::vector<std::string>& out) {
  std::stringstream list(text);
  for (std::string id; std::getline(list, id, ',');) {
    if (id.empty()) continue;
    const auto& known = predict::all_systems();
    if (std::find(known.begin(), known.end(), id) == known.end()) {
      std::cerr << "error: unknown system " << id << " (systems: " << valid_names(known) << ")\n";
      return false;
    }
    out.push_back(id);
  }
  return true;
}

namespace {

std::string opt(const std::optional<double>& v, int decimals) {
  return v ? fmt::format("{:.{}f}", *v, decimals) : "-";
}

struct PredictArgs {
  std::string date, systems, from, to, models;
  int retrain_every = predict::kDefaultRetrainEveryDays;
  bool no_markets = false;
};

// market_predictions of D (pipeline/market_stage.h) and one line per market with offers on D.
void predict_markets(Store& store, Date d, const predict::ModelOptions& models) {
  pipeline::MarketRunOptions o{models.models_dir, models.retrain_every_days, now_utc()};
  auto result = pipeline::write_market_predictions_of_date(store, d, o);
  for (const auto& m : result.run.markets) {
    if (m.models.empty()) continue;
    std::cout << fmt::format("{} market: model {}\n", m.market->id,
                             m.trained ? "trained" : (m.reused ? "reused" : "none (too few rows)"));
  }
  std::cout << fmt::format("market_predictions {}: {} rows\n", format_date(d), result.rows);
}

// A line saying which model of C(D) was used (or why there is none).
void print_model(const predict::ModelForDate& m) {
  if (m.model) {
    std::cout << fmt::format("gradient_boosting: model {} (cutoff {}, {})\n",
                             m.entry->model_version, format_date(m.cutoff),
                             m.reused ? "reused" : "trained");
  } else {
    std::cout << fmt::format("gradient_boosting: no model ({})\n", m.no_model_detail);
  }
}

int run_predict(const GlobalOptions& global, const PredictArgs& args) {
  auto d = parse_iso_date(args.date);
  if (!d) {
    std::cerr << "error: --date must be YYYY-MM-DD\n";
    return 2;
  }
  std::vector<std::string> systems;
  if (!parse_system_list(args.systems, systems)) return 2;
  auto models = model_options(global, args.models, args.retrain_every);
  if (!models) return 2;
  return with_store_errors([&] {
    auto store = open_store(global.db);
    auto cache = std::make_shared<predict::ModelCache>();
    predict::PredictSettings settings{systems, {}, models, 0};
    // P(over) and EV from the grades before C(D), as the daily run computes them.
    predict::PredictRuntime runtime{now_utc(), cache, std::make_shared<predict::CalibratorCache>(),
                                    nullptr};
    auto out = predict::predict_from_store(*store, *d, settings, runtime);
    if (predict::runs_gradient_boosting(systems)) {
      print_model(cache->get(*store, *d, *settings.models, runtime.processed_at));
    }
    size_t preds = out.predictions.size(), skips = out.skips.size(), candidates = out.candidates;
    predict::write_predictions(*store, *d, std::move(out), now_utc());
    std::cout << fmt::format("predict {}: {} candidates, {} predictions, {} skip records\n",
                             args.date, candidates, preds, skips);
    if (!args.no_markets) predict_markets(*store, *d, *models);
    return 0;
  });
}

int run_grade(const GlobalOptions& global, const PredictArgs& args) {
  auto from = parse_iso_date(args.date.empty() ? args.from : args.date);
  auto to = parse_iso_date(args.date.empty() ? args.to : args.date);
  if (!from || !to || *to < *from) {
    std::cerr << "error: give --date D or --from A --to B (YYYY-MM-DD, A <= B)\n";
    return 2;
  }
  try {
    auto store = open_store(global.db);
    predict::PooledGrades pooled;
    for (Date d = *from; d <= *to; d = Date{d.days + 1}) {
      auto day = predict::grade_date(*store, d);
      pooled.add(day);
      auto performance = predict::performance_rows(d, day);
      std::string stamp = now_utc();
      predict::write_grades(*store, d, std::move(day.rows), stamp);
      predict::write_performance(*store, d, std::move(performance), stamp);
    }
    std::cout << "system  preds  graded  voided  pending  recs  W-L-P  win%  roi%  mae  bias  "
                 "lined_mae  market_mae  mae_vs_market\n";
    auto print = [](const std::string& system, const predict::Performance& s) {
      std::cout << fmt::format("{}  {}  {}  {}  {}  {}  {}-{}-{}  {}  {}  {}  {}  {}  {}  {}\n",
                               system, s.predictions, s.graded, s.voided, s.pending,
                               s.recommendations, s.wins, s.losses, s.pushes, opt(s.win_rate, 2),
                               opt(s.roi, 2), opt(s.mae, 3), opt(s.bias, 3), opt(s.lined_mae, 3),
                               opt(s.market_mae, 3), opt(s.mae_vs_market, 3));
    };
    for (const auto& [system, s] : pooled.summaries()) print(system, s);
    if (!pooled.market.empty()) print("market", predict::summarize_market(pooled.market));
    // Break-even from the prices actually taken (issue 12 replaces 04 §8's -110 rule).
    for (const auto& [system, rows] : pooled.by_system) {
      std::vector<int64_t> prices;
      for (const auto& r : rows) {
        if (r.grade.price && (r.grade.result == "WIN" || r.grade.result == "LOSS")) {
          prices.push_back(*r.grade.price);
        }
      }
      auto be = predict::break_even_rate(prices);
      if (be) {
        std::cout << fmt::format("break-even at the prices taken, {}: {:.2f} %\n", system,
                                 *be * 100);
      }
    }
    return 0;
  } catch (const StoreError& e) {
    std::cerr << "store error: " << e.what() << "\n";
    return 3;
  }
}

}  // namespace

void register_predict(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto args = std::make_shared<PredictArgs>();
  auto* predict = app.add_subcommand("predict", "Phase 5: predict one date's player points");
  predict->add_option("--db", global.db, "SQLite store file or PostgreSQL URL")
      ->capture_default_str();
  predict->add_option("--date", args->date, "YYYY-MM-DD")->transform(relative_date())->required();
  predict->add_option("--systems", args->systems,
                      "Comma-separated system ids (default: all available)");
  add_models_option(predict, args->models);
  predict
      ->add_option("--retrain-every", args->retrain_every,
                   "gradient_boosting: days between model cutoffs (k)")
      ->capture_default_str();
  predict->add_flag("--no-markets", args->no_markets,
                    "Points only: no market_predictions (the market models of every lined market)");
  predict->callback([&global, &exit_code, args] { exit_code = run_predict(global, *args); });
  auto* grade = app.add_subcommand("grade", "Phase 5: grade the predictions of final games");
  grade->add_option("--db", global.db, "SQLite store file or PostgreSQL URL")
      ->capture_default_str();
  auto* date = grade->add_option("--date", args->date, "YYYY-MM-DD")->transform(relative_date());
  auto* from = grade->add_option("--from", args->from, "First date")->transform(relative_date());
  auto* to = grade->add_option("--to", args->to, "Last date")->transform(relative_date());
  from->needs(to)->excludes(date);
  to->needs(from);
  grade->callback([&global, &exit_code, args] { exit_code = run_grade(global, *args); });
}

}  // namespace nbaprops::cli
