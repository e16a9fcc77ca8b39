// line_anchored (issue 12; docs/predictions.md §7): the ensemble's prediction shrunk toward the
// line, predicted = line + a * (ensemble - line), with the shrinkage a learned walk-forward.
//
// a of a date D is that of D's cutoff C = C(D) (the weekly grid of the models and of the P(over)
// calibrators): the a in {0.00, 0.05, ..., 1.00} whose line + a * (predicted - line) has the
// smallest mean absolute error over the ensemble's graded, lined, non-void rows dated in
// [C - 14, C), read as stored (line 1 decimal, predicted 2, actual 0); ties go to the smaller a.
// With fewer than 100 such rows nothing is learned and a = 1 (the ensemble's own value). Nothing
// dated on or after C is read. The store query lives beside the calibrators'
// (points_calibration.h: one query per cutoff for both).
//
// Without a line the prediction is the ensemble's; confidence is the ensemble's; edge and
// recommendation follow 04 §2.2 from the anchored value (the ensemble's thresholds). Pure
// functions; any thread.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "core/date.h"
#include "predict/ensemble.h"
#include "predict/estimate.h"
#include "predict/grading.h"

namespace nbaprops::predict {

// The system whose rows line_anchored anchors, and whose grades fit a.
inline constexpr std::string_view kAnchorBase = "ensemble";
// The grid of a: 0, 1/20, ..., 20/20.
inline constexpr int kShrinkageSteps = 20;

struct LineShrinkage {
  double a = 1.0;       // 1: nothing learned
  size_t rows = 0;      // the rows of the window it was fitted on
  bool fitted = false;  // rows >= min_rows
};

// The mean absolute error of line + a * (predicted - line) over the rows fit_line_shrinkage
// reads (nullopt without any).
std::optional<double> anchored_mae(std::span<const GradedRow> rows, Date cutoff, int days,
                                   double a);

// The shrinkage of `cutoff` from the anchored system's graded rows (any dates; only
// [cutoff - days, cutoff) is read). Sums within 1e-9 of each other count as a tie.
LineShrinkage fit_line_shrinkage(std::span<const GradedRow> rows, Date cutoff, int days = 14,
                                 size_t min_rows = 100);

// The estimate of one player from the ensemble's stored value (nullopt: the ensemble did not
// predict him -> missing_inputs) and his line.
SystemResult line_anchored(const std::optional<Member>& ensemble, std::optional<double> line,
                           double a);

}  // namespace nbaprops::predict
