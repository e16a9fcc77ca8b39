#include "precompute/feature_quality.h"

#include <algorithm>

#include "core/value.h"

namespace nbaprops::precompute {
namespace {

namespace cat = ::nbaprops::features;

// Mean weight over the features of `category` (catalog order), 1 decimal.
double category_pct(const std::array<FeatureSource, kFeatureCount>& s, cat::Category category) {
  double sum = 0;
  size_t n = 0;
  for (const cat::FeatureSpec& f : cat::catalog()) {
    if (f.category != category) continue;
    sum += feature_source_weight(s[cat::index(f.feature)]);
    ++n;
  }
  return round_half_away(sum / static_cast<double>(n), 1);
}

// Any of the features from..to (inclusive) default-like.
bool any_default_like(const std::array<FeatureSource, kFeatureCount>& s, Feature from, Feature to) {
  for (size_t i = cat::index(from); i <= cat::index(to); ++i) {
    if (default_like(s[i])) return true;
  }
  return false;
}

}  // namespace

bool optional_feature(size_t index) {
  return index < kFeatureCount && cat::catalog()[index].optional;
}

FeatureQuality score_feature_quality(const std::array<FeatureSource, kFeatureCount>& s) {
  FeatureQuality q;
  double sum = 0;
  int counted = 0;
  for (size_t i = 0; i < kFeatureCount; ++i) {
    ++q.label_counts[static_cast<size_t>(s[i])];
    bool dl = default_like(s[i]);
    if (dl) ++q.default_feature_count;
    if (dl && !optional_feature(i)) ++q.required_default_count;
    if (dl && optional_feature(i)) continue;
    sum += feature_source_weight(s[i]);
    ++counted;
  }
  double score = counted > 0 ? sum / counted : 0;
  if (q.required_default_count >= 5) {
    score = std::min(score, 49.0);
  } else if (q.required_default_count >= 1) {
    score = std::min(score, 69.0);
  }
  q.score = round_half_away(score, 2);
  q.tier = q.score >= 95   ? "gold"
           : q.score >= 85 ? "silver"
           : q.score >= 70 ? "bronze"
           : q.score >= 50 ? "poor"
                           : "critical";
  q.matchup = category_pct(s, cat::Category::kMatchup);
  q.player_history = category_pct(s, cat::Category::kPlayerHistory);
  q.team_context = category_pct(s, cat::Category::kTeamContext);
  q.vegas = category_pct(s, cat::Category::kVegas);
  q.game_context = category_pct(s, cat::Category::kGameContext);

  if (q.matchup < 50 || q.score < 50) {
    q.alert_level = "red";
  } else if (q.required_default_count > 0 || q.score < 70 || q.matchup < 70) {
    q.alert_level = "yellow";
  } else {
    q.alert_level = "green";
  }
  bool gold_silver = q.tier == "gold" || q.tier == "silver";
  q.training_ready = gold_silver && q.matchup >= 70 && q.player_history >= 80;
  q.quality_ready = (gold_silver || q.tier == "bronze") && q.score >= 70 && q.matchup >= 50 &&
                    q.required_default_count == 0;

  if (any_default_like(s, Feature::kFatigueScore, Feature::kUsageSpikeScore)) {
    q.alerts.emplace_back("composite_factors_missing");
  }
  if (any_default_like(s, Feature::kOpponentDefRating, Feature::kOpponentPace)) {
    q.alerts.emplace_back("opponent_defense_missing");
  }
  if (any_default_like(s, Feature::kPctPaint, Feature::kPctThree)) {
    q.alerts.emplace_back("shot_zone_missing");
  }
  if (default_like(s[cat::index(Feature::kVegasPointsLine)])) {
    q.alerts.emplace_back("vegas_line_missing");
  }
  if (q.default_feature_count / static_cast<double>(kFeatureCount) > 0.20) {
    q.alerts.emplace_back("high_default_rate");
  }
  if (q.matchup < 50) q.alerts.emplace_back("matchup_quality_critical");
  return q;
}

FeatureQuality score_feature_quality(const FeatureArray& features) {
  std::array<FeatureSource, kFeatureCount> s{};
  for (size_t i = 0; i < kFeatureCount; ++i) s[i] = features[i].source;
  return score_feature_quality(s);
}

}  // namespace nbaprops::precompute
