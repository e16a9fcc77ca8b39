#include "predict/prediction_record.h"

#include <tuple>

namespace nbaprops::predict {

const Record<PredictionRecord>& prediction_record() {
  using P = PredictionRecord;
  static const Record<P> r = Record<P>()
                                 .field("system_id", &P::system_id)
                                 .field("game_date", &P::game_date)
                                 .field("player_lookup", &P::player_lookup)
                                 .field("game_id", &P::game_id)
                                 .field("team_abbr", &P::team_abbr)
                                 .field("opponent_abbr", &P::opponent_abbr)
                                 .dec("line", &P::line, 1)
                                 .field("bookmaker", &P::bookmaker)
                                 .field("line_snapshot_at", &P::line_snapshot_at, ColumnType::kTs)
                                 .field("over_price", &P::over_price)
                                 .field("under_price", &P::under_price)
                                 .dec("predicted_points", &P::predicted_points, 2)
                                 .dec("confidence", &P::confidence, 1)
                                 .dec("edge", &P::edge, 2)
                                 .dec("p_over", &P::p_over, 4)
                                 .dec("ev_over", &P::ev_over, 4)
                                 .dec("ev_under", &P::ev_under, 4)
                                 .field("recommendation", &P::recommendation)
                                 .field("feature_version", &P::feature_version)
                                 .dec("feature_quality_score", &P::feature_quality_score, 2)
                                 .field("quality_tier", &P::quality_tier)
                                 .field("model_version", &P::model_version)
                                 .field("similar_games", &P::similar_games)
                                 .dec("mean_similarity", &P::mean_similarity, 2)
                                 .field("members", &P::members)
                                 .dec("member_sd", &P::member_sd, 2)
                                 .field("processed_at", &P::processed_at, ColumnType::kTs);
  return r;
}

const std::vector<std::string>& prediction_probability_columns() {
  static const std::vector<std::string> columns = {"p_over", "ev_over", "ev_under"};
  return columns;
}

bool key_less(const PredictionRecord& a, const PredictionRecord& b) {
  return std::tie(a.system_id, a.game_date.days, a.player_lookup, a.game_id) <
         std::tie(b.system_id, b.game_date.days, b.player_lookup, b.game_id);
}

const Record<SkipRecord>& skip_record() {
  using S = SkipRecord;
  static const Record<S> r = Record<S>()
                                 .field("game_date", &S::game_date)
                                 .field("player_lookup", &S::player_lookup)
                                 .field("system_id", &S::system_id)
                                 .field("reason", &S::reason)
                                 .field("detail", &S::detail)
                                 .field("processed_at", &S::processed_at, ColumnType::kTs);
  return r;
}

bool key_less(const SkipRecord& a, const SkipRecord& b) {
  return std::tie(a.game_date.days, a.player_lookup, a.system_id) <
         std::tie(b.game_date.days, b.player_lookup, b.system_id);
}

const Record<GradeRecord>& grade_record() {
  using G = GradeRecord;
  static const Record<G> r = Record<G>()
                                 .field("system_id", &G::system_id)
                                 .field("game_date", &G::game_date)
                                 .field("player_lookup", &G::player_lookup)
                                 .field("game_id", &G::game_id)
                                 .field("recommendation", &G::recommendation)
                                 .dec("line", &G::line, 1)
                                 .dec("predicted_points", &G::predicted_points, 2)
                                 .dec("confidence", &G::confidence, 1)
                                 .dec("edge", &G::edge, 2)
                                 .dec("p_over", &G::p_over, 4)
                                 .dec("ev_taken", &G::ev_taken, 4)
                                 .dec("actual_points", &G::actual_points, 0)
                                 .dec("minutes", &G::minutes, 1)
                                 .field("is_voided", &G::is_voided)
                                 .field("void_reason", &G::void_reason)
                                 .dec("absolute_error", &G::absolute_error, 2)
                                 .dec("signed_error", &G::signed_error, 2)
                                 .field("within_3", &G::within_3)
                                 .field("within_5", &G::within_5)
                                 .field("result", &G::result)
                                 .field("edge_side_result", &G::edge_side_result)
                                 .field("price", &G::price)
                                 .dec("profit", &G::profit, 4)
                                 .dec("close_line", &G::close_line, 1)
                                 .dec("clv", &G::clv, 1)
                                 .field("edge_bucket", &G::edge_bucket)
                                 .field("confidence_decile", &G::confidence_decile)
                                 .field("processed_at", &G::processed_at, ColumnType::kTs);
  return r;
}

const std::vector<std::string>& grade_probability_columns() {
  static const std::vector<std::string> columns = {"p_over", "ev_taken"};
  return columns;
}

}  // namespace nbaprops::predict
