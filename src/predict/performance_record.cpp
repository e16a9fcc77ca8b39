#include "predict/performance_record.h"

namespace nbaprops::predict {

const Record<SystemPerformanceRecord>& system_performance_record() {
  using M = SystemPerformanceRecord;
  static const Record<M> r = [] {
    Record<M> r;
    r.field("system_id", &M::system_id).field("game_date", &M::game_date);
    add_performance_measures(r)
        .field("brier_n", &M::brier_n)
        .dec("brier", &M::brier, 4)
        .dec("market_brier", &M::market_brier, 4)
        .field("processed_at", &M::processed_at, ColumnType::kTs);
    return r;
  }();
  return r;
}

const std::vector<std::string>& system_performance_brier_columns() {
  static const std::vector<std::string> columns = {"brier_n", "brier", "market_brier"};
  return columns;
}

const Record<SystemPerformanceBucketRecord>& system_performance_bucket_record() {
  using M = SystemPerformanceBucketRecord;
  static const Record<M> r = [] {
    Record<M> r;
    r.field("system_id", &M::system_id)
        .field("game_date", &M::game_date)
        .field("kind", static_cast<std::string M::*>(&BucketFigures::kind))
        .field("bucket", static_cast<std::string M::*>(&BucketFigures::bucket));
    add_bucket_figures(r).field("processed_at", &M::processed_at, ColumnType::kTs);
    return r;
  }();
  return r;
}

const Record<BacktestSummaryRecord>& backtest_summary_record() {
  using M = BacktestSummaryRecord;
  static const Record<M> r = [] {
    Record<M> r;
    r.field("from_date", &M::from_date)
        .field("to_date", &M::to_date)
        .field("system_id", &M::system_id)
        .dec("edge_threshold", &M::edge_threshold, 1)
        .dec("confidence_threshold", &M::confidence_threshold, 1);
    add_performance_measures(r).field("processed_at", &M::processed_at, ColumnType::kTs);
    return r;
  }();
  return r;
}

const Record<RangeBucketRecord>& range_bucket_record() {
  using M = RangeBucketRecord;
  static const Record<M> r = [] {
    Record<M> r;
    r.field("from_date", &M::from_date)
        .field("to_date", &M::to_date)
        .field("system_id", &M::system_id)
        .field("kind", static_cast<std::string M::*>(&BucketFigures::kind))
        .field("bucket", static_cast<std::string M::*>(&BucketFigures::bucket));
    add_bucket_figures(r);
    return r;
  }();
  return r;
}

const Record<ModelSummaryRecord>& model_summary_record() {
  using M = ModelSummaryRecord;
  static const Record<M> r = Record<M>()
                                 .field("model_version", &M::model_version)
                                 .field("cutoff_date", &M::cutoff_date)
                                 .field("training_rows", &M::training_rows)
                                 .dec("validation_mae", &M::validation_mae, 3)
                                 .dec("validation_line_mae", &M::validation_line_mae, 3);
  return r;
}

}  // namespace nbaprops::predict
