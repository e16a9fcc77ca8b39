// P(over) and expected value on the points predictions (issue 12 item 5; docs/predictions.md
// §3): the calibrators a date D is predicted with, and the three columns they fill.
//
// Walk-forward, point in time: D's calibrators are those of its model cutoff C = C(D) (the
// weekly grid of the models, cutoff_for), one per system, each fitted on that system's graded
// lined rows of prediction_grades dated in [C - 14, C), at least 100 of them (the backtest's
// money report rule and code: money_report.h, calibrator_of_cutoff), isotonic by default.
// Nothing dated on or after C is read. A system without enough rows has no calibrator and its
// rows keep NULL.
//
// fit_points_calibrators and add_probability are pure; read_points_calibrators makes one store
// query per cutoff (every system at once). CalibratorCache is thread-safe.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/date.h"
#include "predict/calibrator.h"
#include "predict/line_anchored.h"
#include "predict/money_report.h"
#include "predict/performance.h"
#include "predict/prediction_record.h"
#include "store/store.h"

namespace nbaprops::predict {

// The calibrators of one cutoff, by system_id (systems without one are absent), and
// line_anchored's shrinkage of the cutoff, fitted on the same rows (the ensemble's).
struct PointsCalibrators {
  Date cutoff;
  std::map<std::string, Calibrator> by_system;
  LineShrinkage line_shrinkage;  // a = 1 (not fitted) without 100 rows
  // The calibrator of `system`, or nullptr.
  const Calibrator* find(const std::string& system) const;
};

// Fits each system of `grades` (rows of any dates; only [C - days, C) is read), and
// line_anchored's shrinkage from the ensemble's rows (same window and minimum).
PointsCalibrators fit_points_calibrators(const PooledGrades& grades, Date cutoff,
                                         const CalibrationOptions& options = {});

// Reads prediction_grades dated [cutoff - days, cutoff) and fits. Throws StoreError.
PointsCalibrators read_points_calibrators(Store& store, Date cutoff,
                                          const CalibrationOptions& options = {});

// Sets p.p_over = calibrator's P(over) of predicted_points - line, and p.ev_over / p.ev_under
// = expected_value (money.h) of each side at its own price; leaves all three NULL without a
// calibrator or a line, and a side's EV NULL without its price. Reads the record's stored
// (rounded) predicted_points and line, as the calibrator's own rows were.
void add_probability(PredictionRecord& p, const Calibrator* calibrator);

// The calibrators of each cutoff, read once (per retrain step and cutoff) and shared by the
// dates of a run: get() returns C(D)'s, read_points_calibrators on the first call for it.
class CalibratorCache {
 public:
  explicit CalibratorCache(CalibrationOptions options = {}) : options_(options) {}
  // REQUIRES: the grades dated before C(D) are those D is to be predicted with (the runner
  // writes a date's grades before it predicts a later date). Throws StoreError.
  std::shared_ptr<const PointsCalibrators> get(Store& store, Date d, int retrain_every_days);
  // The same for a cutoff already known (the resolved model's): no games scan.
  std::shared_ptr<const PointsCalibrators> of_cutoff(Store& store, Date cutoff,
                                                     int retrain_every_days);

 private:
  CalibrationOptions options_;
  std::mutex mutex_;
  std::map<std::pair<int, int>, std::shared_ptr<const PointsCalibrators>> by_cutoff_;
};

}  // namespace nbaprops::predict
