// The Phase 3 tables declared once as records (core/record.h): array elements and appended
// blocks in a record, a row of the wrong width refused by the reader, the shared completeness
// block's cells and its place in both context tables, each table's row round trip, and the
// history readers proved to be projections of the tables' declared records.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <optional>
#include <string>

#include "analytics/completeness_block.h"
#include "analytics/history.h"
#include "analytics/phase3_views.h"
#include "analytics/player_game_summary.h"
#include "analytics/prop_line_consensus.h"
#include "analytics/team_defense_game_summary.h"
#include "analytics/team_offense_game_summary.h"
#include "analytics/upcoming_player_game_context.h"
#include "analytics/upcoming_team_game_context.h"
#include "core/record.h"
#include "picks/load.h"

namespace nbaprops {
namespace {

struct Block {
  std::string tier;
  std::optional<double> pct;
};
struct Wide {
  std::string id;
  std::array<std::optional<int64_t>, 3> counts;
  std::array<double, 2> rates{};
  Block block;
  int64_t tail = 0;
};

Record<Block> block_record() {
  return Record<Block>()
      .field("tier", &Block::tier)
      .dec("pct", &Block::pct, 1)
      .computed({"tier_length", ColumnType::kInt, false, -1},
                [](const Block& b) { return Value(static_cast<int64_t>(b.tier.size())); });
}

const Record<Wide>& wide_record() {
  static const Record<Wide> r = Record<Wide>()
                                    .field("id", &Wide::id)
                                    .element("c0", &Wide::counts, 0)
                                    .element("c2", &Wide::counts, 2)
                                    .element("r1", &Wide::rates, 1, 2)
                                    .append(&Wide::block, block_record())
                                    .field("tail", &Wide::tail);
  return r;
}

TEST(RecordBlocks, ElementsAndAnAppendedBlockAreColumnsInDeclarationOrder) {
  std::vector<Column> c = wide_record().columns();
  ASSERT_EQ(c.size(), 8u);
  EXPECT_EQ(c[1].name, "c0");
  EXPECT_EQ(c[1].type, ColumnType::kInt);
  EXPECT_TRUE(c[1].nullable);  // optional element
  EXPECT_EQ(c[3].type, ColumnType::kDec);
  EXPECT_EQ(c[3].decimals, 2);
  EXPECT_FALSE(c[3].nullable);
  EXPECT_EQ(c[4].name, "tier");
  EXPECT_EQ(c[5].decimals, 1);
  EXPECT_EQ(c[6].name, "tier_length");
  EXPECT_EQ(c[7].name, "tail");
  // The computed cell of the block is not read back.
  EXPECT_EQ(wide_record().projection(),
            (std::vector<std::string>{"id", "c0", "c2", "r1", "tier", "pct", "tail"}));
}

TEST(RecordBlocks, RoundTripThroughElementsAndABlock) {
  Wide w;
  w.id = "x";
  w.counts = {4, 5, std::nullopt};
  w.rates = {0.5, 1.005};  // r1 stored with 2 decimals, half away from zero: 1.0 or 1.01
  w.block = {"gold", 97.25};
  w.tail = -3;
  Row row = wide_record().write(w);
  ASSERT_EQ(row.size(), 8u);
  EXPECT_EQ(std::get<int64_t>(row[1]), 4);
  EXPECT_TRUE(is_null(row[2]));  // counts[2]; counts[1] is not declared
  EXPECT_EQ(std::get<double>(row[3]), round_half_away(1.005, 2));
  EXPECT_EQ(std::get<std::string>(row[4]), "gold");
  EXPECT_EQ(std::get<double>(row[5]), 97.3);
  EXPECT_EQ(std::get<int64_t>(row[6]), 4);  // computed from the block
  EXPECT_EQ(std::get<int64_t>(row[7]), -3);

  TableSchema t{"wide", wide_record().columns(), {"id"}, "id"};
  Wide back = wide_record().read(t, row);
  EXPECT_EQ(back.id, "x");
  EXPECT_EQ(back.counts[0], 4);
  EXPECT_FALSE(back.counts[1]);  // not a column: left at its default
  EXPECT_FALSE(back.counts[2]);
  EXPECT_EQ(back.rates[1], round_half_away(1.005, 2));
  EXPECT_EQ(back.block.tier, "gold");
  EXPECT_EQ(back.block.pct, 97.3);
  EXPECT_EQ(back.tail, -3);
  EXPECT_EQ(wide_record().write(back), row);
}

// Members of the kinds the writer switches on and of another type (through its codec pointer)
// write the same cells whether the record is copied or moved out.
TEST(RecordBlocks, CopiedAndMovedWritesAreTheSameRowOfEveryKind) {
  struct All {
    std::string text = "t";
    std::optional<std::string> opt_text = "o";
    int64_t i64 = -7;
    std::optional<int64_t> opt_i64;
    int i = 3;
    double dbl = 2.345;
    std::optional<double> opt_dbl = -0.04;  // 1 decimal: -0.0, stored as 0.0
    bool b = true;
    std::optional<bool> opt_b = false;
    Date date = make_date(2025, 1, 15);
    std::optional<Date> opt_date;
    std::optional<int> other = 9;  // no kind of its own: the codec pointer
    int16_t small = -2;            // likewise
  };
  Record<All> r = Record<All>()
                      .field("text", &All::text)
                      .field("opt_text", &All::opt_text)
                      .field("i64", &All::i64)
                      .field("opt_i64", &All::opt_i64)
                      .field("i", &All::i)
                      .dec("dbl", &All::dbl, 2)
                      .dec("opt_dbl", &All::opt_dbl, 1)
                      .field("b", &All::b)
                      .field("opt_b", &All::opt_b)
                      .field("date", &All::date)
                      .field("opt_date", &All::opt_date)
                      .field("other", &All::other)
                      .field("small", &All::small);
  Row want = {Value{std::string("t")},
              Value{std::string("o")},
              Value{int64_t{-7}},
              Value{},
              Value{int64_t{3}},
              Value{round_half_away(2.345, 2)},
              Value{0.0},
              Value{int64_t{1}},
              Value{int64_t{0}},
              Value{std::string("2025-01-15")},
              Value{},
              Value{int64_t{9}},
              Value{int64_t{-2}}};
  All a;
  EXPECT_EQ(r.write(a), want);
  EXPECT_FALSE(std::signbit(std::get<double>(r.write(a)[6])));
  EXPECT_EQ(a.text, "t");  // a copy leaves the record as it was
  EXPECT_EQ(r.write(std::move(a)), want);
  TableSchema t{"all", r.columns(), {}, ""};
  All back = r.read(t, want);
  EXPECT_EQ(back.other, 9);
  EXPECT_EQ(back.small, -2);
  EXPECT_EQ(back.date, make_date(2025, 1, 15));
}

TEST(RecordBlocks, AnElementPastTheArrayIsRefused) {
  Record<Wide> r;
  EXPECT_THROW(r.element("c3", &Wide::counts, 3), std::out_of_range);
}

TEST(RecordBlocks, ReadingARowOfTheWrongWidthIsAnError) {
  TableSchema t{"wide", wide_record().columns(), {"id"}, "id"};
  Row row = wide_record().write(Wide{});
  row.pop_back();
  try {
    wide_record().read(t, row);
    FAIL() << "a 7-cell row was read as a row of an 8-column table";
  } catch (const std::invalid_argument& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("7 cells"), std::string::npos) << what;
    EXPECT_NE(what.find("8 columns"), std::string::npos) << what;
  }
  row.resize(9);
  EXPECT_THROW(wide_record().read(t, row), std::invalid_argument);
  // Through a binding (readers of many rows): the same check, the message names the table.
  RowBinding binding = wide_record().bind(t);
  EXPECT_EQ(binding.width, 8u);
  try {
    wide_record().read(binding, row);
    FAIL() << "a 9-cell row was read through a binding of an 8-column table";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()), "row of 9 cells for table wide of 8 columns");
  }
  row.resize(8);
  EXPECT_NO_THROW(wide_record().read(binding, row));
  // A binding of a narrower table is not bound to the wider one.
  TableSchema narrow{"wide", wide_record().columns(), {"id"}, "id"};
  narrow.columns.pop_back();
  EXPECT_FALSE(wide_record().bound_to(narrow, binding));
}

