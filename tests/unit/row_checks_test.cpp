#include "raw/row_checks.h"

#include <gtest/gtest.h>

#include "raw/field_parse.h"
#include "raw/game_ids.h"
#include "raw/row_access.h"

namespace nbaprops {
namespace {

TEST(ShotZone, PaintUpToEightFeetThenMidRangeAndThrees) {
  EXPECT_EQ(shot_zone(2, 8.0, {}, {}, {}), "paint");
  EXPECT_EQ(shot_zone(2, 8.01, {}, {}, {}), "mid_range");
  EXPECT_EQ(shot_zone(2, 0.0, {}, {}, {}), "paint");
  EXPECT_EQ(shot_zone(3, 2.0, {}, {}, {}), "three");  // the value decides
  // From coordinates: basket at (0, 5.25); (6, 10.5) is sqrt(36 + 27.56) = 7.97 ft.
  EXPECT_EQ(shot_zone(2, {}, 6.0, 10.5, {}), "paint");
  EXPECT_EQ(shot_zone(2, {}, 6.0, 11.0, {}), "mid_range");  // 8.26 ft
  EXPECT_EQ(shot_zone(2, {}, {}, {}, std::string("Restricted Area")), "paint");
  EXPECT_EQ(shot_zone(2, {}, {}, {}, std::string("In The Paint (Non-RA)")), "paint");
  EXPECT_EQ(shot_zone(2, {}, {}, {}, std::string("Mid-Range")), "mid_range");
  EXPECT_EQ(shot_zone(2, {}, {}, {}, std::string("Backcourt")), std::nullopt);
}

Row shot_row(std::optional<int64_t> value, std::optional<double> dist, std::string zone = "") {
  const TableSchema& t = *find_table("shots");
  Row row(t.columns.size());
  RowAccess r(t, row);
  r["team_abbr"] = std::string("BOS");
  r["period"] = int64_t{1};
  r["seconds_left_in_period"] = int64_t{300};
  if (value) r["shot_value"] = *value;
  if (dist) r["distance_ft"] = *dist;
  r["made"] = int64_t{1};
  if (!zone.empty()) r["zone"] = zone;
  return row;
}

std::string code_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const RowError& e) {
    return e.code();
  }
  return "ok";
}

TEST(ShotChecks, ValueFromDistanceWhenMissingAndZoneDerived) {
  const TableSchema& t = *find_table("shots");
  Row far = shot_row({}, 24.0);
  check_shot(t, far, {});
  EXPECT_EQ(std::get<int64_t>(far[t.column_index("shot_value")]), 3);
  EXPECT_EQ(std::get<std::string>(far[t.column_index("zone")]), "three");
  Row near = shot_row({}, 23.7);
  check_shot(t, near, {});
  EXPECT_EQ(std::get<int64_t>(near[t.column_index("shot_value")]), 2);
  EXPECT_EQ(std::get<std::string>(near[t.column_index("zone")]), "mid_range");
  Row nothing = shot_row({}, {});
  EXPECT_EQ(code_of([&] { check_shot(t, nothing, {}); }), "missing_value");
  Row wrong_zone = shot_row(2, 3.0, "three");
  EXPECT_EQ(code_of([&] { check_shot(t, wrong_zone, {}); }), "inconsistent");
  Row too_far = shot_row(2, 95.0);
  EXPECT_EQ(code_of([&] { check_shot(t, too_far, {}); }), "out_of_range");
  Row overtime = shot_row(2, 3.0);
  RowAccess(t, overtime)["period"] = int64_t{5};
  RowAccess(t, overtime)["seconds_left_in_period"] = int64_t{301};
  EXPECT_EQ(code_of([&] { check_shot(t, overtime, {}); }), "out_of_range");
}

Row box_row(const std::string& status) {
  const TableSchema& t = *find_table("player_boxscores");
  Row row(t.columns.size());
  RowAccess r(t, row);
  r["team_abbr"] = std::string("MIL");
  r["status"] = status;
  if (status != "active") return row;
  r["minutes"] = 30.0;
  // 10 points: 4-8 FG, 1-3 3PT, 1-2 FT; 5 rebounds = 1 + 4.
  int64_t v[] = {10, 4, 8, 1, 3, 1, 2, 1, 4, 5, 2, 1, 0, 1, 2};
  const char* names[] = {"pts",  "fgm", "fga", "fg3m", "fg3a", "ftm", "fta", "oreb",
                         "dreb", "reb", "ast", "stl",  "blk",  "tov", "pf"};
  for (int i = 0; i < 15; ++i) r[names[i]] = v[i];
  return row;
}

