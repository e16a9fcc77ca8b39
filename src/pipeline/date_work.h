// The per-date computation of a run: what the summary processors produce for one game date,
// and what the per-date processors (Phase 3 contexts, Phase 4) produce for one date of the
// run, with D's completeness check before them. Pure functions of the loaded inputs, the
// history and the plan (run_plan.h): no store, no clock but the compute timings; safe to call
// for different dates on different threads at once (everything shared is read-only).
#pragma once

#include <string>
#include <vector>

#include "analytics/history.h"
#include "analytics/inputs.h"
#include "core/date.h"
#include "core/entity_parallel.h"
#include "pipeline/graph.h"
#include "pipeline/run_plan.h"

namespace nbaprops::pipeline {

// One processor's output for one date, computed on a worker, waiting to be written.
struct Computed {
  const ProcessorEntry* entry = nullptr;
  analytics::ProcessorOutput out;
  int64_t compute_us = 0;
  std::string fingerprint;  // of the inputs (processor_runs.detail)
  bool skip = false;        // --resume: latest run succeeded on the same inputs; not written
  bool write = true;        // false: computed only as an input of an --only processor
};

// Everything computed for one date, in run order.
struct DateWork {
  Date d;
  std::string mode;  // "summary", "daily" or "backfill"
  std::vector<Computed> outputs;
  int64_t entities() const;  // rows + failures of every output
};

// "daily" or "backfill".
std::string mode_name(analytics::RunMode m);

// The summary processors of game date d (always computed: the history needs them).
DateWork compute_summaries(const RunPlan& plan, const analytics::RawInputs& in, Date d);

// The per-date processors of d (one of plan.dates), in run order, reading the finished
// history. With --resume a date whose every written processor is unchanged is not computed
// (its outputs are all skips); a date with one changed processor is computed whole (later
// processors read earlier ones' rows of D) and its unchanged partitions are not rewritten.
// `with_completeness`: check completeness in backfill mode too. `parallel`: spreads each
// processor's entities (a run of one date), or null.
DateWork compute_date(const RunPlan& plan, const analytics::RawInputs& in,
                      const analytics::Phase3History& history, Date d, bool with_completeness,
                      const EntityParallel* parallel);

}  // namespace nbaprops::pipeline
