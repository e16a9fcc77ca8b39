// ml_feature_store on the real 2024-25 season (03-precompute.md §7): Phase 3 over
// 2024-10-22..2025-01-15, then MLFS for 2025-01-08 from the Phase 4 context with empty Phase 4
// rows (TDZA, PSZA, PCF, PDC are written by other issues). Every player with a points line
// gets a row; the share of defaulted features is printed (high without Phase 4 rows).
// Skips when ../shared/data/nba-2024-25 is absent.
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "analytics/upcoming_player_game_context.h"
#include "core/row_reader.h"
#include "pipeline/catalog.h"
#include "pipeline/runner.h"
#include "precompute/ml_feature_store.h"
#include "precompute/phase4_loader.h"
#include "support/test_store.h"

namespace nbaprops::precompute {
namespace {

using nbaprops::testing::real_season_dir;
using nbaprops::testing::run_ingest;
using nbaprops::testing::TempDir;

const Date kD = make_date(2025, 1, 8);

class FeatureStoreRealSeason : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (real_season_dir().empty()) return;
    dir_ = new TempDir();
    db_ = (dir_->path() / "store.db").string();
    nbaprops::testing::open_real_season_store(db_, make_date(2025, 1, 15));
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override {
    if (real_season_dir().empty()) {
      GTEST_SKIP() << "real season data absent (../shared/data/nba-2024-25): skipped";
    }
  }
  static TempDir* dir_;
  static std::string db_;
};

TempDir* FeatureStoreRealSeason::dir_ = nullptr;
std::string FeatureStoreRealSeason::db_;

TEST_F(FeatureStoreRealSeason, EveryPlayerWithALineGetsARow) {
  auto store = open_store(db_);
  Phase4Context ctx = load_phase4_context(*store, kD, false);
  const Phase4Inputs& in = ctx.inputs;
  ASSERT_GT(in.upgc.rows().size(), 100u);
  auto out = ml_feature_store(in);

  const TableSchema& t = ml_feature_store_table();
  std::set<std::string> with_row;
  double defaults = 0, required_defaults = 0;
  std::array<int, kFeatureCount> defaulted_by_index{};
  for (const Row& r : out.rows) {
    RowReader row(t, r);
    with_row.insert(*row.s("player_lookup"));
    auto values = nlohmann::json::parse(*row.s("features"));
    auto labels = nlohmann::json::parse(*row.s("feature_sources"));
    ASSERT_EQ(values.size(), kFeatureCount);
    for (size_t i = 0; i < kFeatureCount; ++i) {
      if (!values[i].is_null()) {
        ASSERT_TRUE(std::isfinite(values[i].get<double>()));
      }
      std::string label = labels[i];
      if (label == "default" || label == "missing") ++defaulted_by_index[i];
    }
    defaults += static_cast<double>(*row.i("default_feature_count"));
    required_defaults += static_cast<double>(*row.i("required_default_count"));
    EXPECT_EQ(row.b("completeness_checked"), false);
    EXPECT_TRUE(row.null("upstream_daily_cache_ready"));
  }

  // Every UPGC player with a current points line who is not out/doubtful has a row.
  const TableSchema& u = analytics::upcoming_player_game_context_table();
  int line_players = 0;
  for (const Row& r : in.upgc.rows()) {
    RowReader row(u, r);
    auto status = row.s("injury_status");
    if (row.null("current_points_line") || (status && (*status == "out" || *status == "doubtful")))
      continue;
    ++line_players;
    EXPECT_TRUE(with_row.count(*row.s("player_lookup"))) << *row.s("player_lookup");
  }
  EXPECT_GT(line_players, 80);
  for (const auto& f : out.failed)
    ADD_FAILURE() << f.entity_id << " " << f.category << " " << f.reason;

  double share = defaults / (static_cast<double>(out.rows.size()) * kFeatureCount);
  std::cout << "[ MLFS     ] " << format_date(kD) << ": " << out.rows.size() << " rows ("
            << line_players << " with a points line), " << out.failed.size()
            << " failed; defaulted features (default+missing) " << share * 100
            << "% , required defaults per row " << required_defaults / out.rows.size()
            << " (no Phase 4 rows)\n";
  std::cout << "[ MLFS     ] defaulted rows by feature:";
  for (size_t i = 0; i < kFeatureCount; ++i) std::cout << ' ' << i << ':' << defaulted_by_index[i];
  std::cout << '\n';
  // Without Phase 4 rows, the 20 Phase 4 features (0-3, 5-8, 13-14, 18-20, 22-23, 31) and the
  // derived ones (35, 36, 53, 59) are defaulted for everyone: at least 24 of 60.
  EXPECT_GE(share, 24.0 / 60);
  EXPECT_LT(share, 0.8);
  for (size_t i : {0, 5, 13, 18, 22, 31, 35, 59})
    EXPECT_EQ(static_cast<size_t>(defaulted_by_index[i]), out.rows.size());

  // A hand computation from the raw box scores: SGA's points_avg_last_3 (43) and line (25).
  auto pts = nbaprops::testing::sql_rows(
      db_,
      "select pts from player_boxscores where player_lookup = 'shaigilgeousalexander' and "
      "game_date < '2025-01-08' and game_date >= '2024-10-01' and status = 'active' and "
      "minutes > 0 order by game_date desc limit 3");
  ASSERT_EQ(pts.size(), 3u);
  double last3 = (std::stod(pts[0]) + std::stod(pts[1]) + std::stod(pts[2])) / 3;
  const Row* sga = nullptr;
  for (const Row& r : out.rows) {
    if (RowReader(t, r).s("player_lookup") == "shaigilgeousalexander") sga = &r;
  }
  ASSERT_NE(sga, nullptr);
  auto sga_values = nlohmann::json::parse(*RowReader(t, *sga).s("features"));
  EXPECT_DOUBLE_EQ(sga_values[43].get<double>(), round_half_away(last3, 4));
  EXPECT_DOUBLE_EQ(sga_values[25].get<double>(), 32.5);
  EXPECT_EQ(RowReader(t, *sga).s("team_abbr"), "OKC");

  // Deterministic: the same inputs give the same rows.
  auto again = ml_feature_store(in);
  EXPECT_EQ(again.rows, out.rows);
}

}  // namespace
}  // namespace nbaprops::precompute
