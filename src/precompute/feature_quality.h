// The quality scoring of ml_feature_store (03-precompute.md §7.1, §7.3).
//
// Every one of the 60 features carries a label saying where its value came from
// (features/catalog.h); the quality scoring turns the 60 labels into a score, a tier, five
// category percentages, an alert level, two readiness flags, a list of alerts and counts. The
// categories and OPTIONAL come from the feature catalog. Pure functions; thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/catalog.h"

namespace nbaprops::precompute {

// The catalog's names, as precompute has always spelled them.
using ::nbaprops::features::default_like;
using ::nbaprops::features::Feature;
using ::nbaprops::features::feature_source_label;
using ::nbaprops::features::feature_source_weight;
using ::nbaprops::features::FeatureSource;
using ::nbaprops::features::kFeatureCount;
using ::nbaprops::features::kFeatureSourceCount;

// True for the §7.3 OPTIONAL features (the catalog's `optional`: 25, 26, 27, 37..59); the
// other 34 are required.
bool optional_feature(size_t index);

// One feature: its value (NULL when missing) and its label.
struct FeatureValue {
  std::optional<double> value;
  FeatureSource source = FeatureSource::kMissing;
};
using FeatureArray = std::array<FeatureValue, kFeatureCount>;

struct FeatureQuality {
  double score = 0;  // rounded to 2 decimals, after the caps
  std::string tier;  // gold, silver, bronze, poor, critical
  // Category pcts (1 decimal): mean weight over all indices of the category.
  double matchup = 0, player_history = 0, team_context = 0, vegas = 0, game_context = 0;
  std::string alert_level;  // red, yellow, green
  bool training_ready = false, quality_ready = false;
  std::vector<std::string> alerts;                      // in the order of §7.3
  int default_feature_count = 0;                        // default-like indices (default + missing)
  int required_default_count = 0;                       // required default-like indices
  std::array<int, kFeatureSourceCount> label_counts{};  // by FeatureSource order
};

// The §7.3 scoring of one feature vector's labels.
FeatureQuality score_feature_quality(const std::array<FeatureSource, kFeatureCount>& sources);
FeatureQuality score_feature_quality(const FeatureArray& features);

}  // namespace nbaprops::precompute
