// The market models' same-day features (issue 12 item 4, predict/markets/same_day.h): the
// minutes trend and projection, the box-score absence proxy, the injury report (latest status
// before tip-off) and the books' line spread, each on a hand-computed case; and point in time:
// a row of D moves with D's report and offers only, never with a later date's.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>
#include <vector>

#include "pipeline/catalog.h"
#include "predict/markets/market.h"
#include "predict/markets/market_features.h"
#include "predict/markets/market_inputs.h"
#include "predict/markets/same_day.h"
#include "support/test_store.h"

namespace nbaprops::predict::markets {
namespace {

using F = MarketFeature;

Date day(int y, unsigned m, unsigned d) {
  return make_date(y, m, d);
}

PlayerGame game(Date d, std::string player, std::string team, double reb, double minutes) {
  PlayerGame g;
  g.date = d;
  g.player = std::move(player);
  g.team = std::move(team);
  g.opponent = g.team == "BOS" ? "NYK" : "BOS";
  g.home = g.team == "BOS";
  g.stats = {10, reb, 3, 1, 4, minutes};
  return g;
}

bool same(float a, float b) {
  return (std::isnan(a) && std::isnan(b)) || a == b;
}

TEST(MarketSameDay, MinutesTrendAndProjectionOverTheLastTen) {
  // Minutes, oldest first: 30 20 22 24 26 28 30 (one game of 2023-10-30 is beyond 365 days).
  std::vector<PlayerGame> games;
  games.push_back(game(day(2023, 10, 30), "a", "BOS", 1, 48));
  Date d0 = day(2024, 11, 1);
  double minutes[] = {30, 20, 22, 24, 26, 28, 30};
  for (int i = 0; i < 7; ++i)
    games.push_back(game(Date{d0.days + 2 * i}, "a", "BOS", 1, minutes[i]));
  SameDayLine line{6.5, 0, 3, 0.47};
  auto f = market_features(*find_market("rebounds"), day(2024, 12, 1), true, games, {}, line);
  // x = 0..6, mean 3; sum (x - 3) y = -90 - 40 - 22 + 0 + 26 + 56 + 90 = 20; sum (x - 3)^2 = 28.
  EXPECT_NEAR(feature(f, F::kMinutesTrendLast10), 20.0 / 28.0, 1e-6);
  // Weights 0.7^k from the newest: (30 + 0.7*28 + 0.49*26 + 0.343*24 + 0.2401*22 +
  // 0.16807*20 + 0.117649*30) / 3.058819 = 82.745071 / 3.058819.
  EXPECT_NEAR(feature(f, F::kMinutesProjection), 27.0513129, 1e-4);
  EXPECT_FLOAT_EQ(feature(f, F::kMarketNoVigOver), 0.47f);
  // Without a context: the proxy, report and spread are missing.
  EXPECT_TRUE(std::isnan(feature(f, F::kTeammatesMissingStat)));
  EXPECT_TRUE(std::isnan(feature(f, F::kInjuryRisk)));
  EXPECT_TRUE(std::isnan(feature(f, F::kLineSpread)));
  // Two games: no slope yet.
  auto two = market_features(*find_market("rebounds"), day(2024, 12, 1), true,
                             std::span(games).subspan(6), {}, std::nullopt);
  EXPECT_TRUE(std::isnan(feature(two, F::kMinutesTrendLast10)));
  EXPECT_FLOAT_EQ(feature(two, F::kMinutesProjection), (30 + 0.7f * 28) / 1.7f);
  EXPECT_TRUE(std::isnan(feature(two, F::kMarketNoVigOver)));
  EXPECT_EQ(market_feature_names()[static_cast<size_t>(F::kMarketNoVigOver)], "market_no_vig_over");
}

TEST(MarketSameDay, RotationPlayersAbsentFromTheLastGameAreMissing) {
  Date d = day(2024, 11, 20);
  auto g = [](Date x, std::vector<std::string> p) { return TeamGame{x, std::move(p)}; };
  // Last season's games never count; this season: six games, the window is the last five.
  std::vector<TeamGame> games = {
      g(day(2024, 4, 10), {"x", "y"}),      g(day(2024, 11, 1), {"a", "b", "c", "z"}),
      g(day(2024, 11, 3), {"a", "b", "c"}), g(day(2024, 11, 5), {"a", "b", "d"}),
      g(day(2024, 11, 7), {"a", "c", "d"}), g(day(2024, 11, 9), {"a", "b", "c", "d"}),
      g(day(2024, 11, 11), {"a", "d", "e"})};
  // Window 11-03..11-11: a 5, b 3, c 3, d 4, e 1; the last game has a, d, e: b and c missing.
  EXPECT_EQ(missing_from_last_game(games, d), (std::vector<std::string>{"b", "c"}));
  // Two games of this season only: unknown.
  EXPECT_FALSE(missing_from_last_game(std::span(games).first(3), d));
  EXPECT_EQ(missing_from_last_game(std::span(games).first(4), d), std::vector<std::string>{});
}

// The daily path gathers only each team's last games of the season (last_team_games); the
// missing players it gives are those of the team's whole history, on every date.
TEST(MarketSameDay, TheLastTeamGamesGiveTheSameMissingPlayersAsTheWholeHistory) {
  std::vector<PlayerGame> games;
  const char* who[] = {"abc", "abd", "bcd", "abcd", "ad", "bd", "abc", "acd", "ab", "cd"};
  Date first = day(2024, 10, 25);
  games.push_back(game(day(2024, 4, 1), "z", "BOS", 1, 30));  // last season
  for (int i = 0; i < 10; ++i) {
    Date d{first.days + 2 * i};
    for (const char* p = who[i]; *p; ++p)
      games.push_back(game(d, std::string(1, *p), "BOS", 1, 30));
    games.push_back(game(d, i % 2 ? "y" : "x", "NYK", 1, 30));
  }
  std::sort(games.begin(), games.end(), [](const PlayerGame& a, const PlayerGame& b) {
    return std::tie(a.date.days, a.player) < std::tie(b.date.days, b.player);
  });
  for (int k = 0; k <= 21; ++k) {
    Date d{first.days + k};
    auto end = std::lower_bound(games.begin(), games.end(), d,
                                [](const PlayerGame& g, Date x) { return g.date < x; });
    std::span<const PlayerGame> before(games.begin(), end);
    GamesByTeam whole;
    for (const PlayerGame& g : before) {
      auto& list = whole[g.team];
      if (list.empty() || list.back().date != g.date) list.push_back({g.date, {}});
      list.back().players.push_back(g.player);
    }
    GamesByTeam last = last_team_games(before, d, {"BOS", "NYK", "MIA"});
    EXPECT_FALSE(last.count("MIA"));
    for (const char* team : {"BOS", "NYK"}) {
      EXPECT_LE(last[team].size(), 5u);
      EXPECT_EQ(missing_from_last_game(last[team], d), missing_from_last_game(whole[team], d))
          << team << " " << format_date(d);
    }
  }
}

TEST(MarketSameDay, TheTeamContextSumsWhatTheAbsentTeammatesLeave) {
  const MarketDef& reb = *find_market("rebounds");
  Date d = day(2024, 11, 20);
  GamesByPlayer players;
  // b: rebounds 4, 6, 8 (mean 6), minutes 20, 30, 40 (mean 30); c: 10 in one game, 24 minutes.
  players["b"] = {game(day(2024, 11, 1), "b", "BOS", 4, 20),
                  game(day(2024, 11, 3), "b", "BOS", 6, 30),
                  game(day(2024, 11, 5), "b", "BOS", 8, 40)};
  players["c"] = {game(day(2024, 11, 5), "c", "BOS", 10, 24)};
  GamesByTeam teams;
  teams["BOS"] = {{day(2024, 11, 1), {"a", "b", "c"}},
                  {day(2024, 11, 3), {"a", "b", "c"}},
                  {day(2024, 11, 5), {"a", "b", "c"}},
                  {day(2024, 11, 7), {"d"}}};  // a, b and c all missing from the last game
  // A report of D: b out, c questionable (not counted), e (NYK) doubtful, a probable.
  std::vector<ReportedStatus> report = {{"a", "BOS", "probable"},
                                        {"b", "BOS", "out"},
                                        {"c", "BOS", "questionable"},
                                        {"e", "NYK", "doubtful"}};
  std::vector<Offer> offers = {
      {"draftkings", 6.5, -110, -110}, {"fanduel", 5.5, 120, -150}, {"betmgm", 7.0, 100, -120}};
  SameDayBuilder builder(reb, d, players, teams, &report);
  SameDay a = builder.of("a", "BOS", &offers);
  EXPECT_DOUBLE_EQ(*a.teammates_missing_stat, 6 + 10);  // b and c, a himself left out
  EXPECT_DOUBLE_EQ(*a.teammates_missing_minutes, 30 + 24);
  EXPECT_DOUBLE_EQ(*a.injury_risk, 1);         // probable
  EXPECT_DOUBLE_EQ(*a.teammates_out_stat, 6);  // b only
  EXPECT_DOUBLE_EQ(*a.line_spread, 1.5);       // 7.0 - 5.5
  SameDay b = builder.of("b", "BOS", nullptr);
  EXPECT_DOUBLE_EQ(*b.teammates_missing_stat, 10);  // c (a has no game in `players`: 0)
  EXPECT_DOUBLE_EQ(*b.injury_risk, 3);
  EXPECT_DOUBLE_EQ(*b.teammates_out_stat, 0);
  EXPECT_FALSE(b.line_spread);
  SameDay n = builder.of("n", "NYK", nullptr);  // NYK: no games, unknown; not reported: 0
  EXPECT_FALSE(n.teammates_missing_stat);
  EXPECT_DOUBLE_EQ(*n.injury_risk, 0);
  EXPECT_DOUBLE_EQ(*n.teammates_out_stat, 0);  // e is doubtful but n's stat sum: e has no games
  // Without a report of D, the injury features are missing.
  SameDayBuilder no_report(reb, d, players, teams, nullptr);
  SameDay x = no_report.of("a", "BOS", &offers);
  EXPECT_FALSE(x.injury_risk);
  EXPECT_FALSE(x.teammates_out_stat);
  EXPECT_DOUBLE_EQ(*x.teammates_missing_stat, 16);
}

// Rows of a small season: three BOS games with a, b, c, then b misses 11-07; on 11-09 a's row
// counts b missing. The report and offers of 11-09 move 11-09's rows only, and the pre-game rows
// of 11-09 (market_rows_of_date) are the played rows.
TEST(MarketSameDay, RowsSeeTheirOwnDatesReportAndOffersOnly) {
  const MarketDef& reb = *find_market("rebounds");
  Date d1 = day(2024, 11, 1), d2 = day(2024, 11, 3), d3 = day(2024, 11, 5), d4 = day(2024, 11, 7),
       d5 = day(2024, 11, 9);
  MarketInputs in;
  for (Date d : {d1, d2, d3}) {
    for (const char* p : {"a", "b", "c"}) in.games.push_back(game(d, p, "BOS", 5, 30));
    in.games.push_back(game(d, "n", "NYK", 7, 30));
  }
  for (Date d : {d4, d5}) {
    for (const char* p : {"a", "c"}) in.games.push_back(game(d, p, "BOS", 5, 30));
    in.games.push_back(game(d, "n", "NYK", 7, 30));
  }
  auto rows = market_rows(reb, in);
  auto row = [&](const std::vector<MarketRow>& rs, Date d, const std::string& p) {
    for (const MarketRow& r : rs) {
      if (r.date == d && r.player == p) return r;
    }
    ADD_FAILURE() << "no row";
    return MarketRow{};
  };
  EXPECT_TRUE(std::isnan(feature(row(rows, d3, "a").x, F::kTeammatesMissingStat)));  // 2 games
  EXPECT_FLOAT_EQ(feature(row(rows, d4, "a").x, F::kTeammatesMissingStat), 0);
  EXPECT_FLOAT_EQ(feature(row(rows, d5, "a").x, F::kTeammatesMissingStat), 5);  // b, mean 5
  EXPECT_FLOAT_EQ(feature(row(rows, d5, "a").x, F::kTeammatesMissingMinutes), 30);
  EXPECT_TRUE(std::isnan(feature(row(rows, d5, "a").x, F::kInjuryRisk)));

  MarketInputs with = in;
  with.injuries[d5.days] = {{"a", "BOS", "questionable"}, {"c", "BOS", "out"}};
  with.offers[{d5.days, "a"}] = {{"draftkings", 4.5, -110, -110}, {"fanduel", 5.5, -110, -110}};
  auto rows_with = market_rows(reb, with);
  ASSERT_EQ(rows_with.size(), rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].date == d5) continue;
    for (size_t f = 0; f < kMarketFeatureCount; ++f) {
      EXPECT_TRUE(same(rows[i].x[f], rows_with[i].x[f])) << i << " " << f;
    }
  }
  MarketRow a5 = row(rows_with, d5, "a");
  EXPECT_FLOAT_EQ(feature(a5.x, F::kInjuryRisk), 2);
  EXPECT_FLOAT_EQ(feature(a5.x, F::kTeammatesOutStat), 5);  // c
  EXPECT_FLOAT_EQ(feature(a5.x, F::kLineSpread), 1);
  EXPECT_FLOAT_EQ(feature(row(rows_with, d5, "n").x, F::kInjuryRisk), 0);

