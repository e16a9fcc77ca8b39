// Every market's lines consolidated across books (issue 11 item 5, docs/tonight.md): the
// consensus and opening medians, the best price each side, the no-vig over probability and
// the point-in-time cut-off, on hand-computed multi-book fixtures.
#include <gtest/gtest.h>

#include <deque>

#include "analytics/prop_line_consensus.h"

namespace nbaprops::analytics {
namespace {

Timestamp ts(const char* text) {
  return *parse_timestamp(text);
}

TEST(NoVigProbability, ImpliedProbabilitiesOfAmericanPrices) {
  EXPECT_NEAR(implied_probability(-110), 110.0 / 210.0, 1e-12);  // 0.5238
  EXPECT_NEAR(implied_probability(150), 0.4, 1e-12);
  EXPECT_NEAR(implied_probability(100), 0.5, 1e-12);
  EXPECT_NEAR(implied_probability(-100), 0.5, 1e-12);
}

TEST(NoVigProbability, MultiplicativeNormalisationOfOnePair) {
  EXPECT_NEAR(no_vig_over_probability(-110, -110), 0.5, 1e-12);
  // -150 / +130: 0.6 and 0.4348; over = 0.6 / 1.0348 = 0.5798.
  EXPECT_NEAR(no_vig_over_probability(-150, 130), 0.5798319, 1e-6);
}

class LineConsensus : public ::testing::Test {
 protected:
  void SetUp() override {
    game_.game_id = "0022400500";
    game_.game_date = make_date(2024, 12, 31);
    game_.home_team = "BOS";
    game_.away_team = "NYK";
    game_.status = "scheduled";
    game_.tipoff_utc = ts("2025-01-01T00:10:00Z");
  }
  void add(const char* book, const char* snapshot, double line, std::optional<int64_t> over,
           std::optional<int64_t> under, const char* market = "points") {
    PropLine l;
    l.game_date = game_.game_date;
    l.player_lookup = "somebody";
    l.market = market;
    l.bookmaker = book;
    l.line = line;
    l.over_price = over;
    l.under_price = under;
    l.snapshot_utc = ts(snapshot);
    storage_.push_back(l);
  }
  std::vector<const PropLine*> lines() const {
    std::vector<const PropLine*> out;
    for (const auto& l : storage_) out.push_back(&l);
    return out;
  }
  // Tip-off 00:10 UTC. DraftKings 22.5 at 14:00 then 23.5 at 22:30; FanDuel 24.5 at 23:55;
  // Caesars 23.0 at 20:00; BetMGM 25.5 at 00:20 and DraftKings 30.5 at 00:15 (after tip-off).
  void add_four_books() {
    add("draftkings", "2024-12-31T14:00:00Z", 22.5, -110, -110);
    add("draftkings", "2024-12-31T22:30:00Z", 23.5, -120, 100);
    add("fanduel", "2024-12-31T23:55:00Z", 24.5, -105, -115);
    add("caesars", "2024-12-31T20:00:00Z", 23.0, 105, -125);
    add("betmgm", "2025-01-01T00:20:00Z", 25.5, 200, 200);
    add("draftkings", "2025-01-01T00:15:00Z", 30.5, 300, 300);
    add("draftkings", "2024-12-31T23:00:00Z", 9.5, -110, -110, "rebounds");
  }
  Game game_;
  std::deque<PropLine> storage_;
};

TEST_F(LineConsensus, MedianOfEachBooksLatestPreTipLine) {
  add_four_books();
  auto c = consolidate_market(lines(), &game_, "points");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->books, 3);  // BetMGM's only snapshot is after tip-off
  // Latest: DK 23.5, FD 24.5, CZR 23.0 -> 23.5. Opening: DK 22.5, FD 24.5, CZR 23.0 -> 23.0.
  EXPECT_DOUBLE_EQ(c->consensus_line, 23.5);
  EXPECT_DOUBLE_EQ(c->opening_line, 23.0);
  EXPECT_DOUBLE_EQ(c->line_movement, 0.5);
  EXPECT_EQ(c->first_snapshot, ts("2024-12-31T14:00:00Z"));
  EXPECT_EQ(c->last_snapshot, ts("2024-12-31T23:55:00Z"));
  EXPECT_FALSE(c->tipoff_assumed);
}

TEST_F(LineConsensus, BestPriceEachSideAmongTheLatestSnapshots) {
  add_four_books();
  auto c = consolidate_market(lines(), &game_, "points");
  ASSERT_TRUE(c);
  // Over: DK -120, FD -105, CZR +105 -> Caesars +105 at 23.0 (BetMGM's +200 is after tip-off).
  EXPECT_EQ(c->best_over_price, 105);
  EXPECT_EQ(c->best_over_book, "caesars");
  EXPECT_EQ(c->best_over_line, 23.0);
  // Under: DK +100, FD -115, CZR -125 -> DraftKings +100 at 23.5.
  EXPECT_EQ(c->best_under_price, 100);
  EXPECT_EQ(c->best_under_book, "draftkings");
  EXPECT_EQ(c->best_under_line, 23.5);
}

TEST_F(LineConsensus, NoVigOverProbabilityIsTheMeanOfEachBooksPair) {
  add_four_books();
  auto c = consolidate_market(lines(), &game_, "points");
  ASSERT_TRUE(c);
  // DK -120/+100: 0.5217; FD -105/-115: 0.4892; CZR +105/-125: 0.4675; mean 0.4928.
  ASSERT_TRUE(c->no_vig_over_prob);
  EXPECT_NEAR(*c->no_vig_over_prob, 0.4928125, 1e-6);
  EXPECT_EQ(c->no_vig_books, 3);
}

TEST_F(LineConsensus, EvenBookCountTakesTheMeanOfTheMiddleTwoAndOneSidedBooksHaveNoVig) {
  add("prizepicks", "2024-12-31T20:00:00Z", 22.5, -137, std::nullopt);
  add("underdog", "2024-12-31T21:00:00Z", 23.0, std::nullopt, std::nullopt);
  auto c = consolidate_market(lines(), &game_, "points");
  ASSERT_TRUE(c);
  EXPECT_DOUBLE_EQ(c->consensus_line, 22.75);
  EXPECT_FALSE(c->no_vig_over_prob);
  EXPECT_EQ(c->best_over_price, -137);
  EXPECT_FALSE(c->best_under_price);
}

TEST_F(LineConsensus, OnlySnapshotsBeforeTipoffCountAndOtherMarketsAreSeparate) {
  add_four_books();
  auto rebounds = consolidate_market(lines(), &game_, "rebounds");
  ASSERT_TRUE(rebounds);
  EXPECT_DOUBLE_EQ(rebounds->consensus_line, 9.5);
  EXPECT_EQ(rebounds->books, 1);
  EXPECT_FALSE(consolidate_market(lines(), &game_, "threes"));
  // Moving the tip-off to 22:00 drops DK's 22:30 and FanDuel's 23:55 snapshots.
  game_.tipoff_utc = ts("2024-12-31T22:00:00Z");
  auto c = consolidate_market(lines(), &game_, "points");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->books, 2);  // DK 22.5 (14:00), CZR 23.0
  EXPECT_DOUBLE_EQ(c->consensus_line, 22.75);
  EXPECT_DOUBLE_EQ(c->line_movement, 0.0);
}