TEST(RecordBlocks, MismatchesNameMissingAndRetypedColumns) {
  TableSchema t{"wide", wide_record().columns(), {"id"}, "id"};
  EXPECT_TRUE(block_record().mismatches(t).empty());
  struct Reader {
    std::string id;
    int64_t pct = 0;           // an int read from a dec column
    std::optional<bool> gone;  // not a column
  };
  Record<Reader> reader = Record<Reader>()
                              .field("id", &Reader::id)
                              .field("pct", &Reader::pct)
                              .field("gone", &Reader::gone);
  std::vector<std::string> m = reader.mismatches(t);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0], "pct: int read from a dec column");
  EXPECT_EQ(m[1], "gone: not a column of wide");
}

}  // namespace

namespace analytics {
namespace {

// The team completeness block, checked and unchecked, cell by cell.
TEST(CompletenessBlockRecord, CheckedAndUncheckedCells) {
  const auto& record = team_completeness_record();
  std::vector<Column> c = record.columns();
  ASSERT_EQ(c.size(), 10u);
  EXPECT_EQ(c[0].name, "completeness_checked");
  EXPECT_FALSE(c[0].nullable);
  EXPECT_EQ(c[7].name, "l15_completeness_pct");
  EXPECT_EQ(c[7].decimals, 1);
  EXPECT_TRUE(c[7].nullable);
  EXPECT_EQ(c[9].name, "is_production_ready");
  EntityCompleteness e;
  e.windows = {{"l7d", 3, 2, 66.67, false, false},
               {"l14d", 6, 6, 100.0, true, true},
               {"l15", 15, 14, 93.33, false, true}};
  e.all_windows_complete = false;
  e.production_ready = true;
  // checked, bootstrap, expected 15, actual 14, pct 93.3 (the primary l15, 1 decimal), the
  // three windows, all complete, production ready.
  Row want = {Value{int64_t{1}}, Value{int64_t{1}}, Value{int64_t{15}}, Value{int64_t{14}},
              Value{93.3},       Value{66.7},       Value{100.0},       Value{93.3},
              Value{int64_t{0}}, Value{int64_t{1}}};
  EXPECT_EQ(record.write(team_completeness(&e, true)), want);
  Row unchecked = {Value{int64_t{0}}, Value{int64_t{1}}};
  unchecked.resize(10);  // NULLs
  EXPECT_EQ(record.write(team_completeness(nullptr, true)), unchecked);
}

// Both context tables carry the one declared block, in a run of columns.
TEST(CompletenessBlockRecord, TheContextTablesCarryTheDeclaredBlock) {
  auto carries = [](const TableSchema& table, const std::vector<Column>& block) {
    const auto& c = table.columns;
    for (size_t i = 0; i + block.size() <= c.size(); ++i) {
      bool all = true;
      for (size_t j = 0; j < block.size() && all; ++j) {
        all = c[i + j].name == block[j].name && c[i + j].type == block[j].type &&
              c[i + j].nullable == block[j].nullable && c[i + j].decimals == block[j].decimals;
      }
      if (all) return true;
    }
    return false;
  };
  EXPECT_TRUE(carries(upcoming_team_game_context_table(), team_completeness_record().columns()));
  EXPECT_TRUE(
      carries(upcoming_player_game_context_table(), player_completeness_record().columns()));
  EXPECT_FALSE(carries(upcoming_team_game_context_table(), player_completeness_record().columns()));
}

// Each table's columns come from its record; a row written from a record reads back as that
// record (write -> read -> write is the same row).
template <class R>
void expect_round_trip(const TableSchema& table, const Record<R>& record, const R& r,
                       size_t columns) {
  EXPECT_EQ(table.columns.size(), columns) << table.name;
  EXPECT_EQ(record.size(), columns) << table.name;
  Row row = record.write(r);
  ASSERT_EQ(row.size(), columns) << table.name;
  EXPECT_EQ(record.write(record.read(table, row)), row) << table.name;
}

TEST(Phase3Records, EveryTableRoundTripsThroughItsRecord) {
  PlayerGameSummaryRow pgs;
  pgs.player_lookup = "p";
  pgs.minutes = 31.25;
  pgs.stats[kPts] = 27;
  pgs.zones.attempts[kThree] = 7;
  pgs.blocks[kPaint] = 1;
  pgs.quality = {"gold", ""};
  expect_round_trip(player_game_summary_table(), player_game_summary_record(), pgs, 60);
  EXPECT_EQ(player_game_summary_table().columns[37].name, "paint_attempts");
  EXPECT_EQ(player_game_summary_table().columns[57].name, "quality_tier");

  TeamOffenseGameSummaryRow togs;
  togs.possessions = 99.96;
  togs.overtime_periods = 1;
  expect_round_trip(team_offense_game_summary_table(), team_offense_game_summary_record(), togs,
                    43);
  EXPECT_TRUE(team_offense_game_summary_table().columns[24].nullable);  // overtime_periods

  TeamDefenseGameSummaryRow tdgs;
  tdgs.opp_stats[0] = 110;
  tdgs.blocks_total = 5;
  expect_round_trip(team_defense_game_summary_table(), team_defense_game_summary_record(), tdgs,
                    44);
  EXPECT_EQ(team_defense_game_summary_table().columns[7].name, "points_allowed");
  EXPECT_EQ(team_defense_game_summary_table().columns[36].name, "blocks");

  UtgcRecord utgc;
  utgc.team_abbr = "BOS";
  utgc.lines.spread = -4.5;
  utgc.lines.spread_books = 3;
  utgc.completeness = team_completeness(nullptr, true);
  expect_round_trip(upcoming_team_game_context_table(), upcoming_team_game_context_record(), utgc,
                    47);
  EXPECT_EQ(upcoming_team_game_context_table().columns[43].name, "l15_completeness_pct");

  UpcomingPlayerGameContextRow upgc;
  upgc.performance.l5_sample_quality = "good";
  upgc.fatigue.minutes_in_last_7_days = 70.04;
  upgc.completeness.l30d_completeness_pct = 50.0;
  expect_round_trip(upcoming_player_game_context_table(), upcoming_player_game_context_record(),
                    upgc, 84);
  EXPECT_EQ(upcoming_player_game_context_table().columns[80].name, "l30d_completeness_pct");

  PropLineConsensusRow plc;
  plc.market = "threes";
  plc.no_vig_over_prob = 0.51234;
  plc.first_snapshot_utc = "2025-01-15T18:00:00Z";
  expect_round_trip(prop_line_consensus_table(), prop_line_consensus_record(), plc, 20);
}

// The history keeps compact structs; each reads only columns of its table's declared record,
// with the declared type.
TEST(Phase3Records, HistoryReadersAreProjectionsOfTheDeclaredRecords) {
  TableSchema pgs{"pgs", player_game_summary_record().columns(), {}, ""};
  TableSchema togs{"togs", team_offense_game_summary_record().columns(), {}, ""};
  TableSchema tdgs{"tdgs", team_defense_game_summary_record().columns(), {}, ""};
  EXPECT_EQ(pgs_history_record().mismatches(pgs), std::vector<std::string>{});
  EXPECT_EQ(togs_history_record().mismatches(togs), std::vector<std::string>{});
  EXPECT_EQ(tdgs_history_record().mismatches(tdgs), std::vector<std::string>{});
  // UPGC reads the team contexts as UtgcRecord (in memory), the stored table's own record.
  EXPECT_EQ(upcoming_team_game_context_record().mismatches(upcoming_team_game_context_table()),
            std::vector<std::string>{});
  // Best bets reads a player's context of D through a compact view of UPGC.
  EXPECT_EQ(picks::player_context_view().mismatches(upcoming_player_game_context_table()),
            std::vector<std::string>{});
  // Grading's box scores and the market stage's games of D (analytics/phase3_views.h).
  EXPECT_EQ(player_box_view().mismatches(player_game_summary_table()), std::vector<std::string>{});
  EXPECT_EQ(upcoming_game_view().mismatches(upcoming_player_game_context_table()),
            std::vector<std::string>{});
  // And the check can fail: the PGS reader is not a projection of the TOGS table.
  EXPECT_FALSE(pgs_history_record().mismatches(togs).empty());
}

// A stored PGS row read back by the history gives the values the processor's record held.
TEST(Phase3Records, HistoryReadsWhatTheRecordWrote) {
  PlayerGameSummaryRow r;
  r.game_date = make_date(2025, 1, 10);
  r.game_id = "g1";
  r.season = 2024;
  r.player_lookup = "p";
  r.team_abbr = "BOS";
  r.player_status = "active";
  r.minutes = 33.26;  // stored 33.3
  r.stats[kPts] = 30;
  r.zones.makes[kMidRange] = 4;
  r.points_line = 27.45;  // stored 27.5 (half away from zero of the binary value)
  Phase3History h;
  h.add_row(player_game_summary_table(), player_game_summary_record().write(r));
  h.finish();
  ASSERT_EQ(h.player("p").size(), 1u);
  const PgsRecord& back = h.player("p")[0];
  EXPECT_EQ(back.game_id, "g1");
  EXPECT_EQ(back.minutes, 33.3);
  EXPECT_EQ(back.pts, 30);
  EXPECT_EQ(back.mid_range_makes, 4);
  EXPECT_EQ(back.points_line, round_half_away(27.45, 1));
  EXPECT_TRUE(back.appeared());
  // A stored row one cell short is an error, not a NULL last column.
  Row short_row = player_game_summary_record().write(r);
  short_row.pop_back();
  EXPECT_THROW(h.add_row(player_game_summary_table(), short_row), std::invalid_argument);
  // Grading's view of the same row: the box score, pts as stored (an int).
  const TableSchema& t = player_game_summary_table();
  PlayerBoxView box = player_box_view().read(t, player_game_summary_record().write(r));
  EXPECT_EQ(box.game_id, "g1");
  EXPECT_EQ(box.player_lookup, "p");
  EXPECT_FALSE(box.is_dnp);
  EXPECT_EQ(box.minutes, 33.3);
  EXPECT_EQ(box.pts, 30);
}

}  // namespace
}  // namespace analytics
}  // namespace nbaprops
