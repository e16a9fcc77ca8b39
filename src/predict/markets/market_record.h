// Table market_predictions (issue 12 item 4), declared once as a record (core/record.h): one
// row per player, date, market and book offer, with the model's prediction, the calibrated
// P(over) at the offer's line, the market's no-vig P(over), the expected value of each side at
// the book's price, the recommendation (OVER / UNDER on the one offer bet per player-date-
// market, PASS elsewhere) and, once the game is final, its grading. Key (game_date,
// player_lookup, market, bookmaker). Plain value types.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/record.h"
#include "core/table_schema.h"

namespace nbaprops::predict::markets {

struct MarketPredictionRecord {
  Date game_date;
  std::string player_lookup, market, bookmaker;
  double line = 0;  // 1 decimal
  std::optional<int64_t> over_price, under_price;
  double predicted_value = 0;  // 2 decimals
  // P(over | not a push) bet on: the calibrated model blended with this book's no-vig
  // (market_model.h blended_p_over); the model alone; P(push). 4 decimals.
  double p_over = 0, p_over_model = 0, p_push = 0;
  std::optional<double> market_p_over_novig;  // this book's no-vig P(over), 4 decimals
  std::optional<double> ev_over, ev_under;    // per unit, 4 decimals
  std::string recommendation;                 // OVER, UNDER or PASS
  std::string model_id;
  bool calibrated = false;
  bool suspect = false;  // its no-vig P(over) is far from the other books' at its line: unbet
  std::optional<double> actual_value;       // the stat he made (NULL: not played / pending)
  std::optional<std::string> outcome;       // OVER, UNDER, PUSH against this line
  std::optional<std::string> result;        // WIN, LOSS, PUSH of the recommendation
  std::optional<double> profit;             // per unit at the price, 4 decimals
  std::optional<std::string> processed_at;  // NULL: the writer stamps it
};
const Record<MarketPredictionRecord>& market_prediction_record();
const TableSchema& market_predictions_table();

}  // namespace nbaprops::predict::markets
