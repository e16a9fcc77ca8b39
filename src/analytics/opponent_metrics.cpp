#include "analytics/opponent_metrics.h"

#include <algorithm>
#include <vector>

#include "analytics/player_window.h"
#include "analytics/window_stats.h"

namespace nbaprops::analytics {
namespace {

constexpr size_t kGames = 10;

template <typename T>
std::span<const T> last_10(std::span<const T> rows, Date d) {
  auto season = season_before(rows, d, season_of(d));
  size_t n = std::min(kGames, season.size());
  return season.subspan(season.size() - n);
}

// Per-game ratio a / b; NULL when either is missing or b <= 0.
std::optional<double> ratio(std::optional<double> a, std::optional<double> b, double scale) {
  if (!a || !b || *b <= 0) return std::nullopt;
  return scale * *a / *b;
}

std::optional<double> as_double(std::optional<int64_t> v) {
  return v ? std::optional<double>(static_cast<double>(*v)) : std::nullopt;
}

}  // namespace

TeamForm team_form_last_10(const Phase3History& history, const std::string& team, Date d) {
  TeamForm f;
  std::vector<std::optional<double>> pace, off, reb, def, ft;
  for (const TogsRecord& r : last_10(history.team_offense(team), d)) {
    pace.push_back(r.pace);
    off.push_back(r.offensive_rating);
    reb.push_back(ratio(as_double(r.reb), r.possessions, 1.0));
  }
  for (const TdgsRecord& r : last_10(history.team_defense(team), d)) {
    def.push_back(r.defensive_rating);
    ft.push_back(ratio(as_double(r.opp_fta), r.opp_possessions, 100.0));
  }
  f.games_used = static_cast<int>(pace.size());
  f.pace = mean_of(pace);
  f.pace_std = sample_std_of(pace);
  f.off_rating = mean_of(off);
  f.off_rating_std = sample_std_of(off);
  f.def_rating = mean_of(def);
  f.def_rating_std = sample_std_of(def);
  f.rebounding_rate = mean_of(reb);
  f.rebounding_rate_std = sample_std_of(reb);
  f.ft_rate_allowed = mean_of(ft);
  f.ft_rate_allowed_std = sample_std_of(ft);
  return f;
}

}  // namespace nbaprops::analytics
