// The formulas of upcoming_player_game_context and upcoming_team_game_context with the worked
// examples of 02-analytics.md §4-5, on hand-built history records.
#include <gtest/gtest.h>

#include "analytics/player_context_features.h"
#include "analytics/team_availability.h"
#include "analytics/travel.h"
#include "analytics/window_stats.h"
#include "core/value.h"

namespace nbaprops::analytics {
namespace {

Date day(int y, unsigned m, unsigned d) {
  return make_date(y, m, d);
}

PgsRecord appearance(const std::string& player, Date d, double minutes, int64_t pts,
                     std::optional<double> usage = std::nullopt) {
  PgsRecord r;
  r.game_date = d;
  r.game_id = "g" + format_date(d);
  r.season = season_of(d);
  r.season_type = "regular";
  r.player_lookup = player;
  r.team_abbr = "BOS";
  r.opponent_abbr = "NYK";
  r.player_status = "active";
  r.minutes = minutes;
  r.usage_rate = usage;
  r.pts = pts;
  return r;
}

double stored(std::optional<double> v, int decimals) {
  EXPECT_TRUE(v.has_value());
  return round_half_away(v.value_or(0), decimals);
}

TEST(ContextFormulas, RecentPerformanceExampleMeanStdAndSlope) {
  // Last 5 games, newest first: 30, 25, 20, 22, 18 (dates Jan 9, 7, 5, 3, 1).
  Phase3History h;
  int pts[] = {18, 22, 20, 25, 30};
  for (int i = 0; i < 5; ++i) h.add(appearance("p", day(2025, 1, 1 + 2 * i), 30, pts[i]));
  h.finish();
  RecentPerformance p =
      recent_performance(player_window(h, "p", day(2025, 1, 10)), day(2025, 1, 10));
  EXPECT_EQ(stored(p.points_avg_last_5, 1), 23.0);
  EXPECT_EQ(stored(p.points_std_last_5, 2), 4.69);  // sqrt(88 / 4)
  EXPECT_EQ(stored(p.points_trend_slope, 3), 2.7);  // 27 / 10
  EXPECT_EQ(p.l5_games_used, 5);
  EXPECT_EQ(p.l10_games_used, 5);
  EXPECT_EQ(p.l5_sample_quality, "excellent");
  EXPECT_EQ(p.l10_sample_quality, "limited");
  EXPECT_FALSE(p.usage_avg_last_5.has_value());  // every usage NULL: mean of nothing
}

TEST(ContextFormulas, SampleQualityThresholdsAre5_3_2And10_7_5) {
  EXPECT_EQ(sample_quality(5, 5), "excellent");
  EXPECT_EQ(sample_quality(4, 5), "good");
  EXPECT_EQ(sample_quality(3, 5), "good");
  EXPECT_EQ(sample_quality(2, 5), "limited");
  EXPECT_EQ(sample_quality(1, 5), "insufficient");
  EXPECT_EQ(sample_quality(10, 10), "excellent");
  EXPECT_EQ(sample_quality(7, 10), "good");
  EXPECT_EQ(sample_quality(6, 10), "limited");
  EXPECT_EQ(sample_quality(5, 10), "limited");
  EXPECT_EQ(sample_quality(4, 10), "insufficient");
  EXPECT_EQ(sample_quality(0, 10), "insufficient");
}

// x = 0, 1, 2; mean x 1, mean y 5; slope = ((-1)(-3) + 0 + (1)(4)) / 2 = 3.5.
TEST(ContextFormulas, LeastSquaresSlopeIsTheOneSlopeOfTrendsAndFeatures) {
  std::vector<double> three = {2, 4, 9}, two = {10, 20}, one = {10};
  EXPECT_DOUBLE_EQ(*least_squares_slope(three), 3.5);
  EXPECT_DOUBLE_EQ(*trend_slope(three), 3.5);
  EXPECT_DOUBLE_EQ(*least_squares_slope(two), 10.0);
  EXPECT_FALSE(least_squares_slope(one).has_value());
}

TEST(ContextFormulas, TrendSlopeNeedsThreeGamesAndStdTwoValues) {
  std::vector<double> two = {10, 20};
  EXPECT_FALSE(trend_slope(two).has_value());
  std::vector<double> one = {10};
  EXPECT_FALSE(sample_std_of(std::span<const double>(one)).has_value());
  EXPECT_EQ(*median_of({-3.5, -4.0, -3.5, -4.5}), -3.75);
  EXPECT_EQ(*median_of({-2.5, -3.0, -3.0, -3.0}), -3.0);
  EXPECT_EQ(*median_of({1, 9, 5}), 5);
  EXPECT_FALSE(median_of({}).has_value());
}

TEST(ContextFormulas, FatigueExampleOfTheSpec) {
  // D = 2025-01-10; appearances Jan 9 (34), Jan 8 (36), Jan 6 (30), Jan 3 (38), Dec 30 (32),
  // Dec 28 (35); a DNP row on Jan 7 does not count.
  Phase3History h;
  h.add(appearance("p", day(2025, 1, 9), 34, 20));
  h.add(appearance("p", day(2025, 1, 8), 36, 20));
  h.add(appearance("p", day(2025, 1, 6), 30, 20));
  h.add(appearance("p", day(2025, 1, 3), 38, 20));
  h.add(appearance("p", day(2024, 12, 30), 32, 20));
  h.add(appearance("p", day(2024, 12, 28), 35, 20));
  PgsRecord dnp = appearance("p", day(2025, 1, 7), 0, 0);
  dnp.player_status = "dnp";
  dnp.is_dnp = true;
  dnp.minutes = std::nullopt;
  dnp.pts = std::nullopt;
  h.add(dnp);
  h.add(appearance("p", day(2025, 1, 10), 40, 50));  // D itself: never read
  h.finish();
  Date d = day(2025, 1, 10);
  Fatigue f = fatigue(player_window(h, "p", d), d);
  EXPECT_EQ(f.days_rest, 1);
  EXPECT_TRUE(f.back_to_back);
  EXPECT_EQ(f.games_in_last_7_days, 4);  // Jan 3 ... Jan 9: D - 7 included
  EXPECT_EQ(round_half_away(f.minutes_in_last_7_days, 1), 138.0);
  EXPECT_EQ(stored(f.avg_minutes_per_game_last_7_days, 1), 34.5);
  EXPECT_EQ(f.games_in_last_14_days, 6);  // Dec 27 ... Jan 9
  EXPECT_EQ(round_half_away(f.minutes_in_last_14_days, 1), 205.0);
  EXPECT_EQ(f.back_to_backs_last_14_days, 1);  // Jan 8-9
  EXPECT_EQ(f.days_rest_before_last_game, 1);
  EXPECT_EQ(f.days_since_2_plus_days_rest, 2);  // gap Jan 8 - Jan 6: Jan 10 - Jan 8
  EXPECT_FALSE(f.avg_usage_rate_last_7_days.has_value());
}

TEST(ContextFormulas, FatigueWithoutAppearancesIsNullOrZero) {
  Phase3History h;
  h.finish();
  Fatigue f = fatigue(player_window(h, "nobody", day(2025, 1, 10)), day(2025, 1, 10));
  EXPECT_FALSE(f.days_rest.has_value());
  EXPECT_FALSE(f.back_to_back);
  EXPECT_EQ(f.games_in_last_7_days, 0);
  EXPECT_EQ(f.minutes_in_last_7_days, 0.0);
  EXPECT_FALSE(f.avg_minutes_per_game_last_7_days.has_value());
  EXPECT_FALSE(f.days_since_2_plus_days_rest.has_value());
}

TEST(ContextFormulas, PropStreakExampleOver2Under0) {
  // L = 22, newest first 27, 22, 24, 19, 30.
  Phase3History h;
  int pts[] = {30, 19, 24, 22, 27};  // oldest first
  for (int i = 0; i < 5; ++i) h.add(appearance("p", day(2025, 1, 1 + i), 30, pts[i]));
  h.finish();
  PlayerWindow w = player_window(h, "p", day(2025, 1, 10));
  PropStreaks s = prop_streaks(w.season_rows, 22);
  EXPECT_EQ(s.over, 2);
  EXPECT_EQ(s.under, 0);
  PropStreaks low = prop_streaks(w.season_rows, 28.5);  // 27 under, 22 under, 24 under, 19, 30
  EXPECT_EQ(low.over, 0);
  EXPECT_EQ(low.under, 4);
}

TEST(ContextFormulas, PropStreakStopsAtADnpRow) {
  Phase3History h;
  h.add(appearance("p", day(2025, 1, 1), 30, 30));
  PgsRecord dnp = appearance("p", day(2025, 1, 2), 0, 0);
  dnp.player_status = "dnp";
  dnp.is_dnp = true;
  dnp.pts = std::nullopt;
  h.add(dnp);
  h.add(appearance("p", day(2025, 1, 3), 30, 30));
  h.finish();
  PropStreaks s = prop_streaks(player_window(h, "p", day(2025, 1, 10)).season_rows, 20);
  EXPECT_EQ(s.over, 1);
}

TEST(ContextFormulas, ProjectedUsageExample38) {
  UsageShare player{28, 35};
  std::vector<UsageShare> out = {{30, 34}};
  std::vector<UsageShare> rest = {{20, 30}, {18, 32}, {15, 28}, {12, 24}};
  auto p = projected_usage(player, out, rest);
  ASSERT_TRUE(p.has_value());
  EXPECT_NEAR(*p, 37.97, 0.005);
  EXPECT_EQ(round_half_away(*p, 1), 38.0);
  EXPECT_EQ(*projected_usage(player, {}, rest), 28.0);  // nobody out: u_p
  std::vector<UsageShare> huge = {{60, 48}};
  EXPECT_EQ(*projected_usage(player, huge, rest), 45.0);  // capped
}

RosterMember member(const std::string& name, double pts, double minutes, double usage,
                    std::optional<std::string> status) {
  return {name, LastGames{10, pts, minutes, usage}, 10, std::move(status)};
}

TEST(ContextFormulas, StarTeammatesExample2Weighted4) {
  TeamRoster roster{
      "LAL",
      {member("me", 30.0, 36.0, 30.0, "out"),  // the player himself: excluded
       member("x", 26.1, 34.0, 24.0, "out"), member("y", 11.4, 29.0, 15.0, "doubtful"),
       member("z", 19.5, 30.0, 20.0, "questionable"), member("bench", 6.0, 12.0, 14.0, "out")}};
  Availability a = team_availability(roster, "me", LastGames{10, 30.0, 36.0, 30.0});
  EXPECT_EQ(a.star_teammates_out, 2);
  EXPECT_EQ(a.star_teammates_out_weighted, 4);
  RosterMember rookie = member("r", 30.0, 36.0, 30.0, "out");
  rookie.season_appearances = 2;
  EXPECT_FALSE(rookie.is_star());  // fewer than 3 appearances this season
}

TEST(ContextFormulas, SeasonPhaseFollowsSeasonTypeThenMonth) {
  EXPECT_EQ(season_phase("regular", day(2024, 10, 22)), "early");
  EXPECT_EQ(season_phase("regular", day(2024, 11, 30)), "early");
  EXPECT_EQ(season_phase("regular", day(2024, 12, 1)), "mid");
  EXPECT_EQ(season_phase("cup_final", day(2024, 12, 17)), "mid");
  EXPECT_EQ(season_phase("regular", day(2025, 2, 28)), "mid");
  EXPECT_EQ(season_phase("regular", day(2025, 3, 1)), "late");
  EXPECT_EQ(season_phase("regular", day(2025, 4, 13)), "late");
  EXPECT_EQ(season_phase("playin", day(2025, 4, 15)), "playoffs");
  EXPECT_EQ(season_phase("playoffs", day(2025, 5, 10)), "playoffs");
  EXPECT_EQ(season_phase("regular", day(2025, 5, 10)), "late");
}

TEST(ContextFormulas, PlayerAgeInCompletedYears) {
  Date birth = day(1984, 12, 30);
  EXPECT_EQ(player_age(birth, day(2024, 12, 29)), 39);
  EXPECT_EQ(player_age(birth, day(2024, 12, 30)), 40);
  EXPECT_EQ(player_age(birth, day(2025, 1, 10)), 40);
  EXPECT_EQ(player_age(day(2000, 2, 29), day(2025, 2, 28)), 24);
  EXPECT_FALSE(player_age(std::nullopt, day(2025, 1, 10)).has_value());
}

TEST(ContextFormulas, GreatCircleExamples) {
  EXPECT_NEAR(great_circle_miles(42.37, -71.06, 34.04, -118.27), 2592.53, 0.01);
  Timestamp january = *parse_timestamp("2025-01-16T03:30:00Z");
  Travel bos_lal = *travel_between("BOS", "LAL", january);
  EXPECT_EQ(bos_lal.miles, 2593);
  EXPECT_EQ(bos_lal.zones_crossed, 3);
  Travel phx_lal = *travel_between("PHX", "LAL", january);
  EXPECT_EQ(phx_lal.miles, 358);
  EXPECT_EQ(phx_lal.zones_crossed, 1);
  Timestamp after_clock_change = *parse_timestamp("2025-03-13T02:30:00Z");
  EXPECT_EQ(travel_between("PHX", "LAL", after_clock_change)->zones_crossed, 0);
  Travel home = *travel_between("LAL", "LAL", january);
  EXPECT_EQ(home.miles, 0);
  EXPECT_EQ(home.zones_crossed, 0);
}

}  // namespace
}  // namespace nbaprops::analytics
