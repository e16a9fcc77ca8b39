// player_composite_factors and player_daily_cache on the real 2024-25 season
// (03-precompute.md §5-6): Phase 3 over 2024-10-22..2025-01-15 into a temporary store, the
// Phase 4 context of 2025-01-15 (PSZA and TDZA rows empty: the mismatch factor is 0 and the rows
// say so), one PCF row per UPGC player, a PDC row or a categorized failure for every one, and a
// PDC points average checked against the raw box scores. Skips without ../shared/data/nba-2024-25.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "analytics/phase3_views.h"
#include "core/row_reader.h"
#include "pipeline/catalog.h"
#include "pipeline/runner.h"
#include "precompute/phase4_loader.h"
#include "precompute/player_composite_factors.h"
#include "precompute/player_daily_cache.h"
#include "support/test_store.h"

namespace nbaprops::precompute {
namespace {

using nbaprops::testing::real_season_dir;
using nbaprops::testing::run_ingest;
using nbaprops::testing::sql_rows;
using nbaprops::testing::TempDir;

const Date kD = make_date(2025, 1, 15);

class PrecomputeFactorsRealSeason : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (real_season_dir().empty()) return;
    dir_ = new TempDir();
    db_ = (dir_->path() / "store.db").string();
    nbaprops::testing::open_real_season_store(db_, kD);
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

TempDir* PrecomputeFactorsRealSeason::dir_ = nullptr;
std::string PrecomputeFactorsRealSeason::db_;

TEST_F(PrecomputeFactorsRealSeason, OneRowOrOneFailurePerUpgcPlayer) {
  auto store = open_store(db_);
  Phase4Context ctx = load_phase4_context(*store, kD, false);
  const Phase4Inputs& in = ctx.inputs;
  ASSERT_GT(in.upgc.rows().size(), 100u);

  auto pcf = player_composite_factors(in);
  auto pdc = player_daily_cache(in);
  const TableSchema& pt = player_composite_factors_table();
  const TableSchema& dt = player_daily_cache_table();

  // PCF: one row per UPGC player with team, opponent and game; the others MISSING_UPSTREAM.
  std::set<std::string> upgc_players;
  size_t with_keys = 0;
  for (const Row& row : in.upgc.rows()) {
    RowReader u(*in.upgc.table(), row);
    upgc_players.insert(*u.s("player_lookup"));
    if (u.s("team_abbr") && u.s("opponent_abbr") && u.s("game_id")) ++with_keys;
  }
  EXPECT_EQ(pcf.rows.size(), with_keys);
  EXPECT_EQ(pcf.rows.size() + pcf.failed.size(), upgc_players.size());
  for (const auto& f : pcf.failed) EXPECT_EQ(f.category, "MISSING_UPSTREAM") << f.reason;
  std::string previous;
  for (const Row& row : pcf.rows) {
    RowReader r(pt, row);
    std::string p = *r.s("player_lookup");
    EXPECT_LT(previous, p);  // key order
    previous = p;
    auto u = in.upgc.read(analytics::composite_context_view(), p);
    ASSERT_TRUE(u);
    EXPECT_EQ(r.s("team_abbr"), u->team_abbr);
    EXPECT_EQ(r.s("opponent_abbr"), u->opponent_abbr);
    EXPECT_EQ(r.s("game_id"), u->game_id);
    EXPECT_EQ(r.d("shot_zone_mismatch_score"), 0.0);
    EXPECT_EQ(r.s("shot_zone_context_json"),
              "{\"missing_data\":true,\"missing\":[\"player_shot_zone\",\"team_defense_zone\"]}");
    EXPECT_NE(r.s("missing_data_fields")->find("player_shot_zone, team_defense_zone"),
              std::string::npos);
    EXPECT_LE(*r.d("data_completeness_pct"), 66.67);
    EXPECT_EQ(r.b("completeness_checked"), false);
    int64_t fatigue = *r.i("fatigue_score");
    EXPECT_TRUE(fatigue >= 0 && fatigue <= 100);
  }

  // PDC: a row or a categorized failure for every UPGC player.
  std::set<std::string> covered;
  std::set<std::string> allowed = {"MISSING_UPSTREAM", "EXPECTED_INCOMPLETE", "INSUFFICIENT_DATA",
                                   "STALE_DATA"};
  for (const Row& row : pdc.rows) covered.insert(*RowReader(dt, row).s("player_lookup"));
  for (const auto& f : pdc.failed) {
    EXPECT_TRUE(allowed.count(f.category)) << f.entity_id << " " << f.category << " " << f.reason;
    covered.insert(f.entity_id);
  }
  EXPECT_EQ(covered, upgc_players);
  EXPECT_EQ(pdc.rows.size() + pdc.failed.size(), upgc_players.size());
  EXPECT_GT(pdc.rows.size(), pdc.failed.size());
}

TEST_F(PrecomputeFactorsRealSeason, PointsAverageMatchesTheRawBoxScores) {
  auto store = open_store(db_);
  Phase4Context ctx = load_phase4_context(*store, kD, false);
  auto pdc = player_daily_cache(ctx.inputs);
  const TableSchema& dt = player_daily_cache_table();
  int checked = 0;
  for (const Row& row : pdc.rows) {
    RowReader r(dt, row);
    if (*r.i("games_played_season") < 20) continue;
    std::string p = *r.s("player_lookup");
    auto pts =
        sql_rows(db_, "select pts from player_boxscores where player_lookup = '" + p +
                          "' and game_date < '2025-01-15' and game_date >= '2024-10-01' and "
                          "status = 'active' and minutes > 0 order by game_date desc limit 10");
    ASSERT_EQ(pts.size(), 10u) << p;
    double sum = 0;
    for (const auto& v : pts) sum += std::stod(v);
    EXPECT_EQ(*r.d("points_avg_last_10"), round_half_away(sum / 10.0, 1)) << p;
    if (++checked == 3) break;
  }
  EXPECT_EQ(checked, 3);
}

}  // namespace
}  // namespace nbaprops::precompute
