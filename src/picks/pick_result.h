// How a pick (or a removed candidate) did: graded at its own line and price from the
// prediction's grade row (prediction_grades: actual points, or voided). Pure; any thread.
#pragma once

#include <optional>
#include <string>

namespace nbaprops::picks {

// What prediction_grades says about the player's game: nothing yet (pending), voided, or
// the actual points.
struct GameOutcome {
  bool graded = false;
  bool voided = false;
  std::optional<std::string> void_reason;
  std::optional<double> actual;
};

struct PickResult {
  std::string result;  // WIN, LOSS, PUSH, VOID or PENDING
  std::optional<double> actual;
  double profit = 0;  // units at the price (-110 when none); 0 for VOID and PENDING
  std::optional<std::string> void_reason;
};

// `voided_pick`: the pick itself was voided before tip-off (best_bets status VOIDED).
// E.g. OVER 22.5 at -110, 25 points: WIN, +0.9091.
PickResult grade_pick(const std::string& side, double line, std::optional<int64_t> price,
                      bool voided_pick, const GameOutcome& game);

// Wins, losses, pushes, voids, pendings and profit of a set of results; hit rate and ROI
// when something was decided.
struct Record {
  int wins = 0, losses = 0, pushes = 0, voided = 0, pending = 0;
  double profit = 0;
  void add(const PickResult& r);
  int decided() const { return wins + losses; }
  // wins / (wins + losses) in percent, 2 decimals; nullopt when none decided.
  std::optional<double> hit_rate() const;
  // profit / (wins + losses + pushes) in percent, 2 decimals; nullopt when none staked.
  std::optional<double> roi() const;
};

}  // namespace nbaprops::picks
