#include "raw/game_merge.h"

#include <gtest/gtest.h>

#include "raw/row_access.h"

namespace nbaprops {
namespace {

const TableSchema& games() {
  return *find_table("games");
}

GameObservation obs(const std::string& source, const std::string& home, const std::string& away,
                    std::map<std::string, int64_t> scores = {}) {
  GameObservation g;
  g.game_id = "0022400621";
  g.game_date = make_date(2025, 1, 23);
  g.season = 2024;
  g.season_type = "regular";
  g.home_team = home;
  g.away_team = away;
  g.team_scores = std::move(scores);
  g.source = source;
  g.rank = source_rank(source);
  g.gives_all = source == "schedule";
  return g;
}

std::string describe(Row row) {
  RowAccess r(games(), row);
  auto score = [&](const char* c) {
    return r.null(c) ? std::string("NULL") : std::to_string(*r.i(c));
  };
  return r.s("away_team") + "@" + r.s("home_team") + " " + score("away_score") + "-" +
         score("home_score") + " " + r.s("status") + " " + r.s("source");
}

TEST(GameMerge, RanksAreOrdered) {
  EXPECT_GT(source_rank("schedule"), source_rank("team_log"));
  EXPECT_GT(source_rank("team_log"), source_rank("shots"));
  EXPECT_GT(source_rank("shots"), source_rank("player_log"));
}

TEST(GameMerge, NewGameIsInserted) {
  auto m = merge_game(nullptr, obs("player_log", "IND", "SAS", {{"IND", 129}, {"SAS", 140}}));
  EXPECT_EQ(m.outcome, MergeOutcome::kInserted);
  EXPECT_EQ(describe(m.row), "SAS@IND 140-129 final player_log");
}

TEST(GameMerge, HigherRankOverwritesAndScoresMoveWithTheirTeams) {
  // The player log guessed SAS home; shots (higher) say IND home and give no scores.
  Row stored =
      merge_game(nullptr, obs("player_log", "SAS", "IND", {{"IND", 129}, {"SAS", 140}})).row;
  EXPECT_EQ(describe(stored), "IND@SAS 129-140 final player_log");
  auto m = merge_game(&stored, obs("shots", "IND", "SAS"));
  EXPECT_EQ(m.outcome, MergeOutcome::kUpdated);
  EXPECT_EQ(describe(m.row), "SAS@IND 140-129 final shots");
}

TEST(GameMerge, LowerRankOnlyFillsNulls) {
  Row stored = merge_game(nullptr, obs("shots", "IND", "SAS")).row;  // no scores
  auto m = merge_game(&stored, obs("player_log", "SAS", "IND", {{"IND", 129}, {"SAS", 140}}));
  EXPECT_EQ(describe(m.row), "SAS@IND 140-129 final shots");  // orientation kept, scores filled
  Row again = m.row;
  auto m2 = merge_game(&again, obs("player_log", "SAS", "IND", {{"IND", 1}, {"SAS", 2}}));
  EXPECT_EQ(describe(m2.row), "SAS@IND 140-129 final shots");  // not overwritten
}

TEST(GameMerge, DerivedRowWithAnotherDateOrTeamsConflicts) {
  Row stored = merge_game(nullptr, obs("team_log", "IND", "SAS")).row;
  GameObservation later = obs("shots", "IND", "SAS");
  later.game_date = make_date(2025, 1, 24);
  auto m = merge_game(&stored, later);
  EXPECT_EQ(m.outcome, MergeOutcome::kConflict);
  EXPECT_EQ(m.reason.substr(0, 20), "conflicts_with_games");
  auto teams = merge_game(&stored, obs("shots", "IND", "BOS"));
  EXPECT_EQ(teams.outcome, MergeOutcome::kConflict);
  // The schedule may move a game.
  GameObservation moved = obs("schedule", "IND", "SAS");
  moved.game_date = make_date(2025, 1, 24);
  moved.status = "scheduled";
  GameObservation planned = obs("schedule", "IND", "SAS");
  planned.status = "scheduled";
  Row scheduled = merge_game(nullptr, planned).row;
  auto m3 = merge_game(&scheduled, moved);
  EXPECT_EQ(m3.outcome, MergeOutcome::kUpdated);
  EXPECT_EQ(RowAccess(games(), m3.row).s("game_date"), "2025-01-24");
}

TEST(GameMerge, FinalNeverRevertsAndBoxScoresMakeAGameFinal) {
  GameObservation plan = obs("schedule", "IND", "SAS");
  plan.status = "scheduled";
  Row scheduled = merge_game(nullptr, plan).row;
  auto played =
      merge_game(&scheduled, obs("player_log", "IND", "SAS", {{"IND", 129}, {"SAS", 140}}));
  EXPECT_EQ(describe(played.row), "SAS@IND 140-129 final schedule");
  Row final_row = played.row;
  auto stale = merge_game(&final_row, plan);
  EXPECT_EQ(stale.outcome, MergeOutcome::kSkipped);
}

}  // namespace
}  // namespace nbaprops
