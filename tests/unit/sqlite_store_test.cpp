#include "store/sqlite/sqlite_store.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "pipeline/catalog.h"
#include "raw/row_access.h"
#include "store/sqlite/sqlite_schema.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

Row game_line(const std::string& market, std::optional<std::string> team, double line) {
  const TableSchema& t = *find_table("game_lines");
  Row row(t.columns.size());
  RowAccess r(t, row);
  r["game_date"] = std::string("2025-01-20");
  r["game_id"] = std::string("20250120_BKN_MIL");
  r["bookmaker"] = std::string("draftkings");
  r["market"] = market;
  if (team) r["team_abbr"] = *team;
  r["line"] = line;
  r["snapshot_utc"] = std::string("2025-01-20T18:00:00Z");
  return row;
}

TEST(SqliteStore, CreatesTheSchemaOnceAndKnowsItsVersion) {
  testing::TempDir dir;
  std::string path = (dir.path() / "s.db").string();
  {
    SqliteStore store(path, table_catalog());
    EXPECT_EQ(store.schema_version(), static_cast<int>(sqlite_migrations(table_catalog()).size()));
  }
  SqliteStore again(path, table_catalog());  // reopening migrates nothing and keeps the version
  EXPECT_EQ(again.schema_version(), static_cast<int>(sqlite_migrations(table_catalog()).size()));
  EXPECT_EQ(testing::sql_value(path, "select count(*) from schema_version"), "1");
  // Version 10: the runs of a processor before a date are found through an index.
  EXPECT_EQ(testing::sql_value(path,
                               "select sql from sqlite_master where name = "
                               "'processor_runs_processor_date'"),
            "CREATE INDEX \"processor_runs_processor_date\" ON \"processor_runs\" "
            "(\"processor\", \"date\", \"processed_at\")");
}

// A new store has 16 KiB pages; a store created with another page size keeps it, and opens and
// migrates as before.
TEST(SqliteStore, ANewStoreHasLargePagesAndAnOldOneKeepsItsOwn) {
  testing::TempDir dir;
  std::string fresh = (dir.path() / "new.db").string();
  { SqliteStore store(fresh, table_catalog()); }
  EXPECT_EQ(testing::sql_value(fresh, "pragma page_size"), std::to_string(kNewStorePageSize));
  std::string old = (dir.path() / "old.db").string();
  testing::sql_exec(old, "pragma page_size=4096; create table t (x integer)");
  {
    SqliteStore store(old, table_catalog());
    EXPECT_EQ(store.schema_version(), static_cast<int>(sqlite_migrations(table_catalog()).size()));
  }
  EXPECT_EQ(testing::sql_value(old, "pragma page_size"), "4096");
}

// The store knows no phase: it creates exactly the tables, key, date and extra indexes of the
// catalog it is handed (store/table_catalog.h), one schema version per catalog version.
TEST(SqliteStore, CreatesOnlyTheCatalogItIsHanded) {
  testing::TempDir dir;
  std::string path = (dir.path() / "s.db").string();
  const TableSchema things{
      "things", {{"id", ColumnType::kText}, {"game_date", ColumnType::kDate}}, {"id"}, "id"};
  const TableSchema more{"more", {{"n", ColumnType::kInt}}, {}, "n"};
  TableCatalog catalog;
  catalog.versions = {{{&things}, {{&things, {"id", "game_date"}, "both", false}}, {}},
                      {{&more}, {}, {}}};
  SqliteStore store(path, catalog);
  EXPECT_EQ(store.schema_version(), 2);
  EXPECT_EQ(testing::sql_value(path,
                               "select group_concat(name, ',') from (select name from "
                               "sqlite_master where name not like 'sqlite_%' order by name)"),
            "more,schema_version,things,things_both,things_date,things_key");
  EXPECT_THROW(store.count(*find_table("games"), {}), StoreError);
  {
    Transaction tx(store);
    EXPECT_FALSE(store.upsert(things, {std::string("a"), std::string("2025-01-10")}));
    EXPECT_TRUE(store.upsert(things, {std::string("a"), std::string("2025-01-11")}));
    tx.commit();
  }
  EXPECT_EQ(store.count(things, {}), 1);
}