TEST(BoxScoreChecks, IdentitiesAndRanges) {
  const TableSchema& t = *find_table("player_boxscores");
  auto with = [&](const char* col, Value v) {
    Row row = box_row("active");
    RowAccess(t, row)[col] = v;
    return code_of([&] { check_player_boxscore(t, row); });
  };
  Row good = box_row("active");
  EXPECT_EQ(code_of([&] { check_player_boxscore(t, good); }), "ok");
  EXPECT_EQ(with("pts", int64_t{11}), "inconsistent");  // 2*4 + 1 + 1 = 10
  EXPECT_EQ(with("fgm", int64_t{9}), "inconsistent");   // makes > attempts
  EXPECT_EQ(with("fg3m", int64_t{4}), "inconsistent");  // fg3m > fg3a
  EXPECT_EQ(with("reb", int64_t{6}), "inconsistent");   // reb != oreb + dreb
  EXPECT_EQ(with("stl", int64_t{-1}), "out_of_range");
  EXPECT_EQ(with("minutes", 80.5), "out_of_range");
  EXPECT_EQ(with("minutes", Value{}), "missing_value");
  EXPECT_EQ(with("plus_minus", int64_t{101}), "out_of_range");
  EXPECT_EQ(with("status", std::string("benched")), "bad_value");
  EXPECT_EQ(with("team_abbr", std::string("XYZ")), "unknown_team");
  EXPECT_EQ(with("dnp_reason", std::string("rest")), "inconsistent");
}

TEST(BoxScoreChecks, DnpRowsCarryNoStats) {
  const TableSchema& t = *find_table("player_boxscores");
  Row dnp = box_row("dnp");
  RowAccess(t, dnp)["dnp_reason"] = std::string("Coach's decision");
  EXPECT_EQ(code_of([&] { check_player_boxscore(t, dnp); }), "ok");
  RowAccess(t, dnp)["pts"] = int64_t{0};
  EXPECT_EQ(code_of([&] { check_player_boxscore(t, dnp); }), "ok");
  RowAccess(t, dnp)["pts"] = int64_t{2};
  EXPECT_EQ(code_of([&] { check_player_boxscore(t, dnp); }), "inconsistent");
  Row inactive = box_row("inactive");
  RowAccess(t, inactive)["minutes"] = 3.0;
  EXPECT_EQ(code_of([&] { check_player_boxscore(t, inactive); }), "inconsistent");
}

TEST(LineChecks, PropAndGameLineRanges) {
  const TableSchema& p = *find_table("prop_lines");
  Row prop(p.columns.size());
  RowAccess(p, prop)["market"] = std::string("points");
  RowAccess(p, prop)["line"] = 26.5;
  RowAccess(p, prop)["over_price"] = int64_t{-110};
  EXPECT_EQ(code_of([&] { check_prop_line(p, prop); }), "ok");
  RowAccess(p, prop)["line"] = 100.5;
  EXPECT_EQ(code_of([&] { check_prop_line(p, prop); }), "out_of_range");
  RowAccess(p, prop)["line"] = 26.5;
  RowAccess(p, prop)["under_price"] = int64_t{-50};
  EXPECT_EQ(code_of([&] { check_prop_line(p, prop); }), "bad_value");

  const TableSchema& g = *find_table("game_lines");
  Row spread(g.columns.size());
  RowAccess(g, spread)["market"] = std::string("spread");
  RowAccess(g, spread)["team_abbr"] = std::string("BOS");
  RowAccess(g, spread)["line"] = -7.5;
  EXPECT_EQ(code_of([&] { check_game_line(g, spread); }), "ok");
  RowAccess(g, spread)["line"] = -50.5;
  EXPECT_EQ(code_of([&] { check_game_line(g, spread); }), "out_of_range");
  Row total(g.columns.size());
  RowAccess(g, total)["market"] = std::string("total");
  RowAccess(g, total)["line"] = 224.5;
  EXPECT_EQ(code_of([&] { check_game_line(g, total); }), "ok");
  RowAccess(g, total)["team_abbr"] = std::string("BOS");
  EXPECT_EQ(code_of([&] { check_game_line(g, total); }), "inconsistent");
}

TEST(GameIds, NbaIdsAndTheStandardForm) {
  EXPECT_EQ(pad_game_id("22400061"), "0022400061");
  EXPECT_EQ(pad_game_id("0022400061"), "0022400061");
  auto reg = parse_nba_game_id("0022400061");
  ASSERT_TRUE(reg);
  EXPECT_EQ(reg->season, 2024);
  EXPECT_EQ(reg->season_type, "regular");
  EXPECT_EQ(parse_nba_game_id("0049600001")->season, 1996);  // YY >= 46: 1900s
  EXPECT_EQ(parse_nba_game_id("0052400001")->season_type, "playin");
  EXPECT_EQ(parse_nba_game_id("0042400001")->season_type, "playoffs");
  EXPECT_EQ(parse_nba_game_id("0062400001")->season_type, "cup_final");
  EXPECT_EQ(parse_nba_game_id("0012400001")->season_type, "preseason");
  EXPECT_EQ(parse_nba_game_id("0032400001")->season_type, "");  // All-Star: skipped
  EXPECT_FALSE(parse_nba_game_id("0072400001"));
  EXPECT_FALSE(parse_nba_game_id("1022400061"));
  Date d = make_date(2025, 1, 20);
  EXPECT_EQ(standard_game_id(d, "BKN", "MIL"), "20250120_BKN_MIL");
  EXPECT_TRUE(is_valid_game_id("20250120_BKN_MIL", d));
  EXPECT_FALSE(is_valid_game_id("20250120_BKN_MIL", make_date(2025, 1, 21)));
  EXPECT_FALSE(is_valid_game_id("20250120_BKN_BKN", d));
  EXPECT_FALSE(is_valid_game_id("20250120_BRK_MIL", d));  // codes, not aliases
}

}  // namespace
}  // namespace nbaprops
