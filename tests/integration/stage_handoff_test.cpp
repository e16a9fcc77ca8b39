// The stages after the predictions of a date (grades, best bets) read the rows the run just
// computed rather than the rows it just stored (pipeline/phase5.h, StageContext::predicted).
// On the real season, the grades and performance the run stored for each date equal those
// computed afresh from the stored predictions; and the candidates from the run's rows equal
// those read from the store. (scripts/compare-outputs checks all 38 tables byte for byte
// against a run before the change.)
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "picks/load.h"
#include "predict/grade_day.h"
#include "predict/performance.h"
#include "predict/tables.h"
#include "store/export.h"
#include "support/real_season_fixture.h"

namespace nbaprops {
namespace {

class StageHandoff : public testing::RealSeasonRawStore<StageHandoff> {};

// The stored rows of `t` on date d, processed_at NULL (as computed, before the writer's stamp).
std::vector<Row> stored(Store& store, const TableSchema& t, Date d) {
  std::vector<Row> rows;
  size_t stamp = t.column_index("processed_at");
  store.scan(t, {{date_column_of(t), "=", format_date(d)}}, [&](const Row& row) {
    rows.push_back(row);
    rows.back()[stamp] = Value{};
  });
  return rows;
}

TEST_F(StageHandoff, GradesAndCandidatesOfTheRunsRowsEqualThoseOfTheStoredRows) {
  std::string db = copy("handoff.db");
  pipeline::RunOptions o;
  o.phases = {3, 4, 5, 6};
  o.threads = 2;
  run_with(db, make_date(2024, 10, 22), make_date(2024, 11, 20), o);
  auto store = open_store(db);
  const Date from = make_date(2024, 11, 10), to = make_date(2024, 11, 20);
  size_t graded = 0, candidates = 0;
  for (Date d = from; d <= to; d = Date{d.days + 1}) {
    SCOPED_TRACE(format_date(d));
    predict::DayGrades fresh = predict::grade_date(*store, d);  // from the stored predictions
    graded += fresh.rows.size();
    EXPECT_EQ(stored(*store, predict::prediction_grades_table(), d), fresh.rows);
    predict::PerformanceRows perf = predict::performance_rows(d, fresh);
    EXPECT_EQ(stored(*store, predict::system_performance_table(), d), perf.performance);
    // The candidates: from the stored rows, and from the same rows given as the run gives them.
    std::vector<Row> rows = stored(*store, predict::player_prop_predictions_table(), d);
    auto read = picks::load_candidates(*store, d);
    auto given = picks::load_candidates(*store, d, &rows);
    ASSERT_EQ(read.size(), given.size());
    candidates += read.size();
    for (size_t i = 0; i < read.size(); ++i) {
      EXPECT_EQ(read[i].system_id, given[i].system_id);
      EXPECT_EQ(read[i].player_lookup, given[i].player_lookup);
      EXPECT_EQ(read[i].predicted, given[i].predicted);
      EXPECT_EQ(read[i].edge, given[i].edge);
      EXPECT_EQ(read[i].p_over, given[i].p_over);
    }
  }
  EXPECT_GT(graded, 1500u);
  EXPECT_GT(candidates, 500u);
}

}  // namespace
}  // namespace nbaprops
