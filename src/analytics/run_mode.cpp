#include "analytics/run_mode.h"

namespace nbaprops::analytics {

RunMode detect_mode(const RawInputs& inputs, Date d) {
  // A postponed or cancelled game will not be final on D: it does not hold D in daily mode
  // (docs/tonight.md).
  bool played = false;
  for (const Game* g : inputs.games_on(d)) {
    if (g->status == "postponed" || g->status == "cancelled") continue;
    played = true;
    if (!g->is_final() || inputs.game_player_boxes(g->game_id).empty()) return RunMode::kDaily;
  }
  return played ? RunMode::kBackfill : RunMode::kDaily;
}

std::string_view run_mode_name(RunMode mode) {
  return mode == RunMode::kBackfill ? "backfill" : "daily";
}

}  // namespace nbaprops::analytics
