#include "precompute/completeness_record.h"

namespace nbaprops::precompute {
namespace {

using P = PlayerCompletenessColumns;
using T = TeamCompletenessColumns;

std::optional<double> pct_of(const EntityCompleteness& e, const char* window) {
  const WindowCompleteness* w = e.window(window);
  return w ? std::optional<double>(w->pct) : std::nullopt;
}

template <class B, size_t N>
B block_of(const Phase4Inputs& in, const EntityCompleteness* e,
           const std::array<CompletenessWindow<B>, N>& windows) {
  B b;
  b.bootstrap_mode = in.bootstrap_mode;
  if (!e) return b;
  const WindowCompleteness& p = e->primary();
  b.completeness_checked = true;
  b.expected_games_count = p.expected;
  b.actual_games_count = p.actual;
  b.completeness_pct = p.pct;
  for (const auto& w : windows) b.*w.pct = pct_of(*e, w.name);
  b.all_windows_complete = e->all_windows_complete;
  b.is_production_ready = e->production_ready;
  return b;
}

}  // namespace

const std::array<CompletenessWindow<P>, 5>& player_completeness_windows() {
  static const std::array<CompletenessWindow<P>, 5> w = {{{"l5", &P::l5_completeness_pct},
                                                          {"l10", &P::l10_completeness_pct},
                                                          {"l7d", &P::l7d_completeness_pct},
                                                          {"l14d", &P::l14d_completeness_pct},
                                                          {"l30d", &P::l30d_completeness_pct}}};
  return w;
}

const std::array<CompletenessWindow<T>, 3>& team_completeness_windows() {
  static const std::array<CompletenessWindow<T>, 3> w = {{{"l7d", &T::l7d_completeness_pct},
                                                          {"l14d", &T::l14d_completeness_pct},
                                                          {"l15", &T::l15_completeness_pct}}};
  return w;
}

P player_block(const Phase4Inputs& in, const EntityCompleteness* entity) {
  return block_of(in, entity, player_completeness_windows());
}

T team_block(const Phase4Inputs& in, const EntityCompleteness* entity) {
  return block_of(in, entity, team_completeness_windows());
}

P player_block_with_readiness(const Phase4Inputs& in, const EntityCompleteness* entity,
                              std::optional<bool> production_ready) {
  P b;
  b.bootstrap_mode = in.bootstrap_mode;
  if (!in.completeness) return b;
  b.completeness_checked = true;
  if (const WindowCompleteness* primary = entity ? entity->window("l10") : nullptr) {
    b.expected_games_count = primary->expected;
    b.actual_games_count = primary->actual;
    b.completeness_pct = primary->pct;
  }
  if (entity) {
    for (const auto& w : player_completeness_windows()) b.*w.pct = pct_of(*entity, w.name);
    b.all_windows_complete = entity->all_windows_complete;
  }
  b.is_production_ready = production_ready.value_or(false);
  return b;
}

}  // namespace nbaprops::precompute
