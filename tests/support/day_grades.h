// Test support for the walk-forward fits on prediction_grades (the P(over) calibrators, the
// line_anchored shrinkage): a date's graded rows of one system written to a store.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/date.h"
#include "predict/grade_day.h"
#include "predict/prediction_record.h"
#include "store/store.h"

namespace nbaprops::testing {

// Grades of `system` on `d`: one player per (predicted, actual), each PASS at line 20.
inline void write_day_grades(Store& store, Date d, const std::string& system,
                             const std::vector<std::pair<double, double>>& rows) {
  std::vector<Row> out;
  int i = 0;
  for (auto [predicted, actual] : rows) {
    predict::GradeRecord g;
    g.system_id = system;
    g.game_date = d;
    g.player_lookup = "p" + std::to_string(i++);
    g.game_id = "0022400100";
    g.recommendation = "PASS";
    g.line = 20;
    g.predicted_points = predicted;
    g.actual_points = actual;
    out.push_back(predict::grade_record().write(g));
  }
  predict::write_grades(store, d, std::move(out), "2026-01-01T00:00:00Z");
}

}  // namespace nbaprops::testing
