// Reading what best bets needs for D from the store: the candidates (every stored prediction
// of D with a line, any system and market, joined with the player's context of D, the
// opponent's paint rank among D's teams, the game's tip-off and the player's name) and the
// picks of D already published. The stage and the `picks` command call these; best_bets()
// stays a pure function of what they return. Throws StoreError.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "picks/best_bets.h"
#include "store/store.h"

namespace nbaprops::picks {

// In (system, player, game) order. A prediction row's `market` and `p_over` are read when
// its table has those columns (else market "points", no P(over)).
std::vector<Candidate> load_candidates(Store& store, Date d);

// player_lookup -> player_name of every stored player.
std::unordered_map<std::string, std::string> player_names(Store& store);

// The stored best_bets of D, in key order.
std::vector<Pick> load_published(Store& store, Date d);

}  // namespace nbaprops::picks
