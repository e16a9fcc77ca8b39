// What a team's dressed players are expected to do in a game: rotation, minutes, shots.
//
// plan_team() turns a set of dressed players into a rotation (who plays, with what chance,
// for how many minutes on average) and the usage factor that makes the team take its pace
// of shots. The game simulation draws around this plan; the markets price from it, using
// whatever players they believe will dress. Pure functions; thread-safe.
#pragma once

#include <vector>

#include "generate/roster.h"

namespace nbaprops::gen {

inline constexpr double kPaceFga = 88.0;  // team field-goal attempts per 240 minutes
inline constexpr double kRegulationMinutes = 240.0;

struct TeamPlan {
  int team = 0;
  double strength = 0;              // Roster::team_strength
  std::vector<int> players;         // dressed, by desired minutes, highest first
  std::vector<double> play_prob;    // chance each gets into the game
  std::vector<double> desired;      // minutes each would play if he plays
  std::vector<double> exp_minutes;  // expected minutes
  double usage_factor = 1;          // multiplies fga36 at the expected minutes
};

TeamPlan plan_team(const Roster& roster, int team, const std::vector<int>& dressed);

// Spreads `total` minutes over players in proportion to `weights`, none above `cap`.
// REQUIRES: a positive weight sum and cap * (players with weight) >= total.
std::vector<double> allocate_minutes(const std::vector<double>& weights, double total, double cap);

// Added to every field-goal percentage of `own` against `opp`.
double percentage_adjust(double own_strength, double opp_strength, bool home);

struct Expected {
  double minutes = 0, pts = 0, reb = 0, ast = 0, threes = 0;
};
// The expected box score of each of own.players (same order).
std::vector<Expected> expected_stats(const Roster& roster, const TeamPlan& own, const TeamPlan& opp,
                                     bool home);

// Chance that a made shot in a zone (0 paint, 1 mid-range, 2 three) was assisted.
double assist_probability(int zone);

}  // namespace nbaprops::gen
