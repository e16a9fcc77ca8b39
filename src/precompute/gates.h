// Steps shared by the Phase 4 processors (03-precompute.md §1): days since opening night, the
// completeness gate (INCOMPLETE_DATA) with its reason, the "fewer games than the minimum"
// failure, the loop over UPGC players, hard ranges. (The completeness block of a row is
// completeness_record.h.) Pure functions; thread-safe.
#pragma once

#include <algorithm>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "analytics/processor.h"
#include "core/record.h"
#include "precompute/phase4_inputs.h"

namespace nbaprops::precompute {

// D − opening night of season(D) in days; nullopt when the season has no regular-season game.
std::optional<int> days_since_opening(const Phase4Inputs& in);

// The entity's checker result, or nullptr (not checked, or the entity was not asked for).
const EntityCompleteness* team_completeness(const Phase4Inputs& in, const std::string& team);
const EntityCompleteness* player_completeness(const Phase4Inputs& in, const std::string& player);

// INCOMPLETE_DATA when completeness is checked, D is not in bootstrap mode and the entity is
// not production-ready; the reason names the first window that is not ready, e.g.
// "Completeness 60.0% (6/10) in l10".
std::optional<analytics::FailedEntity> completeness_gate(const Phase4Inputs& in,
                                                         const EntityCompleteness* entity,
                                                         const std::string& entity_type,
                                                         const std::string& entity_id);

// Fewer than `minimum` games: EXPECTED_INCOMPLETE (can_retry false) when the raw data has
// fewer than `minimum` too, else INSUFFICIENT_DATA (can_retry true). Reason e.g.
// "Only 4 games, need 7 (raw data has 9)".
analytics::FailedEntity too_few_games(const std::string& entity_type, const std::string& entity_id,
                                      int games, int minimum, int raw_games);

// A UPGC row without team, opponent or game (`reason` names what it lacks): MISSING_UPSTREAM,
// except when the team is what it lacks and the player has no box-score row of season(D)
// before D (the raw data confirms he has not played yet: the opening-night case,
// docs/tonight.md), which is EXPECTED_INCOMPLETE.
analytics::FailedEntity missing_upgc_key(const Phase4Inputs& in, const std::string& player,
                                         bool team_missing, const std::string& reason);

// Reads every UPGC row of D through `view` (a record with a player_lookup member; bound
// once), then calls `row_of` for each player in key order and collects its row or failure; an
// exception of `row_of` becomes a PROCESSING_ERROR failure of that player. A UPGC row that
// the view refuses (a width other than the table's, a cell of the wrong type) throws
// std::invalid_argument before any player is computed.
template <class V>
analytics::ProcessorOutput for_each_upgc_player(
    const Phase4Inputs& in, const Record<V>& view,
    const std::function<std::variant<Row, analytics::FailedEntity>(const V&)>& row_of) {
  std::vector<V> entities = in.upgc.read_all(view);
  std::sort(entities.begin(), entities.end(),
            [](const V& a, const V& b) { return a.player_lookup < b.player_lookup; });
  return analytics::collect_entities(in.parallel, entities.size(), [&](size_t i) {
    const V& upgc = entities[i];
    try {
      return row_of(upgc);
    } catch (const std::exception& e) {
      return std::variant<Row, analytics::FailedEntity>(analytics::FailedEntity{
          "player", upgc.player_lookup, "PROCESSING_ERROR", e.what(), false});
    }
  });
}

// A hard-range check: the value (when present) must be in [lo, hi]. Appends
// "<name> = <value> outside [lo, hi]" to `problems` otherwise.
void check_range(std::string& problems, const char* name, std::optional<double> value, double lo,
                 double hi);

}  // namespace nbaprops::precompute
