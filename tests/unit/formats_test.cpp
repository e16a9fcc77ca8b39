#include "raw/formats.h"

#include <gtest/gtest.h>

namespace nbaprops {
namespace {

std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(',', i);
    if (j == std::string::npos) j = s.size();
    out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

const std::string kStats =
    "FGM,FGA,FG3M,FG3A,FTM,FTA,OREB,DREB,REB,AST,STL,BLK,TOV,PF,PTS,PLUS_MINUS";

TEST(Formats, PlayerLogBeatsTeamLogByMoreRequiredColumns) {
  auto d =
      detect_format(words("SEASON_ID,PLAYER_ID,PLAYER_NAME,TEAM_ABBREVIATION,GAME_ID,"
                          "GAME_DATE,MATCHUP,WL,MIN," +
                          kStats));
  ASSERT_TRUE(d.matched);
  EXPECT_EQ(d.format->name, "nba-player-gamelog");
  auto t = detect_format(words("TEAM_ABBREVIATION,GAME_ID,GAME_DATE,MATCHUP,MIN," + kStats));
  ASSERT_TRUE(t.matched);
  EXPECT_EQ(t.format->name, "nba-team-gamelog");
}

TEST(Formats, NamesCompareCaseInsensitivelyAndExtraColumnsAreIgnored) {
  auto d =
      detect_format(words("Player,MARKET,bookmaker,side,line,price,home_team,away_team,"
                          "game_id,commence_time,extra"));
  ASSERT_TRUE(d.matched);
  EXPECT_EQ(d.format->name, "oddsapi-props");
}

TEST(Formats, CanonicalNeedsExactlyItsColumns) {
  auto d =
      detect_format(words("report_utc,game_date,team_abbr,player_lookup,player_name,status,"
                          "reason"));
  ASSERT_TRUE(d.matched);
  EXPECT_EQ(d.format->name, "canonical:injuries");
  auto extra =
      detect_format(words("report_utc,game_date,team_abbr,player_lookup,player_name,"
                          "status,reason,note"));
  EXPECT_FALSE(extra.matched);
  EXPECT_EQ(extra.format->name, "canonical:injuries");
  EXPECT_EQ(extra.unexpected, std::vector<std::string>{"note"});
  auto games =
      detect_format(words("game_id,game_date,season,season_type,home_team,away_team,"
                          "tipoff_utc,status,home_score,away_score,neutral_site"));
  ASSERT_TRUE(games.matched);  // `source` is set by the loader, not read
  EXPECT_EQ(games.format->name, "canonical:games");
}

TEST(Formats, NoMatchNamesTheClosestFormatAndItsMissingColumns) {
  auto d =
      detect_format(words("PLAYER_ID,PLAYER_NAME,TEAM_ABBREVIATION,GAME_ID,GAME_DATE,"
                          "MATCHUP,FGM,FGA,FG3M,FG3A,FTM,FTA,OREB,DREB,REB,AST,STL,BLK,"
                          "TOV,PF,PTS"));
  EXPECT_FALSE(d.matched);
  EXPECT_EQ(d.format->name, "nba-player-gamelog");
  EXPECT_EQ(d.missing, (std::vector<std::string>{"MIN", "PLUS_MINUS"}));
}

TEST(Formats, RepeatedNameIsReported) {
  auto d = detect_format(words("player,market,PLAYER"));
  EXPECT_EQ(d.duplicate, "PLAYER");
}

TEST(Formats, ForcedFormatIsStillChecked) {
  auto d = detect_format(words("player,market"), find_format("oddsapi-props"));
  EXPECT_FALSE(d.matched);
  EXPECT_EQ(d.format->name, "oddsapi-props");
  EXPECT_EQ(d.missing.size(), 7u);
}

}  // namespace
}  // namespace nbaprops
