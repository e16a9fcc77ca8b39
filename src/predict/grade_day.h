// Grading one date D from the store (04-predictions.md §8): reads D's stored predictions, the
// games and prop lines of D and D's player_game_summary rows; writes prediction_grades of D
// (replacing them) in key order. Predictions of a game that is final without box scores, or not
// final yet, are pending: no grade row, counted.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/date.h"
#include "predict/grading.h"
#include "store/store.h"

namespace nbaprops::predict {

struct DayGrades {
  std::vector<Row> rows;  // key order, processed_at NULL
  std::map<std::string, std::vector<GradedRow>> by_system;
  std::map<std::string, int64_t> pending;  // by system
};

// Grades D's predictions. Throws StoreError.
DayGrades grade_date(Store& store, Date d);

// Replaces D's prediction_grades rows. Throws StoreError.
void write_grades(Store& store, Date d, std::vector<Row> rows, const std::string& processed_at);

}  // namespace nbaprops::predict
