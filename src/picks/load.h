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
#include "core/table_schema.h"
#include "picks/best_bets.h"
#include "store/store.h"

namespace nbaprops::picks {

// In (system, player, game) order. A prediction row's `market` and `p_over` are read when
// its table has those columns (else market "points", no P(over)). `predictions`: D's
// player_prop_predictions rows in key order, when the caller has them (the runner: the rows
// its predictions stage just wrote), read instead of the stored ones.
std::vector<Candidate> load_candidates(Store& store, Date d,
                                       const std::vector<Row>* predictions = nullptr);

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

// What a candidate takes from a player_prop_predictions row of D, a compact record built from
// the table it reads (as publish's grade_view): `market` is declared only when the table has
// it, `p_over` with the table's decimals only when it has it. Cells as stored; the loader
// skips a row whose line or edge is NULL.
struct CandidatePredictionView {
  std::string system_id;
  std::optional<std::string> market;
  std::string player_lookup, game_id;
  std::optional<std::string> team_abbr, opponent_abbr;
  std::optional<double> line;
  std::optional<std::string> bookmaker, line_snapshot_at;
  std::optional<int64_t> over_price, under_price;
  double predicted_points = 0, confidence = 0;
  std::optional<double> edge;
  std::string recommendation;
  std::optional<double> p_over;
};
Record<CandidatePredictionView> candidate_prediction_view(const TableSchema& table);

// What a candidate takes from a `games` row of D: the tip-off of its game.
struct GameTipoffView {
  std::string game_id;
  std::optional<std::string> tipoff_utc;  // NULL: no tip-off
};
const Record<GameTipoffView>& game_tipoff_view();

// What player_names reads of a `players` row.
struct PlayerNameView {
  std::string player_lookup, player_name;
};
const Record<PlayerNameView>& player_name_view();

// player_lookup -> player_name of every stored player.
std::unordered_map<std::string, std::string> player_names(Store& store);

// The stored best_bets of D, in key order.
std::vector<Pick> load_published(Store& store, Date d);

}  // namespace nbaprops::picks
