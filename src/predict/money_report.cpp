#include "predict/money_report.h"

#include <map>

#include "predict/gradient_boosting.h"

namespace nbaprops::predict {
namespace {

// A graded row the money figures can use: lined, graded, not voided.
bool usable(const GradedRow& r) {
  return r.prediction.line && r.grade.actual_points && !r.grade.is_voided;
}

// 1 over, 0 under, nullopt push.
std::optional<int> over_outcome(const GradedRow& r) {
  double line = *r.prediction.line, actual = *r.grade.actual_points;
  if (actual == line) return std::nullopt;
  return actual > line ? 1 : 0;
}

struct Bets {
  std::vector<int64_t> prices;  // of the decided (not pushed) bets
  std::vector<double> profits;  // every bet, pushes as 0
  int64_t wins = 0, losses = 0, pushes = 0;
  double profit = 0;
  void add(const std::string& side, int64_t price, const GradedRow& r) {
    double line = *r.prediction.line, actual = *r.grade.actual_points;
    if (actual == line) {
      ++pushes;
      profits.push_back(0);
      return;
    }
    bool won = (side == "OVER") == (actual > line);
    double p = won ? win_payout(price) : -1.0;
    (won ? wins : losses) += 1;
    prices.push_back(price);
    profits.push_back(p);
    profit += p;
  }
  void fill(MoneyFigures& f) const {
    f.bets = static_cast<int64_t>(profits.size());
    f.wins = wins;
    f.losses = losses;
    f.pushes = pushes;
    if (wins + losses > 0)
      f.hit_rate = static_cast<double>(wins) / static_cast<double>(wins + losses);
    f.break_even = break_even_rate(prices);
    f.profit = profit;
    f.roi = roi_interval(profits);
  }
};

MoneyFigures system_figures(const std::string& system, const std::vector<GradedRow>& rows,
                            const MoneyOptions& o) {
  MoneyFigures f;
  f.system = system;
  std::map<int, std::optional<Calibrator>> by_cutoff;
  auto calibrator = [&](Date d) -> const std::optional<Calibrator>& {
    Date c = model_cutoff(d, o.opening_night, o.retrain_every_days);
    auto it = by_cutoff.find(c.days);
    if (it != by_cutoff.end()) return it->second;
    return by_cutoff.emplace(c.days, calibrator_of_cutoff(rows, c, o.calibration())).first->second;
  };
  std::vector<double> p, market;
  std::vector<int> y;
  Bets bets;
  for (const GradedRow& r : rows) {
    if (r.game_date < o.report_from || !usable(r)) continue;
    auto outcome = over_outcome(r);
    if (outcome) ++f.lined;
    const auto& cal = calibrator(r.game_date);
    if (!cal) continue;
    double p_over = cal->probability(r.prediction.predicted_points - *r.prediction.line);
    if (outcome && r.prediction.over_price && r.prediction.under_price) {
      ++f.calibrated;
      p.push_back(p_over);
      y.push_back(*outcome);
      market.push_back(no_vig_over(*r.prediction.over_price, *r.prediction.under_price));
    }
    auto pick = pick_by_ev(p_over, r.prediction.over_price, r.prediction.under_price, o.min_ev);
    if (pick) {
      bets.add(pick->side,
               pick->side == "OVER" ? *r.prediction.over_price : *r.prediction.under_price, r);
    }
  }
  f.brier = brier_score(p, y);
  f.market_brier = brier_score(market, y);
  f.reliability = reliability_table(p, y);
  bets.fill(f);
  return f;
}

}  // namespace

std::optional<CalibrationPoint> calibration_point(const GradedRow& row) {
  if (!usable(row)) return std::nullopt;
  auto y = over_outcome(row);
  if (!y) return std::nullopt;
  return CalibrationPoint{row.prediction.predicted_points - *row.prediction.line, *y};
}

std::optional<Calibrator> calibrator_of_cutoff(std::span<const GradedRow> rows, Date cutoff,
                                               const CalibrationOptions& o) {
  std::vector<double> scores;
  std::vector<int> outcomes;
  const Date first{cutoff.days - o.calibration_days};
  for (const GradedRow& r : rows) {
    if (r.game_date < first || !(r.game_date < cutoff)) continue;
    auto point = calibration_point(r);
    if (!point) continue;
    scores.push_back(point->score);
    outcomes.push_back(point->outcome);
  }
  return o.kind == Calibrator::Kind::kPlatt
             ? Calibrator::fit_platt(scores, outcomes, o.min_rows)
             : Calibrator::fit_isotonic(scores, outcomes, o.min_rows);
}

std::vector<MoneyFigures> money_report(const PooledGrades& pooled, const MoneyOptions& options) {
  std::vector<MoneyFigures> out;
  for (const auto& [system, rows] : pooled.by_system) {
    out.push_back(system_figures(system, rows, options));
  }
  MoneyFigures under;
  under.system = "always_under";
  Bets bets;
  std::vector<double> market;
  std::vector<int> y;
  for (const GradedRow& r : pooled.market) {
    if (r.game_date < options.report_from || !usable(r) || !r.prediction.under_price) continue;
    auto outcome = over_outcome(r);
    if (outcome) ++under.lined;
    bets.add("UNDER", *r.prediction.under_price, r);
    if (outcome && r.prediction.over_price) {
      market.push_back(no_vig_over(*r.prediction.over_price, *r.prediction.under_price));
      y.push_back(*outcome);
    }
  }
  under.market_brier = brier_score(market, y);
  bets.fill(under);
  out.push_back(std::move(under));
  return out;
}

}  // namespace nbaprops::predict
