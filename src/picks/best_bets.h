// Best bets (Phase 6, docs/publishing.md): from every candidate of D (each system and
// market's prediction with a line), the picks a person should look at tonight.
//
//   1. filters (filters.h), in order; a failing candidate becomes a removal named by the first
//      filter it fails, so each filter's counterfactual can be graded later;
//   2. the survivors in strength order (expected value when known, else |edge|; then
//      confidence, player, system), kept while the caps allow (per player, per game, per day);
//      a candidate over a cap becomes a removal named by the cap;
//   3. locking: a pick already published for D is never changed. It stays as published when
//      its candidate of this run still passes the filters on the same side, otherwise it is
//      VOIDED with a reason (a voided pick stays voided). Active published picks count against
//      the caps before any new pick.
//
// Pure and deterministic (same inputs, same output in the same order); any thread.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "picks/candidate.h"
#include "picks/filters.h"

namespace nbaprops::picks {

inline constexpr const char* kActive = "ACTIVE";
inline constexpr const char* kVoided = "VOIDED";

struct Pick {
  Candidate c;       // the values as published
  std::string side;  // OVER or UNDER
  std::optional<int64_t> price;
  std::optional<double> ev;
  double strength = 0;
  std::vector<std::string> reasons;
  std::string status = kActive;
  std::optional<std::string> void_reason;
  std::string first_published_at;  // UTC timestamp
};

struct Removal {
  Candidate c;
  std::string removed_by;           // a filter or cap name
  std::vector<std::string> failed;  // every filter it fails (empty for a cap)
  std::string reason;               // the first one's, in words
};

struct BestBets {
  std::vector<Pick> picks;       // published first (in their stored order), then new ones
  std::vector<Removal> removed;  // in candidate order
};

// The key of a pick or candidate: system, market, player, game.
bool same_prediction(const Candidate& a, const Candidate& b);

// The picks of D. `published`: the picks of D already stored (locked). `now`: the
// first_published_at of new picks.
BestBets best_bets(const std::vector<Candidate>& candidates, const std::vector<Pick>& published,
                   const PickConfig& config, const std::string& now);

// Whether another candidate of the same player and market, from another system, is at least
// `disagree_edge` points on the other side of its line. One flag per candidate.
std::vector<bool> disagreement(const std::vector<Candidate>& candidates, double disagree_edge);

// Strength order: with an expected value before without, then strength, confidence, player,
// system (descending strength and confidence).
bool stronger(const Candidate& a, const Candidate& b);

}  // namespace nbaprops::picks
