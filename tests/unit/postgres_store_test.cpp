// The PostgreSQL store against a real server (a fresh database per test; skipped without
// NBAPROPS_TEST_PG). Where the contract allows a check, the same calls go to a SQLite store
// and the two must agree.
#include "store/postgres/pg_store.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "pipeline/catalog.h"
#include "raw/row_access.h"
#include "store/postgres/pg_schema.h"
#include "store/sqlite/sqlite_store.h"
#include "support/pg_test.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

Row game_line(const std::string& market, std::optional<std::string> team, double line,
              const std::string& date = "2025-01-20") {
  const TableSchema& t = *find_table("game_lines");
  Row row(t.columns.size());
  RowAccess r(t, row);
  r["game_date"] = date;
  r["game_id"] = std::string("20250120_BKN_MIL");
  r["bookmaker"] = std::string("draftkings");
  r["market"] = market;
  if (team) r["team_abbr"] = *team;
  r["line"] = line;
  r["snapshot_utc"] = std::string("2025-01-20T18:00:00Z");
  return row;
}

std::vector<std::string> rows_as_text(Store& store, const TableSchema& t) {
  std::vector<std::string> out;
  store.scan(t, {}, [&](const Row& row) {
    std::string line;
    for (const auto& v : row) {
      if (const auto* i = std::get_if<int64_t>(&v)) line += std::to_string(*i);
      if (const auto* d = std::get_if<double>(&v)) line += fmt::format("{}", *d);
      if (const auto* s = std::get_if<std::string>(&v)) line += "'" + *s + "'";
      if (is_null(v)) line += "NULL";
      line += "|";
    }
    out.push_back(line);
  });
  return out;
}

TEST(PostgresStore, UrlsOpenThePostgresStoreAndPathsTheSqliteOne) {
  EXPECT_TRUE(is_postgres_location("postgresql://u@h/db"));
  EXPECT_TRUE(is_postgres_location("postgres://u@h/db"));
  EXPECT_FALSE(is_postgres_location("nbaprops.db"));
  EXPECT_FALSE(is_postgres_location("./postgresql://x"));
  EXPECT_EQ(redact_password("postgresql://ann:secret@db.example/wh"),
            "postgresql://ann:***@db.example/wh");
  EXPECT_EQ(redact_password("postgresql:///wh?host=/tmp&password=secret&user=ann"),
            "postgresql:///wh?host=/tmp&password=***&user=ann");
}

TEST(PostgresStore, OrderMakesSqliteNullOrderExplicit) {
  EXPECT_EQ(pg::order_by("game_date, player_lookup"),
            "game_date NULLS FIRST, player_lookup NULLS FIRST");
  EXPECT_EQ(pg::order_by("a, b DESC NULLS LAST, c DESC, rowid"),
            "a NULLS FIRST, b DESC NULLS LAST, c DESC NULLS LAST, rowid NULLS FIRST");
}

