#include "analytics/run_mode.h"

namespace nbaprops::analytics {

RunMode detect_mode(const RawInputs& inputs, Date d) {
  auto games = inputs.games_on(d);
  if (games.empty()) return RunMode::kDaily;
  for (const Game* g : games) {
    if (!g->is_final() || inputs.game_player_boxes(g->game_id).empty()) return RunMode::kDaily;
  }
  return RunMode::kBackfill;
}

std::string_view run_mode_name(RunMode mode) {
  return mode == RunMode::kBackfill ? "backfill" : "daily";
}

}  // namespace nbaprops::analytics
