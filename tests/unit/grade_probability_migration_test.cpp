// Store schema version 11 (docs/predictions.md §3): a store made at version 10, before
// prediction_grades had p_over and ev_taken and system_performance its Brier columns, is migrated
// by ALTER TABLE ... ADD COLUMN: it keeps its rows (NULL in the new columns) and is then written
// with them. SQLite and PostgreSQL (skipped without NBAPROPS_TEST_PG).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/catalog.h"
#include "predict/grade_day.h"
#include "predict/performance.h"
#include "predict/performance_record.h"
#include "predict/prediction_record.h"
#include "predict/tables.h"
#include "store/postgres/pg_schema.h"
#include "store/sqlite/sqlite_schema.h"
#include "support/pg_test.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

constexpr size_t kVersion10 = 10;

// The DDL of versions 1-10 (what a build before version 11 ran) and the version row.
std::string version_10_sql(const std::vector<std::vector<std::string>>& migrations) {
  std::string sql = "CREATE TABLE schema_version (version integer NOT NULL);\n";
  for (size_t v = 0; v < kVersion10; ++v) {
    for (const auto& stmt : migrations[v]) sql += stmt + ";\n";
  }
  return sql + "INSERT INTO schema_version VALUES (10);\n";
}

// A grade row and a performance row as a version-10 build wrote them.
const char* kOldRows =
    "INSERT INTO prediction_grades (system_id, game_date, player_lookup, game_id, "
    "recommendation, line, predicted_points, confidence, edge, actual_points, minutes, "
    "is_voided, result, price, profit, confidence_decile) VALUES ('moving_average', "
    "'2025-01-10', 'jdoe', '0022400500', 'OVER', 20.5, 23.25, 61.5, 2.75, 25, 33.5, 0, "
    "'WIN', -110, 0.9091, 7);\n"
    "INSERT INTO system_performance (system_id, game_date, predictions, graded, voided, "
    "pending, recommendations, wins, losses, pushes, profit) VALUES ('moving_average', "
    "'2025-01-10', 1, 1, 0, 0, 1, 1, 0, 0, 0.9091)";

template <class R>
std::vector<R> read_all(Store& store, const TableSchema& t, const Record<R>& record) {
  std::vector<R> out;
  store.scan(t, {}, [&](const Row& row) { out.push_back(record.read(t, row)); });
  return out;
}

// Opens the version-10 store at `location`, checks the old rows, writes them with the columns.
void migrate_and_write(const std::string& location) {
  using predict::GradeRecord;
  using predict::SystemPerformanceRecord;
  auto store = open_store(location);
  const TableSchema& grades_t = predict::prediction_grades_table();
  const TableSchema& perf_t = predict::system_performance_table();
  auto grades = read_all(*store, grades_t, predict::grade_record());
  ASSERT_EQ(grades.size(), 1u);
  EXPECT_EQ(grades[0].player_lookup, "jdoe");
  EXPECT_EQ(grades[0].line, 20.5);
  EXPECT_EQ(grades[0].actual_points, 25);
  EXPECT_EQ(grades[0].result, "WIN");
  EXPECT_FALSE(grades[0].p_over || grades[0].ev_taken);
  auto perf = read_all(*store, perf_t, predict::system_performance_record());
  ASSERT_EQ(perf.size(), 1u);
  EXPECT_EQ(perf[0].wins, 1);
  EXPECT_FALSE(perf[0].brier_n || perf[0].brier || perf[0].market_brier);

  const Date d = make_date(2025, 1, 10);
  GradeRecord g = grades[0];
  g.player_lookup = "kdoe";
  g.p_over = 0.5731;
  g.ev_taken = 0.0941;
  predict::write_grades(
      *store, d, {predict::grade_record().write(grades[0]), predict::grade_record().write(g)},
      "2026-01-01T00:00:00Z");
  grades = read_all(*store, grades_t, predict::grade_record());
  ASSERT_EQ(grades.size(), 2u);
  EXPECT_FALSE(grades[0].p_over);
  EXPECT_EQ(grades[1].player_lookup, "kdoe");
  EXPECT_EQ(grades[1].p_over, 0.5731);
  EXPECT_EQ(grades[1].ev_taken, 0.0941);

  SystemPerformanceRecord p = perf[0];
  p.brier_n = 1;
  p.brier = 0.1823;
  p.market_brier = 0.25;
  predict::PerformanceRows rows;
  rows.performance = {predict::system_performance_record().write(p)};
  predict::write_performance(*store, d, std::move(rows), "2026-01-01T00:00:00Z");
  perf = read_all(*store, perf_t, predict::system_performance_record());
  ASSERT_EQ(perf.size(), 1u);
  EXPECT_EQ(perf[0].brier_n, 1);
  EXPECT_EQ(perf[0].brier, 0.1823);
  EXPECT_EQ(perf[0].market_brier, 0.25);
}

