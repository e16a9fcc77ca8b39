// The completeness block of 03-precompute.md §1 as one reusable piece of record declaration
// (core/record.h): the columns every Phase 4 table ends with, declared once here and appended to
// a table's record by `add_player_completeness` / `add_team_completeness`.
//
//   completeness_checked, bootstrap_mode, expected_games_count, actual_games_count,
//   completeness_pct, one <w>_completeness_pct per window, all_windows_complete,
//   is_production_ready
//
// A table's row struct derives from PlayerCompletenessColumns (windows l5, l10, l7d, l14d, l30d;
// primary window l10) or TeamCompletenessColumns (windows l7d, l14d, l15; primary l15), so its
// record reads and writes the block like its own members. Unchecked (backfill mode, §2): checked
// false, bootstrap_mode filled, the rest NULL (the members' defaults).
// Plain value types and pure functions; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "core/record.h"
#include "precompute/phase4_inputs.h"

namespace nbaprops::precompute {

struct CompletenessColumns {
  bool completeness_checked = false, bootstrap_mode = false;
  std::optional<int64_t> expected_games_count, actual_games_count;
  std::optional<double> completeness_pct;  // 1 decimal, the primary window's
  std::optional<bool> all_windows_complete, is_production_ready;
};

struct PlayerCompletenessColumns : CompletenessColumns {
  std::optional<double> l5_completeness_pct, l10_completeness_pct, l7d_completeness_pct,
      l14d_completeness_pct, l30d_completeness_pct;
};

struct TeamCompletenessColumns : CompletenessColumns {
  std::optional<double> l7d_completeness_pct, l14d_completeness_pct, l15_completeness_pct;
};

// One window of a block: its name (the column is <name>_completeness_pct) and its member.
template <class B>
struct CompletenessWindow {
  const char* name;
  std::optional<double> B::*pct;
};

// The windows of each block, in column order.
const std::array<CompletenessWindow<PlayerCompletenessColumns>, 5>& player_completeness_windows();
const std::array<CompletenessWindow<TeamCompletenessColumns>, 3>& team_completeness_windows();

// Appends the block's columns (order above) to `r`. REQUIRES (compile time): T derives from B.
template <class T, class B, size_t N>
Record<T>& add_completeness(Record<T>& r, const std::array<CompletenessWindow<B>, N>& windows) {
  static_assert(std::is_base_of_v<B, T>, "the row struct derives from the completeness block");
  using C = CompletenessColumns;
  using OptDouble = std::optional<double> T::*;
  using OptBool = std::optional<bool> T::*;
  r.field("completeness_checked", static_cast<bool T::*>(&C::completeness_checked))
      .field("bootstrap_mode", static_cast<bool T::*>(&C::bootstrap_mode))
      .field("expected_games_count",
             static_cast<std::optional<int64_t> T::*>(&C::expected_games_count))
      .field("actual_games_count", static_cast<std::optional<int64_t> T::*>(&C::actual_games_count))
      .dec("completeness_pct", static_cast<OptDouble>(&C::completeness_pct), 1);
  for (const auto& w : windows) {
    r.dec(std::string(w.name) + "_completeness_pct", static_cast<OptDouble>(w.pct), 1);
  }
  return r.field("all_windows_complete", static_cast<OptBool>(&C::all_windows_complete))
      .field("is_production_ready", static_cast<OptBool>(&C::is_production_ready));
}
template <class T>
Record<T>& add_player_completeness(Record<T>& r) {
  return add_completeness(r, player_completeness_windows());
}
template <class T>
Record<T>& add_team_completeness(Record<T>& r) {
  return add_completeness(r, team_completeness_windows());
}

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
