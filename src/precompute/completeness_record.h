// The completeness block of 03-precompute.md §1 as the Phase 4 tables fill it. The block itself
// (its columns, PlayerCompletenessColumns / TeamCompletenessColumns and add_player_completeness /
// add_team_completeness, which append it to a record of a row struct deriving from it) is
// declared once in analytics/completeness_block.h, for the Phase 3 contexts and the Phase 4
// tables alike; this file fills it from Phase 4's inputs.
//
// Unchecked (backfill mode, §2): checked false, bootstrap_mode filled, the rest NULL (the
// members' defaults).
// Plain value types and pure functions; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "analytics/completeness_block.h"
#include "core/record.h"
#include "precompute/phase4_inputs.h"

namespace nbaprops::precompute {

using analytics::add_completeness;
using analytics::add_player_completeness;
using analytics::add_team_completeness;
using analytics::CompletenessColumns;
using analytics::CompletenessWindow;
using analytics::player_completeness_windows;
using analytics::PlayerCompletenessColumns;
using analytics::team_completeness_windows;
using analytics::TeamCompletenessColumns;

// The block of an entity from its checker result: checked from `entity` (expected / actual /
// pct of the primary window, each window's pct by name, all_windows_complete, production-ready
// as is_production_ready); unchecked when `entity` is nullptr. bootstrap_mode = in's.
PlayerCompletenessColumns player_block(const Phase4Inputs& in, const EntityCompleteness* entity);
TeamCompletenessColumns team_block(const Phase4Inputs& in, const EntityCompleteness* entity);

// The block of a player row whose readiness the processor decides (PCF, PDC): checked whenever
// D's completeness was checked (in.completeness); an entity the checker has no result for gets
// NULL counts and pcts; is_production_ready = `production_ready` (false when nullopt).
// Unchecked when in.completeness is nullptr.
PlayerCompletenessColumns player_block_with_readiness(const Phase4Inputs& in,
                                                      const EntityCompleteness* entity,
                                                      std::optional<bool> production_ready);

}  // namespace nbaprops::precompute