// A version may add columns to a table an earlier version created: the table is declared once
// with every column; a new store and one migrated from the earlier version end with the same
// columns, and the old rows get NULL in the new ones.
TEST(SqliteStore, AVersionAddsColumnsToAnExistingTable) {
  testing::TempDir dir;
  const TableSchema old_things{
      "things", {{"id", ColumnType::kText}, {"n", ColumnType::kInt, true}}, {"id"}, "id"};
  const TableSchema things{"things",
                           {{"id", ColumnType::kText},
                            {"x", ColumnType::kDec, true},
                            {"n", ColumnType::kInt, true},
                            {"y", ColumnType::kText, true}},
                           {"id"},
                           "id"};
  TableCatalog before;
  before.versions = {{{&old_things}, {}, {}}};
  TableCatalog after;
  after.versions = {{{&things}, {}, {}}, {{}, {}, {{&things, {"x", "y"}}}}};
  auto migrations = sqlite_migrations(after);
  ASSERT_EQ(migrations.size(), 2u);
  EXPECT_EQ(migrations[0][0], "CREATE TABLE \"things\" (\"id\" TEXT NOT NULL, \"n\" INTEGER)");
  EXPECT_EQ(migrations[1],
            (std::vector<std::string>{"ALTER TABLE \"things\" ADD COLUMN \"x\" REAL",
                                      "ALTER TABLE \"things\" ADD COLUMN \"y\" TEXT"}));
  std::string old_path = (dir.path() / "old.db").string();
  {
    SqliteStore store(old_path, before);
    store.upsert(old_things, {std::string("a"), int64_t{7}});
  }
  std::string new_path = (dir.path() / "new.db").string();
  for (const std::string& path : {old_path, new_path}) {
    SqliteStore store(path, after);
    EXPECT_EQ(store.schema_version(), 2);
    EXPECT_EQ(testing::sql_value(path,
                                 "select group_concat(name, ',') from pragma_table_info("
                                 "'things')"),
              "id,n,x,y");
    store.upsert(things, {std::string("b"), 1.5, int64_t{8}, std::string("t")});
    std::vector<Row> rows;
    store.scan(things, {}, [&](const Row& r) { rows.push_back(r); });
    if (path == old_path) {
      ASSERT_EQ(rows.size(), 2u);
      EXPECT_EQ(rows[0], (Row{std::string("a"), Value{}, int64_t{7}, Value{}}));
      rows.erase(rows.begin());
    }
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0], (Row{std::string("b"), 1.5, int64_t{8}, std::string("t")}));
  }
  // A NOT NULL or undeclared added column is refused.
  after.versions[1].added = {{&things, {"id"}}};
  EXPECT_THROW(sqlite_migrations(after), std::invalid_argument);
  after.versions[1].added = {{&things, {"z"}}};
  EXPECT_THROW(sqlite_migrations(after), std::invalid_argument);
}

TEST(SqliteStore, UpsertReplacesByKeyWithNullKeyCellsAsOneValue) {
  testing::TempDir dir;
  SqliteStore store((dir.path() / "s.db").string(), table_catalog());
  const TableSchema& t = *find_table("game_lines");
  store.begin();
  EXPECT_FALSE(store.upsert(t, game_line("total", std::nullopt, 224.5)));
  EXPECT_TRUE(store.upsert(t, game_line("total", std::nullopt, 225.5)));  // same key: NULL team
  EXPECT_FALSE(store.upsert(t, game_line("spread", "MIL", -7.5)));
  EXPECT_FALSE(store.upsert(t, game_line("spread", "BKN", 7.5)));
  store.commit();
  EXPECT_EQ(store.count(t, {}), 3);
  std::vector<std::string> seen;
  store.scan(t, {}, [&](const Row& row) {
    RowAccess r(t, const_cast<Row&>(row));
    seen.push_back(r.s("market") + ":" + (r.null("team_abbr") ? "-" : r.s("team_abbr")) + ":" +
                   std::to_string(*r.d("line")));
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"spread:BKN:7.500000", "spread:MIL:-7.500000",
                                            "total:-:225.500000"}));
  EXPECT_EQ(store.count(t, {{"team_abbr", "=", Value{}}}), 1);
  EXPECT_TRUE(store.exists(t, {{"team_abbr", "=", Value{}}}));
  EXPECT_TRUE(store.exists(t, {{"market", "=", std::string("spread")}}));
  EXPECT_FALSE(store.exists(t, {{"market", "=", std::string("moneyline")}}));
  auto [lo, hi] = store.min_max(t, "line");
  EXPECT_EQ(std::get<double>(lo), -7.5);
  EXPECT_EQ(std::get<double>(hi), 225.5);
}

