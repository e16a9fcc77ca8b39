#include "predict/line_anchored.h"

#include <cmath>

namespace nbaprops::predict {
namespace {

// A row the fit reads: in [cutoff - days, cutoff), lined, graded, not voided.
bool fits(const GradedRow& r, Date cutoff, int days) {
  return r.game_date.days >= cutoff.days - days && r.game_date < cutoff && r.prediction.line &&
         r.grade.actual_points && !r.grade.is_voided;
}

double anchored(double line, double predicted, double a) {
  return line + a * (predicted - line);
}

}  // namespace

std::optional<double> anchored_mae(std::span<const GradedRow> rows, Date cutoff, int days,
                                   double a) {
  double sum = 0;
  size_t n = 0;
  for (const GradedRow& r : rows) {
    if (!fits(r, cutoff, days)) continue;
    sum += std::fabs(anchored(*r.prediction.line, r.prediction.predicted_points, a) -
                     *r.grade.actual_points);
    ++n;
  }
  if (n == 0) return std::nullopt;
  return sum / static_cast<double>(n);
}

LineShrinkage fit_line_shrinkage(std::span<const GradedRow> rows, Date cutoff, int days,
                                 size_t min_rows) {
  LineShrinkage out;
  for (const GradedRow& r : rows) out.rows += fits(r, cutoff, days) ? 1 : 0;
  if (out.rows < min_rows || out.rows == 0) return out;
  double best_sum = 0;
  for (int k = 0; k <= kShrinkageSteps; ++k) {
    double a = static_cast<double>(k) / kShrinkageSteps;
    double sum = 0;
    for (const GradedRow& r : rows) {
      if (!fits(r, cutoff, days)) continue;
      sum += std::fabs(anchored(*r.prediction.line, r.prediction.predicted_points, a) -
                       *r.grade.actual_points);
    }
    if (k == 0 || sum < best_sum - 1e-9) {  // a tie keeps the smaller a
      best_sum = sum;
      out.a = a;
    }
  }
  out.fitted = true;
  return out;
}

SystemResult line_anchored(const std::optional<Member>& ensemble, std::optional<double> line,
                           double a) {
  if (!ensemble) {
    return SystemResult::decline("missing_inputs", "no ensemble prediction for the player");
  }
  Estimate e;
  e.raw = line ? anchored(*line, ensemble->predicted_points, a) : ensemble->predicted_points;
  e.confidence = ensemble->confidence;
  return SystemResult::ok(e);
}

}  // namespace nbaprops::predict
