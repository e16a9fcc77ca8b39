#include "analytics/box_formulas.h"

namespace nbaprops::analytics {
namespace {

std::optional<double> d(std::optional<int64_t> v) {
  if (!v) return std::nullopt;
  return static_cast<double>(*v);
}

}  // namespace

std::optional<double> possessions(std::optional<int64_t> fga, std::optional<int64_t> fta,
                                  std::optional<int64_t> oreb, std::optional<int64_t> tov) {
  if (!fga || !fta || !oreb || !tov) return std::nullopt;
  return *d(fga) + 0.44 * *d(fta) - *d(oreb) + *d(tov);
}

std::optional<double> offensive_rating(std::optional<int64_t> pts,
                                       std::optional<double> possessions) {
  if (!pts || !possessions || *possessions <= 0) return std::nullopt;
  return 100.0 * *d(pts) / *possessions;
}

std::optional<double> pace(std::optional<double> possessions, int normalised_minutes) {
  if (!possessions || normalised_minutes <= 0) return std::nullopt;
  return *possessions * 48.0 / (normalised_minutes / 5.0);
}

std::optional<double> true_shooting_pct(std::optional<int64_t> pts, std::optional<int64_t> fga,
                                        std::optional<int64_t> fta) {
  if (!pts || !fga || !fta) return std::nullopt;
  double denominator = 2.0 * (*d(fga) + 0.44 * *d(fta));
  if (denominator == 0) return std::nullopt;
  return *d(pts) / denominator;
}

std::optional<double> effective_fg_pct(std::optional<int64_t> fgm, std::optional<int64_t> fg3m,
                                       std::optional<int64_t> fga) {
  if (!fgm || !fg3m || !fga || *fga == 0) return std::nullopt;
  return (*d(fgm) + 0.5 * *d(fg3m)) / *d(fga);
}

std::optional<double> usage_rate(const UsageInputs& u) {
  if (!u.minutes || *u.minutes == 0) return std::nullopt;
  if (!u.fga || !u.fta || !u.tov || !u.team_fga || !u.team_fta || !u.team_tov) {
    return std::nullopt;
  }
  double player_term = *d(u.fga) + 0.44 * *d(u.fta) + *d(u.tov);
  double team_term = *d(u.team_fga) + 0.44 * *d(u.team_fta) + *d(u.team_tov);
  if (team_term == 0) return std::nullopt;
  return 100.0 * player_term * (u.team_normalised_minutes / 5.0) / (*u.minutes * team_term);
}

}  // namespace nbaprops::analytics
