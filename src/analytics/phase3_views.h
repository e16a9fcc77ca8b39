// What later phases read of the stored Phase 3 rows, as compact read-only records
// (core/record.h) over the stored tables: each reads a few columns by name, and a test checks
// that every one is declared by its table's record with the same type
// (tests/unit/phase3_records_test.cpp, tests/unit/record_readers_test.cpp). Read with
// `view.bind(table)` once per scan, then `view.read(binding, row)`; `view.wanted(table)` is the
// scan's projection. The Phase 4 processors read the rows of D held in memory through
// precompute::DayRows (read, read_all), which binds once per thread. A row whose width is not
// its table's is refused (std::invalid_argument).
// Plain value types; the records are immutable and thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/record.h"

namespace nbaprops::analytics {

// What grading reads of a player_game_summary row of D (predict/grade_day.cpp): the player's
// box score.
struct PlayerBoxView {
  std::string game_id, player_lookup;
  bool is_dnp = false;  // NULL read as false
  std::optional<double> minutes;
  std::optional<int64_t> pts;
};
const Record<PlayerBoxView>& player_box_view();

// What the market stage reads of an upcoming_player_game_context row of D
// (pipeline/market_stage.cpp): the player's game on D.
struct UpcomingGameView {
  std::string player_lookup, team_abbr, opponent_abbr;  // NULL read as ""
  bool home_game = false;                               // NULL read as false
};
const Record<UpcomingGameView>& upcoming_game_view();

// What PCF reads of a UPGC row of D (precompute/player_composite_factors.cpp): the key, the
// fatigue inputs, usage and pace, and readiness. Members hold the cells as stored (NULL:
// nullopt), as the by-name reads did.
struct CompositeContextView {
  std::string player_lookup;
  std::optional<int64_t> player_id;
  std::optional<std::string> game_id, team_abbr, opponent_abbr;
  std::optional<int64_t> days_rest;
  std::optional<bool> back_to_back;
  std::optional<int64_t> games_in_last_7_days;
  std::optional<double> minutes_in_last_7_days, avg_minutes_per_game_last_7_days,
      avg_usage_rate_last_7_days;
  std::optional<int64_t> back_to_backs_last_14_days, player_age;
  std::optional<double> opponent_pace_last_10, pace_differential;
  std::optional<int64_t> star_teammates_out;
  std::optional<double> projected_usage_rate;
  std::optional<bool> is_production_ready;
};
const Record<CompositeContextView>& composite_context_view();

// What PDC reads of a UPGC row of D (precompute/player_daily_cache.cpp): the key and the
// fatigue columns it copies.
struct DailyCacheContextView {
  std::string player_lookup;
  std::optional<int64_t> player_id;
  std::optional<std::string> team_abbr;
  std::optional<int64_t> games_in_last_7_days, games_in_last_14_days;
  std::optional<double> minutes_in_last_7_days, minutes_in_last_14_days,
      avg_minutes_per_game_last_7_days;
  std::optional<int64_t> back_to_backs_last_14_days, player_age;
};
const Record<DailyCacheContextView>& daily_cache_context_view();

// What MLFS reads of a UPGC row of D (precompute/ml_feature_store.cpp): the key, the player
// filter (injury, minutes, line) and the Phase 3 features.
struct FeatureContextView {
  std::string player_lookup;
  std::optional<int64_t> player_id;
  std::optional<std::string> game_id, team_abbr, opponent_abbr, injury_status;
  std::optional<double> avg_minutes_per_game_last_7_days, current_points_line, opening_points_line;
  std::optional<int64_t> games_in_last_7_days, days_rest;
  std::optional<bool> home_game, back_to_back;
  std::optional<std::string> season_phase;
  std::optional<int64_t> star_teammates_out;
  std::optional<double> minutes_in_last_7_days;
  std::optional<int64_t> prop_over_streak, prop_under_streak;
};
const Record<FeatureContextView>& feature_context_view();

// What PCF reads of a UTGC row of D: the team's travel and readiness.
struct TeamTravelView {
  std::optional<int64_t> travel_miles, time_zones_crossed;
  std::optional<bool> is_production_ready;
};
const Record<TeamTravelView>& team_travel_view();

// What MLFS reads of a UTGC row of D: the opponent's rest and the game lines.
struct TeamLinesView {
  std::optional<int64_t> opponent_days_rest;
  std::optional<double> game_total, game_spread;
};
const Record<TeamLinesView>& team_lines_view();

// What predict reads of a UPGC row of D (predict/predict_day.cpp, the candidate load): the
// player's status, game and points line.
struct CandidateContextView {
  std::string player_lookup;
  std::optional<std::string> injury_status, game_id, team_abbr, opponent_abbr;
  std::optional<double> current_points_line;
  std::optional<std::string> points_line_bookmaker;
};
const Record<CandidateContextView>& candidate_context_view();

// What the training set reads of a player_game_summary row (predict/training_set.cpp): the
// appearance and its points.
struct AppearancePointsView {
  std::optional<Date> game_date;
  std::optional<std::string> player_lookup, player_status;
  std::optional<double> minutes;
  std::optional<int64_t> pts;
};
const Record<AppearancePointsView>& appearance_points_view();

}  // namespace nbaprops::analytics
