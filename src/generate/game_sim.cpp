#include "generate/game_sim.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "generate/shot_geometry.h"

namespace nbaprops::gen {
namespace {

constexpr double kBlockProbability[] = {0.19, 0.07, 0.03};

// One team's running state during the game; vectors are in plan order.
struct Side {
  const TeamPlan* plan = nullptr;
  std::vector<Rates> rates;
  std::vector<bool> plays;
  std::vector<double> form, hot;
  std::vector<int> minutes_x100;  // whole game
  std::vector<StatLine> stats;
  double adjust = 0;
};

// Turns minutes into hundredths that sum exactly to total_x100 (largest remainders).
std::vector<int> to_hundredths(const std::vector<double>& minutes, int total_x100) {
  std::vector<int> out(minutes.size());
  std::vector<std::pair<double, int>> frac;
  int sum = 0;
  for (size_t i = 0; i < minutes.size(); ++i) {
    double v = minutes[i] * 100.0;
    out[i] = static_cast<int>(std::floor(v));
    sum += out[i];
    frac.push_back({v - out[i], static_cast<int>(i)});
  }
  std::sort(frac.begin(), frac.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (size_t k = 0; sum < total_x100 && !frac.empty(); k = (k + 1) % frac.size()) {
    if (minutes[frac[k].second] <= 0) continue;
    out[frac[k].second]++;
    sum++;
  }
  return out;
}

Side make_side(Rng& rng, const Roster& roster, const TeamPlan& plan, double adjust) {
  Side s;
  s.plan = &plan;
  s.adjust = adjust;
  for (size_t i = 0; i < plan.players.size(); ++i) {
    s.rates.push_back(rates_of(roster.traits(plan.players[i])));
    s.plays.push_back(rng.chance(plan.play_prob[i]));
    s.form.push_back(std::exp(rng.normal(0.0, 0.30)));
    s.hot.push_back(rng.normal(0.0, 0.03));
  }
  s.minutes_x100.assign(plan.players.size(), 0);
  s.stats.assign(plan.players.size(), StatLine{});
  return s;
}

std::vector<int> regulation_minutes(Rng& rng, const Side& s) {
  std::vector<double> w(s.plays.size(), 0.0);
  for (size_t i = 0; i < w.size(); ++i)
    if (s.plays[i]) w[i] = s.plan->desired[i] * std::exp(rng.normal(0.0, 0.15));
  return to_hundredths(allocate_minutes(w, kRegulationMinutes, 46.0), 24000);
}

std::vector<int> overtime_minutes(const Side& s) {
  std::vector<int> order;
  for (size_t i = 0; i < s.plays.size(); ++i)
    if (s.plays[i] && s.stats[i][kPf] < 6) order.push_back(static_cast<int>(i));
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return s.minutes_x100[a] != s.minutes_x100[b] ? s.minutes_x100[a] > s.minutes_x100[b] : a < b;
  });
  if (order.size() > 7) order.resize(7);
  std::vector<double> w(s.plays.size(), 0.0);
  for (int i : order) w[i] = s.minutes_x100[i];
  return to_hundredths(allocate_minutes(w, 25.0, 5.0), 2500);
}

int pick(Rng& rng, const std::vector<double>& weights) {
  double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  return total > 0 ? rng.weighted(weights) : -1;
}

struct Segment {
  int first_period, periods, period_seconds;
  double pace_fga;
};

// The team's attempts in a segment (about its pace), split among its players in
// proportion to usage, minutes and the day's form (sequential binomials).
std::vector<int> split_attempts(Rng& rng, const Side& s, const std::vector<int>& minutes_x100,
                                double pace_fga) {
  std::vector<double> w(s.rates.size());
  double total = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    w[i] = s.rates[i].fga36 * minutes_x100[i] * s.form[i];
    total += w[i];
  }
  int left = std::max(0, static_cast<int>(std::lround(pace_fga + rng.normal(0, 1.5))));
  std::vector<int> out(w.size(), 0);
  for (size_t i = 0; i < w.size() && total > 0; ++i) {
    out[i] = w[i] >= total ? left : rng.binomial(left, w[i] / total);
    left -= out[i];
    total -= w[i];
  }
  return out;
}