  std::vector<MarketCandidate> candidates = {{"a", "BOS", "NYK", true}, {"n", "NYK", "BOS", false}};
  auto pre = market_rows_of_date(reb, with, d5, candidates);
  ASSERT_EQ(pre.size(), 2u);
  for (size_t k = 0; k < 2; ++k) {
    MarketRow want = row(rows_with, d5, candidates[k].player);
    for (size_t f = 0; f < kMarketFeatureCount; ++f) {
      EXPECT_TRUE(same(pre[k].x[f], want.x[f])) << k << " " << f;
    }
  }
}

// load_market_injuries keeps per date and player the latest row before his game's tip-off (the
// store's key allows no two rows of a player at one report time); a row at or after tip-off never
// counts, and a date whose rows all came after it has no report.
TEST(MarketSameDay, TheInjuryReportIsTheLatestStatusBeforeTipOff) {
  testing::TempDir dir;
  std::string db = (dir.path() / "s.db").string();
  auto store = open_store(db);
  testing::sql_exec(
      db,
      "insert into games (game_id, game_date, season, season_type, home_team, away_team, "
      "tipoff_utc, status, source) values ('g1', '2025-01-10', 2024, 'regular', 'BOS', 'NYK', "
      "'2025-01-11T00:30:00Z', 'scheduled', 'test'), ('g2', '2025-01-11', 2024, 'regular', "
      "'LAL', 'MIA', '2025-01-12T03:00:00Z', 'scheduled', 'test');"
      "insert into injuries (report_utc, game_date, team_abbr, player_lookup, player_name, "
      "status) values "
      "('2025-01-10T18:00:00Z', '2025-01-10', 'BOS', 'a', 'A', 'questionable'),"
      "('2025-01-10T22:00:00Z', '2025-01-10', 'BOS', 'a', 'A', 'out'),"
      "('2025-01-11T00:30:00Z', '2025-01-10', 'BOS', 'a', 'A', 'available'),"  // at tip-off
      "('2025-01-10T19:00:00Z', '2025-01-10', 'NYK', 'b', 'B', 'doubtful'),"
      "('2025-01-10T20:00:00Z', '2025-01-10', 'NYK', 'b', 'B', 'probable'),"
      "('2025-01-12T04:00:00Z', '2025-01-11', 'LAL', 'c', 'C', 'out')");  // after tip-off
  InjuryReports all = load_market_injuries(*store);
  ASSERT_EQ(all.size(), 1u);
  const auto& day1 = all.at(day(2025, 1, 10).days);
  ASSERT_EQ(day1.size(), 2u);
  EXPECT_EQ(day1[0].player, "a");
  EXPECT_EQ(day1[0].status, "out");
  EXPECT_EQ(day1[0].team, "BOS");
  EXPECT_EQ(day1[1].player, "b");
  EXPECT_EQ(day1[1].status, "probable");  // the later report, though less severe
  EXPECT_TRUE(load_market_injuries(*store, {{day(2025, 1, 11), day(2025, 1, 12)}}).empty());
}

}  // namespace
}  // namespace nbaprops::predict::markets
