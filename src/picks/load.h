// Reading what best bets needs for D from the store: the candidates (every stored prediction
// of D with a line, any system and market, joined with the player's context of D, the
// opponent's paint rank among D's teams, the game's tip-off and the player's name) and the
// picks of D already published. The stage and the `picks` command call these; best_bets()
// stays a pure function of what they return. Throws StoreError.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "core/record.h"
#include "picks/best_bets.h"
#include "store/store.h"

namespace nbaprops::picks {

// In (system, player, game) order. A prediction row's `market` and `p_over` are read when
// its table has those columns (else market "points", no P(over)).
std::vector<Candidate> load_candidates(Store& store, Date d);

// What a candidate takes from the player's context of D (upcoming_player_game_context): a
// compact record read over the stored table, each column a projection of the table's declared
// record (tests/unit/phase3_records_test.cpp).
struct PlayerContextView {
  std::string player_lookup;
  std::optional<bool> home_game;
  std::optional<std::string> injury_status;
  std::optional<double> points_avg_last_5, points_avg_last_10, minutes_avg_last_5,
      minutes_avg_last_10;
  int64_t l10_games_used = 0;
  std::optional<double> opening_points_line, line_movement;
  std::optional<int64_t> star_teammates_out, prop_over_streak, prop_under_streak;
  std::optional<bool> back_to_back;
};
const Record<PlayerContextView>& player_context_view();

// player_lookup -> player_name of every stored player.
std::unordered_map<std::string, std::string> player_names(Store& store);

// The stored best_bets of D, in key order.
std::vector<Pick> load_published(Store& store, Date d);

}  // namespace nbaprops::picks