TEST_F(LineConsensus, PhaseThreesPointsLineIsTheMedianWithTheChosenBooksPrices) {
  add_four_books();
  auto single = choose_prop_line(lines(), &game_);
  auto consensus = consensus_points_line(lines(), &game_);
  ASSERT_TRUE(single && consensus);
  EXPECT_DOUBLE_EQ(single->closing_line, 23.5);  // DraftKings alone (02-analytics.md §0)
  EXPECT_DOUBLE_EQ(single->opening_line, 22.5);
  EXPECT_DOUBLE_EQ(consensus->closing_line, 23.5);
  EXPECT_DOUBLE_EQ(consensus->opening_line, 23.0);  // the median of the books' openings
  EXPECT_EQ(consensus->bookmaker, "draftkings");
  EXPECT_EQ(consensus->over_price, -120);
  EXPECT_EQ(consensus->book_count, 3);
  // With one book the consensus is that book's line.
  storage_.clear();
  add("prizepicks", "2024-12-31T14:00:00Z", 26.5, -137, -137);
  add("prizepicks", "2024-12-31T20:00:00Z", 27.5, -137, -137);
  single = choose_prop_line(lines(), &game_);
  consensus = consensus_points_line(lines(), &game_);
  EXPECT_DOUBLE_EQ(consensus->closing_line, single->closing_line);
  EXPECT_DOUBLE_EQ(consensus->opening_line, single->opening_line);
}

}  // namespace
}  // namespace nbaprops::analytics
