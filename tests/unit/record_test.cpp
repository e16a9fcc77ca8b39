// core/record.h: one declaration gives the columns, the row writer, the row reader and the
// projection; and a row whose width does not match its table is refused by both stores.
#include "core/record.h"

#include <gtest/gtest.h>

#include <cmath>

#include "pipeline/catalog.h"
#include "predict/prediction_record.h"
#include "predict/tables.h"
#include "store/postgres/pg_store.h"
#include "store/sqlite/sqlite_store.h"
#include "support/pg_test.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

struct Sample {
  std::string player;
  Date day;
  int games = 0;
  std::optional<int64_t> streak;
  double avg = 0;
  std::optional<double> line;
  bool home = false;
  std::optional<bool> starter;
  std::optional<std::string> note, at;
};

const Record<Sample>& sample_record() {
  static const Record<Sample> r =
      Record<Sample>()
          .field("player_lookup", &Sample::player)
          .field("game_date", &Sample::day)
          .field("games", &Sample::games)
          .field("streak", &Sample::streak)
          .dec("avg", &Sample::avg, 2)
          .dec("line", &Sample::line, 1)
          .field("home", &Sample::home)
          .field("starter", &Sample::starter)
          .field("note", &Sample::note)
          .field("at", &Sample::at, ColumnType::kTs)
          .computed({"double_games", ColumnType::kInt, false, -1},
                    [](const Sample& s) { return Value(int64_t{2 * s.games}); });
  return r;
}

TEST(Record, ColumnsComeFromTheDeclaration) {
  std::vector<Column> c = sample_record().columns();
  ASSERT_EQ(c.size(), 11u);
  EXPECT_EQ(c[0].name, "player_lookup");
  EXPECT_EQ(c[0].type, ColumnType::kText);
  EXPECT_FALSE(c[0].nullable);
  EXPECT_EQ(c[1].type, ColumnType::kDate);
  EXPECT_EQ(c[2].type, ColumnType::kInt);
  EXPECT_TRUE(c[3].nullable);  // std::optional
  EXPECT_EQ(c[4].type, ColumnType::kDec);
  EXPECT_EQ(c[4].decimals, 2);
  EXPECT_FALSE(c[4].nullable);
  EXPECT_EQ(c[5].decimals, 1);
  EXPECT_EQ(c[6].type, ColumnType::kBool);
  EXPECT_EQ(c[9].type, ColumnType::kTs);
  EXPECT_EQ(c[2].decimals, -1);
}

TEST(Record, WritesRoundedCellsAndReadsThemBack) {
  Sample s{"lebronjames", make_date(2025, 1, 15), 7, 3, 25.125, 24.55, true, false,
           "x",           "2025-01-15T18:00:00Z"};
  Row row = sample_record().write(s);
  ASSERT_EQ(row.size(), 11u);
  EXPECT_EQ(std::get<std::string>(row[0]), "lebronjames");
  EXPECT_EQ(std::get<std::string>(row[1]), "2025-01-15");
  EXPECT_EQ(std::get<int64_t>(row[2]), 7);
  EXPECT_EQ(std::get<double>(row[4]), 25.13);  // half away from zero, 2 decimals
  EXPECT_EQ(std::get<double>(row[5]), 24.6);
  EXPECT_EQ(std::get<int64_t>(row[6]), 1);
  EXPECT_EQ(std::get<int64_t>(row[7]), 0);
  EXPECT_EQ(std::get<int64_t>(row[10]), 14);  // computed

  TableSchema t{"samples", sample_record().columns(), {"player_lookup"}, "player_lookup"};
  Sample back = sample_record().read(t, row);
  EXPECT_EQ(back.player, "lebronjames");
  EXPECT_EQ(back.day, make_date(2025, 1, 15));
  EXPECT_EQ(back.games, 7);
  EXPECT_EQ(back.streak, 3);
  EXPECT_EQ(back.avg, 25.13);
  EXPECT_EQ(back.line, 24.6);
  EXPECT_TRUE(back.home);
  EXPECT_EQ(back.starter, false);
  EXPECT_EQ(back.note, "x");
  EXPECT_EQ(back.at, "2025-01-15T18:00:00Z");
}

