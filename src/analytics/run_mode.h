// The mode of a Phase 3 run for one date (02-analytics.md §5 "Mode", 05-pipeline.md).
//
// BACKFILL replays a finished date: every game on D is final and has box-score rows, so the
// box scores of D decide which players get an upcoming_player_game_context row. DAILY is
// everything else. The command line may force either mode; detect_mode() is the default.
// Pure function of read-only inputs; thread-safe.
#pragma once

#include <string_view>

#include "analytics/inputs.h"

namespace nbaprops::analytics {

enum class RunMode { kDaily, kBackfill };

// kBackfill when D has at least one game played and every game on D is final with at least
// one player_boxscores row, postponed and cancelled games aside; kDaily otherwise (a date
// without games played is kDaily: nothing to replay).
RunMode detect_mode(const RawInputs& inputs, Date d);

// "daily" / "backfill", as processor_runs.mode stores it.
std::string_view run_mode_name(RunMode mode);

}  // namespace nbaprops::analytics
