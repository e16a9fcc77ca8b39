#include "predict/points_calibration.h"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

#include "core/value.h"
#include "predict/model_registry.h"
#include "predict/money.h"
#include "predict/tables.h"

namespace nbaprops::predict {
namespace {

// What calibration reads of a prediction_grades row.
struct CalibrationGradeView {
  std::string system_id;
  Date game_date;
  std::string player_lookup, game_id;
  std::optional<double> line;
  double predicted_points = 0;
  std::optional<double> actual_points;
  bool is_voided = false;
};

const Record<CalibrationGradeView>& calibration_grade_view() {
  using V = CalibrationGradeView;
  static const Record<V> r = Record<V>()
                                 .field("system_id", &V::system_id)
                                 .field("game_date", &V::game_date)
                                 .field("player_lookup", &V::player_lookup)
                                 .field("game_id", &V::game_id)
                                 .dec("line", &V::line, 1)
                                 .dec("predicted_points", &V::predicted_points, 2)
                                 .dec("actual_points", &V::actual_points, 0)
                                 .field("is_voided", &V::is_voided);
  return r;
}

}  // namespace

const Calibrator* PointsCalibrators::find(const std::string& system) const {
  auto it = by_system.find(system);
  return it == by_system.end() ? nullptr : &it->second;
}

PointsCalibrators fit_points_calibrators(const PooledGrades& grades, Date cutoff,
                                         const CalibrationOptions& options) {
  PointsCalibrators out;
  out.cutoff = cutoff;
  for (const auto& [system, rows] : grades.by_system) {
    if (auto c = calibrator_of_cutoff(rows, cutoff, options)) out.by_system.emplace(system, *c);
  }
  auto anchored = grades.by_system.find(std::string(kAnchorBase));
  if (anchored != grades.by_system.end()) {
    out.line_shrinkage =
        fit_line_shrinkage(anchored->second, cutoff, options.calibration_days, options.min_rows);
  }
  return out;
}

PointsCalibrators read_points_calibrators(Store& store, Date cutoff,
                                          const CalibrationOptions& options) {
  const TableSchema& t = prediction_grades_table();
  const auto& view = calibration_grade_view();
  const RowBinding binding = view.bind(t);
  // In whatever order is cheapest (no sort in SQL), then in key order (date, player, game) per
  // system, the order the backtest's money report fits in: the isotonic fit depends on the
  // order of tied scores, so the same rows in the same order give the same fit, bit for bit.
  struct Keyed {
    Date game_date;
    std::string player_lookup, game_id;
    GradedRow row;
  };
  std::map<std::string, std::vector<Keyed>> by_system;
  store.scan_columns(
      t, view.wanted(t),
      {{"game_date", ">=", format_date(Date{cutoff.days - options.calibration_days})},
       {"game_date", "<", format_date(cutoff)}},
      [&](const Row& row) {
        CalibrationGradeView r = view.read(binding, row);
        GradedRow g;
        g.game_date = r.game_date;
        g.prediction.line = r.line;
        g.prediction.predicted_points = r.predicted_points;
        g.grade.actual_points = r.actual_points;
        g.grade.is_voided = r.is_voided;
        by_system[r.system_id].push_back(
            {r.game_date, std::move(r.player_lookup), std::move(r.game_id), std::move(g)});
      },
      true);
  PooledGrades grades;
  for (auto& [system, rows] : by_system) {
    std::sort(rows.begin(), rows.end(), [](const Keyed& a, const Keyed& b) {
      return std::tie(a.game_date.days, a.player_lookup, a.game_id) <
             std::tie(b.game_date.days, b.player_lookup, b.game_id);
    });
    auto& out = grades.by_system[system];
    out.reserve(rows.size());
    for (Keyed& k : rows) out.push_back(std::move(k.row));
  }
  return fit_points_calibrators(grades, cutoff, options);
}

void add_probability(PredictionRecord& p, const Calibrator* calibrator) {
  p.p_over = p.ev_over = p.ev_under = std::nullopt;
  if (!calibrator || !p.line) return;
  // The stored values: p_over is rounded to its 4 decimals before the EVs use it, so a reader
  // re-derives each EV from the row.
  double p_over = round_half_away(calibrator->probability(p.predicted_points - *p.line), 4);
  p.p_over = p_over;
  if (p.over_price) p.ev_over = expected_value(p_over, *p.over_price);
  if (p.under_price) p.ev_under = expected_value(1.0 - p_over, *p.under_price);
}

std::shared_ptr<const PointsCalibrators> CalibratorCache::get(Store& store, Date d,
                                                              int retrain_every_days) {
  return of_cutoff(store, cutoff_for(store, d, retrain_every_days), retrain_every_days);
}

std::shared_ptr<const PointsCalibrators> CalibratorCache::of_cutoff(Store& store, Date cutoff,
                                                                    int retrain_every_days) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto key = std::make_pair(retrain_every_days, cutoff.days);
  auto it = by_cutoff_.find(key);
  if (it == by_cutoff_.end()) {
    auto fitted =
        std::make_shared<const PointsCalibrators>(read_points_calibrators(store, cutoff, options_));
    it = by_cutoff_.emplace(key, std::move(fitted)).first;
  }
  return it->second;
}

}  // namespace nbaprops::predict
