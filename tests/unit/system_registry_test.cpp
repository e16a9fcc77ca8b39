// The prediction systems' registry (predict/systems.h): every system of 04-predictions.md §2.2
// once, in run order, each with the function its kind needs.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "predict/systems.h"

namespace nbaprops::predict {
namespace {

TEST(SystemRegistry, ListsEverySpecSystemOnceInRunOrder) {
  std::vector<std::string> ids;
  for (const SystemEntry& e : system_registry()) ids.emplace_back(e.id);
  // 04-predictions.md §2.2, the ensemble after the base systems (it combines them), then
  // line_anchored (issue 12: it anchors the ensemble's value); then the market models (issue
  // 12), which predict_date does not run.
  EXPECT_EQ(ids, (std::vector<std::string>{"moving_average", "zone_matchup", "similarity",
                                           "gradient_boosting", "ensemble", "line_anchored",
                                           "points_model", "rebounds_model", "assists_model",
                                           "threes_model", "pra_model"}));
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size());
  EXPECT_EQ(all_systems(), (std::vector<std::string>(ids.begin(), ids.begin() + 6)));
  std::vector<std::string> markets;
  for (const SystemEntry* e : market_model_systems()) markets.emplace_back(e->market);
  EXPECT_EQ(markets, (std::vector<std::string>{"points", "rebounds", "assists", "threes", "pra"}));
}

TEST(SystemRegistry, EachEntryHasTheFunctionOfItsKind) {
  bool combiner_seen = false;
  for (const SystemEntry& e : system_registry()) {
    SCOPED_TRACE(std::string(e.id));
    if (e.kind == SystemKind::kMarketModel) {
      // A market model runs in its own stage (pipeline/market_stage.h): no function here.
      EXPECT_EQ(std::string(e.id), std::string(e.market) + "_model");
      EXPECT_FALSE(e.per_player || e.batched || e.combine);
      continue;
    }
    EXPECT_EQ(e.market, "points");
    EXPECT_EQ(e.per_player != nullptr, e.kind == SystemKind::kPerPlayer);
    EXPECT_EQ(e.batched != nullptr, e.kind == SystemKind::kBatched);
    EXPECT_EQ(e.combine != nullptr, e.kind == SystemKind::kCombiner);
    // A combiner reads the values of the systems before it: nothing but combiners follows one.
    if (combiner_seen) {
      EXPECT_EQ(e.kind, SystemKind::kCombiner);
    }
    combiner_seen = combiner_seen || e.kind == SystemKind::kCombiner;
  }
}

TEST(SystemRegistry, FindsByIdAndRefusesUnknownIds) {
  ASSERT_NE(find_system("gradient_boosting"), nullptr);
  EXPECT_EQ(find_system("gradient_boosting")->kind, SystemKind::kBatched);
  EXPECT_EQ(find_system("ensemble")->kind, SystemKind::kCombiner);
  EXPECT_EQ(find_system("all"), nullptr);  // the player-level skips' id is not a system
  EXPECT_EQ(find_system("nonsense"), nullptr);
}

}  // namespace
}  // namespace nbaprops::predict
