// Grading one date D from the store (04-predictions.md §8): reads D's predictions (stored, or
// given as rows: the backtest's, and the runner's of the date it just predicted), the games and
// prop lines of D and D's player_game_summary rows; writes prediction_grades of D (replacing them)
// in key order. Predictions of a game that is final without box scores, or not final yet, are
// pending: no grade row, counted. Reads only; a Store is used by one thread at a time, so
// concurrent gradings use one Store (connection) each.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/date.h"
#include "predict/grading.h"
#include "store/store.h"

namespace nbaprops::predict {

struct DayGrades {
  std::vector<Row> rows;                                    // key order, processed_at NULL
  std::map<std::string, std::vector<GradedRow>> by_system;  // each in key order
  std::map<std::string, int64_t> pending;                   // by system
  // The line as the prediction (aggregates.h market_row), once per graded lined player-game of
  // any system, in (player_lookup, game_id) order.
  std::vector<GradedRow> market;
};

// Grades `predictions`: rows of D in key order, with player_prop_predictions' columns (the
// backtest passes its own, unwritten; the runner the rows its predictions stage computed).
// Throws StoreError.
DayGrades grade_predictions(Store& store, Date d, const std::vector<Row>& predictions);

// Grades D's stored player_prop_predictions. Throws StoreError.
DayGrades grade_date(Store& store, Date d);

// Replaces D's rows of `table` (default prediction_grades; the backtest: backtest_grades).
// Throws StoreError.
void write_grades(Store& store, Date d, std::vector<Row> rows, const std::string& processed_at,
                  const TableSchema* table = nullptr);

}  // namespace nbaprops::predict
