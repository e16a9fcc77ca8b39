// P(over) and EV on the points predictions on the real 2024-25 season (issue 12 item 5,
// docs/predictions.md §3): a backfill of Phases 3-5 over 2024-10-22..2024-12-02 (no models
// folder: gradient_boosting declines; the other systems predict), whose grades of each date
// calibrate the cutoffs after it. Skips without the shared data.
#include <gtest/gtest.h>

#include <string>

#include "support/real_season_fixture.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

using testing::sql_value;

// The net win of one unit at the American price in column `price`, as SQL.
std::string pay(const std::string& price) {
  return "(case when " + price + " < 0 then 100.0 / -" + price + " else " + price + " / 100.0 end)";
}

class PointsProbabilityRealSeason
    : public testing::RealSeasonRawStore<PointsProbabilityRealSeason> {};

TEST_F(PointsProbabilityRealSeason, LaterDatesCarryACalibratedProbabilityAndItsExpectedValues) {
  std::string db = copy("pover.db");
  pipeline::RunOptions o;
  o.phases = {3, 4, 5};
  o.threads = 2;
  run_with(db, make_date(2024, 10, 22), make_date(2024, 12, 2), o);
  const std::string lined = "from player_prop_predictions where line is not null";
  // The first week has no graded rows before its cutoff (opening night): no P(over).
  EXPECT_EQ(sql_value(db, "select count(*) " + lined +
                              " and game_date < '2024-10-29' and p_over is not null"),
            "0");
  // From the cutoff of 2024-11-26 on, every system's window [C - 14, C) holds >= 100 graded
  // lined rows: every lined row has a P(over), within the calibrator's clip.
  const std::string later = lined + " and game_date >= '2024-11-26'";
  EXPECT_GT(std::stoi(sql_value(db, "select count(*) " + later)), 1000);
  EXPECT_EQ(sql_value(db, "select count(*) " + later + " and p_over is null"), "0");
  EXPECT_EQ(sql_value(db, "select count(*) " + later + " and (p_over < 0.01 or p_over > 0.99)"),
            "0");
  // The four systems without a model folder, and line_anchored (issue 12).
  EXPECT_EQ(sql_value(db, "select count(distinct system_id) " + later), "5");
  // line_anchored is the ensemble shrunk toward the line: never farther from it, and nearer on
  // these dates (its a of [C - 14, C) is below 1 once 100 graded ensemble rows are there).
  const std::string pairs =
      "from player_prop_predictions a join player_prop_predictions e using (game_date, "
      "player_lookup, game_id) where a.system_id = 'line_anchored' and e.system_id = "
      "'ensemble' and a.line is not null and a.game_date >= '2024-11-26'";
  EXPECT_EQ(sql_value(db, "select count(*) " + pairs +
                              " and abs(a.predicted_points - a.line) > "
                              "abs(e.predicted_points - e.line) + 0.006"),
            "0");
  EXPECT_GT(std::stoi(sql_value(db, "select count(*) " + pairs +
                                        " and abs(a.predicted_points - a.line) < "
                                        "abs(e.predicted_points - e.line) - 0.5")),
            100);
  // EV of each side = p * payout - (1 - p) at the row's own price (4 decimals); NULL without it.
  EXPECT_GT(std::stoi(sql_value(db, "select count(*) " + later + " and ev_over is not null")),
            1000);
  EXPECT_EQ(
      sql_value(db, "select count(*) " + lined + " and p_over is not null and (" +
                        "abs(ev_over - round(p_over * " + pay("over_price") +
                        " - (1 - p_over), 4)) > 1e-9 or abs(ev_under - round((1 - p_over) * " +
                        pay("under_price") + " - p_over, 4)) > 1e-9)"),
      "0");
  EXPECT_EQ(sql_value(db, "select count(*) " + lined +
                              " and (ev_over is null) != (p_over is null or over_price is null)"),
            "0");
  // And one row read back in C++: ev_over = p * payout - (1 - p).
  auto row = testing::sql_rows(db, "select p_over, over_price, ev_over " + later +
                                       " and over_price is not null order by system_id, "
                                       "player_lookup limit 1");
  ASSERT_EQ(row.size(), 1u);
  double p = std::stod(row[0].substr(0, row[0].find('|')));
  std::string rest = row[0].substr(row[0].find('|') + 1);
  double price = std::stod(rest.substr(0, rest.find('|')));
  double ev = std::stod(rest.substr(rest.find('|') + 1));
  double win = price < 0 ? 100.0 / -price : price / 100.0;
  EXPECT_NEAR(ev, p * win - (1 - p), 5e-5);
  // The picks board ranks by EV where the predictions carry P(over): every pick of a
  // prediction with P(over) has its expected value, at least the 0.02 minimum.
  EXPECT_GT(std::stoi(sql_value(db, "select count(*) from best_bets where p_over is not null")), 0);
  EXPECT_EQ(sql_value(db,
                      "select count(*) from best_bets where p_over is not null and "
                      "(expected_value is null or expected_value < 0.02)"),
            "0");
  EXPECT_EQ(sql_value(db,
                      "select count(*) from best_bets b join player_prop_predictions p "
                      "using (game_date, player_lookup, system_id, game_id) where "
                      "b.p_over is not p.p_over"),
            "0");
}

}  // namespace
}  // namespace nbaprops
