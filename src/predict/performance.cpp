#include "predict/performance.h"

#include <set>
#include <tuple>

#include "predict/performance_record.h"
#include "predict/prediction_record.h"
#include "predict/tables.h"
#include "store/partition_writer.h"

namespace nbaprops::predict {
namespace {

// The GradeInput and Grade a grade row repeats (grade rows are self-contained, §8).
GradedRow graded_row(const GradeRecord& r) {
  GradedRow out;
  GradeInput& p = out.prediction;
  p.recommendation = r.recommendation;
  p.line = r.line;
  p.edge = r.edge;
  p.predicted_points = r.predicted_points;
  p.confidence = r.confidence;
  p.p_over = r.p_over;
  out.game_date = r.game_date;
  Grade& g = out.grade;
  g.actual_points = r.actual_points;
  g.minutes = r.minutes;
  g.is_voided = r.is_voided;
  g.void_reason = r.void_reason;
  g.absolute_error = r.absolute_error;
  g.signed_error = r.signed_error;
  g.within_3 = r.within_3;
  g.within_5 = r.within_5;
  g.result = r.result;
  g.edge_side_result = r.edge_side_result;
  g.price = r.price;
  g.profit = r.profit;
  g.close_line = r.close_line;
  g.clv = r.clv;
  g.edge_bucket = r.edge_bucket;
  g.confidence_decile = static_cast<int>(r.confidence_decile);
  g.ev_taken = r.ev_taken;
  return out;
}

}  // namespace

PerformanceRows performance_rows(Date d, const DayGrades& grades) {
  std::set<std::string> systems;
  for (const auto& [system, rows] : grades.by_system) systems.insert(system);
  for (const auto& [system, n] : grades.pending) systems.insert(system);
  static const std::vector<GradedRow> kNone;
  PerformanceRows out;
  for (const std::string& system : systems) {
    auto it = grades.by_system.find(system);
    const auto& rows = it == grades.by_system.end() ? kNone : it->second;
    auto p = grades.pending.find(system);
    SystemPerformanceRecord perf;
    static_cast<Performance&>(perf) = summarize(rows, p == grades.pending.end() ? 0 : p->second);
    perf.system_id = system;
    perf.game_date = d;
    ProbabilityScores scores = probability_scores(rows);
    perf.brier_n = scores.n;
    perf.brier = scores.brier;
    perf.market_brier = scores.market_brier;
    out.performance.push_back(system_performance_record().write(perf));
    for (const BucketFigures& f : summarize_buckets(rows)) {
      SystemPerformanceBucketRecord bucket;
      static_cast<BucketFigures&>(bucket) = f;
      bucket.system_id = system;
      bucket.game_date = d;
      out.buckets.push_back(system_performance_bucket_record().write(bucket));
    }
  }
  return out;
}

void write_performance(Store& store, Date d, PerformanceRows rows,
                       const std::string& processed_at) {
  const std::string run_id = "grade-" + processed_at;
  const TableSchema& perf = system_performance_table();
  const TableSchema& buckets = system_performance_buckets_table();
  write_partition(store, {&perf, "game_date", d, perf.name}, std::move(rows.performance), {},
                  run_id, processed_at);
  write_partition(store, {&buckets, "game_date", d, buckets.name}, std::move(rows.buckets), {},
                  run_id, processed_at);
}

void PooledGrades::add(const DayGrades& day) {
  for (const auto& [system, rows] : day.by_system) {
    auto& all = by_system[system];
    all.insert(all.end(), rows.begin(), rows.end());
  }
  for (const auto& [system, n] : day.pending) pending[system] += n;
  market.insert(market.end(), day.market.begin(), day.market.end());
}

std::map<std::string, Performance> PooledGrades::summaries() const {
  std::map<std::string, Performance> out;
  for (const auto& [system, rows] : by_system) {
    auto p = pending.find(system);
    out[system] = summarize(rows, p == pending.end() ? 0 : p->second);
  }
  for (const auto& [system, n] : pending) {
    if (!out.count(system)) out[system] = summarize({}, n);
  }
  return out;
}

PooledGrades read_pooled_grades(Store& store, const TableSchema& grades, Date from, Date to) {
  PooledGrades out;
  // (game_date, player_lookup, game_id) -> the line as the prediction, first system's row.
  std::map<std::tuple<std::string, std::string, std::string>, GradedRow> market;
  const RowBinding binding = grade_record().bind(grades);
  store.scan(
      grades, {{"game_date", ">=", format_date(from)}, {"game_date", "<=", format_date(to)}},
      [&](const Row& row) {
        const GradeRecord r = grade_record().read(binding, row);
        GradedRow g = graded_row(r);
        if (g.prediction.line && g.grade.actual_points) {
          GradedRow m = market_row(*g.prediction.line, *g.grade.actual_points, g.grade.minutes);
          m.game_date = g.game_date;
          market.try_emplace({format_date(r.game_date), r.player_lookup, r.game_id}, std::move(m));
        }
        out.by_system[r.system_id].push_back(std::move(g));
      });
  for (auto& [key, row] : market) out.market.push_back(std::move(row));
  return out;
}

}  // namespace nbaprops::predict
