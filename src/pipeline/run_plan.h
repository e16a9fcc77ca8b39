// The plan of one season's run (05-pipeline.md §2, §6): which processors run and whether each
// is written, which dates get their game summaries computed or read back from the store and
// why, which dates get the per-date processors, which are skipped (no games), and which dates
// the Phase 5-6 stages run on. A value, built by pure functions from the options, the calendar
// of the loaded inputs and (for reuse) the latest runs and input fingerprints: no store, no
// clock. The runner's loader (run_inputs.h) gathers those facts; the per-date computation
// (date_work.h) asks the plan for each (processor, date)'s fingerprint and whether it may skip.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analytics/run_mode.h"
#include "core/date.h"
#include "pipeline/graph.h"
#include "pipeline/input_fingerprint.h"

namespace nbaprops::pipeline {

struct RunOptions;  // runner.h

// The latest run of each (processor, date text): its status and input fingerprint.
using LatestRuns =
    std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>>;

struct PlannedProcessor {
  const ProcessorEntry* entry = nullptr;
  bool write = true;  // false: computed in memory only, because an --only processor reads it
};

// Why a summary date is read back instead of computed.
enum class SummarySource {
  kCompute,       // summarised by this run
  kStoredItem,    // a work item of a shared backfill: another item wrote them (stored_summaries)
  kStoredCurrent  // a daily run or --resume: the latest runs succeeded on the same inputs
};

struct RunPlan {
  Date from, to;  // the dates of the run (one season)
  Date start;     // season_start(from): inputs load from here
  std::vector<PlannedProcessor> summaries, per_date, stages;  // run order
  std::vector<Date> game_dates;                               // dates with games in [start, to]
  std::vector<Date> dates;                // game dates in [from, to]: the per-date processors
  std::vector<analytics::RunMode> modes;  // the mode of each of `dates`
  std::vector<Date> without_games;        // dates of [from, to] without games: skipped
  bool all_daily = true;                  // every one of `dates` runs in daily mode
  // Whether stored summaries may be read back and partitions skipped (needs the latest runs:
  // a daily run, or --resume, without --force).
  bool reuse = false;
  // Filled by plan_summaries: the summary dates computed and those read back, and why.
  std::vector<Date> summarise, read_back;
  SummarySource read_back_reason = SummarySource::kCompute;
  std::vector<Date> stage_dates;  // Phase 5-6: `dates`, and in a daily run the date before
  // What the fingerprints and skips are decided with (empty unless reuse).
  LatestRuns latest;
  InputFingerprints inputs;
  std::string options_salt;  // the options that change a per-date processor's output

  // The processor_runs.detail of (e, d) in `mode` ("summary" for the summaries).
  std::string fingerprint(const ProcessorEntry& e, Date d, const std::string& mode) const;
  // Whether the latest run of (e, d) succeeded with fingerprint `print` (--resume may skip it).
  bool unchanged(const ProcessorEntry& e, Date d, const std::string& print) const;
  // The mode of d, one of `dates`.
  analytics::RunMode mode_of(Date d) const;
};

// Whether a run of [from, to] with `options` will likely read stored summaries (the loader
// starts reading them on a second connection before the plan is known).
bool expects_stored_summaries(const RunOptions& options, Date from, Date to);

// Step 1: processors and dates. `game_dates`: dates with games, sorted (those outside
// [season_start(from), to] are ignored); `detected`: the detected mode of each (used unless
// options.mode forces one).
RunPlan plan_run(const RunOptions& options, Date from, Date to, const std::vector<Date>& game_dates,
                 const std::vector<analytics::RunMode>& detected);

// Step 2: which summary dates are computed and which read back. `latest` and `inputs` are
// kept in the plan (latest is read only when plan.reuse).
void plan_summaries(RunPlan& plan, const RunOptions& options, LatestRuns latest,
                    InputFingerprints inputs);

// Whether Phase 5's models may be resolved before the run writes anything: true when no
// date the run may write (a summarised date or one of `dates`) is before any of `cutoffs`
// (the model cutoff C of each of `dates`). A model of C reads only rows dated before C, so it
// then cannot depend on the run's writes, and the runner resolves it on a second connection
// while Phase 3-4 compute. A daily run on the cutoff day itself summarises the day before C:
// false.
bool models_precede_writes(const RunPlan& plan, const std::vector<Date>& cutoffs);

// "2024-10-23, 2024-10-25..2024-10-27": the dates as runs of consecutive days.
std::string describe_dates(const std::vector<Date>& dates);

}  // namespace nbaprops::pipeline
