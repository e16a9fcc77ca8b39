// The league's people: synthetic players with persistent traits, team rosters, aging,
// retirement, rookies, off-season moves and in-season trades.
//
// A Roster owns every player ever created (indices are stable; they become
// League::players) and which team each is on. All randomness comes from the Rng the caller
// passes, so the same calls in the same order give the same league. Not thread-safe.
#pragma once

#include <array>
#include <string>
#include <unordered_set>
#include <vector>

#include "generate/rng.h"
#include "generate/tables.h"

namespace nbaprops::gen {

inline constexpr int kTeams = 30;
inline constexpr int kRosterSize = 15;

enum class Role : uint8_t { kGuard, kForward, kCenter };

// What a player is like. skill ages; the rest are tendencies fixed at creation.
struct Traits {
  Role role = Role::kGuard;
  double skill = 0;       // overall quality, about N(0, 1) across the league
  double usage_pref = 0;  // shots taken beyond what skill implies
  double touch = 0;       // shooting touch added to field-goal percentages
  double three_pref = 0;  // added to the role's three-point attempt share
  double ft_touch = 0;    // added to free-throw percentage
  double reb_mult = 1, ast_mult = 1, blk_mult = 1;
  double proneness = 1;  // injury-rate multiplier
};

// Per-36-minute rates and percentages derived from Traits (one function, used by the
// simulation and by the market so both agree on what a player is expected to do).
struct Rates {
  double minutes;            // desired minutes when healthy
  double fga36, three_rate;  // field-goal attempts per 36; share that are threes
  double paint_share;        // share of 2-point attempts from the paint
  double paint_pct, mid_pct, three_pct;
  double fta36, ft_pct;
  double oreb36, dreb36, ast_weight, stl36, blk_weight, tov36, pf36;
};
Rates rates_of(const Traits& t);

class Roster {
 public:
  // Creates 30 teams of 15 players for the first season.
  Roster(Rng& rng, int first_season);

  // Ages everyone by a year, retires some, drafts rookies to refill rosters to 15 and
  // moves some players between teams. Call before each season after the first.
  void start_season(Rng& rng, int season);
  // Swaps two players of similar skill between two random teams; returns the pair.
  std::array<int, 2> trade(Rng& rng);

  const std::vector<Player>& players() const { return players_; }
  std::vector<Player> release_players() { return std::move(players_); }
  const Traits& traits(int player) const { return traits_[player]; }
  const std::vector<int>& team_players(int team) const { return rosters_[team]; }
  int team_of(int player) const { return team_of_[player]; }
  // The team's quality: minutes-weighted skill of its top eight.
  double team_strength(int team) const;

 private:
  int create_player(Rng& rng, int season, int age, double skill_mean);
  std::string unique_name(Rng& rng);

  std::vector<Player> players_;
  std::vector<Traits> traits_;
  std::vector<int> team_of_;
  std::array<std::vector<int>, kTeams> rosters_;
  std::unordered_set<std::string> lookups_;
};

}  // namespace nbaprops::gen
