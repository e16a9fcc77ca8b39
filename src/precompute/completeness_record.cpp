#include "precompute/completeness_record.h"

namespace nbaprops::precompute {
namespace {

using P = PlayerCompletenessColumns;
using T = TeamCompletenessColumns;

std::optional<double> pct_of(const EntityCompleteness& e, const char* window) {
  const WindowCompleteness* w = e.window(window);
  return w ? std::optional<double>(w->pct) : std::nullopt;
}

}  // namespace

P player_block(const Phase4Inputs& in, const EntityCompleteness* entity) {
  return analytics::player_completeness(entity, in.bootstrap_mode);
}

T team_block(const Phase4Inputs& in, const EntityCompleteness* entity) {
  return analytics::team_completeness(entity, in.bootstrap_mode);
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