TEST(Record, NegativeZeroAndHalvesRoundAsStored) {
  Sample s;
  s.avg = -0.004;  // rounds to -0.0, stored as 0.0
  s.line = -2.25;  // half away from zero: -2.3
  Row row = sample_record().write(s);
  EXPECT_FALSE(std::signbit(std::get<double>(row[4])));
  EXPECT_EQ(std::get<double>(row[5]), -2.3);
}

TEST(Record, EmptyOptionalsAreNullAndNullReadsEmpty) {
  Sample s;
  s.player = "p";
  Row row = sample_record().write(s);
  for (size_t i : {3, 5, 7, 8, 9}) EXPECT_TRUE(is_null(row[i])) << i;
  TableSchema t{"samples", sample_record().columns(), {}, ""};
  row[2] = Value{};  // a NULL plain member reads as its default
  Sample back = sample_record().read(t, row);
  EXPECT_EQ(back.games, 0);
  EXPECT_FALSE(back.streak);
  EXPECT_FALSE(back.line);
  EXPECT_FALSE(back.note);
}

TEST(Record, ReadsByNameFromAWiderTableAndProjectsItsColumns) {
  // The projection: the read-back columns, not the computed one.
  std::vector<std::string> p = sample_record().projection();
  ASSERT_EQ(p.size(), 10u);
  EXPECT_EQ(p.front(), "player_lookup");
  EXPECT_EQ(p.back(), "at");
  // A wider table in another order: cells found by name.
  TableSchema wide{"wide", {{"extra", ColumnType::kText}}, {}, ""};
  std::vector<Column> cols = sample_record().columns();
  for (auto it = cols.rbegin(); it != cols.rend(); ++it) wide.columns.push_back(*it);
  Row row(wide.columns.size());
  row[wide.column_index("player_lookup")] = std::string("q");
  row[wide.column_index("games")] = int64_t{4};
  row[wide.column_index("avg")] = int64_t{12};  // an int cell reads as a dec
  Sample back = sample_record().read(wide, row);
  EXPECT_EQ(back.player, "q");
  EXPECT_EQ(back.games, 4);
  EXPECT_EQ(back.avg, 12.0);
  std::vector<bool> wanted = sample_record().wanted(wide);
  EXPECT_FALSE(wanted[0]);                                  // extra
  EXPECT_FALSE(wanted[wide.column_index("double_games")]);  // computed
  EXPECT_TRUE(wanted[wide.column_index("games")]);
}

// A reader of a table as it was before a migration declares the newer columns only when the
// table has them; dec takes the table's stored decimals.
TEST(Record, FieldsIfPresentFollowTheTable) {
  auto reader = [](const TableSchema& t) {
    return Record<Sample>()
        .field("player_lookup", &Sample::player)
        .field_if_present(t, "note", &Sample::note)
        .dec_if_present(t, "line", &Sample::line);
  };
  TableSchema old_table{"t", {{"player_lookup", ColumnType::kText, false, -1}}, {}, ""};
  EXPECT_EQ(reader(old_table).projection(), std::vector<std::string>{"player_lookup"});
  TableSchema new_table{"t",
                        {{"player_lookup", ColumnType::kText, false, -1},
                         {"line", ColumnType::kDec, true, 3},
                         {"note", ColumnType::kText, true, -1}},
                        {},
                        ""};
  Record<Sample> r = reader(new_table);
  EXPECT_EQ(r.projection(), (std::vector<std::string>{"player_lookup", "note", "line"}));
  std::vector<Column> c = r.columns();
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[2].decimals, 3);  // the table's, not a reader's guess
  Sample back = r.read(new_table, Row{std::string("a"), 21.125, std::string("n")});
  EXPECT_EQ(back.line, 21.125);
  EXPECT_EQ(back.note, "n");
  Sample none = reader(old_table).read(old_table, Row{std::string("a")});
  EXPECT_FALSE(none.line);
  EXPECT_FALSE(none.note);
}

TEST(Record, AWrongTypedCellThrowsNamingTheColumn) {
  TableSchema t{"samples", sample_record().columns(), {}, ""};
  Row row = sample_record().write(Sample{});
  row[2] = std::string("seven");
  try {
    sample_record().read(t, row);
    FAIL() << "no throw";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("games"), std::string::npos);
  }
}

