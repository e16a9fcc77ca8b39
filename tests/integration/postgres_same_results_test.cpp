// Issue 14 "Same results": a month of the real season through the SQLite store and the
// PostgreSQL store (ingest, then Phases 3-5 of November 2024, then the daily run of 2024-12-01
// with the market models), and a dump of every table,
// wall-clock columns aside, compared line for line. Skips without the real season or
// without a PostgreSQL server.
#include <gtest/gtest.h>

#include <sstream>

#include "pipeline/catalog.h"
#include "pipeline/runner.h"
#include "support/pg_test.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

pipeline::RunOptions month_options(const std::string& location, const std::string& models) {
  pipeline::RunOptions o;
  o.phases = {3, 4, 5};
  o.threads = 2;
  o.store_location = location;
  predict::ModelOptions m;
  m.models_dir = models;
  m.trust_run_history = true;
  o.predict.models = m;
  o.model_cache = std::make_shared<predict::ModelCache>();
  return o;
}

TEST(PostgresSameResults, AMonthOfTheRealSeasonGivesEveryTableByteForByte) {
  NBAPROPS_SKIP_WITHOUT_POSTGRES();
  if (testing::real_season_dir().empty()) GTEST_SKIP() << "real season data absent";
  testing::PgTestDatabase db;
  testing::TempDir dir;
  std::string lite_path = (dir.path() / "s.db").string();
  auto lite = testing::open_real_season_store(lite_path);
  auto pg = testing::open_real_season_store(db.url());
  std::ostringstream log;
  for (auto [store, location] : {std::pair{lite.get(), lite_path}, {pg.get(), db.url()}}) {
    auto models = (dir.path() / (store == lite.get() ? "models-sqlite" : "models-pg")).string();
    pipeline::run_pipeline(*store, make_date(2024, 11, 1), make_date(2024, 11, 30),
                           month_options(location, models), log);
  }
  // Then the daily run of the next date with the market models, as `run` runs it: the market
  // stage beside the points stages on a second connection, its week's models trained and
  // registered there (pipeline/runner.cpp, markets_beside).
  for (auto [store, location] : {std::pair{lite.get(), lite_path}, {pg.get(), db.url()}}) {
    auto models = (dir.path() / (store == lite.get() ? "models-sqlite" : "models-pg")).string();
    pipeline::RunOptions daily = month_options(location, models);
    daily.mode = analytics::RunMode::kDaily;
    daily.markets = true;
    pipeline::run_pipeline(*store, make_date(2024, 12, 1), make_date(2024, 12, 1), daily, log);
  }
  EXPECT_GT(pg->count(*catalog_table("market_predictions"), {}), 0);
  size_t nonempty = 0;
  for (const TableSchema* t : catalog_tables()) {
    auto a = testing::table_dump(*lite, *t), b = testing::table_dump(*pg, *t);
    ASSERT_EQ(a.size(), b.size()) << t->name;
    nonempty += !a.empty();
    for (size_t i = 0; i < a.size(); ++i) {
      ASSERT_EQ(a[i], b[i]) << t->name << " line " << i;
    }
  }
  // The comparison covered the raw, Phase 3, 4 and 5 tables and the run history.
  EXPECT_GE(nonempty, 15u);
  EXPECT_GT(pg->count(*catalog_table("player_prop_predictions"), {}), 0);
  EXPECT_GT(pg->count(*catalog_table("ml_feature_store"), {}), 0);
}

}  // namespace
}  // namespace nbaprops
