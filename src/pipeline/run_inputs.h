// The input loader of a season's run (05-pipeline.md §3: everything a run reads is loaded
// once): the raw inputs from the season start, the input fingerprints, the plan (run_plan.h,
// decided from what was loaded), the shots of the dates it summarises, and the history's
// stored part: the player summaries of the look-back before the season and the summaries the
// plan reads back. Reads that may go alongside the raw inputs (stored summaries, look-back,
// shots) run on a second connection when the store's location is known.
#pragma once

#include <vector>

#include "analytics/history.h"
#include "analytics/inputs.h"
#include "core/date.h"
#include "pipeline/run_plan.h"
#include "pipeline/runner.h"
#include "store/store.h"

namespace nbaprops::pipeline {

// The look-back of a season run: the dates before its start whose stored player summaries
// join the history (empty when from > to).
struct Lookback {
  Date from, to;
  bool empty() const { return to < from; }
};

struct SeasonInputs {
  analytics::RawInputs raw;          // [season start, to]; shots where summarised
  analytics::Phase3History history;  // look-back and read-back summaries (not finished)
  RunPlan plan;
  int64_t load_ms = 0;
};

// Loads what a run of [from, to] (one season) reads and plans it. Throws StoreError.
SeasonInputs load_season_inputs(Store& store, Date from, Date to, const RunOptions& options,
                                Lookback lookback);

// The dates in [from, to] with a final game in the store whose player_game_summary partition
// has no successful run: the look-back before a season that is not summarised yet.
std::vector<Date> unsummarised_dates(Store& store, Date from, Date to);

}  // namespace nbaprops::pipeline
