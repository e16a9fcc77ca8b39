#include "generate/markets.h"

#include <algorithm>
#include <cmath>

#include "generate/projection.h"
#include "generate/rng.h"

namespace nbaprops::gen {
namespace {

constexpr int kSnapshots = 3;
constexpr double kVig = 0.024;
constexpr double kMinMinutes = 20.0;
constexpr double kThreshold[] = {3.5, 0.0, 4.5, 1.4};  // by Market: assists points rebounds threes
constexpr double kMarketError[] = {0.35, 1.0, 0.5, 0.2};
constexpr double kSlope[] = {0.10, 0.045, 0.09, 0.2};  // probability per unit of edge

// The players a snapshot believes will dress.
std::vector<int> believed_dressed(const std::vector<RosterSpot>& spots, int snapshot) {
  std::vector<int> out;
  for (const RosterSpot& s : spots) {
    bool out_known = snapshot == 0   ? s.known_out_day_before
                     : snapshot == 1 ? s.known_out_game_day
                                     : !s.dressed;
    if (!out_known && (snapshot == 2 || s.dressed || !s.inactive_reason.starts_with("G League")))
      out.push_back(s.player);
  }
  // Players sent down or away are known to everyone.
  return out;
}

Timestamp snapshot_time(const Game& g, int snapshot) {
  if (snapshot == 0) return eastern_time_to_utc(g.game_date, 10, 0);
  if (snapshot == 1) return eastern_time_to_utc(g.game_date, 16, 0);
  return Timestamp{g.tipoff_utc.seconds - 40 * 60};
}

double value_of(const Expected& e, Market m) {
  switch (m) {
    case Market::kAssists:
      return e.ast;
    case Market::kPoints:
      return e.pts;
    case Market::kRebounds:
      return e.reb;
    case Market::kThrees:
      return e.threes;
  }
  return 0;
}

int16_t half_line_x2(double estimate) {
  return static_cast<int16_t>(2 * std::max(0.0, std::floor(estimate)) + 1);
}

void price_props(uint64_t seed, int game_index, int snapshot, const Game& g, const TeamPlan& plan,
                 const std::vector<Expected>& exp, League& league) {
  for (size_t i = 0; i < plan.players.size(); ++i) {
    if (exp[i].minutes < kMinMinutes) continue;
    const int player = plan.players[i];
    Rng noise = Rng::derive(
        seed, {0x50524f50ULL, static_cast<uint64_t>(game_index), static_cast<uint64_t>(player)});
    for (int m = 0; m < 4; ++m) {
      const Market market = static_cast<Market>(m);
      const double err = noise.normal(0.0, kMarketError[m]);
      std::array<bool, kBookmakers> offered{};
      std::array<double, kBookmakers> book_err{};
      for (int b = 0; b < kBookmakers; ++b) {
        offered[b] = noise.chance(m == 1 ? 0.8 : 0.6);
        book_err[b] = noise.normal(0.0, kMarketError[m] * 0.3);
      }
      const double base = value_of(exp[i], market) + err;
      if (value_of(exp[i], market) < kThreshold[m]) continue;
      for (int b = 0; b < kBookmakers; ++b) {
        if (!offered[b]) continue;
        const double est = std::max(0.3, base + book_err[b]);
        PropLine row;
        row.game = game_index;
        row.player = player;
        row.market = market;
        row.bookmaker = static_cast<Bookmaker>(b);
        row.line_x2 = half_line_x2(est);
        double p = std::clamp(0.5 + (est - row.line_x2 / 2.0) * kSlope[m], 0.3, 0.7);
        row.over_price = static_cast<int16_t>(american_price(p + kVig));
        row.under_price = static_cast<int16_t>(american_price(1 - p + kVig));
        row.snapshot_utc = snapshot_time(g, snapshot);
        league.prop_lines.push_back(row);
      }
    }
  }
}

int16_t round_half_x2(double v) {
  return static_cast<int16_t>(std::lround(v * 2.0));
}

void price_game_lines(uint64_t seed, int game_index, int snapshot, const Game& g, double home_pts,
                      double away_pts, League& league) {
  Rng noise = Rng::derive(seed, {0x47414d45ULL, static_cast<uint64_t>(game_index)});
  const double margin_err = noise.normal(0.0, 1.0), total_err = noise.normal(0.0, 2.0);
  for (int b = 0; b < kBookmakers; ++b) {
    const double m = home_pts - away_pts + margin_err + noise.normal(0.0, 0.3);
    const double t = home_pts + away_pts + total_err + noise.normal(0.0, 0.5);
    const int16_t home_x2 = static_cast<int16_t>(std::clamp<int>(round_half_x2(-m), -99, 99));
    const int shade = 5 * noise.between(-1, 1);
    const Timestamp when = snapshot_time(g, snapshot == 0 ? 0 : 2);
    const auto book = static_cast<Bookmaker>(b);
    league.game_lines.push_back({game_index, book, GameMarket::kSpread, static_cast<int8_t>(g.home),
                                 home_x2, static_cast<int16_t>(-110 + shade), when});
    league.game_lines.push_back({game_index, book, GameMarket::kSpread, static_cast<int8_t>(g.away),
                                 static_cast<int16_t>(-home_x2), static_cast<int16_t>(-110 - shade),
                                 when});
    league.game_lines.push_back({game_index, book, GameMarket::kTotal, -1,
                                 static_cast<int16_t>(std::clamp<int>(round_half_x2(t), 201, 699)),
                                 static_cast<int16_t>(-110 + shade), when});
  }
}

}  // namespace

int american_price(double probability) {
  const double q = std::clamp(probability, 0.01, 0.99);
  double v = q >= 0.5 ? -100.0 * q / (1.0 - q) : 100.0 * (1.0 - q) / q;
  int r = static_cast<int>(std::lround(v / 5.0)) * 5;
  if (r > -100 && r < 100) r = q >= 0.5 ? -100 : 100;
  return r;
}

void price_game(uint64_t seed, const Roster& roster, int game_index,
                const std::array<std::vector<RosterSpot>, 2>& spots, League& league) {
  const Game& g = league.games[game_index];
  const int teams[2] = {g.home, g.away};
  for (int snap = 0; snap < kSnapshots; ++snap) {
    std::array<TeamPlan, 2> plans;
    for (int t = 0; t < 2; ++t)
      plans[t] = plan_team(roster, teams[t], believed_dressed(spots[t], snap));
    double team_pts[2] = {0, 0};
    for (int t = 0; t < 2; ++t) {
      std::vector<Expected> exp = expected_stats(roster, plans[t], plans[1 - t], t == 0);
      for (const Expected& e : exp) team_pts[t] += e.pts;
      price_props(seed, game_index, snap, g, plans[t], exp, league);
    }
    if (snap != 1) price_game_lines(seed, game_index, snap, g, team_pts[0], team_pts[1], league);
  }
}

}  // namespace nbaprops::gen
