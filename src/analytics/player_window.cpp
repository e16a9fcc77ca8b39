#include "analytics/player_window.h"

#include <algorithm>

#include "analytics/window_stats.h"

namespace nbaprops::analytics {

PlayerWindow player_window(const Phase3History& history, const std::string& player_lookup, Date d) {
  PlayerWindow w;
  w.season_rows = season_before(history.player(player_lookup), d, season_of(d));
  for (auto it = w.season_rows.rbegin(); it != w.season_rows.rend(); ++it) {
    if (it->appeared()) w.appearances.push_back(&*it);
  }
  return w;
}

LastGames last_games(const PlayerWindow& w, int n) {
  size_t count = std::min(w.appearances.size(), static_cast<size_t>(n));
  std::vector<std::optional<double>> pts, minutes, usage;
  for (size_t i = 0; i < count; ++i) {
    const PgsRecord& r = *w.appearances[i];
    pts.push_back(r.pts ? std::optional<double>(static_cast<double>(*r.pts)) : std::nullopt);
    minutes.push_back(r.minutes);
    usage.push_back(r.usage_rate);
  }
  return {static_cast<int>(count), mean_of(pts), mean_of(minutes), mean_of(usage)};
}

}  // namespace nbaprops::analytics
