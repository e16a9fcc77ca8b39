// The completeness block of 03-precompute.md §1, as the Phase 3 context processors carry it.
//
// Without a checker result (backfill mode, 03-precompute.md §2) a row is written unchecked:
// completeness_checked = false and every other completeness column NULL (no fake 100%
// values), except bootstrap_mode, which is always filled:
//   bootstrap_mode = 0 <= D - opening_night < 30,
//   opening_night  = the earliest regular-season game date of season S = season(D) in games
// (false when season S has no regular-season game in the loaded inputs).
// Pure functions of read-only inputs; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analytics/completeness.h"
#include "analytics/inputs.h"
#include "analytics/row_builder.h"
#include "core/record.h"

namespace nbaprops::analytics {

inline constexpr int kBootstrapDays = 30;

// The earliest regular-season game date of `season` in the inputs; nullopt when none.
std::optional<Date> opening_night(const RawInputs& inputs, int season);
// 0 <= D - opening_night(season(D)) < kBootstrapDays.
bool bootstrap_mode(const RawInputs& inputs, Date d);

// The block as a record member (core/record.h), declared once for every table that carries
// it: completeness_checked, bootstrap_mode, expected_games_count, actual_games_count,
// completeness_pct, one <w>_completeness_pct per window (window_pct[i] for the table's i-th
// window), all_windows_complete, is_production_ready.
inline constexpr size_t kMaxCompletenessWindows = 5;
struct CompletenessBlock {
  bool completeness_checked = false, bootstrap_mode = false;
  std::optional<int64_t> expected_games_count, actual_games_count;
  std::optional<double> completeness_pct;                                 // 1 decimal
  std::array<std::optional<double>, kMaxCompletenessWindows> window_pct;  // 1 decimal
  std::optional<bool> all_windows_complete, is_production_ready;

  // Unchecked: false, bootstrap, the rest NULL.
  static CompletenessBlock unchecked(bool bootstrap);
  // Checked from the checker's result for one entity: true, bootstrap, expected/actual/pct of
  // the primary window (l10 players, l15 teams), each window's pct in the entity's window
  // order, all_windows_complete, and the production-ready flag as is_production_ready.
  // REQUIRES: the record was declared with the entity's windows, in the same order.
  static CompletenessBlock checked(const EntityCompleteness& entity, bool bootstrap);
};
// The block's record for the given windows (e.g. {"l7d", "l14d", "l15"}). REQUIRES: at most
// kMaxCompletenessWindows windows.
Record<CompletenessBlock> completeness_block_record(const std::vector<std::string>& windows);

// The same block for tables still built with RowBuilder (Phase 4).
// Appends the block's columns for the given windows (e.g. {"l7d", "l14d", "l15"}):
// completeness_checked, bootstrap_mode, expected_games_count, actual_games_count,
// completeness_pct, one <w>_completeness_pct per window, all_windows_complete,
// is_production_ready.
void add_completeness_columns(ColumnList& columns, const std::vector<std::string>& windows);
// Appends the unchecked values of that block: false, bootstrap, then NULLs.
void add_unchecked_completeness(RowBuilder& row, size_t window_count, bool bootstrap);
// Appends the checked values of that block from the checker's result for one entity:
// true, bootstrap, expected/actual/pct of the primary window (l10 players, l15 teams), each
// window's pct in the entity's window order, all_windows_complete, and the entity's
// production-ready flag as is_production_ready.
// REQUIRES: the columns were declared with the entity's windows, in the same order.
void add_checked_completeness(RowBuilder& row, const EntityCompleteness& entity, bool bootstrap);

}  // namespace nbaprops::analytics
