// The plan of a shared backfill (05-pipeline.md §8; `backfill --plan`): a date range cut into
// work items that workers on several machines claim from the store's work queue
// (store/postgres/work_queue.h). Pure functions.
//
// Per season of the range (a date reads nothing before its season's start, runner.h):
//   - one `summaries` item: the game summaries of the season's final games up to the range's
//     end in that season (what a single run computes first);
//   - `dates` items: the per-date processors (Phase 3 contexts, Phase 4) of chunk_days
//     consecutive days each, reading the stored summaries; they depend on the season's
//     `summaries` item;
//   - with Phase 5, one `phase5` item: the Phase 5 stages of the season's dates in date order;
//     it depends on every `dates` item of this and earlier seasons and on the previous season's
//     `phase5` item (a model trains on earlier feature rows and predictions).
// Each item is a run_pipeline() call (item_run_options()); its partitions are the ones a single
// run writes, computed from the same inputs, so the outputs equal a single run's.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/date.h"
#include "pipeline/runner.h"

namespace nbaprops::pipeline {

struct PlannedItem {
  std::string kind;  // "summaries", "dates" or "phase5"
  int season = 0;
  Date first, last;
  std::vector<int> depends_on;  // 1-based indexes of earlier items of the plan
};

// The options a plan fixes for all its items (stored with it as JSON).
struct PlanOptions {
  std::set<int> phases = {3, 4};
  std::string mode;  // "", "daily" or "backfill"
  bool with_completeness = false, resume = false, force = false;
  int chunk_days = 14;
};

// The items of [from, to]. REQUIRES: from <= to, chunk_days >= 1.
std::vector<PlannedItem> plan_items(Date from, Date to, const PlanOptions& options);

std::string plan_options_json(const PlanOptions& options);
// Throws std::invalid_argument on a malformed text.
PlanOptions parse_plan_options(const std::string& json);

// The RunOptions of one item: the plan's options with the item's phases, processors and
// summary source. `base` carries what the worker itself decides (threads, models, progress,
// the store location).
RunOptions item_run_options(const std::string& kind, const PlanOptions& plan, RunOptions base);

}  // namespace nbaprops::pipeline
