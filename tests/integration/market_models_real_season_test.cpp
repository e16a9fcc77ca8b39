// The market models on the real season (issue 12 item 3, docs/markets.md): Phases 3-4 to
// 2024-12-14 into a temporary store, then the rebounds backtest of 2024-12-08..2024-12-14 (DFS
// lines; cutoffs 2024-12-03 and 2024-12-10). Every lined player who played gets a prediction,
// no model sees a row on or after its cutoff (changing every stat from the last cutoff on
// changes no prediction), the output is the same on 1 and 2 threads, and the rows go into
// market_predictions.
#include <gtest/gtest.h>

#include <iostream>

#include "core/record.h"
#include "predict/markets/market_backtest.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

namespace m = predict::markets;
using testing::sql_value;

TEST(MarketModelsRealSeason, ReboundsBacktestOfOneWeekIsWalkForward) {
  if (testing::real_season_dir().empty()) {
    GTEST_SKIP() << "real season data not found at " << NBAPROPS_SHARED_DATA_DIR << "; skipping";
  }
  testing::TempDir dir;
  std::string db = (dir.path() / "store.db").string();
  auto store = testing::open_real_season_store(db, make_date(2024, 12, 14));
  const m::MarketDef& reb = *m::find_market("rebounds");
  auto in = m::load_market_inputs(*store, reb);
  auto rows = m::market_rows(reb, in);
  m::MarketBacktestOptions o;
  o.from = make_date(2024, 12, 8);
  o.to = make_date(2024, 12, 14);
  auto run = m::run_market_backtest(reb, in, rows, o);
  const auto& r = run.report;
  std::cout << "rebounds 2024-12-08..14: lined " << r.lined << ", predicted " << r.predicted
            << ", bets " << r.model.bets << "\n";
  EXPECT_GE(r.lined, 100);
  EXPECT_EQ(r.predicted, r.lined);
  EXPECT_EQ(r.models, 2);
  ASSERT_FALSE(run.records.empty());
  for (const auto& rec : run.records) {
    Date cutoff = *parse_iso_date(rec.model_id.substr(rec.model_id.size() - 10));
    EXPECT_LE(cutoff, rec.game_date);
    EXPECT_GE(rec.p_over, 0.0);
    EXPECT_LE(rec.p_over, 1.0);
  }

  // Every stat from the last cutoff on changes (features of those dates kept): no model trains
  // on them, so no prediction changes (2 threads this time).
  auto changed = in;
  for (auto& g : changed.games) {
    if (g.date >= make_date(2024, 12, 10)) g.stats.reb += 10;
  }
  auto changed_rows = m::market_rows(reb, changed);
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].date >= make_date(2024, 12, 10)) changed_rows[i].x = rows[i].x;  // same features
  }
  o.threads = 2;
  auto again = m::run_market_backtest(reb, changed, changed_rows, o);
  ASSERT_EQ(again.records.size(), run.records.size());
  for (size_t i = 0; i < run.records.size(); ++i) {
    EXPECT_EQ(again.records[i].predicted_value, run.records[i].predicted_value);
    EXPECT_EQ(again.records[i].p_over, run.records[i].p_over);
  }

  const TableSchema& t = m::market_predictions_table();
  {
    Transaction tx(*store);
    for (auto rec : run.records) {
      rec.processed_at = "2026-01-01T00:00:00Z";
      store->insert(t, m::market_prediction_record().write(rec));
    }
    tx.commit();
  }
  EXPECT_EQ(sql_value(db, "select count(*) from market_predictions"),
            std::to_string(run.records.size()));
  EXPECT_EQ(sql_value(db, "select count(*) from market_predictions where recommendation != 'PASS'"),
            std::to_string(r.model.bets));
}

}  // namespace
}  // namespace nbaprops
