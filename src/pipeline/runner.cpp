#include "pipeline/runner.h"

#include <algorithm>
#include <chrono>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string_view>

#include <fmt/format.h>

#include "core/clock.h"
#include "core/entity_parallel.h"
#include "core/thread_pool.h"
#include "pipeline/catalog.h"
#include "pipeline/date_work.h"
#include "pipeline/market_stage.h"
#include "pipeline/progress.h"
#include "pipeline/run_inputs.h"
#include "pipeline/run_plan.h"
#include "pipeline/run_writer.h"
#include "pipeline/scheduler.h"
#include "predict/model_registry.h"

namespace nbaprops::pipeline {
namespace {

namespace a = analytics;
using Clock = std::chrono::steady_clock;

// How much lower the compute workers' priority is than the writer's (nice levels).
constexpr int kWorkerNice = 10;

int64_t micros_since(Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t).count();
}

}  // namespace

std::vector<ProcessorTotals> processor_totals(const RunReport& report) {
  std::vector<ProcessorTotals> totals;
  for (const auto& r : report.runs) {
    auto it = std::find_if(totals.begin(), totals.end(),
                           [&](const auto& t) { return t.processor == r.processor; });
    if (it == totals.end()) {
      totals.push_back({r.processor});
      it = std::prev(totals.end());
    }
    ++it->runs;
    if (r.status == "skipped") ++it->skipped;
    it->entities += r.rows + r.failed;
    it->failed += r.failed;
    it->compute_us += r.compute_us;
    it->write_us += r.write_us;
  }
  return totals;
}

Date lookback_start(Date from) {
  return std::min(season_start(from), Date{from.days - kLookbackDays});
}

