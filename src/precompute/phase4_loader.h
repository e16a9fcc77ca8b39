// Building the inputs of Phase 4 for one date from a store that holds the raw tables and the
// Phase 3 tables (tests, tools, and the runner until it keeps them in memory across phases).
// The Phase 4 DayRows (tdza, psza, pcf, pdc) start empty: a caller running the processors in
// order fills them with the rows each processor returns.
#pragma once

#include <memory>

#include "precompute/phase4_inputs.h"
#include "store/store.h"

namespace nbaprops::precompute {

// Owns what Phase4Inputs points to.
struct Phase4Context {
  std::unique_ptr<analytics::RawInputs> raw;
  std::unique_ptr<analytics::Phase3History> history;
  std::unique_ptr<CompletenessResult> completeness;
  Phase4Inputs inputs;
};

// Loads raw rows of D's season up to D, the Phase 3 summaries dated before D, and the
// UPGC / UTGC rows of D. With `check_completeness_too`, runs the checker for D's UPGC players,
// the PSZA entities (psza_entities) and every team (else inputs.completeness stays nullptr). Throws
// StoreError.
Phase4Context load_phase4_context(Store& store, Date d, bool check_completeness_too);

}  // namespace nbaprops::precompute
