// The shared Phase 3 rules (02-analytics.md §0, §1) on the spec's worked examples.
#include <gtest/gtest.h>

#include <deque>

#include "analytics/rules.h"

namespace nbaprops::analytics {
namespace {

Timestamp ts(const char* text) {
  return *parse_timestamp(text);
}

TEST(OvertimeRule, RoundsFromTheRawTeamMinutes) {
  // Sources give 239 or 241 for a regulation game; 266 is one overtime, 290 two.
  EXPECT_EQ(overtime_periods(239), 0);
  EXPECT_EQ(overtime_periods(240), 0);
  EXPECT_EQ(overtime_periods(241), 0);
  EXPECT_EQ(overtime_periods(252), 0);  // 12/25 = 0.48
  EXPECT_EQ(overtime_periods(253), 1);  // 0.52
  EXPECT_EQ(overtime_periods(265), 1);
  EXPECT_EQ(overtime_periods(266), 1);
  EXPECT_EQ(overtime_periods(290), 2);
  EXPECT_EQ(overtime_periods(252.5), 1);  // 0.5 rounds half away from zero
  EXPECT_EQ(overtime_periods(200), 0);    // never negative
  EXPECT_EQ(normalised_team_minutes(239), 240);
  EXPECT_EQ(normalised_team_minutes(241), 240);
  EXPECT_EQ(normalised_team_minutes(266), 265);
  EXPECT_EQ(normalised_team_minutes(290), 290);
  EXPECT_EQ(normalised_team_minutes(316), 315);
}

TEST(BookmakerPriority, PreferredBooksThenAlphabetical) {
  EXPECT_TRUE(bookmaker_before("draftkings", "fanduel"));
  EXPECT_TRUE(bookmaker_before("fanduel", "betmgm"));
  EXPECT_TRUE(bookmaker_before("betmgm", "caesars"));
  EXPECT_TRUE(bookmaker_before("caesars", "betrivers"));
  EXPECT_TRUE(bookmaker_before("prizepicks", "underdog"));
  EXPECT_FALSE(bookmaker_before("underdog", "prizepicks"));
  EXPECT_FALSE(bookmaker_before("draftkings", "draftkings"));
}

class PropLineChoice : public ::testing::Test {
 protected:
  void SetUp() override {
    game_.game_id = "0022400500";
    game_.game_date = make_date(2024, 12, 31);
    game_.tipoff_utc = ts("2025-01-01T00:10:00Z");
  }
  void add(const char* book, const char* snapshot, double line, std::optional<int64_t> over = -110,
           const char* market = "points") {
    PropLine l;
    l.game_date = game_.game_date;
    l.player_lookup = "somebody";
    l.market = market;
    l.bookmaker = book;
    l.line = line;
    l.over_price = over;
    l.under_price = -110;
    l.snapshot_utc = ts(snapshot);
    storage_.push_back(l);
  }
  std::optional<ChosenLine> choose(const Game* game) {
    std::vector<const PropLine*> ptrs;
    for (const auto& l : storage_) ptrs.push_back(&l);
    return choose_prop_line(ptrs, game);
  }
  Game game_;
  std::deque<PropLine> storage_;
};

TEST_F(PropLineChoice, SpecExampleDraftKingsClosingAndOpening) {
  // Tip-off 00:10 UTC. DK 14:00 (22.5) and 22:30 (23.5); FD 23:55 (24.5); BetMGM 00:20 (25.5,
  // after tip-off). Chosen DK: points_line 23.5, opening 22.5.
  add("betmgm", "2025-01-01T00:20:00Z", 25.5);
  add("fanduel", "2024-12-31T23:55:00Z", 24.5);
  add("draftkings", "2024-12-31T22:30:00Z", 23.5, -120);
  add("draftkings", "2024-12-31T14:00:00Z", 22.5);
  add("draftkings", "2024-12-31T23:00:00Z", 30.5, -110, "rebounds");  // other market
  auto c = choose(&game_);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->bookmaker, "draftkings");
  EXPECT_DOUBLE_EQ(c->closing_line, 23.5);
  EXPECT_DOUBLE_EQ(c->opening_line, 22.5);
  EXPECT_EQ(c->over_price, -120);
  EXPECT_EQ(c->book_count, 2);  // BetMGM's only snapshot is after tip-off
  EXPECT_FALSE(c->tipoff_assumed);
}

TEST_F(PropLineChoice, PriorityOutranksRecencyAndLateSnapshotsAreNeverCandidates) {
  add("betmgm", "2025-01-01T00:20:00Z", 25.5);
  EXPECT_FALSE(choose(&game_));
  add("underdog", "2024-12-31T23:59:00Z", 20.5);
  add("fanduel", "2024-12-31T12:00:00Z", 24.5);
  auto c = choose(&game_);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->bookmaker, "fanduel");
  EXPECT_DOUBLE_EQ(c->closing_line, 24.5);
}

TEST_F(PropLineChoice, SameSnapshotTakesTheLowerLineThenTheLowerOverPrice) {
  add("draftkings", "2024-12-31T20:00:00Z", 23.5, -150);
  add("draftkings", "2024-12-31T20:00:00Z", 22.5, -105);
  add("draftkings", "2024-12-31T20:00:00Z", 22.5, -115);
  auto c = choose(&game_);
  ASSERT_TRUE(c);
  EXPECT_DOUBLE_EQ(c->closing_line, 22.5);
  EXPECT_DOUBLE_EQ(c->opening_line, 22.5);
  EXPECT_EQ(c->over_price, -115);
}

