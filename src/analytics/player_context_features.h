// The per-player formulas of upcoming_player_game_context (02-analytics.md §5) that read only
// the player's own history: recent performance, fatigue, prop streaks, season phase and age.
//
// Every function reads a PlayerWindow (rows of the current season dated before D), so only
// data before D can influence a value. Values are unrounded; the row rounds them when stored.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "analytics/player_window.h"

namespace nbaprops::analytics {

struct RecentPerformance {
  std::optional<double> points_avg_last_5, points_avg_last_10, points_avg_last_30_days;
  std::optional<double> minutes_avg_last_5, minutes_avg_last_10, minutes_avg_last_30_days;
  std::optional<double> usage_avg_last_5, usage_avg_last_10, usage_avg_last_30_days;
  std::optional<double> points_std_last_5, points_std_last_10;
  std::optional<double> points_trend_slope;  // over the last 10, oldest to newest; n >= 3
  int l5_games_used = 0, l10_games_used = 0;
  std::string l5_sample_quality, l10_sample_quality;
};
RecentPerformance recent_performance(const PlayerWindow& w, Date d);

struct Fatigue {
  std::optional<int64_t> days_rest;  // D - A[0]
  bool back_to_back = false;         // days_rest = 1
  int64_t games_in_last_7_days = 0, games_in_last_14_days = 0;
  double minutes_in_last_7_days = 0, minutes_in_last_14_days = 0;
  std::optional<double> avg_minutes_per_game_last_7_days, avg_usage_rate_last_7_days;
  int64_t back_to_backs_last_14_days = 0;
  std::optional<int64_t> days_rest_before_last_game;   // A[0] - A[1]
  std::optional<int64_t> days_since_2_plus_days_rest;  // D - A[i], first gap >= 2
};
Fatigue fatigue(const PlayerWindow& w, Date d);

struct PropStreaks {
  int64_t over = 0, under = 0;
};
// Walks `season_rows` (oldest first) newest first against line L: pts > L extends the over
// streak, pts < L the under streak, a push is skipped; the walk stops at the first game going
// the other way, at a DNP row and at NULL pts.
PropStreaks prop_streaks(std::span<const PgsRecord> season_rows, double line);

// playoffs for season_type playoffs / playin; else by month of D: Oct-Nov early, Dec-Feb mid,
// Mar-Apr late, any other month late.
std::string season_phase(const std::string& season_type, Date d);

// Completed years at D; nullopt without a birth date.
std::optional<int64_t> player_age(std::optional<Date> birth_date, Date d);

// Appearances with D - 30 <= date < D: the quality sample of §5 "Quality".
int appearances_last_30_days(const PlayerWindow& w, Date d);

}  // namespace nbaprops::analytics
