// Phase 6 as a node of the processor graph (docs/publishing.md): best_bets of a date. A store
// stage like Phase 5 (phase5.h): it runs after D's predictions are written, reads them and the
// picks of D already published through picks/load.h, and replaces D's best_bets (published
// picks unchanged or voided, new picks) and best_bet_removals partitions.
#pragma once

#include "core/date.h"
#include "pipeline/phase5.h"
#include "store/store.h"

namespace nbaprops::pipeline {

// best_bets and best_bet_removals of D, with the default thresholds (picks/filters.h).
// New picks get first_published_at = options.processed_at. Throws StoreError.
StageOutput best_bets_stage(Store& store, Date d, const predict::PredictOptions& options,
                            const predict::PredictSources& sources);

}  // namespace nbaprops::pipeline
