// `nbaprops run --date D` and `nbaprops backfill --from A --to B`: Phases 3 and 4 on a pool
// of --threads workers (pipeline/runner.h).
#include <fmt/format.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>

#include "cli/commands.h"
#include "cli/run_summary.h"
#include "core/date.h"
#include "pipeline/catalog.h"
#include "pipeline/graph.h"
#include "pipeline/runner.h"
#include "pipeline/work_plan.h"
#include "predict/model_registry.h"
#include "store/postgres/work_queue.h"

namespace nbaprops::cli {
namespace {

struct RunArgs {
  std::string date, from, to, mode, phases, only, models;
  bool daily_defaults = false;  // `run`: Phases 3-5 unless --phases says otherwise
  bool quiet = false, with_completeness = false, phase3_only = false, resume = false, force = false,
       timings = false, json = false, no_progress = false;
  int threads = 0;
  bool plan = false;  // backfill --plan: write work items for workers instead of running
  bool markets = false,
       no_markets = false;  // market_predictions: backfill --markets, run --no-markets
  int chunk_days = 14;
};

std::optional<Date> parse_cli_date(const std::string& s) {
  if (s == "today" || s == "yesterday" || s == "tomorrow") {
    auto secs = std::chrono::duration_cast<std::chrono::seconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
    Date today = eastern_date(Timestamp{secs});
    int shift = s == "today" ? 0 : (s == "yesterday" ? -1 : 1);
    return Date{today.days + shift};
  }
  return parse_iso_date(s);
}

// The run's summary on standard output: one line, and with --timings the per-processor totals;
// with --json, one JSON object holding both, and `run`'s last line as "day" (when `day`).
void print_summary(const pipeline::RunReport& report, const RunArgs& args,
                   const std::set<int>& phases, const RunDaySummary* day, Date d) {
  std::string label = phases.size() == 1 ? "phase 3" : fmt::format("phases 3-{}", *phases.rbegin());
  auto totals = pipeline::processor_totals(report);
  int64_t skipped = 0;
  for (const auto& t : totals) skipped += t.skipped;
  if (args.json) {
    nlohmann::json j = {{"dates_with_games", report.dates_with_games},
                        {"dates_without_games", report.dates_skipped},
                        {"threads", report.threads},
                        {"load_ms", report.load_ms},
                        {"processor_runs", static_cast<int64_t>(report.runs.size()) - skipped},
                        {"skipped", skipped},
                        {"any_failed", report.any_failed},
                        {"processors", nlohmann::json::array()}};
    for (const auto& t : totals) {
      j["processors"].push_back({{"processor", t.processor},
                                 {"runs", t.runs},
                                 {"skipped", t.skipped},
                                 {"entities", t.entities},
                                 {"failed", t.failed},
                                 {"compute_ms", t.compute_us / 1000.0},
                                 {"write_ms", t.write_us / 1000.0},
                                 {"compute_us_per_entity", t.compute_us_per_entity()}});
    }
    if (day) j["day"] = run_day_json(*day, d);
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::cout << fmt::format(
      "{}: {} dates with games, {} without; {} processor runs on {} threads ({} "
      "skipped, inputs unchanged), inputs loaded in {} ms\n",
      label, report.dates_with_games, report.dates_skipped,
      static_cast<int64_t>(report.runs.size()) - skipped, report.threads, skipped, report.load_ms);
  if (!args.timings) return;
  std::cout << fmt::format("{:<30} {:>5} {:>8} {:>7} {:>11} {:>9} {:>12}\n", "processor", "runs",
                           "entities", "failed", "compute ms", "write ms", "us/entity");
  for (const auto& t : totals) {
    std::cout << fmt::format("{:<30} {:>5} {:>8} {:>7} {:>11.1f} {:>9.1f} {:>12.2f}\n", t.processor,
                             t.runs - t.skipped, t.entities, t.failed, t.compute_us / 1000.0,
                             t.write_us / 1000.0, t.compute_us_per_entity());
  }
}

// backfill --plan: the work items of [from, to] in the store's work queue, for
// `nbaprops worker` processes to claim (pipeline/work_plan.h).
int write_plan(const GlobalOptions& global, Date from, Date to, const RunArgs& args,
               const std::set<int>& phases) {
  if (!is_postgres_location(global.db)) {
    std::cerr << "error: --plan needs a PostgreSQL store (--db postgresql://user@host/dbname)\n";
    return 2;
  }
  if (!args.only.empty() || args.chunk_days < 1) {
    std::cerr << "error: --plan runs every processor (no --only); --chunk-days must be >= 1\n";
    return 2;
  }
  pipeline::PlanOptions plan{phases,      args.mode,  args.with_completeness,
                             args.resume, args.force, args.chunk_days};
  std::vector<QueueItem> items;
  for (const auto& p : pipeline::plan_items(from, to, plan)) {
    items.push_back(
        {0, 0, p.kind, p.season, format_date(p.first), format_date(p.last), p.depends_on, 0, ""});
  }
  return with_store_errors([&] {
    open_store(global.db);  // the store's own tables first
    WorkQueue queue(global.db);
    int64_t id = queue.create_plan(format_date(from), format_date(to),
                                   pipeline::plan_options_json(plan), items);
    std::cout << fmt::format(
        "plan {}: {} work items for {}..{}; run `nbaprops worker --db URL` on one or more "
        "machines\n",
        id, items.size(), format_date(from), format_date(to));
    return 0;
  });
}

int run_range(const GlobalOptions& global, const std::string& from_text, const std::string& to_text,
              const RunArgs& args) {
  const std::string& mode_text = args.mode;
  auto from = parse_cli_date(from_text), to = parse_cli_date(to_text);
  if (!from || !to || *to < *from) {
    std::cerr << "error: dates must be YYYY-MM-DD (or today/yesterday/tomorrow), from <= to\n";
    return 2;
  }
  if (!valid_threads(args.threads)) return 2;
  pipeline::RunOptions options;
  options.with_completeness = args.with_completeness;
  if (!args.only.empty()) {
    std::stringstream list(args.only);
    for (std::string p; std::getline(list, p, ',');) {
      bool known = false;
      for (const auto& e : pipeline::processor_graph()) known = known || e.name == p;
      if (!known) {
        std::cerr << "error: --only: no processor named " << p << "\n";
        return 2;
      }
      options.only.insert(p);
    }
  }
  // `run` (the daily job) defaults to Phases 3-5, `backfill` to 3-4 (Phase 5 trains models).
  if (args.daily_defaults) options.phases = {3, 4, 5};
  if (!args.phases.empty()) {
    // --phases 3, 3,4 or 3,4,5 (Phase 3 always runs: Phase 4 reads its rows in memory; Phase 5
    // reads Phase 4's stored rows).
    options.phases = {3};
    std::stringstream list(args.phases);
    for (std::string p; std::getline(list, p, ',');) {
      if (p == "4" || p == "5") {
        options.phases.insert(p[0] - '0');
      } else if (p != "3") {
        std::cerr << "error: --phases takes 3, 4 and 5\n";
        return 2;
      }
    }
    if (options.phases.count(5) && !options.phases.count(4)) {
      std::cerr << "error: --phases 5 needs 4 (predictions read the feature store of D)\n";
      return 2;
    }
  }
  if (args.phase3_only) options.phases = {3};
  options.threads = args.threads;
  options.resume = args.resume;
  options.force = args.force;
  options.store_location = global.db;
  if (options.phases.count(5)) {
    options.predict.models = model_options(global, args.models, predict::kDefaultRetrainEveryDays);
    options.predict.models->trust_run_history = true;  // the runner writes the training inputs
    options.model_cache = std::make_shared<predict::ModelCache>();
    // The market models' stage: on in the daily run, opt-in in a backfill (it trains a model
    // per market and week; `market-backtest` is the way to fill a season).
    options.markets = args.daily_defaults ? !args.no_markets : args.markets;
  }
  if (!args.no_progress && !args.json) {
    options.progress = &std::cerr;
    options.progress_terminal = ::isatty(2) != 0;
  }
  if (mode_text == "daily") options.mode = analytics::RunMode::kDaily;
  if (mode_text == "backfill") options.mode = analytics::RunMode::kBackfill;
  if (!mode_text.empty() && !options.mode) {
    std::cerr << "error: --mode must be daily or backfill\n";
    return 2;
  }
  if (args.plan) return write_plan(global, *from, *to, args, options.phases);
  return with_store_errors([&] {
    auto store = open_store(global.db);
    std::ostringstream sink;
    auto report =
        pipeline::run_pipeline(*store, *from, *to, options, args.quiet ? sink : std::cerr);
    std::optional<RunDaySummary> day;  // `run`: what D produced, and what is missing
    if (args.daily_defaults) day = summarise_run_day(*store, *from);
    print_summary(report, args, options.phases, day ? &*day : nullptr, *from);
    if (day && args.json) {
      for (const auto& w : run_day_warnings(*day, *from)) std::cerr << "warning: " << w << "\n";
    } else if (day) {
      print_run_day(*day, *from, std::cout, std::cerr);
    }
    return report.any_failed ? 1 : 0;
  });
}

// The options `run` and `backfill` share; `phases` names the default of --phases, `mode` the
// help of --mode.
void add_run_options(CLI::App* cmd, GlobalOptions& global, RunArgs& args, const char* phases,
                     const char* mode) {
  cmd->add_option("--db", global.db, "SQLite store file or PostgreSQL URL")->capture_default_str();
  cmd->add_option("--mode", args.mode, mode);
  cmd->add_flag("--quiet", args.quiet, "No per-processor log lines");
  cmd->add_flag("--with-completeness", args.with_completeness,
                "Check completeness in backfill mode too");
  cmd->add_flag("--phase3-only", args.phase3_only, "Stop after Phase 3");
  cmd->add_option("--phases", args.phases,
                  fmt::format("Phases to run: 3, 3,4 or 3,4,5 (default {})", phases));
  add_models_option(cmd, args.models);
  cmd->add_option("--threads", args.threads, "Worker threads (default: hardware threads)");
  cmd->add_option("--only", args.only, "Write only these processors (comma-separated)");
  cmd->add_flag("--timings", args.timings, "Per-processor totals and microseconds per entity");
  cmd->add_flag("--json", args.json, "The summary (and timings) as JSON; no progress");
  cmd->add_flag("--no-progress", args.no_progress, "No progress on standard error");
}

}  // namespace

void register_run(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto args = std::make_shared<RunArgs>();
  auto* run = app.add_subcommand("run", "Run the pipeline for one date (Phases 3-5)");
  run->add_option("--date", args->date, "YYYY-MM-DD, today, yesterday or tomorrow")
      ->transform(relative_date())
      ->required();
  add_run_options(run, global, *args, "3,4,5", "daily or backfill (default: detected)");
  run->add_flag("--no-markets", args->no_markets,
                "Phase 5 without market_predictions (the market models of every lined market)");
  run->callback([&global, &exit_code, args] {
    args->daily_defaults = true;
    exit_code = run_range(global, args->date, args->date, *args);
  });
  auto* backfill = app.add_subcommand("backfill", "Run the pipeline over a date range");
  backfill->add_option("--from", args->from, "First date")->transform(relative_date())->required();
  backfill->add_option("--to", args->to, "Last date")->transform(relative_date())->required();
  add_run_options(backfill, global, *args, "3,4", "daily or backfill (default: detected per date)");
  backfill->add_flag("--resume", args->resume,
                     "Skip each (processor, date) whose latest run succeeded on unchanged inputs");
  backfill->add_flag("--force", args->force, "Recompute everything (overrides --resume)");
  backfill->add_flag("--markets", args->markets,
                     "With Phase 5: market_predictions too (a market model per market and week)");
  backfill->add_flag("--plan", args->plan,
                     "PostgreSQL: write the range as work items for `nbaprops worker`");
  backfill->add_option("--chunk-days", args->chunk_days, "--plan: days per work item (14)");
  backfill->callback(
      [&global, &exit_code, args] { exit_code = run_range(global, args->from, args->to, *args); });
}

}  // namespace nbaprops::cli