namespace {

// The log lines of what the plan skips or reads back; the read-back partitions are reported.
void report_plan(const RunPlan& plan, RunWriter& writer, std::ostream& log) {
  RunReport& report = writer.report();
  report.dates_skipped = static_cast<int>(plan.without_games.size());
  if (report.dates_skipped > 0) {  // 05-pipeline.md §2: skipped, and said so
    log << fmt::format("no games on {} date(s), skipped: {}\n", report.dates_skipped,
                       describe_dates(plan.without_games));
  }
  report.dates_with_games = static_cast<int>(plan.dates.size());
  if (plan.read_back.empty()) return;
  for (Date d : plan.read_back) {
    for (const PlannedProcessor& p : plan.summaries) writer.skipped(*p.entry, d, "summary");
  }
  log << fmt::format("game summaries of {} dates are current in the store: read, not recomputed\n",
                     plan.read_back.size());
}

// The stage `name` of the plan, or null when the run does not run it.
const ProcessorEntry* planned_stage(const RunPlan& plan, std::string_view name) {
  auto it = std::find_if(plan.stages.begin(), plan.stages.end(),
                         [&](const auto& p) { return p.entry->name == name; });
  return it == plan.stages.end() ? nullptr : it->entry;
}

// The gradient_boosting model of each date the run predicts, fetched (or trained and
// registered) before the stage loop, on the writing connection, after the run's Phase 3-4
// partitions (its training inputs) are written.
bool predicts(const RunPlan& plan) {
  return planned_stage(plan, "player_prop_predictions") != nullptr;
}

using ModelMap = std::map<Date, predict::ModelForDate>;

ModelMap resolve_models(Store& store, const RunPlan& plan, const RunOptions& options) {
  ModelMap models;
  if (!predicts(plan)) return models;
  // Stamped now: a model registered here is newer than every training input this run wrote
  // (all of them, or, when resolved ahead, none: see models_precede_writes).
  predict::PredictRuntime runtime{now_utc(), options.model_cache, nullptr, nullptr};
  if (!runtime.model_cache) runtime.model_cache = std::make_shared<predict::ModelCache>();
  for (Date d : plan.dates) {
    if (auto m = predict::resolve_model(store, d, options.predict, runtime)) models[d] = *m;
  }
  return models;
}

// The models resolved on a second connection, started now, when they cannot depend on what
// the run writes (models_precede_writes); else an empty future (run_stages resolves them).
std::future<ModelMap> resolve_ahead(Store& store, const RunPlan& plan, const RunOptions& options) {
  const auto& settings = options.predict;
  if (options.store_location.empty() || !settings.models || !predicts(plan)) return {};
  // Within a season the cutoff never decreases with the date: the last date's is the latest.
  if (plan.dates.empty()) return {};
  Date last = predict::cutoff_for(store, plan.dates.back(), settings.models->retrain_every_days);
  if (!models_precede_writes(plan, {last})) return {};
  return std::async(std::launch::async, [&plan, &options] {
    return resolve_models(*open_store(options.store_location), plan, options);
  });
}

// The market models' inputs and the model of each date the run predicts (market_stage.h),
// resolved like the gradient_boosting models; nullopt when the run has no market stage.
std::optional<MarketRun> resolve_markets(Store& store, const RunPlan& plan,
                                         const RunOptions& options) {
  if (!planned_stage(plan, "market_predictions")) return std::nullopt;
  MarketRunOptions o;
  o.models_dir = options.predict.models ? options.predict.models->models_dir : "models";
  o.retrain_every = options.predict.models ? options.predict.models->retrain_every_days
                                           : predict::kDefaultRetrainEveryDays;
  o.processed_at = now_utc();
  o.trust_run_history = options.predict.models && options.predict.models->trust_run_history;
  return resolve_market_run(store, plan.dates, o);
}

// A stage's partitions of one date and how long they took to load and compute.
struct TimedStage {
  StageOutput out;
  int64_t compute_us = 0;
};

// The market stage of every stage date (market_stage.h), its models resolved first, on a
// second connection, for the calling thread to write in its turn. The stage reads and writes
// none of the tables of the other stages, so it runs beside them (on the core they leave idle;
// a daily run: ~130 M instructions off the calling thread). Only for a run of one date (its
// rows wait here until the calling thread writes them), with more than one thread, and with a
// store another connection can open; else an empty future: run_stages runs it in line.
std::future<std::map<Date, TimedStage>> markets_beside(const RunPlan& plan,
                                                       const RunOptions& options,
                                                       const StageContext& base) {
  const ProcessorEntry* e = planned_stage(plan, "market_predictions");
  if (!e || plan.dates.size() != 1 || ThreadPool::threads_for(options.threads) < 2 ||
      options.store_location.empty()) {
    return {};
  }
  return std::async(std::launch::async, [&plan, &options, base, e] {
    auto store = open_store(options.store_location);
    const std::optional<MarketRun> markets = resolve_markets(*store, plan, options);
    StageContext context = base;
    context.markets = markets ? &*markets : nullptr;
    std::map<Date, TimedStage> out;
    for (Date d : plan.stage_dates) {
      auto started = Clock::now();
      StageOutput o = e->stage(e->load(*store, d, context), context);
      out[d] = {std::move(o), micros_since(started)};
    }
    return out;
  });
}

// Phase 5-6, date by date, once the run's Phase 3-4 partitions are written: each stage's
// inputs are loaded, then its partitions computed (phase5.h) and written. A daily run's first
// stage date may be the game date before `from`: only its grades run.
// `ahead`: the models resolved while Phase 3-4 computed (resolve_ahead), if any.
void run_stages(Store& store, const SeasonInputs& s, const RunOptions& options, RunWriter& writer,
                std::future<ModelMap>& ahead) {
  const RunPlan& plan = s.plan;
  if (plan.stages.empty()) return;
  StageContext base{&options.predict, {}, nullptr, {&s.history, plan.start}, nullptr, plan.from};
  std::future<std::map<Date, TimedStage>> beside = markets_beside(plan, options, base);
  const bool computed_beside = beside.valid();
  std::map<Date, TimedStage> markets_computed;
  const ModelMap models = ahead.valid() ? ahead.get() : resolve_models(store, plan, options);
  const std::optional<MarketRun> markets =
      computed_beside ? std::nullopt : resolve_markets(store, plan, options);
  StageContext context = base;
  context.models = &models;
  context.markets = markets ? &*markets : nullptr;
  // One calibrator per system and cutoff, read when the cutoff's first date is predicted: the
  // grades of the dates before it are written by then (they are earlier in the loop).
  predict::CalibratorCache calibrators;
  context.calibrators = &calibrators;
  // The predictions stage's rows of the date in hand, for the stages after it (one date's: a
  // backfill's would add up to ~200 MiB).
  std::map<Date, std::vector<Row>> predicted;
  context.predicted = &predicted;
  // One stage of one date: computed here, or taken from the market stage beside, and written.
  auto run_stage = [&](const ProcessorEntry& e, Date d) {
    std::string mode = d < plan.from ? "daily" : mode_name(plan.mode_of(d));
    if (e.name == "market_predictions" && computed_beside) {
      if (beside.valid()) {
        writer.flush();  // the market stage's connection may be waiting to register a model
        markets_computed = beside.get();
      }
      auto m = markets_computed.find(d);
      if (m == markets_computed.end()) throw std::logic_error("market stage: no rows of a date");
      writer.write_stage(e, d, mode, std::move(m->second.out), m->second.compute_us);
      return;
    }
    auto started = Clock::now();
    context.processed_at = now_utc();
    writer.flush();  // a stage reads what the stages before it wrote
    StageOutput out = e.stage(e.load(store, d, context), context);
    if (e.name == "player_prop_predictions") predicted[d] = out.partitions.front().rows;
    int64_t compute_us = micros_since(started);
    writer.write_stage(e, d, mode, std::move(out), compute_us);
  };
  // The market rows of the date before a daily run are graded when the first date's market
  // stage comes (no other stage reads them), so that the calling thread reaches it as late as
  // it can while the stage runs beside (markets_beside); the same order in line.
  std::vector<Date> markets_deferred;
  for (Date d : plan.stage_dates) {
    predicted.clear();
    for (const PlannedProcessor& p : plan.stages) {
      const ProcessorEntry& e = *p.entry;
      bool before_range = d < plan.from;
      if (before_range && e.name != "prediction_grades" && e.name != "market_predictions") {
        continue;  // the date before a daily run: grading only
      }
      if (e.name == "market_predictions") {
        if (before_range && d != plan.stage_dates.back()) {
          markets_deferred.push_back(d);
          continue;
        }
        for (Date earlier : markets_deferred) run_stage(e, earlier);
        markets_deferred.clear();
      }
      run_stage(e, d);
    }
  }
}

// run_pipeline over dates of one season: load and plan (run_inputs.h), summarise on the pool
// and build the history, compute the dates on the pool while the calling thread writes
// (scheduler.h), then the stages. `lookback`: the dates before the season start whose stored
// player summaries join the history.
RunReport run_season(Store& store, Date from, Date to, const RunOptions& options, std::ostream& log,
                     Lookback lookback) {
  int threads = ThreadPool::threads_for(options.threads);
  SeasonInputs s = load_season_inputs(store, from, to, options, lookback);
  const RunPlan& plan = s.plan;
  std::future<ModelMap> models_ahead = resolve_ahead(store, plan, options);
  RunWriter writer(store, log, threads);
  writer.report().load_ms = s.load_ms;
  report_plan(plan, writer, log);
  // --threads 1: one thread, the caller's; N > 1: N workers compute while the caller writes.
  // The workers run at a lower priority: the calling thread, which writes every partition,
  // is the critical path of a run (05-pipeline.md §5: one writer).
  std::unique_ptr<ThreadPool> pool;
  if (threads > 1) pool = std::make_unique<ThreadPool>(threads, kWorkerNice);
  if (pool) writer.release_rows_on(pool.get());
  // A run of one date spreads each processor's entities over the pool; a run of several keeps
  // every worker busy with whole dates instead (core/entity_parallel.h).
  std::unique_ptr<EntityParallel> entity_parallel;
  if (pool && plan.dates.size() == 1) {
    entity_parallel = std::make_unique<EntityParallel>(pool.get());
  }
  Progress progress(options.progress, options.progress_terminal,
                    static_cast<int64_t>(plan.summarise.size() + plan.dates.size()));
  // The summaries of the other final games, computed on the pool; the history is built from
  // them in date order (the same for any number of threads). Their partitions are written
  // below, each date's before the first computed date not earlier than it, so that the
  // workers compute dates ahead while the writer writes summaries (written all first, they
  // held the workers to the scheduler's window for as long as the writer took to write them).
  // The history is filled on the calling thread while the workers compute the later dates.
  std::vector<DateWork> summary_work;
  summary_work.reserve(plan.summarise.size());
  pipelined(
      pool.get(), plan.summarise.size(),
      [&](size_t i) { return compute_summaries(plan, s.raw, plan.summarise[i]); },
      [&](DateWork w) {
        for (const auto& c : w.outputs) {
          auto add = s.history.adder(c.entry->table());
          for (const auto& row : c.out.rows) add(row);
        }
        summary_work.push_back(std::move(w));
      });
  s.history.finish();
  auto write_work = [&](DateWork& w, const char* what) {
    int64_t n = w.entities();
    for (auto& c : w.outputs) {
      progress.clear_line();
      writer.write(c, w.d, w.mode);
    }
    progress.step(what, n);
    w.outputs.clear();
  };
  size_t summaries_written = 0;
  auto write_summaries_to = [&](std::optional<Date> last) {
    for (; summaries_written < summary_work.size(); ++summaries_written) {
      DateWork& w = summary_work[summaries_written];
      if (last && *last < w.d) break;
      write_work(w, "summarising games");
    }
  };
  pipelined(
      pool.get(), plan.dates.size(),
      [&](size_t i) {
        return compute_date(plan, s.raw, s.history, plan.dates[i], options.with_completeness,
                            entity_parallel.get());
      },
      [&](DateWork w) {
        write_summaries_to(w.d);
        write_work(w, "dates");
      });
  write_summaries_to(std::nullopt);
  writer.flush();  // the stages read the store
  run_stages(store, s, options, writer, models_ahead);
  writer.flush();
  progress.finish();
  return writer.report();
}

}  // namespace

