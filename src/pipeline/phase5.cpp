#include "pipeline/phase5.h"

#include "predict/performance.h"
#include "predict/tables.h"

namespace nbaprops::pipeline {

std::optional<predict::ModelForDate> resolved_model(const StageContext& context, Date d) {
  if (!context.models) return std::nullopt;
  auto it = context.models->find(d);
  if (it == context.models->end()) return std::nullopt;
  return it->second;
}

const std::vector<Row>* predicted_rows(const StageContext& context, Date d) {
  if (!context.predicted) return nullptr;
  auto it = context.predicted->find(d);
  return it == context.predicted->end() ? nullptr : &it->second;
}

StageInputs load_predictions(Store& store, Date d, const StageContext& context) {
  StageInputs in;
  in.d = d;
  std::optional<predict::ModelForDate> model = resolved_model(context, d);
  in.predict = predict::load_for_prediction(store, d, *context.settings, model, context.sources);
  if (context.calibrators) {
    // C(D): the resolved model's cutoff (the same grid) when there is one, saving a games scan.
    int every = predict::retrain_every_days(*context.settings);
    in.predict->calibrators = model ? context.calibrators->of_cutoff(store, model->cutoff, every)
                                    : context.calibrators->get(store, d, every);
  }
  return in;
}

StageOutput predictions_stage(StageInputs in, const StageContext& context) {
  predict::PredictOutput out =
      predict::predict_date(*in.predict, context.settings->systems, context.settings->thresholds);
  StageOutput s;
  s.partitions.push_back({&predict::player_prop_predictions_table(), std::move(out.predictions)});
  s.partitions.push_back({&predict::prediction_skips_table(), std::move(out.skips)});
  return s;
}

StageInputs load_grades(Store& store, Date d, const StageContext& context) {
  StageInputs in;
  in.d = d;
  const std::vector<Row>* rows = predicted_rows(context, d);
  in.grades = rows ? predict::grade_predictions(store, d, *rows) : predict::grade_date(store, d);
  return in;
}

StageOutput grades_stage(StageInputs in, const StageContext&) {
  predict::DayGrades& grades = *in.grades;
  predict::PerformanceRows perf = predict::performance_rows(in.d, grades);
  StageOutput s;
  s.partitions.push_back({&predict::prediction_grades_table(), std::move(grades.rows)});
  s.partitions.push_back({&predict::system_performance_table(), std::move(perf.performance)});
  s.partitions.push_back({&predict::system_performance_buckets_table(), std::move(perf.buckets)});
  return s;
}

}  // namespace nbaprops::pipeline
