// A best-bet candidate (Phase 6, docs/publishing.md): one stored prediction of one system and
// market for a player on D, with a line, joined with what the filters and the reasons read
// (his context of D, the opponent's rank among D's teams, the game's tip-off, his name).
// Plain value type; the functions here are pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"

namespace nbaprops::picks {

struct Candidate {
  // The prediction (player_prop_predictions of D).
  std::string system_id, market = "points";
  Date game_date;
  std::string player_lookup, game_id, team, opponent;
  std::optional<bool> home;  // the player's team at home (context of D)
  double line = 0;
  std::string bookmaker;
  std::optional<std::string> line_snapshot_at;  // UTC timestamp
  std::optional<int64_t> over_price, under_price;
  double predicted = 0, confidence = 0, edge = 0;
  std::string recommendation;  // the system's own: OVER, UNDER or PASS
  // Calibrated probability of the over, when the prediction carries one.
  std::optional<double> p_over;

  // Display.
  std::string player_name;
  std::optional<std::string> tipoff_utc;

  // Context (upcoming_player_game_context of D).
  std::optional<std::string> injury_status;
  std::optional<double> points_avg_last_5, points_avg_last_10;
  std::optional<double> minutes_avg_last_5, minutes_avg_last_10;
  int64_t l10_games_used = 0;
  std::optional<double> opening_line, line_movement;
  std::optional<int64_t> star_teammates_out, over_streak, under_streak;
  std::optional<bool> back_to_back;
  // The opponent among the teams of D's team_defense_zone_analysis: rank 1 allows the most
  // paint points per game (of `ranked_teams`).
  std::optional<int> opp_paint_rank;
  std::optional<double> opp_paint_points;
  int ranked_teams = 0;
};

// "BOS vs NYK" at home, "BOS @ NYK" away, "BOS vs NYK" when unknown.
std::string matchup(const Candidate& c);
// "OVER" when edge > 0, else "UNDER" (the direction follows the sign of the edge).
std::string side_of(const Candidate& c);
// The American price of the candidate's side (nullopt when the book gave none).
std::optional<int64_t> price_of(const Candidate& c);
// Net win of one unit at American `price`: 100/|price| for price < 0, price/100 otherwise
// (predict::win_payout).
double payout(int64_t price);
// Expected profit of one unit on `side` at `price` given P(over):
// p * payout(price) - (1 - p), p = p_over for OVER and 1 - p_over for UNDER (a push, possible
// only on a whole-number line, is counted as a loss: a lower bound). E.g. p = 0.55 at -110:
// 0.55 * 0.9091 - 0.45 = 0.0500. predict::expected_value (money.h) of the side's p: the one
// formula of the backtest, the markets and the stored ev_over / ev_under.
double expected_value(const std::string& side, double p_over, int64_t price);
// The price assumed when the book gave none, as grading does (04-predictions.md §8): grading
// a pick or a removed candidate only, never its expected value.
inline constexpr int64_t kDefaultPrice = -110;
// The candidate's expected value at the offered price of its side; nullopt without P(over) or
// without that price (an unknown price is not priced at kDefaultPrice: the filter `no_price`
// removes such a candidate, docs/publishing.md).
std::optional<double> expected_value(const Candidate& c);
// Whether the candidate has P(over) but no price on its side: it cannot be an EV pick.
bool lacks_price(const Candidate& c);
// Ranking strength: the expected value when there is one, else |edge| (points).
double strength(const Candidate& c);

}  // namespace nbaprops::picks
