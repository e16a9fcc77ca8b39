// The computed features of ml_feature_store (03-precompute.md §7.2), one function per feature,
// named after it. Each returns the unrounded value, or nullopt when the feature's condition
// fails (too few games, an input missing): the caller then stores the feature's default
// (label `default`) or NULL (label `missing`) and rounds computed values to 4 decimals.
//
// "Games" (type Games) are the player's appearances (active, minutes > 0) of season S before D,
// newest first (README "last N games"). Pure functions of their arguments; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analytics/history.h"
#include "analytics/inputs.h"
#include "core/date.h"

namespace nbaprops::precompute::features {

using Games = std::span<const analytics::PgsRecord* const>;

// The player's appearances of season(D) before D, newest first.
std::vector<const analytics::PgsRecord*> season_games(const analytics::Phase3History& history,
                                                      const std::string& player_lookup, Date d);

// Sample standard deviation; nullopt for fewer than 2 values.
std::optional<double> sample_sd(std::span<const double> xs);

// 9: clamp((days_rest - 1) - opponent_days_rest, -2, 2); nullopt when either is NULL.
std::optional<double> rest_advantage(std::optional<double> days_rest,
                                     std::optional<double> opponent_days_rest);
// 10: available / none 0, probable 1, questionable 2, doubtful / out 3 (other texts: 0).
double injury_risk(const std::optional<std::string>& injury_status);
// 11: d = mean pts of games 1-2 - mean of games 3-5, bucketed to -2..2; nullopt below 5 games.
std::optional<double> recent_trend(Games games);
// 12: (mean minutes last 10 - season mean) / season mean, bucketed to -2..2; nullopt without
// games or when the season mean is 0.
std::optional<double> minutes_change(Games games);
// 21: sum ftm / sum pts over the last 10 games, clamp [0, 0.5]; nullopt below 5 games or for
// sum pts = 0.
std::optional<double> pct_free_throw(Games games);
// 24: wins / games over the team's TOGS rows (season S, before D, win_flag known); nullopt
// below 5 games.
std::optional<double> team_win_pct(std::span<const analytics::TogsRecord> team_games);
// 29-30: his appearances against `opponent` in [D - 365, D), any season (`all_rows` in date
// order, all statuses): mean pts (nullopt when none) and count.
struct VsOpponent {
  std::optional<double> avg_points;
  int games = 0;
};
VsOpponent points_vs_opponent(std::span<const analytics::PgsRecord> all_rows,
                              const std::string& opponent, Date d);
// 32: sum pts / sum minutes over the last 10 games; nullopt without games or minutes.
std::optional<double> ppm_avg_last_10(Games games);
// The games E of the player's l10 completeness window (03-precompute.md §2.1-2.2) from the raw
// box scores: T = team of his most recent player_boxscores row of season S before D, J = date
// of his first row with T in S, E = T's last 10 final games of S with J <= date < D.
std::vector<const analytics::Game*> l10_expected_games(const analytics::RawInputs& raw,
                                                       const std::string& player_lookup, Date d);
// 33: share of the games of E (l10_expected_games) in which he did not appear with minutes > 0;
// nullopt when |E| < 3.
std::optional<double> dnp_rate(const analytics::RawInputs& raw, const std::string& player_lookup,
                               Date d);
// 34: OLS slope of pts over the last 10 games (oldest first); nullopt below 5 games.
std::optional<double> pts_slope_10g(Games games);
// 35: (f0 - f2) / f3 clamped to +-3; 0 when f3 = 0.
double pts_vs_season_zscore(double f0, double f2, double f3);
// 36: 1 when f0 > f2 + 1.5 f3, else 0.
double breakout_flag(double f0, double f2, double f3);
// 43: mean pts of the last <= 3 games; nullopt without games.
std::optional<double> points_avg_last_3(Games games);
// 44: OLS slope of pts over the last <= 7 games; nullopt below 4 games.
std::optional<double> scoring_trend_slope(Games games);
// 45: (f43 - mu) / sigma over his games in [D - 60, D); nullopt below 2 such games or without
// f43; 0 when sigma = 0.
std::optional<double> deviation_from_avg_last3(Games games, Date d);
// 46: newest-first run of games in [D - 60, D) with pts < mu; nullopt without such games.
std::optional<double> consecutive_games_below_avg(Games games, Date d);
// 47: sum over `out_teammates` of their mean usage_rate over appearances in [D - 30, D) with
// minutes > 10 (0 for a teammate without one).
double teammate_usage_available(const analytics::Phase3History& history,
                                std::span<const std::string> out_teammates, Date d);
// 48: mean usage_rate of the last 5 games; nullopt below 3 non-NULL values.
std::optional<double> usage_rate_last_5(Games games);
// 49: games since a team change or a gap > 14 days (see §7.2); 0 when D - newest game > 14 days;
// nullopt without games.
std::optional<double> games_since_structural_change(Games games, Date d);
// 50: sample sd over bookmakers of each book's latest pre-tip points line for the game;
// nullopt below 2 books. `lines`: the player's prop lines on D (all markets).
std::optional<double> multi_book_line_std(std::span<const analytics::PropLine* const> lines,
                                          const analytics::Game* game);
// 54: line - closing line of his most recent game dated D - 14 or later that has one.
std::optional<double> prop_line_delta(std::optional<double> line, Games games, Date d);
// 55: of his most recent <= 10 games with a closing line, share with pts > line; nullopt below 5.
std::optional<double> over_rate_last_10(Games games);
// 56: mean (pts - line) over the most recent <= 5 games with a closing line; nullopt below 3.
std::optional<double> margin_vs_line_avg_last_5(Games games);
// 57: share of the team's last <= 10 TOGS games (season S, before D, margin known) with
// |margin| >= 15; nullopt below 3.
std::optional<double> blowout_minutes_risk(std::span<const analytics::TogsRecord> team_games);
// 58: sample sd of minutes over the last <= 10 games; nullopt below 3.
std::optional<double> minutes_volatility_last_10(Games games);

}  // namespace nbaprops::precompute::features