TEST_F(PropLineChoice, UnknownTipoffUsesTheRowsTipoffElseNoonEastern) {
  game_.tipoff_utc.reset();
  // 12:00 ET on 2024-12-31 is 17:00 UTC.
  add("draftkings", "2024-12-31T16:59:00Z", 21.5);
  add("draftkings", "2024-12-31T17:00:00Z", 22.5);
  auto c = choose(&game_);
  ASSERT_TRUE(c);
  EXPECT_DOUBLE_EQ(c->closing_line, 21.5);
  EXPECT_TRUE(c->tipoff_assumed);
  storage_.clear();
  add("draftkings", "2024-12-31T23:00:00Z", 22.5);
  storage_.back().tipoff_utc = ts("2025-01-01T00:10:00Z");
  c = choose(&game_);
  ASSERT_TRUE(c);
  EXPECT_DOUBLE_EQ(c->closing_line, 22.5);
  EXPECT_FALSE(c->tipoff_assumed);
}

Injury report(const char* at, const char* status) {
  Injury i;
  i.report_utc = ts(at);
  i.status = status;
  return i;
}

TEST(LatestInjury, LatestBeforeCutoffTiesGoToTheMostSevere) {
  std::vector<Injury> rows = {
      report("2025-01-10T15:00:00Z", "probable"), report("2025-01-10T18:00:00Z", "questionable"),
      report("2025-01-10T18:00:00Z", "out"), report("2025-01-10T18:00:00Z", "doubtful"),
      report("2025-01-11T01:00:00Z", "available")};  // after tip-off
  std::vector<const Injury*> ptrs;
  for (const auto& r : rows) ptrs.push_back(&r);
  Timestamp cutoff = ts("2025-01-11T00:30:00Z");
  const Injury* latest = latest_injury(ptrs, cutoff);
  ASSERT_NE(latest, nullptr);
  EXPECT_EQ(latest->status, "out");
  // A later "available" report before the cut-off wins over an earlier "out".
  latest = latest_injury(ptrs, ts("2025-01-11T02:00:00Z"));
  ASSERT_NE(latest, nullptr);
  EXPECT_EQ(latest->status, "available");
  EXPECT_EQ(latest_injury(ptrs, ts("2025-01-10T15:00:00Z")), nullptr);  // strictly before
  EXPECT_GT(injury_severity("out"), injury_severity("doubtful"));
  EXPECT_GT(injury_severity("doubtful"), injury_severity("questionable"));
  EXPECT_GT(injury_severity("questionable"), injury_severity("probable"));
  EXPECT_GT(injury_severity("probable"), injury_severity("available"));
}

TEST(QualityIssueList, SortedDistinctJoinedBySemicolons) {
  QualityIssues q;
  EXPECT_EQ(q.text(), "");
  q.add("no_shots");
  q.add("out_of_range:pts");
  q.add("no_shots");
  QualityIssues other;
  other.add("no_own_line");
  q.merge(other);
  EXPECT_EQ(q.text(), "no_own_line;no_shots;out_of_range:pts");
}

std::optional<std::string> category(const char* reason) {
  return dnp_reason_category(std::string(reason));
}

TEST(DnpReasonCategory, WholeWordMatchesInClassOrder) {
  EXPECT_EQ(category("Left Ankle Sprain"), "injury");
  EXPECT_EQ(category("Injury/Illness - Left Knee; Soreness"), "injury");
  EXPECT_EQ(category("Rest"), "rest");
  EXPECT_EQ(category("Load Management"), "rest");
  EXPECT_EQ(category("Rest - Right Hamstring"), "injury");  // injury is tried first
  EXPECT_EQ(category("Personal Reasons"), "personal");
  EXPECT_EQ(category("Not With Team"), "personal");
  EXPECT_EQ(category("Coach's Decision"), "coach_decision");
  EXPECT_EQ(category("SUSPENDED"), "coach_decision");
  EXPECT_EQ(category("G League - Two-Way"), "other");
}

TEST(DnpReasonCategory, SubstringsDoNotMatch) {
  EXPECT_EQ(category("backcourt depth"), "other");  // not "back"
  EXPECT_EQ(category("Restricted"), "other");       // not "rest"
  EXPECT_EQ(category("Still out"), "other");        // not "ill"
  EXPECT_EQ(category("Handled"), "other");          // not "hand"
}

TEST(DnpReasonCategory, EmptyReasonsAreNull) {
  EXPECT_EQ(dnp_reason_category(std::nullopt), std::nullopt);
  EXPECT_EQ(category(""), std::nullopt);
  EXPECT_EQ(category(" - "), std::nullopt);
}

// The one cut-off rule of every prop-line reader (choose_prop_line, prop_line_consensus, the
// feature store's multi-book spread): the game's tip-off, else the row's, else 12:00 ET.
TEST(PropLineCutoff, GameTipoffThenTheRowsThenNoonEastern) {
  Game game;
  game.game_date = make_date(2025, 1, 10);
  game.tipoff_utc = ts("2025-01-11T00:30:00Z");
  PropLine line;
  line.game_date = game.game_date;
  line.tipoff_utc = ts("2025-01-11T01:00:00Z");
  Cutoff c = prop_line_cutoff(line, &game);
  EXPECT_EQ(c.at, *game.tipoff_utc);
  EXPECT_FALSE(c.assumed);
  c = prop_line_cutoff(line, nullptr);
  EXPECT_EQ(c.at, *line.tipoff_utc);
  EXPECT_FALSE(c.assumed);
  line.tipoff_utc.reset();
  c = prop_line_cutoff(line, nullptr);
  EXPECT_EQ(c.at, ts("2025-01-10T17:00:00Z"));  // 12:00 EST = 17:00 UTC
  EXPECT_TRUE(c.assumed);
}

}  // namespace
}  // namespace nbaprops::analytics