TEST(GradeProbabilityMigration, VersionElevenAddsTheColumnsToTheGradesAndPerformance) {
  auto migrations = sqlite_migrations(table_catalog());
  ASSERT_GE(migrations.size(), 11u);
  std::string create;
  for (const auto& stmt : migrations[3]) {
    if (stmt.starts_with("CREATE TABLE \"prediction_grades\"")) create = stmt;
  }
  ASSERT_FALSE(create.empty());
  EXPECT_EQ(create.find("p_over"), std::string::npos);
  EXPECT_EQ(migrations[10],
            (std::vector<std::string>{
                "ALTER TABLE \"prediction_grades\" ADD COLUMN \"p_over\" REAL",
                "ALTER TABLE \"prediction_grades\" ADD COLUMN \"ev_taken\" REAL",
                "ALTER TABLE \"backtest_grades\" ADD COLUMN \"p_over\" REAL",
                "ALTER TABLE \"backtest_grades\" ADD COLUMN \"ev_taken\" REAL",
                "ALTER TABLE \"system_performance\" ADD COLUMN \"brier_n\" INTEGER",
                "ALTER TABLE \"system_performance\" ADD COLUMN \"brier\" REAL",
                "ALTER TABLE \"system_performance\" ADD COLUMN \"market_brier\" REAL"}));
}

TEST(GradeProbabilityMigration, ASqliteStoreOfVersion10KeepsItsRowsAndGainsTheColumns) {
  testing::TempDir dir;
  std::string db = (dir.path() / "v10.db").string();
  testing::sql_exec(db, version_10_sql(sqlite_migrations(table_catalog())) + kOldRows);
  EXPECT_EQ(testing::sql_value(db,
                               "select count(*) from pragma_table_info('prediction_grades') "
                               "where name = 'p_over'"),
            "0");
  migrate_and_write(db);
  // The backtest's grades mirror prediction_grades.
  const std::string last_two = " where cid >= (select count(*) - 2 from pragma_table_info('";
  EXPECT_EQ(testing::sql_value(db,
                               "select group_concat(name, ',') from (select name from "
                               "pragma_table_info('backtest_grades')" +
                                   last_two + "backtest_grades')))"),
            "p_over,ev_taken");
  // A new store has the same columns in the same order.
  std::string fresh = (dir.path() / "new.db").string();
  open_store(fresh);
  for (const char* table : {"prediction_grades", "backtest_grades", "system_performance"}) {
    const std::string columns =
        std::string("select group_concat(name, ',') from pragma_table_info('") + table + "')";
    EXPECT_EQ(testing::sql_value(fresh, columns), testing::sql_value(db, columns)) << table;
  }
}

TEST(GradeProbabilityMigration, APostgresStoreOfVersion10KeepsItsRowsAndGainsTheColumns) {
  NBAPROPS_SKIP_WITHOUT_POSTGRES();
  testing::PgTestDatabase db;
  db.exec(version_10_sql(pg::migrations(table_catalog())) + kOldRows);
  EXPECT_EQ(db.value("select count(*) from information_schema.columns where table_name = "
                     "'prediction_grades' and column_name = 'p_over'"),
            "0");
  migrate_and_write(db.url());
  EXPECT_EQ(db.value("select version from schema_version"),
            std::to_string(pg::migrations(table_catalog()).size()));  // 11 and later
  EXPECT_EQ(db.value("select data_type from information_schema.columns where table_name = "
                     "'backtest_grades' and column_name = 'ev_taken'"),
            "double precision");
  EXPECT_EQ(db.value("select data_type from information_schema.columns where table_name = "
                     "'system_performance' and column_name = 'brier_n'"),
            "bigint");
}

}  // namespace
}  // namespace nbaprops
