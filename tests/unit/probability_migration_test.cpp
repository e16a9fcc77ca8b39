// Store schema version 9 (docs/predictions.md §3): a store made at version 8, before the
// columns p_over, ev_over and ev_under existed, is migrated by ALTER TABLE ... ADD COLUMN: it
// keeps its predictions (NULL in the new columns) and is then written with them. SQLite and
// PostgreSQL (skipped without NBAPROPS_TEST_PG).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/catalog.h"
#include "predict/predict_day.h"
#include "predict/prediction_record.h"
#include "predict/tables.h"
#include "store/postgres/pg_schema.h"
#include "store/sqlite/sqlite_schema.h"
#include "support/pg_test.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

constexpr size_t kVersion8 = 8;

// The DDL of versions 1-8 (what a build before version 9 ran) and the version row.
std::string version_8_sql(const std::vector<std::vector<std::string>>& migrations) {
  std::string sql = "CREATE TABLE schema_version (version integer NOT NULL);\n";
  for (size_t v = 0; v < kVersion8; ++v) {
    for (const auto& stmt : migrations[v]) sql += stmt + ";\n";
  }
  return sql + "INSERT INTO schema_version VALUES (8);\n";
}

// A prediction row as a version-8 build wrote it (no probability columns).
const char* kOldRow =
    "INSERT INTO player_prop_predictions (system_id, game_date, player_lookup, game_id, line, "
    "over_price, under_price, predicted_points, confidence, edge, recommendation) VALUES "
    "('moving_average', '2025-01-10', 'jdoe', '0022400500', 20.5, -110, -120, 23.25, 61.5, "
    "2.75, 'OVER')";

std::vector<predict::PredictionRecord> predictions(Store& store) {
  const TableSchema& t = predict::player_prop_predictions_table();
  std::vector<predict::PredictionRecord> out;
  store.scan(t, {},
             [&](const Row& row) { out.push_back(predict::prediction_record().read(t, row)); });
  return out;
}

// Opens the version-8 store at `location`, checks the old row, writes one with the columns.
void migrate_and_write(const std::string& location) {
  auto store = open_store(location);
  auto rows = predictions(*store);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].player_lookup, "jdoe");
  EXPECT_EQ(rows[0].line, 20.5);
  EXPECT_EQ(rows[0].under_price, -120);
  EXPECT_EQ(rows[0].predicted_points, 23.25);
  EXPECT_EQ(rows[0].recommendation, "OVER");
  EXPECT_FALSE(rows[0].p_over || rows[0].ev_over || rows[0].ev_under);

  predict::PredictionRecord p = rows[0];
  p.player_lookup = "kdoe";
  p.p_over = 0.55;
  p.ev_over = 0.05;
  p.ev_under = -0.1273;
  predict::PredictOutput out;
  out.predictions = {predict::prediction_record().write(rows[0]),
                     predict::prediction_record().write(p)};
  predict::write_predictions(*store, make_date(2025, 1, 10), std::move(out),
                             "2026-01-01T00:00:00Z");
  rows = predictions(*store);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_FALSE(rows[0].p_over);
  EXPECT_EQ(rows[1].player_lookup, "kdoe");
  EXPECT_EQ(rows[1].p_over, 0.55);
  EXPECT_EQ(rows[1].ev_over, 0.05);
  EXPECT_EQ(rows[1].ev_under, -0.1273);
}

TEST(ProbabilityMigration, VersionFourCreatesThePredictionsWithoutTheNewColumns) {
  auto migrations = sqlite_migrations(table_catalog());
  ASSERT_GE(migrations.size(), 9u);
  const std::string& create = migrations[3][0];
  ASSERT_NE(create.find("CREATE TABLE \"player_prop_predictions\""), std::string::npos);
  EXPECT_EQ(create.find("p_over"), std::string::npos);
  EXPECT_EQ(migrations[8],
            (std::vector<std::string>{
                "ALTER TABLE \"player_prop_predictions\" ADD COLUMN \"p_over\" REAL",
                "ALTER TABLE \"player_prop_predictions\" ADD COLUMN \"ev_over\" REAL",
                "ALTER TABLE \"player_prop_predictions\" ADD COLUMN \"ev_under\" REAL",
                "ALTER TABLE \"backtest_predictions\" ADD COLUMN \"p_over\" REAL",
                "ALTER TABLE \"backtest_predictions\" ADD COLUMN \"ev_over\" REAL",
                "ALTER TABLE \"backtest_predictions\" ADD COLUMN \"ev_under\" REAL"}));
}

TEST(ProbabilityMigration, ASqliteStoreOfVersion8KeepsItsRowsAndGainsTheColumns) {
  testing::TempDir dir;
  std::string db = (dir.path() / "v8.db").string();
  testing::sql_exec(db, version_8_sql(sqlite_migrations(table_catalog())) + kOldRow);
  EXPECT_EQ(testing::sql_value(db,
                               "select count(*) from pragma_table_info('player_prop_"
                               "predictions') where name = 'p_over'"),
            "0");
  migrate_and_write(db);
  EXPECT_EQ(testing::sql_value(db,
                               "select group_concat(name, ',') from (select name from "
                               "pragma_table_info('backtest_predictions') where cid >= 24)"),
            "p_over,ev_over,ev_under");
  // A new store has the same columns in the same order.
  std::string fresh = (dir.path() / "new.db").string();
  open_store(fresh);
  const std::string columns =
      "select group_concat(name, ',') from pragma_table_info('player_prop_predictions')";
  EXPECT_EQ(testing::sql_value(fresh, columns), testing::sql_value(db, columns));
}

TEST(ProbabilityMigration, APostgresStoreOfVersion8KeepsItsRowsAndGainsTheColumns) {
  NBAPROPS_SKIP_WITHOUT_POSTGRES();
  testing::PgTestDatabase db;
  db.exec(version_8_sql(pg::migrations(table_catalog())) + kOldRow);
  EXPECT_EQ(db.value("select count(*) from information_schema.columns where table_name = "
                     "'player_prop_predictions' and column_name = 'p_over'"),
            "0");
  migrate_and_write(db.url());
  EXPECT_EQ(db.value("select version from schema_version"),
            std::to_string(pg::migrations(table_catalog()).size()));  // 9 and later
  EXPECT_EQ(db.value("select data_type from information_schema.columns where table_name = "
                     "'backtest_predictions' and column_name = 'ev_under'"),
            "double precision");
}

}  // namespace
}  // namespace nbaprops
