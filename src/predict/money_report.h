// The money figures of a backtest (issue 12, items 5-6): per system, P(over) from a calibrator
// fitted walk-forward, its Brier score against the market's no-vig probability on the same
// rows, a reliability table, and the bets that the expected value at the book's own price
// recommends (hit rate, break-even at the prices taken, profit, ROI with its 95% interval);
// and the same bet figures for the always-under bettor (every lined player-game, under at its
// price). The spec's -110 break-even and |edge| rule are not used here (docs/predictions.md).
//
// Walk-forward calibration: a row of date D is scored with the calibrator of its cutoff C =
// model_cutoff(D, opening night, 7), fitted on that system's graded lined rows dated in
// [C - 14, C) (score: predicted - line; outcome: actual > line; pushes and voids left out).
// Rows before `report_from` only serve calibration. Pure; any thread.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/date.h"
#include "predict/calibrator.h"
#include "predict/money.h"
#include "predict/performance.h"

namespace nbaprops::predict {

// How a cutoff's calibrator is fitted: the validation window before the cutoff, the fewest
// rows, the kind. The backtest's money report and the stored P(over) of the points predictions
// (points_calibration.h) use the same.
struct CalibrationOptions {
  int calibration_days = 14;
  size_t min_rows = 100;
  Calibrator::Kind kind = Calibrator::Kind::kIsotonic;
};

// A graded row that calibrates: lined, graded, not voided, not a push; its score is
// predicted_points - line and its outcome 1 (over) or 0 (under). nullopt otherwise.
struct CalibrationPoint {
  double score = 0;
  int outcome = 0;
};
std::optional<CalibrationPoint> calibration_point(const GradedRow& row);

// The calibrator of `cutoff` for one system: fitted on those of `rows` (that system's graded
// rows, any dates) dated in [cutoff - calibration_days, cutoff); nullopt with fewer than
// min_rows of them. Nothing dated on or after the cutoff is read.
std::optional<Calibrator> calibrator_of_cutoff(std::span<const GradedRow> rows, Date cutoff,
                                               const CalibrationOptions& options);

struct MoneyOptions {
  Date report_from{};          // rows dated before it calibrate only
  Date opening_night{};        // of the season (the cutoff grid)
  int retrain_every_days = 7;  // the cutoff grid's step
  int calibration_days = 14;   // the validation window before a cutoff
  size_t min_calibration_rows = 100;
  Calibrator::Kind kind = Calibrator::Kind::kIsotonic;
  double min_ev = 0.03;  // recommend a side when its expected value is at least this
  CalibrationOptions calibration() const { return {calibration_days, min_calibration_rows, kind}; }
};

struct MoneyFigures {
  std::string system;      // a system_id, or "always_under"
  int64_t lined = 0;       // graded lined rows (not voided, not pushes) in the report range
  int64_t calibrated = 0;  // of those, with a calibrated P(over)
  std::optional<double> brier, market_brier;  // over the calibrated rows
  std::vector<ReliabilityBin> reliability;
  int64_t bets = 0, wins = 0, losses = 0, pushes = 0;
  std::optional<double> hit_rate, break_even;  // fractions; wins / (wins + losses)
  double profit = 0;
  std::optional<RoiInterval> roi;
};

// One MoneyFigures per system of `pooled` (by system_id), then always_under (market rows).
std::vector<MoneyFigures> money_report(const PooledGrades& pooled, const MoneyOptions& options);

}  // namespace nbaprops::predict
