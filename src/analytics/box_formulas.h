// The box-score formulas of the game summaries (02-analytics.md §1-§3), one function per
// formula, in double precision and unrounded (rounding happens when a row is stored).
// Every function returns NULL (nullopt) when an input is unknown or a denominator is 0, as the
// spec's NULL rules say. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>

namespace nbaprops::analytics {

// FGA + 0.44·FTA − OREB + TOV.
std::optional<double> possessions(std::optional<int64_t> fga, std::optional<int64_t> fta,
                                  std::optional<int64_t> oreb, std::optional<int64_t> tov);
// 100·PTS / possessions; NULL when possessions <= 0. Also the defensive rating of the
// other bench (points allowed over the opponent's possessions).
std::optional<double> offensive_rating(std::optional<int64_t> pts,
                                       std::optional<double> possessions);
// possessions·48 / (M/5), M the normalised team minutes.
std::optional<double> pace(std::optional<double> possessions, int normalised_minutes);
// PTS / (2·(FGA + 0.44·FTA)); defined for free-throw-only games.
std::optional<double> true_shooting_pct(std::optional<int64_t> pts, std::optional<int64_t> fga,
                                        std::optional<int64_t> fta);
// (FGM + 0.5·FG3M) / FGA; NULL when FGA = 0.
std::optional<double> effective_fg_pct(std::optional<int64_t> fgm, std::optional<int64_t> fg3m,
                                       std::optional<int64_t> fga);

// The inputs of usage rate U (§1): the player's line and his team's TOGS line.
struct UsageInputs {
  std::optional<int64_t> fga, fta, tov;
  std::optional<double> minutes;
  std::optional<int64_t> team_fga, team_fta, team_tov;
  int team_normalised_minutes = 240;
};
// 100·(FGA + 0.44·FTA + TOV)·(M/5) / (MIN·(TmFGA + 0.44·TmFTA + TmTOV)), 0-100 scale.
// NULL when MIN is NULL or 0, a team value is unknown, or the team sum is 0. The caller
// applies the > 100 range check.
std::optional<double> usage_rate(const UsageInputs& u);

}  // namespace nbaprops::analytics
