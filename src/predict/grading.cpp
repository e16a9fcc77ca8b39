#include "predict/grading.h"

#include <cmath>
#include <cstdlib>

#include "core/value.h"

namespace nbaprops::predict {

std::string side_result(const std::string& side, double line, double actual) {
  if (actual == line) return "PUSH";
  bool over_won = actual > line;
  return (side == "OVER") == over_won ? "WIN" : "LOSS";
}

double profit_of(const std::string& result, int64_t price) {
  if (result == "LOSS") return -1;
  if (result == "PUSH") return 0;
  double p = static_cast<double>(price);
  return round_half_away(price < 0 ? 100.0 / -p : p / 100.0, 4);
}

std::string edge_bucket(double edge) {
  double a = std::fabs(edge);
  if (a < 2) return "0-2";
  if (a < 3) return "2-3";
  if (a < 5) return "3-5";
  return "5+";
}

int confidence_decile(double confidence) {
  return std::min(10, static_cast<int>(std::floor(confidence / 10)) + 1);
}

std::optional<double> ev_taken(const GradeInput& p) {
  if (p.recommendation == "OVER") return p.ev_over;
  if (p.recommendation == "UNDER") return p.ev_under;
  return std::nullopt;
}

Grade grade_prediction(const GradeInput& p, const Outcome& o, std::optional<double> close_line) {
  Grade g;
  g.close_line = close_line;
  g.ev_taken = ev_taken(p);
  if (p.edge) g.edge_bucket = edge_bucket(*p.edge);
  g.confidence_decile = confidence_decile(p.confidence);
  if (o.void_reason) {
    g.is_voided = true;
    g.void_reason = o.void_reason;
    return g;
  }
  double actual = *o.actual_points;
  g.actual_points = actual;
  g.minutes = o.minutes;
  g.signed_error = round_half_away(p.predicted_points - actual, 2);
  g.absolute_error = std::fabs(*g.signed_error);
  g.within_3 = *g.absolute_error <= 3;
  g.within_5 = *g.absolute_error <= 5;
  bool rec = p.recommendation == "OVER" || p.recommendation == "UNDER";
  if (p.line && rec) {
    g.result = side_result(p.recommendation, *p.line, actual);
    auto stored = p.recommendation == "OVER" ? p.over_price : p.under_price;
    g.price = stored.value_or(-110);
    g.profit = profit_of(*g.result, *g.price);
    if (close_line) {
      double move = *close_line - *p.line;
      g.clv = round_half_away(p.recommendation == "OVER" ? move : -move, 1) + 0.0;
    }
  }
  if (p.line && p.edge && *p.edge != 0) {
    g.edge_side_result = side_result(*p.edge > 0 ? "OVER" : "UNDER", *p.line, actual);
  }
  return g;
}

Performance summarize(std::span<const GradedRow> rows, int64_t pending) {
  Performance s;
  s.pending = pending;
  s.predictions = pending;  // pending predictions have no grade row yet
  double abs_sum = 0, signed_sum = 0, conf_sum = 0, clv_sum = 0;
  double lined_sum = 0, market_sum = 0;
  int64_t w3 = 0, w5 = 0, lined = 0, clv_n = 0;
  for (const GradedRow& r : rows) {
    ++s.predictions;
    const Grade& g = r.grade;
    if (g.is_voided) {
      ++s.voided;
      continue;
    }
    if (!g.actual_points) continue;
    ++s.graded;
    abs_sum += *g.absolute_error;
    signed_sum += *g.signed_error;
    conf_sum += r.prediction.confidence;
    w3 += *g.within_3 ? 1 : 0;
    w5 += *g.within_5 ? 1 : 0;
    if (r.prediction.line) {
      ++lined;
      lined_sum += *g.absolute_error;
      market_sum += std::fabs(*r.prediction.line - *g.actual_points);
    }
    if (g.result) {
      ++s.recommendations;
      s.wins += *g.result == "WIN";
      s.losses += *g.result == "LOSS";
      s.pushes += *g.result == "PUSH";
      s.profit += *g.profit;
      if (g.clv) {
        clv_sum += *g.clv;
        ++clv_n;
      }
    }
  }
  s.profit = round_half_away(s.profit, 4);
  if (s.wins + s.losses > 0) {
    s.win_rate = round_half_away(100.0 * s.wins / static_cast<double>(s.wins + s.losses), 2);
  }
  if (s.recommendations > 0) {
    s.roi = round_half_away(100.0 * s.profit / static_cast<double>(s.recommendations), 2);
  }
  if (s.graded > 0) {
    double n = static_cast<double>(s.graded);
    s.mae = round_half_away(abs_sum / n, 3);
    s.bias = round_half_away(signed_sum / n, 3);
    s.within_3_pct = round_half_away(100.0 * static_cast<double>(w3) / n, 2);
    s.within_5_pct = round_half_away(100.0 * static_cast<double>(w5) / n, 2);
    s.avg_confidence = round_half_away(conf_sum / n, 2);
  }
  if (lined > 0) {
    double n = static_cast<double>(lined);
    s.lined_mae = round_half_away(lined_sum / n, 3);
    s.market_mae = round_half_away(market_sum / n, 3);
    s.mae_vs_market = round_half_away(lined_sum / n - market_sum / n, 3);
  }
  if (clv_n > 0) s.avg_clv = round_half_away(clv_sum / static_cast<double>(clv_n), 3);
  return s;
}

}  // namespace nbaprops::predict
