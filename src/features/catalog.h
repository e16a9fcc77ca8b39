// The 60-feature contract of ml_feature_store (03-precompute.md §7.2-7.3), declared once: an
// enum of the features in index order and one table entry per feature {name, category,
// default, valid range, source}. The feature store fills values by this enum and takes their
// defaults from the table, quality scoring takes categories, OPTIONAL and labels from it,
// training names its model columns from it, and every prediction system reads features by
// this enum. Adding or renaming a feature is one entry here (and its computation).
//
// Layer: between analytics and precompute (includes nothing of the engine). Immutable
// constants; thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <limits>
#include <optional>
#include <string_view>

namespace nbaprops::features {

inline constexpr size_t kFeatureCount = 60;
// The stored feature_version of this catalog.
inline constexpr const char* kFeatureVersion = "v1_60";

// The features in index order (the stored array's order, §7.2).
enum class Feature : size_t {
  kPointsAvgLast5,
  kPointsAvgLast10,
  kPointsAvgSeason,
  kPointsStdLast10,
  kGamesInLast7Days,
  kFatigueScore,
  kShotZoneMismatchScore,
  kPaceScore,
  kUsageSpikeScore,
  kRestAdvantage,
  kInjuryRisk,
  kRecentTrend,
  kMinutesChange,
  kOpponentDefRating,
  kOpponentPace,
  kHomeAway,
  kBackToBack,
  kPlayoffGame,
  kPctPaint,
  kPctMidRange,
  kPctThree,
  kPctFreeThrow,
  kTeamPace,
  kTeamOffRating,
  kTeamWinPct,
  kVegasPointsLine,
  kVegasOpeningLine,
  kVegasLineMove,
  kHasVegasLine,
  kAvgPointsVsOpponent,
  kGamesVsOpponent,
  kMinutesAvgLast10,
  kPpmAvgLast10,
  kDnpRate,
  kPtsSlope10g,
  kPtsVsSeasonZscore,
  kBreakoutFlag,
  kStarTeammatesOut,
  kGameTotalLine,
  kDaysRest,
  kMinutesLoadLast7d,
  kSpreadMagnitude,
  kImpliedTeamTotal,
  kPointsAvgLast3,
  kScoringTrendSlope,
  kDeviationFromAvgLast3,
  kConsecutiveGamesBelowAvg,
  kTeammateUsageAvailable,
  kUsageRateLast5,
  kGamesSinceStructuralChange,
  kMultiBookLineStd,
  kPropOverStreak,
  kPropUnderStreak,
  kLineVsSeasonAvg,
  kPropLineDelta,
  kOverRateLast10,
  kMarginVsLineAvgLast5,
  kBlowoutMinutesRisk,
  kMinutesVolatilityLast10,
  kOpponentPaceMismatch,
};

// The index of a feature in the stored array.
constexpr size_t index(Feature f) {
  return static_cast<size_t>(f);
}
// The feature at `i`. REQUIRES: i < kFeatureCount.
constexpr Feature feature_at(size_t i) {
  return static_cast<Feature>(i);
}

// Where a value comes from (the stored labels of §7.1, in their order): the label a feature
// carries when its input is present (`source` below), or default / missing when it is not.
enum class FeatureSource { kPhase4, kPhase3, kCalculated, kVegas, kDefault, kMissing };
inline constexpr size_t kFeatureSourceCount = 6;

// phase4, phase3, calculated, vegas, default, missing.
std::string_view feature_source_label(FeatureSource s);
// Weights of §7.3: phase4 100, phase3 87, calculated 100, vegas 100, default 40, missing 0.
double feature_source_weight(FeatureSource s);
// Label default or missing (§7.3 "default-like").
constexpr bool default_like(FeatureSource s) {
  return s == FeatureSource::kDefault || s == FeatureSource::kMissing;
}

// The quality categories of §7.3, in the stored columns' order ({category}_quality_pct).
enum class Category { kMatchup, kPlayerHistory, kTeamContext, kVegas, kGameContext };
inline constexpr size_t kCategoryCount = 5;
// matchup, player_history, team_context, vegas, game_context.
std::string_view category_name(Category c);

// What is stored when the input is missing or the feature's condition fails (§7.2's default
// column): a value (label default), NULL (label missing, "—"), the value of feature 2 (f29), or
// nothing because the feature always has a value (an empty cell).
struct Default {
  enum class Kind { kValue, kNull, kSeasonAverage, kAlwaysSet };
  Kind kind = Kind::kNull;
  double value = 0;  // for kValue
};

// The hard range of §7.2 (a value outside it is a VALIDATION_ERROR); unbounded when none.
struct Range {
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  bool bounded() const {
    return lo != -std::numeric_limits<double>::infinity() ||
           hi != std::numeric_limits<double>::infinity();
  }
  bool contains(double x) const { return x >= lo && x <= hi; }
};

struct FeatureSpec {
  Feature feature;
  std::string_view name;  // the spec's name
  Category category;
  bool optional;  // §7.3 OPTIONAL: a default-like value does not count in the score
  Default default_value;
  Range range;
  FeatureSource source;  // the label of a present value (f4: phase4, phase3 when from UPGC)
};

// The 60 entries in index order: catalog()[i].feature == feature_at(i).
const std::array<FeatureSpec, kFeatureCount>& catalog();
inline const FeatureSpec& spec(Feature f) {
  return catalog()[index(f)];
}
inline std::string_view feature_name(Feature f) {
  return spec(f).name;
}

}  // namespace nbaprops::features
