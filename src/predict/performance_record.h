// The stored rows of the performance and backtest aggregates (04-predictions.md §8, §9),
// declared once as records (core/record.h): system_performance, system_performance_buckets,
// backtest_summary, and the rows of a backtest's buckets.csv and models.csv. Each table's
// columns, its row writer and its reader come from its record.
//
// Two reusable pieces of declaration: the measures of a `Performance` (grading.h: predictions
// ... avg_clv) and the figures of a `BucketFigures` (aggregates.h: n ... rec_win_rate, without
// kind and bucket); a row struct derives from the piece it carries and its record appends it
// with add_performance_measures / add_bucket_figures.
// Plain value types; the records are immutable and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/record.h"
#include "predict/aggregates.h"
#include "predict/grading.h"

namespace nbaprops::predict {

// Appends predictions, graded, voided, pending, recommendations, wins, losses, pushes,
// win_rate (2), profit (4), roi (2), mae (3), bias (3), within_3_pct (2), within_5_pct (2),
// lined_mae (3), market_mae (3), mae_vs_market (3), avg_confidence (2), avg_clv (3).
// REQUIRES (compile time): T derives from Performance.
template <class T>
Record<T>& add_performance_measures(Record<T>& r) {
  static_assert(std::is_base_of_v<Performance, T>);
  using P = Performance;
  using I = int64_t T::*;
  using O = std::optional<double> T::*;
  return r.field("predictions", static_cast<I>(&P::predictions))
      .field("graded", static_cast<I>(&P::graded))
      .field("voided", static_cast<I>(&P::voided))
      .field("pending", static_cast<I>(&P::pending))
      .field("recommendations", static_cast<I>(&P::recommendations))
      .field("wins", static_cast<I>(&P::wins))
      .field("losses", static_cast<I>(&P::losses))
      .field("pushes", static_cast<I>(&P::pushes))
      .dec("win_rate", static_cast<O>(&P::win_rate), 2)
      .dec("profit", static_cast<double T::*>(&P::profit), 4)
      .dec("roi", static_cast<O>(&P::roi), 2)
      .dec("mae", static_cast<O>(&P::mae), 3)
      .dec("bias", static_cast<O>(&P::bias), 3)
      .dec("within_3_pct", static_cast<O>(&P::within_3_pct), 2)
      .dec("within_5_pct", static_cast<O>(&P::within_5_pct), 2)
      .dec("lined_mae", static_cast<O>(&P::lined_mae), 3)
      .dec("market_mae", static_cast<O>(&P::market_mae), 3)
      .dec("mae_vs_market", static_cast<O>(&P::mae_vs_market), 3)
      .dec("avg_confidence", static_cast<O>(&P::avg_confidence), 2)
      .dec("avg_clv", static_cast<O>(&P::avg_clv), 3);
}

// Appends n, wins, losses, pushes, win_rate (2), rec_n, rec_wins, rec_losses, rec_pushes,
// rec_win_rate (2). REQUIRES (compile time): T derives from BucketFigures.
template <class T>
Record<T>& add_bucket_figures(Record<T>& r) {
  static_assert(std::is_base_of_v<BucketFigures, T>);
  using B = BucketFigures;
  using I = int64_t T::*;
  using O = std::optional<double> T::*;
  return r.field("n", static_cast<I>(&B::n))
      .field("wins", static_cast<I>(&B::wins))
      .field("losses", static_cast<I>(&B::losses))
      .field("pushes", static_cast<I>(&B::pushes))
      .dec("win_rate", static_cast<O>(&B::win_rate), 2)
      .field("rec_n", static_cast<I>(&B::rec_n))
      .field("rec_wins", static_cast<I>(&B::rec_wins))
      .field("rec_losses", static_cast<I>(&B::rec_losses))
      .field("rec_pushes", static_cast<I>(&B::rec_pushes))
      .dec("rec_win_rate", static_cast<O>(&B::rec_win_rate), 2);
}

// system_performance: system_id, game_date, the measures, brier_n, brier (4), market_brier (4),
// processed_at. The three Brier columns (aggregates.h probability_scores: n, brier,
// market_brier) are added by store schema version 11 (system_performance_brier_columns()); NULL
// in rows written before it. Not in backtest_summary: its rows are also pooled back from
// backtest_grades, which do not carry the two prices the market's probability needs.
struct SystemPerformanceRecord : Performance {
  std::string system_id;
  Date game_date;
  std::optional<int64_t> brier_n;
  std::optional<double> brier, market_brier;
  std::optional<std::string> processed_at;  // NULL: the writer stamps it
};
const Record<SystemPerformanceRecord>& system_performance_record();
// brier_n, brier, market_brier.
const std::vector<std::string>& system_performance_brier_columns();

// system_performance_buckets: system_id, game_date, kind, bucket, the figures, processed_at.
struct SystemPerformanceBucketRecord : BucketFigures {
  std::string system_id;
  Date game_date;
  std::optional<std::string> processed_at;  // NULL: the writer stamps it
};
const Record<SystemPerformanceBucketRecord>& system_performance_bucket_record();

// backtest_summary: from_date, to_date, system_id, edge_threshold (1), confidence_threshold
// (1; both NULL for `market`), the measures, processed_at.
struct BacktestSummaryRecord : Performance {
  Date from_date, to_date;
  std::string system_id;
  std::optional<double> edge_threshold, confidence_threshold;
  std::optional<std::string> processed_at;  // NULL until written
};
const Record<BacktestSummaryRecord>& backtest_summary_record();

// A row of buckets.csv: from_date, to_date, system_id, kind, bucket, the figures.
struct RangeBucketRecord : BucketFigures {
  Date from_date, to_date;
  std::string system_id;
};
const Record<RangeBucketRecord>& range_bucket_record();

// A row of models.csv: model_version, cutoff_date, training_rows, validation_mae (3),
// validation_line_mae (3); read from a model_registry row by name (a projection of its record).
struct ModelSummaryRecord {
  std::string model_version;
  std::optional<Date> cutoff_date;
  std::optional<int64_t> training_rows;
  std::optional<double> validation_mae, validation_line_mae;
};
const Record<ModelSummaryRecord>& model_summary_record();

}  // namespace nbaprops::predict
