#include "core/teams.h"

#include <gtest/gtest.h>

namespace nbaprops {
namespace {

TEST(Teams, ThirtyTeamsWithArenas) {
  EXPECT_EQ(all_teams().size(), 30u);
  const TeamInfo* bos = find_team("BOS");
  ASSERT_NE(bos, nullptr);
  EXPECT_EQ(bos->team_id, 1610612738);
  EXPECT_EQ(bos->timezone, "New_York");
  EXPECT_EQ(find_team("BRK"), nullptr);
}

TEST(Teams, AliasesNamesAndIds) {
  EXPECT_EQ(resolve_team("BRK"), "BKN");
  EXPECT_EQ(resolve_team("pho"), "PHX");
  EXPECT_EQ(resolve_team("CHO"), "CHA");
  EXPECT_EQ(resolve_team("NOK"), "NOP");
  EXPECT_EQ(resolve_team("UTAH"), "UTA");
  EXPECT_EQ(resolve_team("WSH"), "WAS");
  EXPECT_EQ(resolve_team("GS"), "GSW");
  EXPECT_EQ(resolve_team("Los Angeles Clippers"), "LAC");
  EXPECT_EQ(resolve_team("LA Clippers"), "LAC");
  EXPECT_EQ(resolve_team(" boston celtics "), "BOS");
  EXPECT_EQ(resolve_team("1610612747"), "LAL");
  EXPECT_FALSE(resolve_team("XYZ"));
  EXPECT_FALSE(resolve_team("1610612799"));
  EXPECT_FALSE(resolve_team(""));
}

}  // namespace
}  // namespace nbaprops
