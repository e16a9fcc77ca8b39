// What the Phase 4 processors read of the Phase 4 rows of D written before them, as compact
// read-only records (core/record.h) over the stored tables: each is a projection of its table's
// one declaration (<table>_record.h), a test checks that every column it reads is declared
// there with the same type (tests/unit/phase4_records_test.cpp). Read through
// DayRows::read(view, entity). Plain value types; the records are immutable and thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/record.h"

namespace nbaprops::precompute {

// A PSZA row's zone rates (PCF's shot-zone mismatch, PDC's copies) and its readiness.
struct ShotZoneRatesView {
  std::optional<std::string> primary_scoring_zone;
  std::optional<double> paint_rate_last_10, mid_range_rate_last_10, three_pt_rate_last_10;
  std::optional<bool> is_production_ready;
};
const Record<ShotZoneRatesView>& shot_zone_rates_view();

// What MLFS reads of a PSZA row: the three zone rates (features 18-20) and readiness.
struct ShotZoneFeaturesView {
  std::optional<double> paint_rate_last_10, mid_range_rate_last_10, three_pt_rate_last_10;
  std::optional<bool> is_production_ready;
};
const Record<ShotZoneFeaturesView>& shot_zone_features_view();

// What PCF reads of a TDZA row: the zones against the league (shot-zone mismatch) and readiness.
struct DefenseVsLeagueView {
  std::optional<double> paint_defense_vs_league_avg, mid_range_defense_vs_league_avg,
      three_pt_defense_vs_league_avg;
  std::optional<std::string> weakest_zone;
  std::optional<bool> is_production_ready;
};
const Record<DefenseVsLeagueView>& defense_vs_league_view();

// What MLFS reads of the opponent's TDZA row: its rating, pace and readiness.
struct OpponentDefenseView {
  std::optional<double> defensive_rating_last_15, opponent_pace;
  std::optional<bool> is_production_ready;
};
const Record<OpponentDefenseView>& opponent_defense_view();

// What MLFS reads of a PDC row: its Phase 4 features and readiness.
struct DailyCacheFeaturesView {
  std::optional<double> points_avg_last_5, points_avg_last_10, points_avg_season,
      points_std_last_10, minutes_avg_last_10, team_pace_last_10, team_off_rating_last_10;
  std::optional<int64_t> games_in_last_7_days;
  std::optional<bool> is_production_ready;
};
const Record<DailyCacheFeaturesView>& daily_cache_features_view();

// What MLFS reads of a PCF row: four factors and readiness.
struct CompositeFactorsView {
  std::optional<int64_t> fatigue_score;
  std::optional<double> shot_zone_mismatch_score, pace_score, usage_spike_score;
  std::optional<bool> is_production_ready;
};
const Record<CompositeFactorsView>& composite_factors_view();

// What predict reads of a PSZA row (predict_day.cpp: a candidate's shot attempts per game).
struct ShotAttemptsView {
  std::string player_lookup;
  std::optional<double> paint_attempts_per_game, mid_range_attempts_per_game,
      three_pt_attempts_per_game;
};
const Record<ShotAttemptsView>& shot_attempts_view();

// What predict reads of a TDZA row (predict_day.cpp: the opponent's recent zone defense).
struct ZoneDefenseView {
  Date analysis_date;
  std::string team_abbr;
  std::optional<double> paint_defense_vs_league_avg, mid_range_defense_vs_league_avg,
      three_pt_defense_vs_league_avg, defensive_rating_last_15;
};
const Record<ZoneDefenseView>& zone_defense_view();

// What picks reads of a TDZA row (picks/load.cpp: the opponent's paint-points rank).
struct PaintDefenseView {
  std::string team_abbr;
  std::optional<double> paint_points_allowed_per_game;
};
const Record<PaintDefenseView>& paint_defense_view();

// What the training set reads of an ml_feature_store row (predict/training_set.cpp): the key
// and the two JSON arrays.
struct FeatureRowView {
  std::optional<Date> game_date;
  std::optional<std::string> player_lookup, features, feature_sources;
};
const Record<FeatureRowView>& feature_row_view();

}  // namespace nbaprops::precompute
