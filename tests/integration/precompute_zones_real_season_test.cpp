// team_defense_zone_analysis and player_shot_zone_analysis on the real season: ingest, Phase 3
// over 2024-10-22..2025-01-15, then, for D = 2025-01-15 with the completeness checker, every team
// with a game gets a row and every player who appeared gets a row or a failure with a category.
#include <gtest/gtest.h>

#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "pipeline/catalog.h"
#include "pipeline/runner.h"
#include "precompute/phase4_loader.h"
#include "precompute/player_shot_zone_analysis.h"
#include "precompute/team_defense_zone_analysis.h"
#include "support/test_store.h"

namespace nbaprops::precompute {
namespace {

TEST(PrecomputeZonesRealSeason, MidSeasonDate) {
  if (testing::real_season_dir().empty()) {
    GTEST_SKIP() << "real season data not found at " << NBAPROPS_SHARED_DATA_DIR << "; skipping";
  }
  testing::TempDir dir;
  auto store = open_store((dir.path() / "season.db").string());
  testing::run_ingest(*store, {testing::real_season_dir()});
  std::ostringstream log;
  const Date d = make_date(2025, 1, 15);
  auto report = pipeline::run_pipeline(*store, make_date(2024, 10, 22), d, {}, log);
  ASSERT_GT(report.dates_with_games, 0);

  Phase4Context ctx = load_phase4_context(*store, d, true);
  const Phase4Inputs& in = ctx.inputs;
  ASSERT_NE(in.completeness, nullptr);
  EXPECT_FALSE(in.bootstrap_mode);

  auto tdza = team_defense_zone_analysis(in);
  auto psza = player_shot_zone_analysis(in);

  // Teams: every team of the season with a game gets a row (all have >= 15 games by now).
  const TableSchema& tt = team_defense_zone_analysis_table();
  std::set<std::string> teams;
  for (const Row& r : tdza.rows)
    teams.insert(std::get<std::string>(r[tt.column_index("team_abbr")]));
  EXPECT_EQ(teams.size(), 30u);
  for (const auto& f : tdza.failed)
    ADD_FAILURE() << f.entity_id << " " << f.category << " " << f.reason;

  // Players: a row or exactly one failure each, in key order, no duplicates.
  auto entities = psza_entities(*in.raw, d);
  const TableSchema& pt = player_shot_zone_analysis_table();
  std::set<std::string> seen;
  std::string prev;
  for (const Row& r : psza.rows) {
    std::string p = std::get<std::string>(r[pt.column_index("player_lookup")]);
    EXPECT_LT(prev, p);
    prev = p;
    seen.insert(p);
  }
  std::map<std::string, int> categories;
  for (const auto& f : psza.failed) {
    EXPECT_TRUE(seen.insert(f.entity_id).second) << f.entity_id;
    EXPECT_FALSE(f.category.empty());
    ++categories[f.category];
  }
  EXPECT_EQ(seen.size(), entities.size());

  int ready = 0, primary_null = 0;
  for (const Row& r : psza.rows) {
    if (r[pt.column_index("is_production_ready")] == Value{int64_t{1}}) ++ready;
    if (is_null(r[pt.column_index("primary_scoring_zone")])) ++primary_null;
  }
  std::cout << "[ real season D=2025-01-15 ] TDZA rows " << tdza.rows.size() << ", failures "
            << tdza.failed.size() << "; league source "
            << std::get<std::string>(tdza.rows.at(0)[tt.column_index("league_avg_source")])
            << " over "
            << std::get<int64_t>(tdza.rows.at(0)[tt.column_index("league_teams_in_sample")])
            << " teams\n";
  std::cout << "[ real season D=2025-01-15 ] PSZA entities " << entities.size() << ", rows "
            << psza.rows.size() << " (production-ready " << ready << ", no shot data "
            << primary_null << "), failures";
  for (const auto& [c, n] : categories) std::cout << " " << c << "=" << n;
  std::cout << "\n[ real season D=2025-01-15 ] completeness: teams "
            << in.completeness->teams.size() << ", players " << in.completeness->players.size()
            << "\n";
  for (const auto& f : psza.failed) {
    if (&f - psza.failed.data() < 5)
      std::cout << "  " << f.entity_id << " " << f.category << ": " << f.reason << "\n";
  }
}

}  // namespace
}  // namespace nbaprops::precompute
