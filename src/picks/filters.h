// The best-bets filters (Phase 6, docs/publishing.md "Filters"), declared once as data: each
// entry has a name (stored as `removed_by` in best_bet_removals and graded as a counterfactual
// in performance.json), a sentence for people, and a test. A candidate is removed by the first
// filter, in this order, whose test fails; every other failing filter is listed too.
// Pure; immutable; any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "picks/candidate.h"

namespace nbaprops::picks {

// The thresholds in force. The defaults are written down in docs/publishing.md.
struct PickConfig {
  double min_edge = 2.0;  // |edge| in points, when the candidate has no expected value
  double min_ev = 0.02;   // expected profit per unit, when it has one (P(over) known)
  double max_edge = 8.0;  // |edge| in points above which a model or line error is likelier

  double disagree_edge = 1.0;     // another system of the same player and market at least this far
                                  // on the other side of the line
  double unstable_minutes = 6.0;  // |minutes last 5 - minutes last 10|
  int min_l10_games = 5;          // games of the last 10 played
  double moved_line = 1.5;        // |current - opening line|
  double stale_hours = 24.0;      // line snapshot this long before tip-off
  int per_game = 3, per_player = 1, per_day = 10;  // caps
};

// What a filter sees besides the candidate: whether another system disagrees on direction.
struct FilterContext {
  const PickConfig* config = nullptr;
  bool systems_disagree = false;
};

struct Filter {
  std::string_view name;
  std::string_view description;
  // The reason the candidate fails (plain language), or nullopt when it passes.
  std::optional<std::string> (*test)(const Candidate&, const FilterContext&);
};

// The filters, in the order they apply.
const std::vector<Filter>& pick_filters();
// The caps, applied in strength order after the filters: names of best_bet_removals.removed_by.
inline constexpr std::string_view kCapPerPlayer = "cap_per_player";
inline constexpr std::string_view kCapPerGame = "cap_per_game";
inline constexpr std::string_view kCapPerDay = "cap_per_day";

// The names of the filters a candidate fails, in filter order, with their reasons.
struct FilterVerdict {
  std::vector<std::string> failed;   // filter names
  std::vector<std::string> reasons;  // one per failed filter
};
FilterVerdict apply_filters(const Candidate& c, const FilterContext& ctx);

}  // namespace nbaprops::picks
