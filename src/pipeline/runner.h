// Running the processor graph over a date range (05-pipeline.md §2-§7), season by season.
// The final games from the season start of `from` to `to` are summarised (the summary
// processors; in a daily run, or with --resume, the dates whose stored summaries are current
// are read back instead), then each game date D in [from, to] gets its per-date processors
// (Phase 3 contexts, Phase 4), in the order run_order() derives from the graph, with the
// completeness check of D (daily mode, or with_completeness) before them; then, with phase 5,
// the Phase 5 stages of each date (pipeline/phase5.h), and in a daily run the grades of the
// game date before `from`.
//
// Inputs are loaded once per season; the history also holds the stored player summaries of
// the look-back before the season (lookback_start). With threads > 1, dates are computed on a fixed
// pool of `threads` workers (summary dates first; then the per-date dates, which read only the
// finished summaries; a run of one date spreads each processor's entities instead) while the
// calling thread writes; with threads == 1 the calling thread computes and writes each date
// in turn. Each (processor, date) is written as one partition, in one transaction with its
// processor_runs row, in date then run order. Outputs are byte-identical for any `threads`.
//
// The parts (docs/runner.md): the plan (run_plan.h), the input loader (run_inputs.h), the
// scheduler (scheduler.h), the per-date computation (date_work.h), the writer (run_writer.h)
// and the Phase 5-6 stages (phase5.h), whose models are resolved before their date loop.
//
// Not thread-safe: one run per Store at a time.
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "analytics/run_mode.h"
#include "core/date.h"
#include "predict/predict_day.h"
#include "store/store.h"

namespace nbaprops::pipeline {

struct RunOptions {
  std::optional<analytics::RunMode> mode;  // forced; else detected per date (02 §5 Mode)
  std::set<int> phases = {3, 4};           // phase 3 always runs (Phase 4 reads it in memory)
  predict::PredictSettings predict;        // Phase 5: systems, thresholds, models
  // Phase 5: the market models' stage market_predictions (pipeline/market_stage.h), with its
  // models in predict.models' folder. `run` turns it on; `backfill` with --markets.
  bool markets = false;
  bool with_completeness = false;  // check completeness in backfill mode too
  int threads = 0;                 // worker threads; 0: the machine's hardware threads
  bool resume = false;  // skip (processor, date) whose latest run succeeded on the same inputs
  bool force = false;   // recompute everything (overrides resume)
  // Write only these processors (empty: all); what they read is computed in memory, not
  // written. REQUIRES: names of processor_graph() entries.
  std::set<std::string> only;
  // Read the game summaries of every date from the store instead of computing them (a work
  // item of a shared backfill, pipeline/work_plan.h: another item wrote them). REQUIRES: they
  // are stored for the season up to `to`.
  bool stored_summaries = false;
  // The store's location (as given to open_store): when set, a second connection reads what
  // can load alongside the raw inputs (the stored summaries of a daily run, or the shots).
  std::string store_location;
  // Runtime state shared between runs (a worker's items, a daily job): the gradient_boosting
  // models already fetched. Null: the run keeps its own.
  std::shared_ptr<predict::ModelCache> model_cache;
  std::ostream* progress = nullptr;  // progress lines (standard error), or none
  bool progress_terminal = false;    // redraw one line in place
};

struct ProcessorRunSummary {
  std::string processor;
  Date date;
  std::string mode, status;  // status: success, partial, pending (scheduled games), skipped
  int64_t rows = 0, failed = 0;
  int64_t compute_us = 0, write_us = 0;
};

struct RunReport {
  std::vector<ProcessorRunSummary> runs;
  int64_t load_ms = 0;
  int dates_with_games = 0, dates_skipped = 0;
  int threads = 1;
  bool any_failed = false;  // some entity failed unexpectedly (exit code 1)
};

// Per-processor totals of a run (--timings, --json): where the time goes.
struct ProcessorTotals {
  std::string processor;
  int64_t runs = 0, skipped = 0, entities = 0, failed = 0;  // entities: rows + failures
  int64_t compute_us = 0, write_us = 0;
  // Mean compute microseconds per entity (0 without entities).
  double compute_us_per_entity() const {
    return entities > 0 ? static_cast<double>(compute_us) / static_cast<double>(entities) : 0;
  }
};

// The totals of each processor of `report`, in run order.
std::vector<ProcessorTotals> processor_totals(const RunReport& report);

// The days a look-back defined over days reaches before D (03-precompute.md feature 29: games
// in [D - 365, D), any season).
inline constexpr int kLookbackDays = 365;

// The first day of the history a run over `from` reads: min(season_start(from), from - 365).
// The summaries before the season start are read from the store (player_game_summary only:
// the one look-back over days, feature 29, reads nothing else); where the store holds final
// games of that window without a successful player_game_summary run, the run summarises them
// first (and writes them, as a run of those dates with --only the three summaries would).
Date lookback_start(Date from);

// Runs the graph for [from, to]; one log line per processor run goes to `log`.
// Throws StoreError (the partition being written is rolled back; earlier ones stay).
RunReport run_pipeline(Store& store, Date from, Date to, const RunOptions& options,
                       std::ostream& log);

}  // namespace nbaprops::pipeline
