#include "generate/projection.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace nbaprops::gen {
namespace {

double play_probability(size_t rank) {
  if (rank < 9) return 1.0;
  if (rank == 9) return 0.75;
  if (rank == 10) return 0.45;
  return 0.25;
}

}  // namespace

std::vector<double> allocate_minutes(const std::vector<double>& weights, double total, double cap) {
  std::vector<double> out(weights.size(), 0.0);
  std::vector<bool> capped(weights.size(), false);
  double left = total;
  for (int round = 0; round < 20; ++round) {
    double sum = 0;
    for (size_t i = 0; i < weights.size(); ++i)
      if (!capped[i]) sum += weights[i];
    if (sum <= 0) break;
    bool changed = false;
    for (size_t i = 0; i < weights.size(); ++i) {
      if (capped[i]) continue;
      out[i] = weights[i] * left / sum;
      if (out[i] > cap) {
        out[i] = cap;
        capped[i] = true;
        changed = true;
      }
    }
    if (!changed) break;
    left = total;
    for (size_t i = 0; i < weights.size(); ++i)
      if (capped[i]) left -= cap;
  }
  return out;
}

double percentage_adjust(double own_strength, double opp_strength, bool home) {
  return 0.016 * (own_strength - opp_strength) + (home ? 0.006 : -0.006);
}

double assist_probability(int zone) {
  static constexpr double kByZone[] = {0.52, 0.42, 0.80};
  return kByZone[zone];
}

TeamPlan plan_team(const Roster& roster, int team, const std::vector<int>& dressed) {
  TeamPlan plan;
  plan.team = team;
  plan.strength = roster.team_strength(team);
  plan.players = dressed;
  std::sort(plan.players.begin(), plan.players.end(), [&](int a, int b) {
    double ma = rates_of(roster.traits(a)).minutes, mb = rates_of(roster.traits(b)).minutes;
    return ma != mb ? ma > mb : a < b;
  });
  std::vector<double> weights;
  for (size_t i = 0; i < plan.players.size(); ++i) {
    double desired = rates_of(roster.traits(plan.players[i])).minutes;
    if (i >= 9) desired = std::min(desired, 10.0);
    plan.desired.push_back(desired);
    plan.play_prob.push_back(play_probability(i));
    weights.push_back(desired * plan.play_prob.back());
  }
  plan.exp_minutes = allocate_minutes(weights, kRegulationMinutes, 42.0);
  double fga = 0;
  for (size_t i = 0; i < plan.players.size(); ++i)
    fga += rates_of(roster.traits(plan.players[i])).fga36 * plan.exp_minutes[i] / 36.0;
  plan.usage_factor = fga > 0 ? kPaceFga / fga : 1.0;
  return plan;
}

std::vector<Expected> expected_stats(const Roster& roster, const TeamPlan& own, const TeamPlan& opp,
                                     bool home) {
  const double adj = percentage_adjust(own.strength, opp.strength, home);
  std::vector<Expected> out(own.players.size());
  std::vector<double> ast_weight(own.players.size());
  double assisted_makes = 0;
  for (size_t i = 0; i < own.players.size(); ++i) {
    const Rates r = rates_of(roster.traits(own.players[i]));
    const double m = own.exp_minutes[i];
    const double fga = own.usage_factor * r.fga36 * m / 36.0;
    const double threes = fga * r.three_rate * (r.three_pct + adj);
    const double paint = fga * (1 - r.three_rate) * r.paint_share * (r.paint_pct + adj);
    const double mid = fga * (1 - r.three_rate) * (1 - r.paint_share) * (r.mid_pct + adj);
    const double ftm = std::sqrt(own.usage_factor) * r.fta36 * m / 36.0 * r.ft_pct;
    out[i].minutes = m;
    out[i].threes = threes;
    out[i].pts = 3 * threes + 2 * (paint + mid) + ftm;
    out[i].reb = (r.oreb36 + r.dreb36) * m / 36.0;
    assisted_makes += paint * assist_probability(0) + mid * assist_probability(1) +
                      threes * assist_probability(2);
    ast_weight[i] = r.ast_weight * m;
  }
  double total_weight = std::accumulate(ast_weight.begin(), ast_weight.end(), 0.0);
  for (size_t i = 0; i < out.size() && total_weight > 0; ++i)
    out[i].ast = assisted_makes * ast_weight[i] / total_weight;
  return out;
}

}  // namespace nbaprops::gen