RunReport run_pipeline(Store& store, Date from, Date to, const RunOptions& options,
                       std::ostream& log) {
  // Season by season: a date reads nothing before its season's start, so each season loads
  // only its own inputs (memory and time per date do not grow with the range), and a date's
  // outputs are the same whatever range it is run in.
  RunReport total;
  for (int season = season_of(from); season <= season_of(to); ++season) {
    // The dates of [from, to] in this season (season_of: October to September).
    Date first = std::max(from, make_date(season, 10, 1));
    Date last = std::min(to, Date{make_date(season + 1, 10, 1).days - 1});
    if (last < first) continue;
    // The look-back before the season: the stored player summaries of [D - 365, season start)
    // (summarised first where the store has final games without them), read-only history.
    Date back = lookback_start(first), start = season_start(first);
    Lookback lookback{back, Date{start.days - 1}};
    if (!lookback.empty()) {
      Date before_start{start.days - 1};
      std::vector<Date> missing = unsummarised_dates(store, back, before_start);
      if (!missing.empty()) {
        RunOptions summaries_only = options;
        summaries_only.only = {"player_game_summary", "team_offense_game_summary",
                               "team_defense_game_summary"};
        summaries_only.phases = {3};
        summaries_only.resume = true;
        summaries_only.force = false;
        log << fmt::format("look-back: summarising {} earlier date(s), {}..{}\n", missing.size(),
                           format_date(missing.front()), format_date(missing.back()));
        RunReport r = run_season(store, missing.front(), missing.back(), summaries_only, log,
                                 Lookback{start, Date{start.days - 1}});
        total.runs.insert(total.runs.end(), std::make_move_iterator(r.runs.begin()),
                          std::make_move_iterator(r.runs.end()));
        total.any_failed = total.any_failed || r.any_failed;
      }
    }
    RunReport r = run_season(store, first, last, options, log, lookback);
    total.runs.insert(total.runs.end(), std::make_move_iterator(r.runs.begin()),
                      std::make_move_iterator(r.runs.end()));
    total.load_ms += r.load_ms;
    total.dates_with_games += r.dates_with_games;
    total.dates_skipped += r.dates_skipped;
    total.threads = r.threads;
    total.any_failed = total.any_failed || r.any_failed;
  }
  return total;
}

}  // namespace nbaprops::pipeline