// A scan reuses its row between steps: a text cell after a longer text, a NULL after a text and
// a text after a NULL each read as stored.
TEST(SqliteStore, AScanReadsEachCellAsStoredWhileReusingItsRow) {
  testing::TempDir dir;
  SqliteStore store((dir.path() / "s.db").string(), table_catalog());
  const TableSchema& t = *find_table("game_lines");
  store.begin();
  store.insert(t, game_line("a_total", std::nullopt, 224.5));
  store.insert(t, game_line("b_spread", "MILWAUKEE", -7.5));
  store.insert(t, game_line("c_spread", "BK", 7.5));
  store.insert(t, game_line("d_total", std::nullopt, 225.5));
  store.insert(t, game_line("e_spread", "NYK", 1.5));
  store.commit();
  std::vector<std::string> seen;
  store.scan(t, {}, [&](const Row& row) {
    RowAccess r(t, const_cast<Row&>(row));
    seen.push_back(r.s("market") + ":" + (r.null("team_abbr") ? "-" : r.s("team_abbr")) + ":" +
                   std::to_string(*r.d("line")));
  });
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(seen, (std::vector<std::string>{"a_total:-:224.500000", "b_spread:MILWAUKEE:-7.500000",
                                            "c_spread:BK:7.500000", "d_total:-:225.500000",
                                            "e_spread:NYK:1.500000"}));
}

TEST(SqliteStore, EveryRealChangeOfARawRowBumpsItsPartitionVersion) {
  testing::TempDir dir;
  std::string path = (dir.path() / "s.db").string();
  SqliteStore store(path, table_catalog());
  const TableSchema& t = *find_table("game_lines");
  auto version = [&](const std::string& table, const std::string& date) {
    return testing::sql_value(
        path, "select version from raw_partition_versions where table_name = '" + table +
                  "' and game_date = '" + date + "'");
  };
  store.begin();
  store.upsert(t, game_line("total", std::nullopt, 224.5));  // insert
  store.upsert(t, game_line("spread", "MIL", -7.5));         // insert
  store.commit();
  EXPECT_EQ(version("game_lines", "2025-01-20"), "2");
  store.begin();
  store.upsert(t, game_line("total", std::nullopt, 224.5));  // the same values: no change
  store.commit();
  EXPECT_EQ(version("game_lines", "2025-01-20"), "2");
  store.begin();
  store.upsert(t, game_line("total", std::nullopt, 226.0));  // a changed value
  store.commit();
  EXPECT_EQ(version("game_lines", "2025-01-20"), "3");
  // An update moving a row to another date bumps both partitions; a delete bumps its own.
  testing::sql_exec(path, "update game_lines set game_date = '2025-01-21' where market = 'spread'");
  EXPECT_EQ(version("game_lines", "2025-01-20"), "4");
  EXPECT_EQ(version("game_lines", "2025-01-21"), "1");
  testing::sql_exec(path, "delete from game_lines where market = 'total'");
  EXPECT_EQ(version("game_lines", "2025-01-20"), "5");
  EXPECT_EQ(version("game_lines", "2025-01-21"), "1");
  // Undated tables count under ''.
  testing::sql_exec(path,
                    "insert into player_aliases (alias_lookup, player_lookup, origin) values ('a', "
                    "'b', 'manual')");
  EXPECT_EQ(version("player_aliases", ""), "1");
}

TEST(SqliteStore, RollbackLeavesNoTrace) {
  testing::TempDir dir;
  SqliteStore store((dir.path() / "s.db").string(), table_catalog());
  const TableSchema& t = *find_table("game_lines");
  {
    Transaction tx(store);
    store.insert(t, game_line("total", std::nullopt, 224.5));
    EXPECT_EQ(store.count(t, {}), 1);
  }  // no commit
  EXPECT_EQ(store.count(t, {}), 0);
  store.begin();
  store.insert(t, game_line("total", std::nullopt, 224.5));
  EXPECT_EQ(store.erase(t, {{"market", "=", std::string("total")}}), 1);
  store.commit();
  EXPECT_EQ(store.count(t, {}), 0);
}

TEST(SqliteStore, CannotOpenIsAStoreError) {
  EXPECT_THROW(SqliteStore("/no/such/folder/x.db", table_catalog()), StoreError);
}

TEST(SqliteStore, ASecondWriterWaitsThenGetsAClearError) {
  testing::TempDir dir;
  std::string path = (dir.path() / "s.db").string();
  SqliteStore first(path, table_catalog());
  SqliteStore second(path, table_catalog());
  second.set_busy_timeout_ms(50);
  first.begin();
  try {
    second.begin();
    FAIL() << "the second writer was let in";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("locked"), std::string::npos) << e.what();
  }
  first.rollback();
  second.begin();  // free again
  second.rollback();
}

}  // namespace
}  // namespace nbaprops
