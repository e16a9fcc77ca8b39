#include "precompute/feature_quality.h"

#include <algorithm>
#include <initializer_list>

#include "core/value.h"

namespace nbaprops::precompute {
namespace {

// Category index lists of §7.3.
std::vector<size_t> indices(std::initializer_list<std::pair<size_t, size_t>> ranges) {
  std::vector<size_t> out;
  for (auto [from, to] : ranges) {
    for (size_t i = from; i <= to; ++i) out.push_back(i);
  }
  return out;
}

const std::vector<size_t>& matchup_indices() {
  static const auto v = indices({{5, 8}, {13, 14}});
  return v;
}
const std::vector<size_t>& player_history_indices() {
  static const auto v = indices({{0, 4}, {29, 37}, {43, 46}, {48, 49}, {54, 56}, {58, 58}});
  return v;
}
const std::vector<size_t>& team_context_indices() {
  static const auto v = indices({{22, 24}, {57, 57}});
  return v;
}
const std::vector<size_t>& vegas_indices() {
  static const auto v = indices({{25, 28}});
  return v;
}
const std::vector<size_t>& game_context_indices() {
  static const auto v = indices({{9, 12}, {15, 21}, {38, 42}, {47, 47}, {50, 53}, {59, 59}});
  return v;
}

double category_pct(const std::array<FeatureSource, kFeatureCount>& s,
                    const std::vector<size_t>& idx) {
  double sum = 0;
  for (size_t i : idx) sum += feature_source_weight(s[i]);
  return round_half_away(sum / static_cast<double>(idx.size()), 1);
}

bool any_default_like(const std::array<FeatureSource, kFeatureCount>& s, size_t from, size_t to) {
  for (size_t i = from; i <= to; ++i) {
    if (default_like(s[i])) return true;
  }
  return false;
}

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

bool optional_feature(size_t index) {
  return index == 25 || index == 26 || index == 27 || (index >= 37 && index < kFeatureCount);
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
  q.matchup = category_pct(s, matchup_indices());
  q.player_history = category_pct(s, player_history_indices());
  q.team_context = category_pct(s, team_context_indices());
  q.vegas = category_pct(s, vegas_indices());
  q.game_context = category_pct(s, game_context_indices());

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

  if (any_default_like(s, 5, 8)) q.alerts.emplace_back("composite_factors_missing");
  if (any_default_like(s, 13, 14)) q.alerts.emplace_back("opponent_defense_missing");
  if (any_default_like(s, 18, 20)) q.alerts.emplace_back("shot_zone_missing");
  if (default_like(s[25])) q.alerts.emplace_back("vegas_line_missing");
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