// Draws one player's attempts in a segment and appends his shots (zone, made).
void draw_attempts(Rng& rng, Side& s, size_t i, int fga, double minutes, double usage,
                   std::vector<Shot>& shots) {
  const Rates& r = s.rates[i];
  StatLine& st = s.stats[i];
  const int fg3a = rng.binomial(fga, r.three_rate);
  const int paint = rng.binomial(fga - fg3a, r.paint_share);
  const double adj = s.adjust + s.hot[i];
  const int made3 = rng.binomial(fg3a, std::clamp(r.three_pct + adj, 0.05, 0.9));
  const int made_paint = rng.binomial(paint, std::clamp(r.paint_pct + adj, 0.05, 0.95));
  const int made_mid = rng.binomial(fga - fg3a - paint, std::clamp(r.mid_pct + adj, 0.05, 0.9));
  st[kFga] += fga;
  st[kFg3a] += fg3a;
  st[kFg3m] += made3;
  st[kFgm] += made3 + made_paint + made_mid;
  auto add = [&](Zone z, int n, int made) {
    for (int k = 0; k < n; ++k) {
      Shot sh;
      sh.zone = z;
      sh.value = z == Zone::kThree ? 3 : 2;
      sh.made = k < made;
      sh.player = static_cast<int32_t>(i);  // plan position for now
      shots.push_back(sh);
    }
  };
  add(Zone::kThree, fg3a, made3);
  add(Zone::kPaint, paint, made_paint);
  add(Zone::kMidRange, fga - fg3a - paint, made_mid);
  const int fta = rng.poisson(std::sqrt(usage) * r.fta36 * minutes / 36.0);
  st[kFta] += fta;
  st[kFtm] += rng.binomial(fta, r.ft_pct);
  st[kOreb] += rng.poisson(r.oreb36 * minutes / 36.0);
  st[kDreb] += rng.poisson(r.dreb36 * minutes / 36.0);
  st[kStl] += rng.poisson(r.stl36 * minutes / 36.0);
  st[kTov] += rng.poisson(r.tov36 * usage * minutes / 36.0);
  st[kPf] = static_cast<int16_t>(std::min(6, st[kPf] + rng.poisson(r.pf36 * minutes / 36.0)));
}

// Plays one segment (regulation or an overtime) for both sides.
void play_segment(Rng& rng, const Roster& roster, std::array<Side, 2>& sides,
                  const std::array<std::vector<int>, 2>& seg_minutes, const Segment& seg,
                  int game_index, League& league) {
  for (int t = 0; t < 2; ++t) {
    Side& s = sides[t];
    Side& opp = sides[1 - t];
    double fga36_min = 0;
    for (size_t i = 0; i < s.rates.size(); ++i)
      fga36_min += s.rates[i].fga36 * seg_minutes[t][i] / 100.0 / 36.0;
    const double usage = fga36_min > 0 ? seg.pace_fga / fga36_min : 1.0;
    std::vector<int> fga = split_attempts(rng, s, seg_minutes[t], seg.pace_fga);
    std::vector<Shot> shots;
    for (size_t i = 0; i < s.rates.size(); ++i) {
      if (seg_minutes[t][i] == 0) continue;
      draw_attempts(rng, s, i, fga[i], seg_minutes[t][i] / 100.0, usage, shots);
    }
    std::vector<double> ast_w(s.rates.size()), blk_w(opp.rates.size());
    for (size_t i = 0; i < ast_w.size(); ++i) ast_w[i] = s.rates[i].ast_weight * seg_minutes[t][i];
    for (size_t i = 0; i < blk_w.size(); ++i)
      blk_w[i] = opp.rates[i].blk_weight * seg_minutes[1 - t][i];
    rng.shuffle(shots);
    for (Shot& sh : shots) {
      const int zone = static_cast<int>(sh.zone);
      const int shooter = sh.player;
      if (sh.made && rng.chance(assist_probability(zone))) {
        std::vector<double> w = ast_w;
        w[shooter] = 0;
        int passer = pick(rng, w);
        if (passer >= 0) {
          s.stats[passer][kAst]++;
          sh.assisted_by = s.plan->players[passer];
        }
      } else if (!sh.made && rng.chance(kBlockProbability[zone])) {
        int blocker = pick(rng, blk_w);
        if (blocker >= 0) {
          opp.stats[blocker][kBlk]++;
          sh.blocked_by = opp.plan->players[blocker];
        }
      }
      sh.game = game_index;
      sh.team = static_cast<int8_t>(s.plan->team);
      sh.player = s.plan->players[shooter];
      sh.period = static_cast<uint8_t>(seg.first_period + rng.below(seg.periods));
      sh.seconds_left = static_cast<int16_t>(rng.below(seg.period_seconds + 1));
      place_shot(rng, sh);
      league.shots.push_back(sh);
    }
    for (size_t i = 0; i < s.rates.size(); ++i) s.minutes_x100[i] += seg_minutes[t][i];
  }
  (void)roster;
}

int team_points(const Side& s) {
  int pts = 0;
  for (const StatLine& st : s.stats) pts += 2 * st[kFgm] + st[kFg3m] + st[kFtm];
  return pts;
}

std::vector<int> plus_minus(Rng& rng, const Side& s, int margin) {
  std::vector<int> pm(s.stats.size(), 0);
  int sum = 0;
  std::vector<int> on;
  for (size_t i = 0; i < pm.size(); ++i) {
    if (s.minutes_x100[i] == 0) continue;
    on.push_back(static_cast<int>(i));
    pm[i] = static_cast<int>(std::lround(margin * s.minutes_x100[i] / 4800.0 + rng.normal(0, 4)));
    sum += pm[i];
  }
  for (size_t k = 0; sum != 5 * margin && !on.empty(); k = (k + 1) % on.size()) {
    int step = sum < 5 * margin ? 1 : -1;
    pm[on[k]] += step;
    sum += step;
  }
  return pm;
}

