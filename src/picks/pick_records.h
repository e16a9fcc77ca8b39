// The stored rows of the Phase 6 tables best_bets and best_bet_removals (tables.h), declared once
// as records (core/record.h): the tables' columns, their row writers and the best_bets reader
// come from these declarations.
//
// Both tables start with the same columns: the key (game_date, player_lookup, market,
// system_id, game_id) and the prediction at its line (team_abbr ... expected_value); these are
// CandidateColumns, one reusable piece of declaration appended by add_candidate_key and
// add_candidate_prediction (best_bets puts player_name and tipoff_utc between the two).
// Plain value types; the records are immutable and thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/record.h"
#include "picks/best_bets.h"

namespace nbaprops::picks {

template <class T>
using RecordOf = ::nbaprops::Record<T>;  // picks::Record is the W-L-P tally (pick_result.h)

struct CandidateColumns {
  Date game_date;
  std::string player_lookup, market, system_id, game_id;
  std::optional<std::string> team_abbr, opponent_abbr;  // always written (a Candidate's)
  std::optional<bool> home_game;
  std::string side;  // OVER or UNDER
  double line = 0;   // 1 decimal
  std::optional<std::string> bookmaker, line_snapshot_at;
  std::optional<int64_t> price, over_price, under_price;
  double predicted_points = 0;                   // 2 decimals
  double confidence = 0;                         // 1 decimal
  double edge = 0;                               // 2 decimals
  std::optional<double> p_over, expected_value;  // 4 decimals
};

// The columns of candidate `c` as published: side, price and expected value from candidate.h.
CandidateColumns candidate_columns(const Candidate& c);

template <class T>
RecordOf<T>& add_candidate_key(RecordOf<T>& r) {
  static_assert(std::is_base_of_v<CandidateColumns, T>);
  using C = CandidateColumns;
  using S = std::string T::*;
  return r.field("game_date", static_cast<Date T::*>(&C::game_date))
      .field("player_lookup", static_cast<S>(&C::player_lookup))
      .field("market", static_cast<S>(&C::market))
      .field("system_id", static_cast<S>(&C::system_id))
      .field("game_id", static_cast<S>(&C::game_id));
}

template <class T>
RecordOf<T>& add_candidate_prediction(RecordOf<T>& r) {
  static_assert(std::is_base_of_v<CandidateColumns, T>);
  using C = CandidateColumns;
  using OS = std::optional<std::string> T::*;
  using OI = std::optional<int64_t> T::*;
  using OD = std::optional<double> T::*;
  using D = double T::*;
  return r.field("team_abbr", static_cast<OS>(&C::team_abbr))
      .field("opponent_abbr", static_cast<OS>(&C::opponent_abbr))
      .field("home_game", static_cast<std::optional<bool> T::*>(&C::home_game))
      .field("side", static_cast<std::string T::*>(&C::side))
      .dec("line", static_cast<D>(&C::line), 1)
      .field("bookmaker", static_cast<OS>(&C::bookmaker))
      .field("line_snapshot_at", static_cast<OS>(&C::line_snapshot_at), ColumnType::kTs)
      .field("price", static_cast<OI>(&C::price))
      .field("over_price", static_cast<OI>(&C::over_price))
      .field("under_price", static_cast<OI>(&C::under_price))
      .dec("predicted_points", static_cast<D>(&C::predicted_points), 2)
      .dec("confidence", static_cast<D>(&C::confidence), 1)
      .dec("edge", static_cast<D>(&C::edge), 2)
      .dec("p_over", static_cast<OD>(&C::p_over), 4)
      .dec("expected_value", static_cast<OD>(&C::expected_value), 4);
}

// best_bets: the key, player_name, tipoff_utc, the prediction, then these.
struct BestBetRecord : CandidateColumns {
  std::optional<std::string> player_name, tipoff_utc;
  double strength = 0;  // 4 decimals
  std::string reasons;  // " | " between them (join_reasons)
  std::string status;   // ACTIVE or VOIDED
  std::optional<std::string> void_reason;
  std::string first_published_at;
  std::optional<std::string> processed_at;  // NULL: the writer stamps it
};
const RecordOf<BestBetRecord>& best_bet_record();

// best_bet_removals: the key, the prediction, then these.
struct BestBetRemovalRecord : CandidateColumns {
  std::string removed_by;
  std::optional<std::string> failed_filters;  // ","-joined; NULL for a cap
  std::string reason;
  std::optional<std::string> processed_at;  // NULL: the writer stamps it
};
const RecordOf<BestBetRemovalRecord>& best_bet_removal_record();

}  // namespace nbaprops::picks
