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

}  // namespace nbaprops::predict
