// A player's Phase 3 history as seen from date D (02-analytics.md §0 "Appearance", §5
// "History"): his player_game_summary rows of the current season S = season(D) dated before D,
// his appearances A (status active, minutes > 0) newest first, and his latest team.
//
// Only rows dated before D are read, whatever else the history holds (point in time).
// A PlayerWindow points into the Phase3History it was built from; REQUIRES: the history
// outlives it. Pure functions; thread-safe on a finished history.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analytics/history.h"

namespace nbaprops::analytics {

struct PlayerWindow {
  std::span<const PgsRecord> season_rows;     // season S, date < D, oldest first (all statuses)
  std::vector<const PgsRecord*> appearances;  // A: appearances of season_rows, newest first
  // His most recent row of season_rows (any status), or nullptr: its team_abbr is his latest
  // team as of D.
  const PgsRecord* latest() const { return season_rows.empty() ? nullptr : &season_rows.back(); }
};

PlayerWindow player_window(const Phase3History& history, const std::string& player_lookup, Date d);

// Means over the first n appearances of A (n = min(N, |A|)); NULLs skipped.
struct LastGames {
  int games = 0;
  std::optional<double> pts, minutes, usage;
};
LastGames last_games(const PlayerWindow& w, int n);

// Rows of `rows` (sorted by date) dated before D and in `season`: a contiguous range, since
// seasons grow with dates.
template <typename T>
std::span<const T> season_before(std::span<const T> rows, Date d, int season) {
  auto prior = before(rows, d);
  size_t start = prior.size();
  while (start > 0 && prior[start - 1].season == season) --start;
  return prior.subspan(start);
}

}  // namespace nbaprops::analytics
