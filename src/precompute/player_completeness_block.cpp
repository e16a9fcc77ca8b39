#include "precompute/player_completeness_block.h"

#include "analytics/completeness_block.h"

namespace nbaprops::precompute {

const std::vector<std::string>& player_completeness_windows() {
  static const std::vector<std::string> windows = {"l5", "l10", "l7d", "l14d", "l30d"};
  return windows;
}

void put_player_completeness(analytics::RowBuilder& b, const Phase4Inputs& in,
                             const EntityCompleteness* c, std::optional<bool> production_ready) {
  const auto& windows = player_completeness_windows();
  if (!in.completeness) {
    analytics::add_unchecked_completeness(b, windows.size(), in.bootstrap_mode);
    return;
  }
  b.boolean(true).boolean(in.bootstrap_mode);
  const WindowCompleteness* primary = c ? c->window("l10") : nullptr;
  if (primary) {
    b.integer(primary->expected).integer(primary->actual).dec(primary->pct, 1);
  } else {
    b.null().null().null();
  }
  for (const auto& w : windows) {
    const WindowCompleteness* x = c ? c->window(w) : nullptr;
    b.dec(x ? std::optional<double>(x->pct) : std::nullopt, 1);
  }
  b.boolean(c ? std::optional<bool>(c->all_windows_complete) : std::nullopt);
  b.boolean(production_ready.value_or(false));
}

}  // namespace nbaprops::precompute
