// Invariants of the synthetic league (issue 3): box-score identities, shots against box
// scores, schedule rules, injury reports against who played, market realism, as-of
// filtering and determinism.
#include <gtest/gtest.h>

#include "support/test_store.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "core/date.h"
#include "core/teams.h"
#include "generate/generator.h"
#include "generate/markets.h"
#include "generate/schedule.h"
#include "generate/shot_geometry.h"
#include "generate/writer.h"

namespace nbaprops::gen {
namespace {

const League& season() {
  static const League league = simulate_league({1, 7, std::nullopt, true});
  return league;
}

const PlayerBox* find_box(const League& l, int game, int player) {
  static std::map<std::pair<int, int>, const PlayerBox*> index;
  static const League* built_for = nullptr;
  if (built_for != &l) {
    index.clear();
    for (const auto& b : l.player_boxscores) index[{b.game, b.player}] = &b;
    built_for = &l;
  }
  auto it = index.find({game, player});
  return it == index.end() ? nullptr : it->second;
}

TEST(Generate, PlayerBoxScoresAreInternallyConsistent) {
  int active = 0, dnp = 0, inactive = 0;
  for (const PlayerBox& b : season().player_boxscores) {
    const auto& s = b.stats;
    if (b.status != PlayerStatus::kActive) {
      (b.status == PlayerStatus::kDnp ? dnp : inactive)++;
      EXPECT_FALSE(b.dnp_reason.empty());
      EXPECT_EQ(b.minutes_x100, 0);
      for (size_t k = 0; k < kCountingStats; ++k) EXPECT_EQ(s[k], 0);
      continue;
    }
    ++active;
    EXPECT_TRUE(b.dnp_reason.empty());
    EXPECT_EQ(s[kPts], 2 * s[kFgm] + s[kFg3m] + s[kFtm]);
    EXPECT_LE(s[kFgm], s[kFga]);
    EXPECT_LE(s[kFg3m], s[kFg3a]);
    EXPECT_LE(s[kFtm], s[kFta]);
    EXPECT_LE(s[kFg3m], s[kFgm]);
    EXPECT_LE(s[kFg3a], s[kFga]);
    EXPECT_EQ(s[kReb], s[kOreb] + s[kDreb]);
    EXPECT_LE(s[kPf], 6);
    for (size_t k = 0; k < kCountingStats; ++k) EXPECT_GE(s[k], 0);
    EXPECT_GT(b.minutes_x100, 0);
    EXPECT_LE(b.minutes_x100, 8000);
    EXPECT_LE(std::abs(b.plus_minus), 100);
  }
  EXPECT_GT(dnp, 0);
  EXPECT_GT(inactive, 0);
  EXPECT_GT(active, 10 * static_cast<int>(season().games.size()) * 2);
}

TEST(Generate, TeamTotalsAndMinutesAddUp) {
  const League& l = season();
  std::map<std::pair<int, int>, StatLine> sums;
  std::map<std::pair<int, int>, int> minutes, plus_minus, starters;
  for (const PlayerBox& b : l.player_boxscores) {
    auto key = std::make_pair(b.game, static_cast<int>(b.team));
    auto& sum = sums[key];
    for (size_t k = 0; k < kCountingStats; ++k) sum[k] += b.stats[k];
    minutes[key] += b.minutes_x100;
    plus_minus[key] += b.plus_minus;
    starters[key] += b.starter ? 1 : 0;
  }
  int overtime_games = 0;
  ASSERT_EQ(l.team_boxscores.size(), 2 * l.games.size());
  for (const TeamBox& t : l.team_boxscores) {
    auto key = std::make_pair(t.game, static_cast<int>(t.team));
    const Game& g = l.games[t.game];
    EXPECT_EQ(sums[key], t.stats);
    EXPECT_EQ(t.minutes, 240 + 25 * g.overtimes);
    EXPECT_EQ(minutes[key], 100 * t.minutes);
    EXPECT_EQ(plus_minus[key], 5 * t.plus_minus);
    EXPECT_EQ(starters[key], 5);
    const int own = t.is_home ? g.home_score : g.away_score;
    const int opp = t.is_home ? g.away_score : g.home_score;
    EXPECT_EQ(t.stats[kPts], own);
    EXPECT_EQ(t.plus_minus, own - opp);
    EXPECT_NE(own, opp);
    EXPECT_EQ(t.team, t.is_home ? g.home : g.away);
    if (t.is_home && g.overtimes > 0) ++overtime_games;
  }
  const double ot_rate = static_cast<double>(overtime_games) / l.games.size();
  EXPECT_GT(ot_rate, 0.02);
  EXPECT_LT(ot_rate, 0.10);
}

TEST(Generate, ShotsMatchBoxScores) {
  const League& l = season();
  std::map<std::pair<int, int>, std::array<int, 6>> by_player;  // fga fgm 3a 3m ast blk
  for (const Shot& s : l.shots) {
    auto& c = by_player[{s.game, s.player}];
    c[0]++;
    c[1] += s.made;
    c[2] += s.value == 3;
    c[3] += s.value == 3 && s.made;
    const PlayerBox* shooter = find_box(l, s.game, s.player);
    ASSERT_NE(shooter, nullptr);
    EXPECT_EQ(shooter->team, s.team);
    if (s.assisted_by >= 0) {
      EXPECT_TRUE(s.made);
      EXPECT_NE(s.assisted_by, s.player);
      const PlayerBox* passer = find_box(l, s.game, s.assisted_by);
      ASSERT_NE(passer, nullptr);
      EXPECT_EQ(passer->team, s.team);
      by_player[{s.game, s.assisted_by}][4]++;
    }
    if (s.blocked_by >= 0) {
      EXPECT_FALSE(s.made);
      const PlayerBox* blocker = find_box(l, s.game, s.blocked_by);
      ASSERT_NE(blocker, nullptr);
      EXPECT_NE(blocker->team, s.team);
      by_player[{s.game, s.blocked_by}][5]++;
    }
  }
  for (const PlayerBox& b : l.player_boxscores) {
    std::array<int, 6> want = {b.stats[kFga],  b.stats[kFgm], b.stats[kFg3a],
                               b.stats[kFg3m], b.stats[kAst], b.stats[kBlk]};
    std::array<int, 6> got = by_player[{b.game, b.player}];
    EXPECT_EQ(got, want) << l.games[b.game].game_id << " " << l.players[b.player].player_lookup;
  }
}

TEST(Generate, ShotGeometryAgreesWithZones) {
  const League& l = season();
  int assisted = 0, blocked = 0;
  for (const Shot& s : l.shots) {
    const double d = s.distance_x10 / 10.0;
    switch (s.zone) {
      case Zone::kPaint:
        EXPECT_EQ(s.value, 2);
        EXPECT_LE(d, 8.0);
        break;
      case Zone::kMidRange:
        EXPECT_EQ(s.value, 2);
        EXPECT_GT(d, 8.0);
        EXPECT_LT(d, 22.0);
        break;
      case Zone::kThree:
        EXPECT_EQ(s.value, 3);
        EXPECT_GE(d, 22.0);
        break;
    }
    EXPECT_LE(std::abs(s.loc_x_x10), 260);
    EXPECT_GE(s.loc_y_x10, -10);
    EXPECT_LE(s.loc_y_x10, 950);
    EXPECT_NEAR(location_distance(s), d, 0.15);
    const int periods = 4 + l.games[s.game].overtimes;
    EXPECT_GE(s.period, 1);
    EXPECT_LE(s.period, periods);
    EXPECT_GE(s.seconds_left, 0);
    EXPECT_LE(s.seconds_left, s.period <= 4 ? 720 : 300);
    assisted += s.assisted_by >= 0;
    blocked += s.blocked_by >= 0;
  }
  EXPECT_GT(assisted, static_cast<int>(l.shots.size()) / 5);
  EXPECT_GT(blocked, static_cast<int>(l.shots.size()) / 50);
}

std::vector<const Game*> regular_games(const League& l) {
  std::vector<const Game*> out;
  for (const Game& g : l.games)
    if (g.season_type == SeasonType::kRegular) out.push_back(&g);
  return out;
}

TEST(Generate, ScheduleFollowsTheNbaRules) {
  const auto games = regular_games(season());
  ASSERT_EQ(games.size(), 1230u);
  std::array<int, 30> played{}, home{};
  std::array<std::vector<int>, 30> days;
  for (const Game* g : games) {
    played[g->home]++;
    played[g->away]++;
    home[g->home]++;
    days[g->home].push_back(g->game_date.days);
    days[g->away].push_back(g->game_date.days);
    EXPECT_NE(g->home, g->away);
    EXPECT_EQ(eastern_date(g->tipoff_utc), g->game_date);
    const int64_t after_seven =
        g->tipoff_utc.seconds - eastern_time_to_utc(g->game_date, 19, 0).seconds;
    EXPECT_GE(after_seven, 0);
    EXPECT_LE(after_seven, 3.5 * 3600);
  }
  const Date asb = all_star_break_start(2024);
  int back_to_backs = 0, three_in_four = 0;
  for (int t = 0; t < 30; ++t) {
    EXPECT_EQ(played[t], 82) << all_teams()[t].abbr;
    EXPECT_EQ(home[t], 41) << all_teams()[t].abbr;
    auto& d = days[t];
    std::sort(d.begin(), d.end());
    for (size_t i = 1; i < d.size(); ++i) {
      EXPECT_NE(d[i], d[i - 1]) << "twice a day";
      back_to_backs += d[i] == d[i - 1] + 1;
      if (i >= 2) {
        EXPECT_FALSE(d[i] == d[i - 2] + 2) << "three days in a row";
      }
      if (i >= 2) three_in_four += d[i] - d[i - 2] <= 3;
      EXPECT_FALSE(d[i - 1] < asb.days && d[i] >= asb.days && d[i] - d[i - 1] < 7)
          << "All-Star break";
    }
  }
  // Real seasons have roughly 12-16 back-to-backs per team.
  EXPECT_GT(back_to_backs, 30 * 6);
  EXPECT_LT(back_to_backs, 30 * 22);
  EXPECT_GT(three_in_four, 30);
  const int span = games.back()->game_date.days - games.front()->game_date.days;
  EXPECT_GT(span, 160);
  EXPECT_LT(span, 185);
  EXPECT_EQ(format_date(games.front()->game_date).substr(0, 7), "2024-10");
}

TEST(Generate, TeamsMakeRoadTrips) {
  const auto games = regular_games(season());
  int longest = 0;
  for (int t = 0; t < 30; ++t) {
    int run = 0;
    for (const Game* g : games) {
      if (g->away == t) longest = std::max(longest, ++run);
      if (g->home == t) run = 0;
    }
  }
  EXPECT_GE(longest, 4);
}

TEST(Generate, GameIdsAndPostseason) {
  const League& l = season();
  std::set<std::string> ids;
  int playin = 0, playoffs = 0;
  const std::regex id_form("00[245]24[0-9]{5}");
  for (const Game& g : l.games) {
    EXPECT_TRUE(ids.insert(g.game_id).second);
    EXPECT_TRUE(std::regex_match(g.game_id, id_form)) << g.game_id;
    const char want = g.season_type == SeasonType::kRegular  ? '2'
                      : g.season_type == SeasonType::kPlayin ? '5'
                                                             : '4';
    EXPECT_EQ(g.game_id[2], want);
    playin += g.season_type == SeasonType::kPlayin;
    playoffs += g.season_type == SeasonType::kPlayoffs;
  }
  EXPECT_EQ(playin, 6);
  EXPECT_GE(playoffs, 60);
  EXPECT_LE(playoffs, 105);
  EXPECT_TRUE(ids.count("0022400001"));
  EXPECT_TRUE(ids.count("0022401230"));
}

TEST(Generate, PlayersHaveUniqueLookupsAndIds) {
  std::set<std::string> lookups;
  std::set<int> ids;
  const std::regex lookup_form("[a-z0-9]+");
  for (const Player& p : season().players) {
    EXPECT_TRUE(std::regex_match(p.player_lookup, lookup_form));
    EXPECT_TRUE(lookups.insert(p.player_lookup).second);
    EXPECT_TRUE(ids.insert(p.player_id).second);
  }
  EXPECT_EQ(season().players.size(), 450u);
}

TEST(Generate, InjuryReportsAgreeWithWhoPlayed) {
  const League& l = season();
  std::map<std::pair<int, int>, const InjuryRow*> latest;
  for (const InjuryRow& r : l.injuries) {
    ASSERT_LT(r.report_utc, l.games[r.game].tipoff_utc);
    auto& slot = latest[{r.game, r.player}];
    if (!slot || slot->report_utc < r.report_utc) slot = &r;
  }
  std::map<InjuryStatus, std::pair<int, int>> played;  // status -> (played, listed)
  for (const auto& [key, row] : latest) {
    const PlayerBox* b = find_box(l, key.first, key.second);
    // Available = dressed (active, or a coach's decision DNP); out must mean inactive.
    const bool dressed = b && b->status != PlayerStatus::kInactive;
    if (row->status == InjuryStatus::kOut) {
      EXPECT_FALSE(b && b->status == PlayerStatus::kActive);
    }
    played[row->status].first += dressed;
    played[row->status].second++;
  }
  EXPECT_GT(played[InjuryStatus::kOut].second, 100);
  EXPECT_EQ(played[InjuryStatus::kOut].first, 0);
  const auto [pp, pn] = played[InjuryStatus::kProbable];
  ASSERT_GT(pn, 20);
  EXPECT_GE(static_cast<double>(pp) / pn, 0.85);
  const auto [qp, qn] = played[InjuryStatus::kQuestionable];
  ASSERT_GT(qn, 20);
  EXPECT_GT(static_cast<double>(qp) / qn, 0.3);
  EXPECT_LT(static_cast<double>(qp) / qn, 0.8);
}

TEST(Generate, PointsLinesAreCloseToWhatHappened) {
  const League& l = season();
  double sum = 0, abs_sum = 0;
  int n = 0;
  for (const PropLine& p : l.prop_lines) {
    EXPECT_EQ(p.line_x2 % 2, 1);
    EXPECT_LT(p.snapshot_utc, l.games[p.game].tipoff_utc);
    for (int price : {p.over_price, p.under_price})
      EXPECT_TRUE((price >= 100 && price <= 100000) || (price <= -100 && price >= -100000));
    if (p.market != Market::kPoints) continue;
    const PlayerBox* b = find_box(l, p.game, p.player);
    if (!b || b->status != PlayerStatus::kActive) continue;
    const double diff = b->stats[kPts] - p.line_x2 / 2.0;
    sum += diff;
    abs_sum += std::abs(diff);
    ++n;
  }
  ASSERT_GT(n, 50000);
  EXPECT_NEAR(sum / n, 0.0, 1.0);
  EXPECT_GE(abs_sum / n, 4.5);
  EXPECT_LE(abs_sum / n, 6.0);
}

TEST(Generate, PropLineKeysAreUniqueAndMarketsVaried) {
  const League& l = season();
  std::set<std::tuple<int, int, int, int, int64_t>> keys;
  std::set<int> markets, books;
  for (const PropLine& p : l.prop_lines) {
    EXPECT_TRUE(keys.insert({l.games[p.game].game_date.days, p.player, static_cast<int>(p.market),
                             static_cast<int>(p.bookmaker), p.snapshot_utc.seconds})
                    .second);
    markets.insert(static_cast<int>(p.market));
    books.insert(static_cast<int>(p.bookmaker));
  }
  EXPECT_EQ(markets.size(), 4u);
  EXPECT_EQ(books.size(), 4u);
}

TEST(Generate, GameLinesAreWellFormed) {
  const League& l = season();
  std::map<std::tuple<int, int, int64_t>, int> spread_sum;
  for (const GameLine& g : l.game_lines) {
    const Game& game = l.games[g.game];
    EXPECT_LT(g.snapshot_utc, game.tipoff_utc);
    if (g.market == GameMarket::kTotal) {
      EXPECT_EQ(g.team, -1);
      EXPECT_GE(g.line_x2, 200);
      EXPECT_LE(g.line_x2, 700);
    } else {
      EXPECT_TRUE(g.team == game.home || g.team == game.away);
      EXPECT_LE(std::abs(g.line_x2), 100);
      spread_sum[{g.game, static_cast<int>(g.bookmaker), g.snapshot_utc.seconds}] += g.line_x2;
    }
  }
  for (const auto& [key, sum] : spread_sum) EXPECT_EQ(sum, 0);
}

TEST(Generate, AmericanPricesStayOutsideMinus100To100) {
  EXPECT_EQ(american_price(0.524), -110);
  EXPECT_EQ(american_price(0.5), -100);
  EXPECT_EQ(american_price(0.499), 100);
  EXPECT_EQ(american_price(0.4), 150);
}

TEST(Generate, AsOfOnlyFilters) {
  const Timestamp as_of = *parse_timestamp("2025-01-15T17:00:00Z");
  const League full = simulate_league({1, 7, std::nullopt, false});
  const League cut = simulate_league({1, 7, as_of, false});
  ASSERT_EQ(cut.games.size(), full.games.size());
  int scheduled = 0;
  for (size_t i = 0; i < cut.games.size(); ++i) {
    const Game &c = cut.games[i], &f = full.games[i];
    EXPECT_EQ(c.game_id, f.game_id);
    if (f.tipoff_utc > as_of) {
      EXPECT_FALSE(c.final);
      ++scheduled;
    } else {
      EXPECT_TRUE(c.final);
      EXPECT_EQ(c.home_score, f.home_score);
    }
  }
  EXPECT_GT(scheduled, 400);
  for (const PlayerBox& b : cut.player_boxscores) EXPECT_TRUE(cut.games[b.game].final);
  for (const Shot& s : cut.shots) EXPECT_TRUE(cut.games[s.game].final);
  auto before = [&](Timestamp t) { return t < as_of; };
  size_t props = 0, reports = 0;
  for (const PropLine& p : full.prop_lines) props += before(p.snapshot_utc);
  for (const InjuryRow& r : full.injuries) reports += before(r.report_utc);
  EXPECT_EQ(cut.prop_lines.size(), props);
  EXPECT_EQ(cut.injuries.size(), reports);
  for (const PropLine& p : cut.prop_lines) EXPECT_LT(p.snapshot_utc, as_of);
  size_t final_box = 0;
  for (const PlayerBox& b : full.player_boxscores)
    final_box += full.games[b.game].tipoff_utc <= as_of;
  EXPECT_EQ(cut.player_boxscores.size(), final_box);
}

TEST(Generate, SeasonsAgeTradeAndInjure) {
  const League l = simulate_league({2, 3, std::nullopt, false});
  std::set<int> rookies;
  for (size_t i = 0; i < l.players.size(); ++i)
    if (l.players[i].debut_season == 2024) rookies.insert(static_cast<int>(i));
  EXPECT_GT(rookies.size(), 20u);
  std::map<std::pair<int, int>, std::set<int>> teams_in_season;
  for (const PlayerBox& b : l.player_boxscores)
    teams_in_season[{l.games[b.game].season, b.player}].insert(b.team);
  int traded = 0;
  for (const auto& [key, teams] : teams_in_season) traded += teams.size() > 1;
  EXPECT_GE(traded, 4);
  // Someone misses a stretch: five straight team games listed out.
  std::map<int, std::vector<int>> out_games;
  for (const PlayerBox& b : l.player_boxscores)
    if (b.status == PlayerStatus::kInactive && b.dnp_reason.starts_with("Injury"))
      out_games[b.player].push_back(b.game);
  size_t longest = 0;
  for (const auto& [p, g] : out_games) longest = std::max(longest, g.size());
  EXPECT_GE(longest, 5u);
  const auto games = regular_games(l);
  EXPECT_EQ(games.size(), 2460u);
  EXPECT_EQ(games.front()->season, 2023);
}

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(Generate, SameSeedSameBytesOtherSeedDiffers) {
  testing::TempDir dir;  // unique per run: tests may run concurrently
  const auto base = dir.path();
  GenerateOptions opts{1, 11, parse_timestamp("2024-12-01T00:00:00Z"), false};
  auto a = generate_league(opts, base / "a");
  generate_league(opts, base / "b");
  opts.seed = 12;
  generate_league(opts, base / "c");
  ASSERT_EQ(a.size(), 8u);
  bool any_differs = false;
  for (const auto& t : a) {
    const std::string name = t.table + ".csv";
    const std::string fa = read_all(base / "a" / name);
    EXPECT_FALSE(fa.empty());
    EXPECT_EQ(fa, read_all(base / "b" / name)) << name;
    EXPECT_EQ(fa.find('\r'), std::string::npos);
    any_differs |= fa != read_all(base / "c" / name);
    const size_t lines = static_cast<size_t>(std::count(fa.begin(), fa.end(), '\n'));
    EXPECT_EQ(lines, t.rows + 1) << name;
  }
  EXPECT_TRUE(any_differs);
  const std::string games = read_all(base / "a" / "games.csv");
  EXPECT_EQ(games.substr(0, games.find('\n')),
            "game_id,game_date,season,season_type,home_team,away_team,tipoff_utc,status,"
            "home_score,away_score,neutral_site");
  EXPECT_NE(games.find(",scheduled,,,false\n"), std::string::npos);
}

TEST(Generate, CsvFieldsAreQuotedOnlyWhenNeeded) {
  EXPECT_EQ(csv_field("Coach's Decision"), "Coach's Decision");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
}

}  // namespace
}  // namespace nbaprops::gen
