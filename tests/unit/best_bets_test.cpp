// Phase 6 best bets (docs/publishing.md): expected value, filters, reasons, caps, locking.
#include <gtest/gtest.h>

#include "picks/best_bets.h"
#include "picks/filters.h"
#include "picks/reasons.h"
#include "picks/tables.h"

namespace nbaprops::picks {
namespace {

// A candidate every filter passes: an OVER of 3.6 points at 22.5, recommended.
Candidate good(const std::string& player, const std::string& system = "moving_average",
               double edge = 3.6) {
  Candidate c;
  c.system_id = system;
  c.game_date = make_date(2025, 1, 10);
  c.player_lookup = player;
  c.player_name = player;
  c.game_id = "0022400500";
  c.team = "BOS";
  c.opponent = "NYK";
  c.line = 22.5;
  c.bookmaker = "prizepicks";
  c.over_price = -110;
  c.under_price = -110;
  c.predicted = 22.5 + edge;
  c.edge = edge;
  c.confidence = 70;
  c.recommendation = edge > 0 ? "OVER" : "UNDER";
  c.l10_games_used = 10;
  c.minutes_avg_last_5 = 34.0;
  c.minutes_avg_last_10 = 33.0;
  return c;
}

TEST(ExpectedValue, FiftyFivePercentAtMinus110IsFiveCents) {
  EXPECT_NEAR(payout(-110), 100.0 / 110.0, 1e-12);
  EXPECT_NEAR(payout(120), 1.2, 1e-12);
  EXPECT_NEAR(expected_value("OVER", 0.55, -110), 0.55 * (100.0 / 110.0) - 0.45, 1e-12);
  EXPECT_NEAR(expected_value("OVER", 0.55, -110), 0.05, 1e-12);
  // UNDER at +120 with P(over) 0.40: 0.6 * 1.2 - 0.4 = 0.32.
  EXPECT_NEAR(expected_value("UNDER", 0.40, 120), 0.32, 1e-12);
}

TEST(ExpectedValue, AbsentWithoutProbabilitySoStrengthIsTheEdge) {
  Candidate c = good("a", "moving_average", -4.25);
  EXPECT_FALSE(expected_value(c).has_value());
  EXPECT_DOUBLE_EQ(strength(c), 4.25);
  EXPECT_EQ(side_of(c), "UNDER");
  c.p_over = 0.30;  // UNDER at -110 with P(under) 0.70: 0.7 / 1.1 - 0.3
  EXPECT_NEAR(*expected_value(c), 0.7 * 100.0 / 110.0 - 0.3, 1e-12);
}

TEST(Candidate, MatchupSaysAtWhenAway) {
  Candidate c = good("a");
  EXPECT_EQ(matchup(c), "BOS vs NYK");  // unknown
  c.home = true;
  EXPECT_EQ(matchup(c), "BOS vs NYK");
  c.home = false;
  EXPECT_EQ(matchup(c), "BOS @ NYK");
}

TEST(Reasons, OrdinalsReadAsWords) {
  EXPECT_EQ(ordinal(1), "1st");
  EXPECT_EQ(ordinal(2), "2nd");
  EXPECT_EQ(ordinal(3), "3rd");
  EXPECT_EQ(ordinal(4), "4th");
  EXPECT_EQ(ordinal(11), "11th");
  EXPECT_EQ(ordinal(12), "12th");
  EXPECT_EQ(ordinal(13), "13th");
  EXPECT_EQ(ordinal(21), "21st");
  EXPECT_EQ(ordinal(22), "22nd");
}

TEST(Reasons, AnOverAtTwentyTwoAndAHalf) {
  Candidate c = good("tatum");
  c.points_avg_last_10 = 27.4;
  c.points_avg_last_5 = 21.0;  // under the line: not a reason for an OVER
  c.opp_paint_rank = 3;
  c.opp_paint_points = 52.1;
  c.ranked_teams = 30;
  c.star_teammates_out = 2;
  c.over_streak = 4;
  std::vector<std::string> want = {
      "averaging 27.4 over the last 10, line 22.5", "over the line in 4 straight",
      "opponent allows the 3rd most paint points (52.1 a game)", "2 key teammates out",
      "moving_average projects 26.1 (edge +3.6, confidence 70)"};
  EXPECT_EQ(pick_reasons(c), want);
}

TEST(Reasons, AnUnderReadsTheOtherEnd) {
  Candidate c = good("x", "zone_matchup", -3.0);
  c.points_avg_last_10 = 19.0;
  c.opp_paint_rank = 28;  // 3rd fewest of 30
  c.opp_paint_points = 40.2;
  c.ranked_teams = 30;
  c.back_to_back = true;
  c.star_teammates_out = 1;  // helps an OVER only
  std::vector<std::string> want = {"averaging 19.0 over the last 10, line 22.5",
                                   "opponent allows the 3rd fewest paint points (40.2 a game)",
                                   "second game of a back-to-back",
                                   "zone_matchup projects 19.5 (edge -3.0, confidence 70)"};
  EXPECT_EQ(pick_reasons(c), want);
}

std::vector<std::string> failed(const Candidate& c, bool disagree = false) {
  PickConfig config;
  return apply_filters(c, FilterContext{&config, disagree}).failed;
}

TEST(Filters, EachCanFailAlone) {
  EXPECT_TRUE(failed(good("a")).empty());
  Candidate c = good("a", "moving_average", 1.9);
  EXPECT_EQ(failed(c), std::vector<std::string>{"min_edge"});
  c = good("a", "moving_average", -8.5);
  EXPECT_EQ(failed(c), std::vector<std::string>{"edge_too_large"});
  c = good("a");
  c.recommendation = "PASS";
  EXPECT_EQ(failed(c), std::vector<std::string>{"confidence"});
  EXPECT_EQ(failed(good("a"), true), std::vector<std::string>{"systems_disagree"});
  c = good("a");
  c.injury_status = "questionable";
  EXPECT_EQ(failed(c), std::vector<std::string>{"injury"});
  c.injury_status = "probable";
  EXPECT_TRUE(failed(c).empty());
  c = good("a");
  c.minutes_avg_last_5 = 27.0;  // 6.0 below the last 10
  EXPECT_EQ(failed(c), std::vector<std::string>{"unstable_minutes"});
  c = good("a");
  c.l10_games_used = 4;
  EXPECT_EQ(failed(c), std::vector<std::string>{"unstable_minutes"});
  c = good("a");
  c.line_snapshot_at = "2025-01-09T23:00:00Z";
  c.tipoff_utc = "2025-01-11T00:30:00Z";  // 25.5 h later
  EXPECT_EQ(failed(c), std::vector<std::string>{"stale_line"});
  c.line_snapshot_at = "2025-01-10T01:00:00Z";  // 23.5 h
  EXPECT_TRUE(failed(c).empty());
  c.line_movement = -1.5;
  EXPECT_EQ(failed(c), std::vector<std::string>{"moved_line"});
}

TEST(Filters, ExpectedValueReplacesTheEdgeWhenKnown) {
  Candidate c = good("a", "moving_average", 0.5);  // a small edge
  c.p_over = 0.56;                                 // 0.56 / 1.1 - 0.44 = 0.069 >= 0.02
  EXPECT_TRUE(failed(c).empty());
  c.p_over = 0.53;  // 0.53 / 1.1 - 0.47 = 0.0118 < 0.02
  EXPECT_EQ(failed(c), std::vector<std::string>{"min_edge"});
}

// A side without a price is not priced at an assumed -110: with P(over) known it is removed by
// no_price (the only filter it fails here: min_edge is left to no_price); without P(over) the
// edge rule applies as before.
TEST(Filters, AnEvCandidateWithoutItsSidesPriceIsNoPrice) {
  Candidate c = good("a");
  c.p_over = 0.7;
  c.over_price.reset();
  EXPECT_FALSE(expected_value(c));
  EXPECT_TRUE(lacks_price(c));
  EXPECT_EQ(failed(c), std::vector<std::string>{"no_price"});
  c.edge = 1.0;  // would fail min_edge's edge rule: not judged
  EXPECT_EQ(failed(c), std::vector<std::string>{"no_price"});
  c = good("a");
  c.p_over = 0.7;
  c.under_price.reset();  // the other side's price does not matter
  EXPECT_FALSE(lacks_price(c));
  EXPECT_NEAR(*expected_value(c), 0.7 / 1.1 - 0.3, 1e-12);
  EXPECT_TRUE(failed(c).empty());
  c = good("a");
  c.over_price.reset();  // no P(over): the edge rule, as before
  EXPECT_FALSE(lacks_price(c));
  EXPECT_TRUE(failed(c).empty());
}

TEST(BestBets, AnUnpricedSideIsARemovalNotAPick) {
  Candidate a = good("a");
  a.p_over = 0.9;  // would be the strongest at an assumed -110
  a.over_price.reset();
  Candidate b = good("b");
  b.p_over = 0.6;
  auto out = best_bets({a, b}, {}, PickConfig{}, "T");
  ASSERT_EQ(out.picks.size(), 1u);
  EXPECT_EQ(out.picks[0].c.player_lookup, "b");
  ASSERT_EQ(out.removed.size(), 1u);
  EXPECT_EQ(out.removed[0].removed_by, "no_price");
  EXPECT_EQ(out.removed[0].reason, "P(over) 0.90 but no OVER price: no expected value");
}

TEST(BestBets, SystemsOnOtherSidesDisagree) {
  std::vector<Candidate> cs = {good("a", "moving_average", 3.0), good("a", "zone_matchup", -1.2),
                               good("a", "similarity", -0.5), good("b", "moving_average", 3.0)};
  std::vector<bool> want = {true, true, true, false};
  EXPECT_EQ(disagreement(cs, 1.0), want);
}

TEST(BestBets, CapsKeepTheStrongestAndRecordTheRest) {
  PickConfig config;
  config.per_game = 2;
  std::vector<Candidate> cs = {good("a", "moving_average", 3.0), good("a", "zone_matchup", 4.0),
                               good("b"), good("c", "moving_average", 5.0),
                               good("d", "moving_average", 1.0)};
  auto out = best_bets(cs, {}, config, "2025-01-10T15:00:00Z");
  ASSERT_EQ(out.picks.size(), 2u);
  EXPECT_EQ(out.picks[0].c.player_lookup, "c");  // strongest first
  EXPECT_EQ(out.picks[1].c.system_id, "zone_matchup");
  EXPECT_EQ(out.picks[1].first_published_at, "2025-01-10T15:00:00Z");
  ASSERT_EQ(out.removed.size(), 3u);  // candidate order
  EXPECT_EQ(out.removed[0].removed_by, "cap_per_player");
  EXPECT_EQ(out.removed[1].removed_by, "cap_per_game");  // b: the game has 2 picks
  EXPECT_EQ(out.removed[2].removed_by, "min_edge");
}

TEST(BestBets, APublishedPickIsLockedAndOnlyVoided) {
  PickConfig config;
  auto first = best_bets({good("a"), good("b", "moving_average", 2.5)}, {}, config, "T1");
  ASSERT_EQ(first.picks.size(), 2u);
  // Later: a's prediction moved (same side, still passes), b is now questionable, and a new
  // player c appears.
  Candidate a = good("a", "moving_average", 5.0);
  Candidate b = good("b", "moving_average", 2.5);
  b.injury_status = "questionable";
  auto second = best_bets({a, b, good("c")}, first.picks, config, "T2");
  ASSERT_EQ(second.picks.size(), 3u);
  EXPECT_EQ(second.picks[0].status, "ACTIVE");
  EXPECT_DOUBLE_EQ(second.picks[0].c.edge, 3.6);  // as published, not 5.0
  EXPECT_EQ(second.picks[0].first_published_at, "T1");
  EXPECT_EQ(second.picks[1].status, "VOIDED");
  EXPECT_EQ(*second.picks[1].void_reason, "injury: listed questionable");
  EXPECT_EQ(second.picks[2].c.player_lookup, "c");
  EXPECT_EQ(second.picks[2].first_published_at, "T2");
  // Then a disappears: voided; b stays voided with its first reason.
  auto third = best_bets({good("c")}, second.picks, config, "T3");
  EXPECT_EQ(third.picks[0].status, "VOIDED");
  EXPECT_EQ(*third.picks[0].void_reason, "no longer predicted with a line");
  EXPECT_EQ(*third.picks[1].void_reason, "injury: listed questionable");
  EXPECT_EQ(third.picks[2].status, "ACTIVE");
  EXPECT_TRUE(third.removed.empty());
}

TEST(BestBetsTable, RowsReadBackAsTheSamePick) {
  Candidate c = good("a");
  c.tipoff_utc = "2025-01-11T00:30:00Z";
  c.p_over = 0.6;
  c.home = false;
  auto out = best_bets({c}, {}, PickConfig{}, "2025-01-10T15:00:00Z");
  auto rows = best_bets_rows(out.picks);
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(rows[0].size(), best_bets_table().columns.size());
  Pick back = pick_from_row(rows[0]);
  EXPECT_EQ(back.reasons, out.picks[0].reasons);
  EXPECT_EQ(back.side, "OVER");
  EXPECT_EQ(*back.price, -110);
  EXPECT_NEAR(*back.ev, 0.6 / 1.1 - 0.4, 1e-4);
  EXPECT_EQ(*back.c.tipoff_utc, "2025-01-11T00:30:00Z");
  EXPECT_EQ(back.c.home, std::optional<bool>(false));
  EXPECT_TRUE(same_prediction(back.c, c));
}

}  // namespace
}  // namespace nbaprops::picks