TEST(PostgresStore, CannotOpenIsAStoreErrorWithoutThePassword) {
  try {
    PostgresStore("postgresql://ann:secret@127.0.0.1:1/none?connect_timeout=2", table_catalog());
    FAIL() << "opened";
  } catch (const StoreError& e) {
    EXPECT_EQ(std::string(e.what()).find("secret"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("cannot open store"), std::string::npos) << e.what();
  }
}

TEST(PostgresStore, CreatesTheSchemaOnceAndKnowsItsVersion) {
  NBAPROPS_SKIP_WITHOUT_POSTGRES();
  testing::PgTestDatabase db;
  {
    PostgresStore store(db.url(), table_catalog());
    EXPECT_EQ(store.schema_version(), static_cast<int>(pg::migrations(table_catalog()).size()));
  }
  PostgresStore again(db.url(), table_catalog());
  EXPECT_EQ(again.schema_version(), static_cast<int>(pg::migrations(table_catalog()).size()));
  EXPECT_EQ(db.value("select count(*) from schema_version"), "1");
  // Dates are dates and text compares bytewise, for any SQL client.
  EXPECT_EQ(db.value("select data_type from information_schema.columns where table_name = "
                     "'games' and column_name = 'game_date'"),
            "date");
  EXPECT_EQ(db.value("select collation_name from information_schema.columns where table_name = "
                     "'games' and column_name = 'game_id'"),
            "C");
}

TEST(PostgresStore, UpsertReplacesByKeyWithNullKeyCellsAsOneValue) {
  NBAPROPS_SKIP_WITHOUT_POSTGRES();
  testing::PgTestDatabase db;
  PostgresStore store(db.url(), table_catalog());
  const TableSchema& t = *find_table("game_lines");
  store.begin();
  EXPECT_FALSE(store.upsert(t, game_line("total", std::nullopt, 224.5)));
  EXPECT_TRUE(store.upsert(t, game_line("total", std::nullopt, 225.5)));  // same key: NULL team
  EXPECT_FALSE(store.upsert(t, game_line("spread", "MIL", -7.5)));
  EXPECT_FALSE(store.upsert(t, game_line("spread", "BKN", 7.5)));
  store.commit();
  EXPECT_EQ(store.count(t, {}), 3);
  EXPECT_EQ(rows_as_text(store, t),
            (std::vector<std::string>{
                "'2025-01-20'|'20250120_BKN_MIL'|'draftkings'|'spread'|'BKN'|7.5|NULL|"
                "'2025-01-20T18:00:00Z'|",
                "'2025-01-20'|'20250120_BKN_MIL'|'draftkings'|'spread'|'MIL'|-7.5|NULL|"
                "'2025-01-20T18:00:00Z'|",
                "'2025-01-20'|'20250120_BKN_MIL'|'draftkings'|'total'|NULL|225.5|NULL|"
                "'2025-01-20T18:00:00Z'|"}));
  EXPECT_EQ(store.count(t, {{"team_abbr", "=", Value{}}}), 1);
  EXPECT_EQ(store.count(t, {{"game_date", "<=", std::string("2025-01-20")}}), 3);
  EXPECT_EQ(store.count(t, {{"game_date", ">", std::string("2025-01-20")}}), 0);
  EXPECT_TRUE(store.exists(t, {{"team_abbr", "=", Value{}}}));
  EXPECT_TRUE(store.exists(t, {{"game_date", "<=", std::string("2025-01-20")}}));
  EXPECT_FALSE(store.exists(t, {{"game_date", ">", std::string("2025-01-20")}}));
  auto [lo, hi] = store.min_max(t, "line");
  EXPECT_EQ(std::get<double>(lo), -7.5);
  EXPECT_EQ(std::get<double>(hi), 225.5);
  auto [first, last] = store.min_max(t, "game_date");
  EXPECT_EQ(std::get<std::string>(first), "2025-01-20");
}

TEST(PostgresStore, CopiedRowsKeepEveryByteAndEveryDouble) {
  NBAPROPS_SKIP_WITHOUT_POSTGRES();
  testing::PgTestDatabase db;
  PostgresStore store(db.url(), table_catalog());
  const TableSchema& t = *find_table("rejected_rows");
  std::vector<std::string> texts = {
      "tab\there", "new\nline", "back\\slash \\N", "cr\r", "Dončić Jokić", "", "\\"};
  std::vector<double> doubles = {0.1, 1e-300, -7.5, 2.0 / 3.0, 123456789.123456789};
  store.begin();
  for (size_t i = 0; i < texts.size(); ++i) {
    Row row(t.columns.size());
    RowAccess a(t, row);
    a["source_file"] = std::string("f.csv");
    a["line_number"] = static_cast<int64_t>(i + 1);
    a["format"] = std::string("x");
    a["reason"] = std::string("r");
    a["raw_text"] = texts[i];
    a["processed_at"] = std::string("2025-01-20T18:00:00Z");
    store.insert(t, row);
  }
  const TableSchema& g = *find_table("game_lines");
  for (size_t i = 0; i < doubles.size(); ++i) {
    store.insert(g, game_line("m" + std::to_string(i), std::nullopt, doubles[i]));
  }
  store.commit();
  std::vector<std::string> read;
  store.scan(t, {}, [&](const Row& row) {
    read.push_back(std::get<std::string>(row[t.column_index("raw_text")]));
  });
  EXPECT_EQ(read, texts);
  std::vector<double> lines;
  store.scan(g, {}, [&](const Row& row) { lines.push_back(std::get<double>(row[5])); });
  EXPECT_EQ(lines, doubles);  // exact: shortest round-trip text both ways
}

TEST(PostgresStore, RollbackLeavesNoTraceAndABrokenKeyFailsTheTransaction) {
  NBAPROPS_SKIP_WITHOUT_POSTGRES();
  testing::PgTestDatabase db;
  PostgresStore store(db.url(), table_catalog());
  const TableSchema& t = *find_table("game_lines");
  {
    Transaction tx(store);
    store.insert(t, game_line("total", std::nullopt, 224.5));
    EXPECT_EQ(store.count(t, {}), 1);  // the buffered COPY is sent before any read
  }
  EXPECT_EQ(store.count(t, {}), 0);
  // A key without NULL-able columns is a unique index: the same key twice fails the COPY.
  const TableSchema& f = *find_table("failed_entities");
  Row failure{std::string("r"), std::string("p"), std::string("2025-01-20"), std::string("player"),
              std::string("x"), std::string("c"), std::string("why"),        int64_t{1}};
  store.begin();
  store.insert(t, game_line("total", std::nullopt, 224.5));
  store.insert(f, failure);
  store.insert(f, failure);
  EXPECT_THROW(store.commit(), StoreError);
  store.rollback();
  EXPECT_EQ(store.count(t, {}), 0);
  EXPECT_EQ(store.count(f, {}), 0);
  EXPECT_EQ(db.value("select count(*) from raw_partition_versions"), "0");
  // A NULL-able key is not a unique index (as in SQLite): insert() appends, upsert() matches.
  store.begin();
  store.insert(t, game_line("total", std::nullopt, 224.5));
  store.insert(t, game_line("total", std::nullopt, 224.5));
  store.commit();
  EXPECT_EQ(store.count(t, {}), 2);
}

TEST(PostgresStore, AScanCallbackMayUseTheStore) {
  NBAPROPS_SKIP_WITHOUT_POSTGRES();
  testing::PgTestDatabase db;
  PostgresStore store(db.url(), table_catalog());
  const TableSchema& t = *find_table("game_lines");
  store.begin();
  store.upsert(t, game_line("total", std::nullopt, 224.5));
  store.upsert(t, game_line("spread", "MIL", -7.5));
  store.commit();
  int seen = 0;
  store.scan(t, {}, [&](const Row&) { seen += static_cast<int>(store.count(t, {})); });
  EXPECT_EQ(seen, 4);
  std::vector<bool> wanted(t.columns.size(), false);
  wanted[t.column_index("market")] = true;
  store.scan_columns(t, wanted, {{"team_abbr", "=", std::string("MIL")}}, [&](const Row& row) {
    EXPECT_EQ(std::get<std::string>(row[t.column_index("market")]), "spread");
    EXPECT_TRUE(is_null(row[t.column_index("line")]));
  });
}

TEST(PostgresStore, UpsertAllIsUpsertInTurnTheLastRowOfAKeyWinning) {
  NBAPROPS_SKIP_WITHOUT_POSTGRES();
  testing::PgTestDatabase db;
  testing::TempDir dir;
  PostgresStore pg(db.url(), table_catalog());
  SqliteStore lite((dir.path() / "s.db").string(), table_catalog());
  const TableSchema& f = *find_table("failed_entities");
  auto failure = [](int entity, const std::string& reason) {
    return Row{std::string("r"),
               std::string("p"),
               std::string("2025-01-20"),
               std::string("player"),
               "x" + std::to_string(entity),
               std::string("c"),
               reason,
               int64_t{1}};
  };
  std::vector<Row> rows;
  for (int i = 0; i < 12; ++i) rows.push_back(failure(i % 9, "try " + std::to_string(i)));
  for (Store* s : std::vector<Store*>{&pg, &lite}) {
    s->begin();
    s->upsert(f, failure(0, "before"));
    s->upsert_all(f, rows);  // 12 rows, 9 keys: batched on PostgreSQL
    s->commit();
    s->begin();
    s->upsert_all(f, rows);  // again: the temporary table is reused, all rows replace
    s->commit();
  }
  EXPECT_EQ(pg.count(f, {}), 9);
  EXPECT_EQ(rows_as_text(pg, f), rows_as_text(lite, f));
  EXPECT_EQ(rows_as_text(pg, f).front(), "'r'|'p'|'2025-01-20'|'player'|'x0'|'c'|'try 9'|1|");
}

// The same writes through both stores: the same rows in the same order (bytewise text order,
// NULLs first) and the same partition change counters.
TEST(PostgresStore, AgreesWithSqliteOnOrderAndPartitionVersions) {
  NBAPROPS_SKIP_WITHOUT_POSTGRES();
  testing::PgTestDatabase db;
  testing::TempDir dir;
  PostgresStore pg(db.url(), table_catalog());
  SqliteStore lite((dir.path() / "s.db").string(), table_catalog());
  const TableSchema& t = *find_table("game_lines");
  for (Store* s : std::vector<Store*>{&pg, &lite}) {
    s->begin();
    s->upsert(t, game_line("total", std::nullopt, 224.5));
    s->upsert(t, game_line("spread", "MIL", -7.5));
    s->upsert(t, game_line("spread", "bkn", 7.5));  // lower case sorts after upper, bytewise
    s->upsert(t, game_line("spread", "BKN", 7.0));
    s->insert(t, game_line("spread", "ATL", 1.0, "2025-01-21"));
    s->commit();
    s->begin();
    s->upsert(t, game_line("total", std::nullopt, 224.5));  // no change: no bump
    s->upsert(t, game_line("spread", "MIL", -8.0));         // a change: a bump
    s->erase(t, {{"team_abbr", "=", std::string("bkn")}});
    s->commit();
  }
  EXPECT_EQ(rows_as_text(pg, t), rows_as_text(lite, t));
  const TableSchema& v = *catalog_table("raw_partition_versions");
  EXPECT_EQ(rows_as_text(pg, v), rows_as_text(lite, v));
  EXPECT_EQ(rows_as_text(pg, v), (std::vector<std::string>{"'game_lines'|'2025-01-20'|6|",
                                                           "'game_lines'|'2025-01-21'|1|"}));
  // An update by any SQL client moving a row to another date bumps both partitions.
  db.exec("update game_lines set game_date = '2025-01-22' where team_abbr = 'ATL'");
  EXPECT_EQ(db.value("select version from raw_partition_versions where game_date = '2025-01-21'"),
            "2");
  EXPECT_EQ(db.value("select version from raw_partition_versions where game_date = '2025-01-22'"),
            "1");
}

}  // namespace
}  // namespace nbaprops
