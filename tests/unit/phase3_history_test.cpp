// Phase3History's absorb and retain: the run reads stored summaries on a second connection
// into one history, keeps the dates it reads back, and joins the look-back to it.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "analytics/history.h"
#include "analytics/player_game_summary.h"
#include "raw/schema.h"

namespace nbaprops::analytics {
namespace {

PgsRecord pgs(const std::string& player, const std::string& team, Date d, int64_t pts) {
  PgsRecord r;
  r.game_date = d;
  r.game_id = format_date(d) + "_" + team;
  r.season = 2024;
  r.player_lookup = player;
  r.team_abbr = team;
  r.player_status = "active";
  r.pts = pts;
  return r;
}

TEST(Phase3HistoryParts, RetainKeepsOnlyTheDatesAskedForAndDropsEmptiedPlayers) {
  const Date d1 = make_date(2024, 11, 1), d2 = make_date(2024, 11, 2), d3 = make_date(2024, 11, 3);
  Phase3History h;
  h.add(pgs("ann", "BOS", d1, 10));
  h.add(pgs("ann", "BOS", d2, 20));
  h.add(pgs("bob", "NYK", d3, 30));
  TogsRecord togs;
  togs.game_date = d3;
  togs.team_abbr = "NYK";
  h.add(togs);
  h.retain([&](Date d) { return d != d3; });
  h.finish();
  ASSERT_EQ(h.player("ann").size(), 2u);
  EXPECT_EQ(*h.player("ann")[1].pts, 20);
  EXPECT_TRUE(h.player("bob").empty());
  EXPECT_TRUE(h.team_offense("NYK").empty());
  EXPECT_EQ(h.players(), std::vector<std::string>{"ann"});
  EXPECT_EQ(h.team_players("BOS").size(), 2u);
}

TEST(Phase3HistoryParts, AbsorbJoinsTwoHistoriesInDateOrder) {
  const Date d1 = make_date(2023, 12, 1), d2 = make_date(2024, 11, 2);
  Phase3History season, lookback;
  season.add(pgs("ann", "BOS", d2, 20));
  lookback.add(pgs("ann", "MIA", d1, 7));
  lookback.add(pgs("cid", "MIA", d1, 3));
  season.absorb(std::move(lookback));
  season.finish();
  ASSERT_EQ(season.player("ann").size(), 2u);
  EXPECT_EQ(season.player("ann")[0].game_date, d1);  // sorted after the join
  EXPECT_EQ(*season.player("ann")[0].pts, 7);
  EXPECT_EQ(*season.player("ann")[1].pts, 20);
  EXPECT_EQ(season.players(), (std::vector<std::string>{"ann", "cid"}));
  EXPECT_EQ(season.team_players("MIA").size(), 2u);
}

}  // namespace
// The adder of a table reads its rows as add_row does, binding the table once; a row of the
// wrong width is refused; a table the history does not read is ignored.
TEST(Phase3HistoryParts, AnAdderReadsRowsAsAddRowDoes) {
  const TableSchema& t = player_game_summary_table();
  auto row_of = [&](const std::string& player, Date d, int64_t pts) {
    PlayerGameSummaryRow r;
    r.game_date = d;
    r.game_id = format_date(d) + "_BOS";
    r.player_lookup = player;
    r.team_abbr = "BOS";
    r.player_status = "active";
    r.stats[kPts] = pts;
    return player_game_summary_record().write(r);
  };
  const Date d1 = make_date(2024, 11, 1), d2 = make_date(2024, 11, 3);
  const std::vector<Row> rows = {row_of("ann", d2, 31), row_of("bob", d1, 12),
                                 row_of("ann", d1, 17)};
  Phase3History by_row, by_adder;
  for (const Row& r : rows) by_row.add_row(t, r);
  auto add = by_adder.adder(t);
  for (const Row& r : rows) add(r);
  by_row.finish();
  by_adder.finish();
  ASSERT_EQ(by_adder.player("ann").size(), 2u);
  EXPECT_EQ(*by_adder.player("ann")[0].pts, 17);  // date order after finish
  EXPECT_EQ(*by_adder.player("ann")[1].pts, 31);
  EXPECT_EQ(by_adder.player("ann")[1].game_id, "2024-11-03_BOS");
  EXPECT_EQ(by_adder.players(), by_row.players());
  EXPECT_EQ(by_adder.team_players("BOS").size(), by_row.team_players("BOS").size());
  Row short_row = rows[0];
  short_row.pop_back();
  EXPECT_THROW(add(short_row), std::invalid_argument);
  auto ignored = by_adder.adder(*find_table("games"));
  ignored(Row(find_table("games")->columns.size()));  // not a summary: nothing added
  EXPECT_EQ(by_adder.players().size(), 2u);
}

}  // namespace nbaprops::analytics
