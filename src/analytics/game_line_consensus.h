// Consensus game lines of one game for one team (02-analytics.md §4 "Consensus game lines").
//
// Per bookmaker, only snapshots before the game's cut-off count; its current value is at its
// latest such snapshot, its opening value at its earliest. A book's spread for the team is its
// row for the team, else the negated row of the opponent. The consensus is the median over
// books (even count: mean of the middle two); movement = current median - opening median.
// Pure function; thread-safe. Values are unrounded.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "analytics/inputs.h"

namespace nbaprops::analytics {

struct ConsensusLines {
  std::optional<double> spread, opening_spread, spread_movement;  // team-signed
  std::optional<double> total, opening_total, total_movement;
  int spread_books = 0, total_books = 0;  // books behind the current medians
  bool has_lines() const { return spread_books > 0 || total_books > 0; }
};

// `lines`: the game's game_lines rows; `team`, `opponent`: the two teams of the game.
ConsensusLines consensus_lines(std::span<const GameLine* const> lines, const std::string& team,
                               const std::string& opponent, Timestamp cutoff);

}  // namespace nbaprops::analytics
