#include "features/catalog.h"

namespace nbaprops::features {
namespace {

using C = Category;
using S = FeatureSource;
using F = Feature;

constexpr double kInf = std::numeric_limits<double>::infinity();

constexpr Default value(double v) {
  return {Default::Kind::kValue, v};
}
constexpr Default kNull{Default::Kind::kNull, 0};
constexpr Default kSeasonAvg{Default::Kind::kSeasonAverage, 0};
constexpr Default kAlways{Default::Kind::kAlwaysSet, 0};

constexpr Range kAny{};
constexpr Range kFraction{0, 1};
constexpr Range kCount{0, kInf};
constexpr Range kPercent{0, 100};

constexpr bool kReq = false;  // required (§7.3)
constexpr bool kOpt = true;   // OPTIONAL (§7.3)

// 03-precompute.md §7.2 (name, default, label) and §7.3 (category, OPTIONAL), row by row.
// clang-format off
const std::array<FeatureSpec, kFeatureCount> kCatalog = {{
    {F::kPointsAvgLast5, "points_avg_last_5", C::kPlayerHistory, kReq, value(10.0), kAny, S::kPhase4},
    {F::kPointsAvgLast10, "points_avg_last_10", C::kPlayerHistory, kReq, value(10.0), kAny, S::kPhase4},
    {F::kPointsAvgSeason, "points_avg_season", C::kPlayerHistory, kReq, value(10.0), kAny, S::kPhase4},
    {F::kPointsStdLast10, "points_std_last_10", C::kPlayerHistory, kReq, value(5.0), kAny, S::kPhase4},
    {F::kGamesInLast7Days, "games_in_last_7_days", C::kPlayerHistory, kReq, value(3), kCount, S::kPhase4},
    {F::kFatigueScore, "fatigue_score", C::kMatchup, kReq, value(50), kPercent, S::kPhase4},
    {F::kShotZoneMismatchScore, "shot_zone_mismatch_score", C::kMatchup, kReq, value(0), kAny, S::kPhase4},
    {F::kPaceScore, "pace_score", C::kMatchup, kReq, value(0), kAny, S::kPhase4},
    {F::kUsageSpikeScore, "usage_spike_score", C::kMatchup, kReq, value(0), kAny, S::kPhase4},
    {F::kRestAdvantage, "rest_advantage", C::kGameContext, kReq, value(0), kAny, S::kCalculated},
    {F::kInjuryRisk, "injury_risk", C::kGameContext, kReq, kAlways, kAny, S::kCalculated},
    {F::kRecentTrend, "recent_trend", C::kGameContext, kReq, value(0), kAny, S::kCalculated},
    {F::kMinutesChange, "minutes_change", C::kGameContext, kReq, value(0), kAny, S::kCalculated},
    {F::kOpponentDefRating, "opponent_def_rating", C::kMatchup, kReq, value(112.0), kAny, S::kPhase4},
    {F::kOpponentPace, "opponent_pace", C::kMatchup, kReq, value(100.0), kAny, S::kPhase4},
    {F::kHomeAway, "home_away", C::kGameContext, kReq, value(0), kAny, S::kPhase3},
    {F::kBackToBack, "back_to_back", C::kGameContext, kReq, value(0), kAny, S::kPhase3},
    {F::kPlayoffGame, "playoff_game", C::kGameContext, kReq, value(0), kAny, S::kPhase3},
    {F::kPctPaint, "pct_paint", C::kGameContext, kReq, kNull, kFraction, S::kPhase4},
    {F::kPctMidRange, "pct_mid_range", C::kGameContext, kReq, kNull, kFraction, S::kPhase4},
    {F::kPctThree, "pct_three", C::kGameContext, kReq, kNull, kFraction, S::kPhase4},
    {F::kPctFreeThrow, "pct_free_throw", C::kGameContext, kReq, value(0.15), kFraction, S::kCalculated},
    {F::kTeamPace, "team_pace", C::kTeamContext, kReq, value(100.0), kAny, S::kPhase4},
    {F::kTeamOffRating, "team_off_rating", C::kTeamContext, kReq, value(112.0), kAny, S::kPhase4},
    {F::kTeamWinPct, "team_win_pct", C::kTeamContext, kReq, value(0.5), kFraction, S::kCalculated},
    {F::kVegasPointsLine, "vegas_points_line", C::kVegas, kOpt, kNull, kAny, S::kVegas},
    {F::kVegasOpeningLine, "vegas_opening_line", C::kVegas, kOpt, kNull, kAny, S::kVegas},
    {F::kVegasLineMove, "vegas_line_move", C::kVegas, kOpt, kNull, kAny, S::kVegas},
    {F::kHasVegasLine, "has_vegas_line", C::kVegas, kReq, kAlways, kAny, S::kCalculated},
    {F::kAvgPointsVsOpponent, "avg_points_vs_opponent", C::kPlayerHistory, kReq, kSeasonAvg, kAny, S::kCalculated},
    {F::kGamesVsOpponent, "games_vs_opponent", C::kPlayerHistory, kReq, kAlways, kCount, S::kCalculated},
    {F::kMinutesAvgLast10, "minutes_avg_last_10", C::kPlayerHistory, kReq, value(28.0), kAny, S::kPhase4},
    {F::kPpmAvgLast10, "ppm_avg_last_10", C::kPlayerHistory, kReq, value(0.4), kAny, S::kCalculated},
    {F::kDnpRate, "dnp_rate", C::kPlayerHistory, kReq, value(0), kFraction, S::kCalculated},
    {F::kPtsSlope10g, "pts_slope_10g", C::kPlayerHistory, kReq, value(0), kAny, S::kCalculated},
    {F::kPtsVsSeasonZscore, "pts_vs_season_zscore", C::kPlayerHistory, kReq, value(0), kAny, S::kCalculated},
    {F::kBreakoutFlag, "breakout_flag", C::kPlayerHistory, kReq, value(0), kAny, S::kCalculated},
    {F::kStarTeammatesOut, "star_teammates_out", C::kPlayerHistory, kOpt, value(0), kCount, S::kPhase3},
    {F::kGameTotalLine, "game_total_line", C::kGameContext, kOpt, kNull, kAny, S::kPhase3},
    {F::kDaysRest, "days_rest", C::kGameContext, kOpt, kNull, kAny, S::kPhase3},
    {F::kMinutesLoadLast7d, "minutes_load_last_7d", C::kGameContext, kOpt, kNull, kAny, S::kPhase3},
    {F::kSpreadMagnitude, "spread_magnitude", C::kGameContext, kOpt, kNull, kAny, S::kPhase3},
    {F::kImpliedTeamTotal, "implied_team_total", C::kGameContext, kOpt, kNull, kAny, S::kPhase3},
    {F::kPointsAvgLast3, "points_avg_last_3", C::kPlayerHistory, kOpt, kNull, kAny, S::kCalculated},
    {F::kScoringTrendSlope, "scoring_trend_slope", C::kPlayerHistory, kOpt, kNull, kAny, S::kCalculated},
    {F::kDeviationFromAvgLast3, "deviation_from_avg_last3", C::kPlayerHistory, kOpt, kNull, kAny, S::kCalculated},
    {F::kConsecutiveGamesBelowAvg, "consecutive_games_below_avg", C::kPlayerHistory, kOpt, kNull, kCount, S::kCalculated},
    {F::kTeammateUsageAvailable, "teammate_usage_available", C::kGameContext, kOpt, kAlways, kAny, S::kCalculated},
    {F::kUsageRateLast5, "usage_rate_last_5", C::kPlayerHistory, kOpt, kNull, kAny, S::kCalculated},
    {F::kGamesSinceStructuralChange, "games_since_structural_change", C::kPlayerHistory, kOpt, kNull, kCount, S::kCalculated},
    {F::kMultiBookLineStd, "multi_book_line_std", C::kGameContext, kOpt, kNull, kAny, S::kVegas},
    {F::kPropOverStreak, "prop_over_streak", C::kGameContext, kOpt, kNull, kCount, S::kPhase3},
    {F::kPropUnderStreak, "prop_under_streak", C::kGameContext, kOpt, kNull, kCount, S::kPhase3},
    {F::kLineVsSeasonAvg, "line_vs_season_avg", C::kGameContext, kOpt, kNull, kAny, S::kCalculated},
    {F::kPropLineDelta, "prop_line_delta", C::kPlayerHistory, kOpt, kNull, kAny, S::kVegas},
    {F::kOverRateLast10, "over_rate_last_10", C::kPlayerHistory, kOpt, kNull, kFraction, S::kCalculated},
    {F::kMarginVsLineAvgLast5, "margin_vs_line_avg_last_5", C::kPlayerHistory, kOpt, kNull, kAny, S::kCalculated},
    {F::kBlowoutMinutesRisk, "blowout_minutes_risk", C::kTeamContext, kOpt, kNull, kFraction, S::kCalculated},
    {F::kMinutesVolatilityLast10, "minutes_volatility_last_10", C::kPlayerHistory, kOpt, kNull, kAny, S::kCalculated},
    {F::kOpponentPaceMismatch, "opponent_pace_mismatch", C::kGameContext, kOpt, kNull, kAny, S::kCalculated},
}};
// clang-format on

}  // namespace

std::string_view feature_source_label(FeatureSource s) {
  switch (s) {
    case FeatureSource::kPhase4:
      return "phase4";
    case FeatureSource::kPhase3:
      return "phase3";
    case FeatureSource::kCalculated:
      return "calculated";
    case FeatureSource::kVegas:
      return "vegas";
    case FeatureSource::kDefault:
      return "default";
    case FeatureSource::kMissing:
      return "missing";
  }
  return "missing";
}

double feature_source_weight(FeatureSource s) {
  switch (s) {
    case FeatureSource::kPhase4:
    case FeatureSource::kCalculated:
    case FeatureSource::kVegas:
      return 100;
    case FeatureSource::kPhase3:
      return 87;
    case FeatureSource::kDefault:
      return 40;
    case FeatureSource::kMissing:
      return 0;
  }
  return 0;
}

std::string_view category_name(Category c) {
  switch (c) {
    case Category::kMatchup:
      return "matchup";
    case Category::kPlayerHistory:
      return "player_history";
    case Category::kTeamContext:
      return "team_context";
    case Category::kVegas:
      return "vegas";
    case Category::kGameContext:
      return "game_context";
  }
  return "game_context";
}

const std::array<FeatureSpec, kFeatureCount>& catalog() {
  return kCatalog;
}

}  // namespace nbaprops::features
