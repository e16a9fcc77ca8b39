// The feature catalog (features/catalog.h) against 03-precompute.md §7.2-7.3: 60 unique names
// in the spec's order (read from the spec's table when ../shared/spec is present), the stored
// columns that follow the catalog, and hand-picked entries (category, OPTIONAL, default, range,
// label) checked one by one against the spec's text.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "features/catalog.h"
#include "precompute/feature_quality.h"
#include "precompute/ml_feature_store.h"

namespace nbaprops::features {
namespace {

TEST(FeatureCatalog, SixtyUniqueNamesInIndexOrder) {
  std::set<std::string_view> names;
  for (size_t i = 0; i < kFeatureCount; ++i) {
    EXPECT_EQ(catalog()[i].feature, feature_at(i)) << "entry " << i << " is out of place";
    names.insert(catalog()[i].name);
  }
  EXPECT_EQ(names.size(), 60u);
  EXPECT_EQ(feature_name(Feature::kPointsAvgLast5), "points_avg_last_5");
  EXPECT_EQ(feature_name(Feature::kOpponentPaceMismatch), "opponent_pace_mismatch");
  EXPECT_EQ(index(Feature::kVegasPointsLine), 25u);
  EXPECT_EQ(index(Feature::kOpponentPaceMismatch), 59u);
}

// The names of the §7.2 table ("| 0-3 | a, b, c, d | ..." rows), in order.
std::vector<std::string> spec_feature_names(const std::filesystem::path& spec) {
  std::ifstream in(spec);
  std::string line;
  bool in_table = false;
  std::vector<std::string> names;
  const std::regex row(R"(^\| (\d+)(-\d+)? \| ([a-z0-9_, ]+) \|)");
  while (std::getline(in, line)) {
    if (line.rfind("### 7.2", 0) == 0) in_table = true;
    if (line.rfind("### 7.3", 0) == 0) break;
    std::smatch m;
    if (!in_table || !std::regex_search(line, m, row)) continue;
    std::stringstream cell(m[3].str());
    std::string name;
    while (std::getline(cell, name, ',')) {
      name.erase(0, name.find_first_not_of(' '));
      name.erase(name.find_last_not_of(' ') + 1);
      names.push_back(name);
    }
  }
  return names;
}

TEST(FeatureCatalog, NamesMatchTheSpecTable) {
  std::filesystem::path spec =
      std::filesystem::path(NBAPROPS_SOURCE_DIR) / "../shared/spec/03-precompute.md";
  if (!std::filesystem::exists(spec)) GTEST_SKIP() << "spec not found at " << spec;
  std::vector<std::string> names = spec_feature_names(spec);
  ASSERT_EQ(names.size(), kFeatureCount);
  for (size_t i = 0; i < kFeatureCount; ++i) EXPECT_EQ(catalog()[i].name, names[i]) << i;
}

TEST(FeatureCatalog, StoredNamesAndColumnsFollowTheCatalog) {
  const auto& names = precompute::feature_names();
  for (size_t i = 0; i < kFeatureCount; ++i) EXPECT_EQ(names[i], catalog()[i].name);
  const TableSchema& t = precompute::ml_feature_store_table();
  for (size_t c = 0; c < kCategoryCount; ++c) {
    std::string column = std::string(category_name(static_cast<Category>(c))) + "_quality_pct";
    EXPECT_NO_THROW(t.column_index(column)) << column;
  }
  for (size_t s = 0; s < kFeatureSourceCount; ++s) {
    std::string column =
        std::string(feature_source_label(static_cast<FeatureSource>(s))) + "_count";
    EXPECT_NO_THROW(t.column_index(column)) << column;
  }
  EXPECT_STREQ(kFeatureVersion, "v1_60");
}

// Entries read against 03-precompute.md §7.2 (default, label, hard ranges) and §7.3
// (categories, OPTIONAL), one by one.
TEST(FeatureCatalog, HandPickedEntriesMatchSpec03) {
  const FeatureSpec& fatigue = spec(Feature::kFatigueScore);  // 5: PCF, default 50, [0, 100]
  EXPECT_EQ(fatigue.category, Category::kMatchup);
  EXPECT_FALSE(fatigue.optional);
  EXPECT_EQ(fatigue.default_value.kind, Default::Kind::kValue);
  EXPECT_EQ(fatigue.default_value.value, 50);
  EXPECT_EQ(fatigue.range.lo, 0);
  EXPECT_EQ(fatigue.range.hi, 100);
  EXPECT_EQ(fatigue.source, FeatureSource::kPhase4);

  const FeatureSpec& ft = spec(Feature::kPctFreeThrow);  // 21: calculated, 0.15, [0, 1]
  EXPECT_EQ(ft.category, Category::kGameContext);
  EXPECT_EQ(ft.default_value.value, 0.15);
  EXPECT_EQ(ft.range.lo, 0);
  EXPECT_EQ(ft.range.hi, 1);
  EXPECT_EQ(ft.source, FeatureSource::kCalculated);

  const FeatureSpec& line = spec(Feature::kVegasPointsLine);  // 25: vegas, "—", OPTIONAL
  EXPECT_EQ(line.category, Category::kVegas);
  EXPECT_TRUE(line.optional);
  EXPECT_EQ(line.default_value.kind, Default::Kind::kNull);
  EXPECT_FALSE(line.range.bounded());
  EXPECT_EQ(line.source, FeatureSource::kVegas);

  // 28 has_vegas_line: always set, required, in the vegas category.
  EXPECT_EQ(spec(Feature::kHasVegasLine).default_value.kind, Default::Kind::kAlwaysSet);
  EXPECT_FALSE(spec(Feature::kHasVegasLine).optional);
  // 29 avg_points_vs_opponent: default is f2; player_history.
  EXPECT_EQ(spec(Feature::kAvgPointsVsOpponent).default_value.kind, Default::Kind::kSeasonAverage);
  EXPECT_EQ(spec(Feature::kAvgPointsVsOpponent).category, Category::kPlayerHistory);
  // 30 games_vs_opponent: a count (>= 0, unbounded above).
  EXPECT_EQ(spec(Feature::kGamesVsOpponent).range.lo, 0);
  EXPECT_FALSE(std::isfinite(spec(Feature::kGamesVsOpponent).range.hi));
  // 37 star_teammates_out: the first OPTIONAL after 27, phase3, default 0, a count.
  EXPECT_TRUE(spec(Feature::kStarTeammatesOut).optional);
  EXPECT_EQ(spec(Feature::kStarTeammatesOut).source, FeatureSource::kPhase3);
  EXPECT_EQ(spec(Feature::kStarTeammatesOut).range.lo, 0);
  // 57 blowout_minutes_risk: team_context, [0, 1].
  EXPECT_EQ(spec(Feature::kBlowoutMinutesRisk).category, Category::kTeamContext);
  EXPECT_EQ(spec(Feature::kBlowoutMinutesRisk).range.hi, 1);
  // 13 opponent_def_rating: matchup, default 112.0, unbounded.
  EXPECT_EQ(spec(Feature::kOpponentDefRating).category, Category::kMatchup);
  EXPECT_EQ(spec(Feature::kOpponentDefRating).default_value.value, 112.0);
  EXPECT_FALSE(spec(Feature::kOpponentDefRating).range.bounded());
}

// §7.3's sizes: categories of 6, 24, 4, 4 and 22 features, 34 required, and §7.2's 16 hard
// ranges (f5; eight fractions; seven counts).
TEST(FeatureCatalog, CategorySizesOptionalAndRangesMatchSpec) {
  size_t per_category[kCategoryCount] = {};
  size_t required = 0, ranges = 0;
  for (const FeatureSpec& f : catalog()) {
    ++per_category[static_cast<size_t>(f.category)];
    if (!f.optional) ++required;
    if (f.range.bounded()) ++ranges;
  }
  EXPECT_EQ(per_category[0], 6u);   // matchup {5-8, 13, 14}
  EXPECT_EQ(per_category[1], 24u);  // player_history
  EXPECT_EQ(per_category[2], 4u);   // team_context {22-24, 57}
  EXPECT_EQ(per_category[3], 4u);   // vegas {25-28}
  EXPECT_EQ(per_category[4], 22u);  // game_context
  EXPECT_EQ(required, 34u);
  EXPECT_EQ(ranges, 16u);
  for (size_t i : {25, 26, 27, 37, 59}) EXPECT_TRUE(precompute::optional_feature(i)) << i;
  for (size_t i : {0, 24, 28, 36}) EXPECT_FALSE(precompute::optional_feature(i)) << i;
}

}  // namespace
}  // namespace nbaprops::features
