#include "predict/markets/market_record.h"

namespace nbaprops::predict::markets {

const Record<MarketPredictionRecord>& market_prediction_record() {
  using M = MarketPredictionRecord;
  static const Record<M> r = Record<M>()
                                 .field("game_date", &M::game_date)
                                 .field("player_lookup", &M::player_lookup)
                                 .field("market", &M::market)
                                 .field("bookmaker", &M::bookmaker)
                                 .dec("line", &M::line, 1)
                                 .field("over_price", &M::over_price)
                                 .field("under_price", &M::under_price)
                                 .dec("predicted_value", &M::predicted_value, 2)
                                 .dec("p_over", &M::p_over, 4)
                                 .dec("p_over_model", &M::p_over_model, 4)
                                 .dec("p_push", &M::p_push, 4)
                                 .dec("market_p_over_novig", &M::market_p_over_novig, 4)
                                 .dec("ev_over", &M::ev_over, 4)
                                 .dec("ev_under", &M::ev_under, 4)
                                 .field("recommendation", &M::recommendation)
                                 .field("model_id", &M::model_id)
                                 .field("calibrated", &M::calibrated)
                                 .field("suspect", &M::suspect)
                                 .dec("actual_value", &M::actual_value, 0)
                                 .field("outcome", &M::outcome)
                                 .field("result", &M::result)
                                 .dec("profit", &M::profit, 4)
                                 .field("processed_at", &M::processed_at, ColumnType::kTs);
  return r;
}

const TableSchema& market_predictions_table() {
  static const TableSchema t{"market_predictions",
                             market_prediction_record().columns(),
                             {"game_date", "player_lookup", "market", "bookmaker"},
                             "game_date, player_lookup, market, bookmaker"};
  return t;
}

}  // namespace nbaprops::predict::markets