TEST(Record, PredictionsTableIsTheRecordsColumns) {
  const TableSchema& t = predict::player_prop_predictions_table();
  ASSERT_EQ(t.columns.size(), 27u);  // 24 + p_over, ev_over, ev_under (schema version 9)
  EXPECT_EQ(t.columns[14].name, "p_over");
  EXPECT_EQ(t.columns[14].decimals, 4);
  EXPECT_TRUE(t.columns[16].nullable);  // ev_under
  EXPECT_EQ(t.columns[6].name, "line");
  EXPECT_EQ(t.columns[6].decimals, 1);
  EXPECT_EQ(t.columns[8].type, ColumnType::kTs);
  EXPECT_FALSE(t.columns[3].nullable);  // game_id
  EXPECT_TRUE(t.columns[4].nullable);   // team_abbr
  predict::PredictionRecord p;
  p.system_id = "moving_average";
  p.game_date = make_date(2025, 1, 15);
  p.player_lookup = "p";
  p.game_id = "g";
  p.predicted_points = 21.456;
  Row row = predict::prediction_record().write(p);
  EXPECT_EQ(row.size(), 27u);
  EXPECT_EQ(std::get<double>(row[11]), 21.46);
  EXPECT_EQ(predict::prediction_record().read(t, row).predicted_points, 21.46);
}

TEST(Record, GradesTableIsTheRecordsColumns) {
  const TableSchema& t = predict::prediction_grades_table();
  ASSERT_EQ(t.columns.size(), 28u);
  EXPECT_EQ(t.columns[9].name, "p_over");  // schema version 11 (added last in the store)
  EXPECT_EQ(t.columns[10].name, "ev_taken");
  EXPECT_EQ(t.columns[10].decimals, 4);
  EXPECT_EQ(t.columns[11].name, "actual_points");
  EXPECT_EQ(t.columns[11].decimals, 0);
  EXPECT_EQ(t.columns[22].name, "profit");
  EXPECT_EQ(t.columns[22].decimals, 4);
  EXPECT_FALSE(t.columns[26].nullable);  // confidence_decile
  predict::GradeRecord g;
  g.profit = 0.90909;  // 4 decimals
  g.p_over = 0.61237;
  Row row = predict::grade_record().write(g);
  EXPECT_EQ(std::get<double>(row[22]), 0.9091);
  EXPECT_EQ(std::get<double>(row[9]), 0.6124);
  EXPECT_EQ(std::get<int64_t>(row[26]), 1);
}

void expect_width_error(Store& store) {
  const TableSchema& t = predict::prediction_skips_table();
  Row short_row = {std::string("2025-01-15"), std::string("p"), std::string("all"),
                   std::string("player_out"), std::string("injury_status out")};  // 5 of 6
  store.begin();
  try {
    store.insert(t, short_row);
    FAIL() << "a 5-cell row was bound to a 6-column table";
  } catch (const std::invalid_argument& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("prediction_skips"), std::string::npos) << what;
    EXPECT_NE(what.find("5 cells"), std::string::npos) << what;
    EXPECT_NE(what.find("6 columns"), std::string::npos) << what;
  }
  Row long_row = short_row;
  long_row.resize(7);
  EXPECT_THROW(store.upsert(t, long_row), std::invalid_argument);
  EXPECT_THROW(store.upsert_all(t, std::vector<Row>(10, long_row)), std::invalid_argument);
  store.rollback();
  EXPECT_EQ(store.count(t, {}), 0);
}

TEST(RowWidth, SqliteRefusesAShortOrLongRow) {
  testing::TempDir dir;
  SqliteStore store((dir.path() / "w.db").string(), table_catalog());
  expect_width_error(store);
}

TEST(RowWidth, PostgresRefusesAShortOrLongRow) {
  NBAPROPS_SKIP_WITHOUT_POSTGRES();
  testing::PgTestDatabase db;
  PostgresStore store(db.url(), table_catalog());
  expect_width_error(store);
}

}  // namespace
}  // namespace nbaprops
