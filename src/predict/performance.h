// The per-system performance aggregates of 04-predictions.md §8 as stored rows: a graded date's
// system_performance and system_performance_buckets rows (written by `grade`, replacing D's), and
// range figures pooled from grade rows (never averaged from daily rates), either accumulated
// from DayGrades in date order or read back from a grades table. The same rows in the same
// order give the same figures, bit for bit.
//
// Row building is pure; the store functions read or write one Store on the calling thread.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/date.h"
#include "predict/aggregates.h"
#include "predict/grade_day.h"
#include "predict/grading.h"
#include "store/store.h"

namespace nbaprops::predict {

struct PerformanceRows {
  std::vector<Row> performance, buckets;  // key order, processed_at NULL
};

// D's rows: one system_performance row per system with a grade row or a pending prediction,
// and its non-empty buckets.
PerformanceRows performance_rows(Date d, const DayGrades& grades);

// Replaces D's rows of system_performance and of system_performance_buckets (one transaction
// each). Throws StoreError.
void write_performance(Store& store, Date d, PerformanceRows rows, const std::string& processed_at);

// Grade rows of a range, per system, plus the market rows (aggregates.h), in date then key
// order.
struct PooledGrades {
  std::map<std::string, std::vector<GradedRow>> by_system;
  std::map<std::string, int64_t> pending;
  std::vector<GradedRow> market;
  // Appends one date's grades. REQUIRES: dates added in increasing order.
  void add(const DayGrades& day);
  // summarize() of each system, by system_id.
  std::map<std::string, Performance> summaries() const;
};

// The rows of `grades` (prediction_grades or backtest_grades) with from <= game_date <= to, as
// add() would have pooled them (pending 0: a grades table has no pending rows).
// Throws StoreError.
PooledGrades read_pooled_grades(Store& store, const TableSchema& grades, Date from, Date to);

}  // namespace nbaprops::predict
