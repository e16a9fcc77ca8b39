#include "pipeline/phase5.h"

#include "predict/grade_day.h"
#include "predict/performance.h"
#include "predict/tables.h"

namespace nbaprops::pipeline {

StageOutput predictions_stage(Store& store, Date d, const predict::PredictOptions& options,
                              const predict::PredictSources& sources) {
  predict::PredictOutput out = predict::predict_from_store(store, d, options, sources);
  StageOutput s;
  s.partitions.push_back({&predict::player_prop_predictions_table(), std::move(out.predictions)});
  s.partitions.push_back({&predict::prediction_skips_table(), std::move(out.skips)});
  return s;
}

StageOutput grades_stage(Store& store, Date d, const predict::PredictOptions&,
                         const predict::PredictSources&) {
  predict::DayGrades grades = predict::grade_date(store, d);
  predict::PerformanceRows perf = predict::performance_rows(d, grades);
  StageOutput s;
  s.partitions.push_back({&predict::prediction_grades_table(), std::move(grades.rows)});
  s.partitions.push_back({&predict::system_performance_table(), std::move(perf.performance)});
  s.partitions.push_back({&predict::system_performance_buckets_table(), std::move(perf.buckets)});
  return s;
}

}  // namespace nbaprops::pipeline
