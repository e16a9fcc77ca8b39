// The completeness checker (03-precompute.md §2): for every entity and window, of the games
// it should have data for, how many have it. One pass per date D over the in-memory inputs;
// every processor that needs it reads the one result: the Phase 3 contexts (UPGC, UTGC) and
// every Phase 4 processor, hence it sits here, below both (precompute reads these names through
// precompute/phase4_inputs.h).
//
// Pure function of read-only inputs; the result is immutable and safe to read from any
// number of threads.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analytics/history.h"
#include "analytics/inputs.h"

namespace nbaprops::analytics {

struct CompletenessOptions {
  double threshold_pct = 70.0;  // ready = stored pct >= threshold
  int bootstrap_days = 30;
};

struct WindowCompleteness {
  std::string window;  // l5, l10, l7d, l14d, l30d (players); l7d, l14d, l15 (teams)
  int expected = 0, actual = 0;
  double pct = 100.0;  // stored value: 100 * actual / expected rounded to 1 decimal (100 when 0)
  bool complete = true, ready = true;
};

struct EntityCompleteness {
  std::vector<WindowCompleteness> windows;  // in the order above
  bool all_windows_complete = true;
  bool production_ready = true;  // bootstrap_mode OR every window ready
  // The primary window: l10 for players, l15 for teams.
  const WindowCompleteness& primary() const;
  const WindowCompleteness* window(const std::string& name) const;
};

class CompletenessResult {
 public:
  bool bootstrap_mode = false;
  std::optional<Date> opening_night;
  // nullptr for an entity that was not asked for.
  const EntityCompleteness* player(const std::string& player_lookup) const;
  const EntityCompleteness* team(const std::string& team_abbr) const;

  std::map<std::string, EntityCompleteness> players, teams;
};

// Runs the checker for D: every team of season(D) and the given players. Team windows count
// a game present when the team has a team_defense_game_summary row for it (history); player
// windows follow §2.2 (his team T and join date J from player_boxscores; presence by his own
// row, or T's box score loaded without dnp/inactive rows).
CompletenessResult check_completeness(const RawInputs& inputs, const Phase3History& history, Date d,
                                      std::span<const std::string> players,
                                      const CompletenessOptions& options = {});

}  // namespace nbaprops::analytics
