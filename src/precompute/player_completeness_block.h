// Writing the completeness block (03-precompute.md §1) of a Phase 4 player row from the one
// completeness result of D. Unchecked (inputs.completeness == nullptr): completeness_checked
// false, bootstrap_mode filled, the rest NULL. Checked: the entity's windows; an entity the
// checker has no result for gets NULL counts and is not production-ready.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analytics/row_builder.h"
#include "precompute/gates.h"  // player_completeness()
#include "precompute/phase4_inputs.h"

namespace nbaprops::precompute {

// The player windows of the block, in column order; l10 is the primary window.
const std::vector<std::string>& player_completeness_windows();

// Appends the block. `production_ready` is the processor's is_production_ready (used only when
// checked; NULL when unchecked).
void put_player_completeness(analytics::RowBuilder& b, const Phase4Inputs& in,
                             const EntityCompleteness* c, std::optional<bool> production_ready);

}  // namespace nbaprops::precompute