void write_rows(Rng& rng, const std::array<GameSide, 2>& in, const std::array<Side, 2>& sides,
                int game_index, int overtimes, League& league) {
  const int pts[2] = {team_points(sides[0]), team_points(sides[1])};
  for (int t = 0; t < 2; ++t) {
    const Side& s = sides[t];
    const int margin = pts[t] - pts[1 - t];
    std::vector<int> pm = plus_minus(rng, s, margin);
    TeamBox tb;
    tb.game = game_index;
    tb.team = static_cast<int8_t>(s.plan->team);
    tb.opponent = static_cast<int8_t>(sides[1 - t].plan->team);
    tb.is_home = t == 0;
    tb.minutes = static_cast<int16_t>(240 + 25 * overtimes);
    tb.plus_minus = static_cast<int16_t>(margin);
    int starters = 0;
    for (size_t i = 0; i < s.stats.size(); ++i) {
      PlayerBox b;
      b.game = game_index;
      b.player = s.plan->players[i];
      b.team = tb.team;
      if (s.minutes_x100[i] == 0) {
        b.status = PlayerStatus::kDnp;
        b.dnp_reason = "Coach's Decision";
        league.player_boxscores.push_back(std::move(b));
        continue;
      }
      b.starter = starters < 5;
      starters += 1;
      b.minutes_x100 = s.minutes_x100[i];
      b.stats = s.stats[i];
      b.stats[kReb] = static_cast<int16_t>(b.stats[kOreb] + b.stats[kDreb]);
      b.stats[kPts] = static_cast<int16_t>(2 * b.stats[kFgm] + b.stats[kFg3m] + b.stats[kFtm]);
      b.plus_minus = static_cast<int16_t>(pm[i]);
      for (size_t k = 0; k < kCountingStats; ++k) tb.stats[k] += b.stats[k];
      league.player_boxscores.push_back(std::move(b));
    }
    for (const RosterSpot& spot : in[t].spots) {
      if (spot.dressed) continue;
      PlayerBox b;
      b.game = game_index;
      b.player = spot.player;
      b.team = tb.team;
      b.status = PlayerStatus::kInactive;
      b.dnp_reason = spot.inactive_reason;
      league.player_boxscores.push_back(std::move(b));
    }
    league.team_boxscores.push_back(tb);
  }
  Game& g = league.games[game_index];
  g.home_score = pts[0];
  g.away_score = pts[1];
  g.overtimes = overtimes;
}

}  // namespace

std::array<PlayedMinutes, 2> simulate_game(Rng& rng, const Roster& roster, int game_index,
                                           const std::array<GameSide, 2>& in, League& league) {
  std::array<Side, 2> sides;
  for (int t = 0; t < 2; ++t) {
    double adj = percentage_adjust(in[t].plan.strength, in[1 - t].plan.strength, t == 0);
    sides[t] = make_side(rng, roster, in[t].plan, adj);
  }
  const double pace = kPaceFga * std::exp(rng.normal(0.0, 0.05));
  play_segment(rng, roster, sides,
               {regulation_minutes(rng, sides[0]), regulation_minutes(rng, sides[1])},
               {1, 4, 720, pace}, game_index, league);
  // Regulation scores are not recorded, so a one-point game may have been tied at the
  // buzzer: three in four of them go to overtime, which keeps the overtime rate near 6 %.
  int overtimes = 0;
  const int regulation_margin = std::abs(team_points(sides[0]) - team_points(sides[1]));
  bool tied = regulation_margin == 0 || (regulation_margin == 1 && rng.chance(0.75));
  while (tied && overtimes < 6) {
    ++overtimes;
    play_segment(rng, roster, sides, {overtime_minutes(sides[0]), overtime_minutes(sides[1])},
                 {4 + overtimes, 1, 300, pace * 25.0 / 240.0}, game_index, league);
    tied = team_points(sides[0]) == team_points(sides[1]);
  }
  if (team_points(sides[0]) == team_points(sides[1])) {
    sides[0].stats[0][kFta]++;  // a last free throw settles a seventh tie
    sides[0].stats[0][kFtm]++;
  }
  write_rows(rng, in, sides, game_index, overtimes, league);
  std::array<PlayedMinutes, 2> played;
  for (int t = 0; t < 2; ++t)
    for (size_t i = 0; i < sides[t].stats.size(); ++i)
      if (sides[t].minutes_x100[i] > 0) {
        played[t].players.push_back(sides[t].plan->players[i]);
        played[t].minutes.push_back(sides[t].minutes_x100[i] / 100.0);
      }
  return played;
}

}  // namespace nbaprops::gen
