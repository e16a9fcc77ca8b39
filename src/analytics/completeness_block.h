// The completeness block of 03-precompute.md §1, declared once for every table that carries it
// (the Phase 3 contexts here, the Phase 4 tables through precompute/completeness_record.h):
//
//   completeness_checked, bootstrap_mode, expected_games_count, actual_games_count,
//   completeness_pct, one <w>_completeness_pct per window, all_windows_complete,
//   is_production_ready
//
// Player tables carry PlayerCompletenessColumns (windows l5, l10, l7d, l14d, l30d; primary
// window l10), team tables TeamCompletenessColumns (windows l7d, l14d, l15; primary l15), either
// as a member appended to their record (player_completeness_record(), Phase 3) or as a base
// struct (add_player_completeness / add_team_completeness on the derived record, Phase 4).
//
// Without a checker result (backfill mode, 03-precompute.md §2) a row is written unchecked:
// completeness_checked = false and every other completeness column NULL (no fake 100%
// values), except bootstrap_mode, which is always filled:
//   bootstrap_mode = 0 <= D - opening_night < 30,
//   opening_night  = the earliest regular-season game date of season S = season(D) in games
// (false when season S has no regular-season game in the loaded inputs).
// Plain value types and pure functions of read-only inputs; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>

#include "analytics/completeness.h"
#include "analytics/inputs.h"
#include "core/record.h"

namespace nbaprops::analytics {

inline constexpr int kBootstrapDays = 30;

// The earliest regular-season game date of `season` in the inputs; nullopt when none.
std::optional<Date> opening_night(const RawInputs& inputs, int season);
// 0 <= D - opening_night(season(D)) < kBootstrapDays.
bool bootstrap_mode(const RawInputs& inputs, Date d);

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

// Appends the block's columns (order above) to `r`. REQUIRES (compile time): T derives from B
// (or is B).
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
// The block alone, for a record that holds it as a member (Record::append).
const Record<PlayerCompletenessColumns>& player_completeness_record();
const Record<TeamCompletenessColumns>& team_completeness_record();

// The block of an entity from the checker's result: checked (true, bootstrap, expected / actual
// / pct of the primary window, each window's pct by name, all_windows_complete, the
// production-ready flag as is_production_ready); unchecked when `entity` is nullptr (false,
// bootstrap, the rest NULL).
PlayerCompletenessColumns player_completeness(const EntityCompleteness* entity, bool bootstrap);
TeamCompletenessColumns team_completeness(const EntityCompleteness* entity, bool bootstrap);

}  // namespace nbaprops::analytics
