#include "picks/pick_records.h"

namespace nbaprops::picks {

CandidateColumns candidate_columns(const Candidate& c) {
  CandidateColumns out;
  out.game_date = c.game_date;
  out.player_lookup = c.player_lookup;
  out.market = c.market;
  out.system_id = c.system_id;
  out.game_id = c.game_id;
  out.team_abbr = c.team;
  out.opponent_abbr = c.opponent;
  out.home_game = c.home;
  out.side = side_of(c);
  out.line = c.line;
  out.bookmaker = c.bookmaker;
  out.line_snapshot_at = c.line_snapshot_at;
  out.price = price_of(c);
  out.over_price = c.over_price;
  out.under_price = c.under_price;
  out.predicted_points = c.predicted;
  out.confidence = c.confidence;
  out.edge = c.edge;
  out.p_over = c.p_over;
  out.expected_value = expected_value(c);
  return out;
}

const RecordOf<BestBetRecord>& best_bet_record() {
  using M = BestBetRecord;
  static const RecordOf<M> r = [] {
    RecordOf<M> r;
    add_candidate_key(r)
        .field("player_name", &M::player_name)
        .field("tipoff_utc", &M::tipoff_utc, ColumnType::kTs);
    add_candidate_prediction(r)
        .dec("strength", &M::strength, 4)
        .field("reasons", &M::reasons)
        .field("status", &M::status)
        .field("void_reason", &M::void_reason)
        .field("first_published_at", &M::first_published_at, ColumnType::kTs)
        .field("processed_at", &M::processed_at, ColumnType::kTs);
    return r;
  }();
  return r;
}

const RecordOf<BestBetRemovalRecord>& best_bet_removal_record() {
  using M = BestBetRemovalRecord;
  static const RecordOf<M> r = [] {
    RecordOf<M> r;
    add_candidate_key(r);
    add_candidate_prediction(r)
        .field("removed_by", &M::removed_by)
        .field("failed_filters", &M::failed_filters)
        .field("reason", &M::reason)
        .field("processed_at", &M::processed_at, ColumnType::kTs);
    return r;
  }();
  return r;
}

}  // namespace nbaprops::picks
