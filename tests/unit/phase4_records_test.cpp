// The Phase 4, predict and picks records (issue 15 item 3): the completeness block is one piece
// of declaration shared by every Phase 4 table, a row written through a record reads back equal
// (members of the shared blocks included), and every compact reader of a Phase 4 table reads
// only columns its table's record declares, with the same type.
#include <gtest/gtest.h>

#include "picks/pick_records.h"
#include "precompute/completeness_record.h"
#include "precompute/ml_feature_store_record.h"
#include "precompute/phase4_views.h"
#include "precompute/player_composite_factors_record.h"
#include "precompute/player_daily_cache_record.h"
#include "precompute/player_shot_zone_analysis_record.h"
#include "precompute/team_defense_zone_analysis_record.h"
#include "predict/performance_record.h"

namespace nbaprops::precompute {
namespace {

const Column* find(const std::vector<Column>& columns, const std::string& name) {
  for (const Column& c : columns) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

// Every column of `view` is declared by `table` with the same type (and decimals for dec).
template <class V, class T>
void expect_projection(const Record<V>& view, const Record<T>& table) {
  const std::vector<Column> declared = table.columns();
  for (const Column& c : view.columns()) {
    const Column* d = find(declared, c.name);
    ASSERT_NE(d, nullptr) << c.name;
    EXPECT_EQ(d->type, c.type) << c.name;
    if (c.type == ColumnType::kDec) {
      EXPECT_EQ(d->decimals, c.decimals) << c.name;
    }
  }
}

TEST(Phase4Records, ViewsReadOnlyDeclaredColumnsOfTheSameType) {
  expect_projection(shot_zone_rates_view(), player_shot_zone_analysis_record());
  expect_projection(shot_zone_features_view(), player_shot_zone_analysis_record());
  expect_projection(defense_vs_league_view(), team_defense_zone_analysis_record());
  expect_projection(opponent_defense_view(), team_defense_zone_analysis_record());
  expect_projection(daily_cache_features_view(), player_daily_cache_record());
  expect_projection(shot_attempts_view(), player_shot_zone_analysis_record());
  expect_projection(paint_defense_view(), team_defense_zone_analysis_record());
  expect_projection(zone_defense_view(), team_defense_zone_analysis_record());
  expect_projection(composite_factors_view(), player_composite_factors_record());
}

// The names of the block's columns, from the first completeness column on.
template <class T>
std::vector<std::string> block_names(const Record<T>& r, size_t count) {
  std::vector<Column> columns = r.columns();
  std::vector<std::string> out;
  bool in = false;
  for (const Column& c : columns) {
    in = in || c.name == "completeness_checked";
    if (in && out.size() < count) out.push_back(c.name);
  }
  return out;
}

TEST(Phase4Records, EveryPlayerTableEndsWithTheSameCompletenessBlock) {
  const std::vector<std::string> expected = {
      "completeness_checked",  "bootstrap_mode",       "expected_games_count",
      "actual_games_count",    "completeness_pct",     "l5_completeness_pct",
      "l10_completeness_pct",  "l7d_completeness_pct", "l14d_completeness_pct",
      "l30d_completeness_pct", "all_windows_complete", "is_production_ready"};
  EXPECT_EQ(block_names(player_shot_zone_analysis_record(), 12), expected);
  EXPECT_EQ(block_names(player_composite_factors_record(), 12), expected);
  EXPECT_EQ(block_names(player_daily_cache_record(), 12), expected);
  EXPECT_EQ(block_names(ml_feature_store_record(), 12), expected);
  const std::vector<std::string> team = {"completeness_checked",  "bootstrap_mode",
                                         "expected_games_count",  "actual_games_count",
                                         "completeness_pct",      "l7d_completeness_pct",
                                         "l14d_completeness_pct", "l15_completeness_pct",
                                         "all_windows_complete",  "is_production_ready"};
  EXPECT_EQ(block_names(team_defense_zone_analysis_record(), 10), team);
}

TEST(Phase4Records, APszaRowReadsBackEqualBlockIncluded) {
  PlayerShotZoneAnalysisRecord r;
  r.analysis_date = *parse_iso_date("2025-01-10");
  r.player_lookup = "jaysontatum";
  r.team_abbr = "BOS";
  r.games_in_sample_10 = 10;
  r.paint_rate_last_10 = 31.254;  // stored 31.25
  r.sample_quality_10 = r.sample_quality_20 = "excellent";
  r.data_quality_tier = "high";
  r.completeness_checked = true;
  r.expected_games_count = 10;
  r.l30d_completeness_pct = 87.56;  // stored 87.6
  r.is_production_ready = false;
  const auto& rec = player_shot_zone_analysis_record();
  TableSchema t{"player_shot_zone_analysis", rec.columns(), {}, ""};
  Row row = rec.write(r);
  ASSERT_EQ(row.size(), t.columns.size());
  PlayerShotZoneAnalysisRecord back = rec.read(t, row);
  EXPECT_EQ(back.player_lookup, "jaysontatum");
  EXPECT_EQ(back.paint_rate_last_10, 31.25);
  EXPECT_TRUE(back.completeness_checked);
  EXPECT_EQ(back.expected_games_count, 10);
  EXPECT_FALSE(back.actual_games_count.has_value());
  EXPECT_EQ(back.l30d_completeness_pct, 87.6);
  EXPECT_EQ(back.is_production_ready, false);
  EXPECT_FALSE(back.all_windows_complete.has_value());
}

EntityCompleteness player_entity() {
  EntityCompleteness e;
  for (const char* w : {"l5", "l10", "l7d", "l14d", "l30d"}) {
    WindowCompleteness x;
    x.window = w;
    x.expected = 10;
    x.actual = 9;
    x.pct = 90.0;
    x.ready = true;
    e.windows.push_back(x);
  }
  e.windows[1].pct = 80.0;  // l10, the primary window
  e.all_windows_complete = false;
  e.production_ready = true;
  return e;
}

TEST(Phase4Records, BlockOfAnEntityCheckedOrNot) {
  Phase4Inputs in;
  in.bootstrap_mode = true;
  PlayerCompletenessColumns unchecked = player_block(in, nullptr);
  EXPECT_FALSE(unchecked.completeness_checked);
  EXPECT_TRUE(unchecked.bootstrap_mode);
  EXPECT_FALSE(unchecked.completeness_pct.has_value());
  EXPECT_FALSE(unchecked.is_production_ready.has_value());

  EntityCompleteness e = player_entity();
  PlayerCompletenessColumns checked = player_block(in, &e);
  EXPECT_TRUE(checked.completeness_checked);
  EXPECT_EQ(checked.completeness_pct, 80.0);
  EXPECT_EQ(checked.l10_completeness_pct, 80.0);
  EXPECT_EQ(checked.l30d_completeness_pct, 90.0);
  EXPECT_EQ(checked.all_windows_complete, false);
  EXPECT_EQ(checked.is_production_ready, true);
}

TEST(Phase4Records, BlockWithTheProcessorsReadinessWhenTheCheckerHasNoEntity) {
  Phase4Inputs in;
  PlayerCompletenessColumns unchecked = player_block_with_readiness(in, nullptr, true);
  EXPECT_FALSE(unchecked.completeness_checked);
  EXPECT_FALSE(unchecked.is_production_ready.has_value());  // NULL when unchecked

  CompletenessResult result;
  in.completeness = &result;
  PlayerCompletenessColumns missing = player_block_with_readiness(in, nullptr, std::nullopt);
  EXPECT_TRUE(missing.completeness_checked);
  EXPECT_FALSE(missing.expected_games_count.has_value());
  EXPECT_FALSE(missing.l5_completeness_pct.has_value());
  EXPECT_FALSE(missing.all_windows_complete.has_value());
  EXPECT_EQ(missing.is_production_ready, false);

  EntityCompleteness e = player_entity();
  PlayerCompletenessColumns checked = player_block_with_readiness(in, &e, false);
  EXPECT_EQ(checked.expected_games_count, 10);
  EXPECT_EQ(checked.completeness_pct, 80.0);
  EXPECT_EQ(checked.is_production_ready, false);  // the processor's, not the entity's
}

TEST(Phase4Records, PerformanceAndPicksRecordsShareTheirBlocks) {
  // The measures appear once in each table that carries them, in the same order.
  auto names = [](const std::vector<Column>& cs, size_t from, size_t n) {
    std::vector<std::string> out;
    for (size_t i = from; i < from + n; ++i) out.push_back(cs[i].name);
    return out;
  };
  auto perf = predict::system_performance_record().columns();
  auto summary = predict::backtest_summary_record().columns();
  ASSERT_EQ(perf.size(), 26u);  // and brier_n, brier, market_brier (schema version 11)
  ASSERT_EQ(summary.size(), 26u);
  EXPECT_EQ(names(perf, 2, 20), names(summary, 5, 20));
  auto bets = picks::best_bet_record().columns();
  auto removals = picks::best_bet_removal_record().columns();
  EXPECT_EQ(names(bets, 0, 5), names(removals, 0, 5));
  EXPECT_EQ(names(bets, 7, 15), names(removals, 5, 15));
}

}  // namespace
}  // namespace nbaprops::precompute
