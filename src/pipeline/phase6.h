// Phase 6 as a node of the processor graph (docs/publishing.md): best_bets of a date. A stage
// like Phase 5 (phase5.h): after D's predictions are written, the runner loads them and the
// picks of D already published (picks/load.h), and the stage computes D's best_bets (published
// picks unchanged or voided, new picks) and best_bet_removals partitions.
#pragma once

#include "core/date.h"
#include "pipeline/phase5.h"
#include "store/store.h"

namespace nbaprops::pipeline {

// D's predictions as candidates and D's published picks. Throws StoreError.
StageInputs load_best_bets(Store& store, Date d, const StageContext& context);

// best_bets and best_bet_removals of D, with the default thresholds (picks/filters.h).
// New picks get first_published_at = context.processed_at.
StageOutput best_bets_stage(StageInputs in, const StageContext& context);

}  // namespace nbaprops::pipeline
