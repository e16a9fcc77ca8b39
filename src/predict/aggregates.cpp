#include "predict/aggregates.h"

#include <fmt/format.h>

#include <map>

#include "core/value.h"
#include "predict/money.h"

namespace nbaprops::predict {
namespace {

std::optional<double> win_rate(int64_t wins, int64_t losses) {
  if (wins + losses == 0) return std::nullopt;
  return round_half_away(100.0 * static_cast<double>(wins) / static_cast<double>(wins + losses), 2);
}

void count(const std::string& result, bool recommended, BucketFigures& b) {
  ++b.n;
  b.wins += result == "WIN";
  b.losses += result == "LOSS";
  b.pushes += result == "PUSH";
  if (!recommended) return;
  ++b.rec_n;
  b.rec_wins += result == "WIN";
  b.rec_losses += result == "LOSS";
  b.rec_pushes += result == "PUSH";
}

}  // namespace

std::string confidence_bucket(int decile) {
  return fmt::format("{}-{}", 10 * (decile - 1), 10 * decile);
}

std::vector<BucketFigures> summarize_buckets(std::span<const GradedRow> rows) {
  // (kind, label) in key order: "confidence" < "edge"; labels sort as their numbers do.
  std::map<std::pair<std::string, std::string>, BucketFigures> buckets;
  for (const GradedRow& r : rows) {
    const Grade& g = r.grade;
    // edge_side_result is set exactly on graded lined rows with edge != 0.
    if (g.is_voided || !g.edge_side_result || !g.edge_bucket) continue;
    bool recommended = g.result.has_value();
    std::string decile = confidence_bucket(g.confidence_decile);
    BucketFigures& e = buckets[{"edge", *g.edge_bucket}];
    BucketFigures& c = buckets[{"confidence", decile}];
    e.kind = "edge";
    e.bucket = *g.edge_bucket;
    c.kind = "confidence";
    c.bucket = decile;
    count(*g.edge_side_result, recommended, e);
    count(*g.edge_side_result, recommended, c);
  }
  std::vector<BucketFigures> out;
  for (auto& [key, b] : buckets) {
    b.win_rate = win_rate(b.wins, b.losses);
    b.rec_win_rate = win_rate(b.rec_wins, b.rec_losses);
    out.push_back(std::move(b));
  }
  return out;
}

GradedRow market_row(double line, double actual_points, std::optional<double> minutes) {
  GradeInput p;
  p.recommendation = "PASS";
  p.line = line;
  p.predicted_points = line;
  Outcome o;
  o.actual_points = actual_points;
  o.minutes = minutes;
  return {p, grade_prediction(p, o, std::nullopt)};
}

Performance summarize_market(std::span<const GradedRow> rows) {
  Performance s = summarize(rows);
  s.avg_confidence.reset();
  return s;
}

ProbabilityScores probability_scores(std::span<const GradedRow> rows) {
  std::vector<double> p, market;
  std::vector<int> y;
  for (const GradedRow& r : rows) {
    const GradeInput& x = r.prediction;
    const Grade& g = r.grade;
    if (g.is_voided || !g.actual_points || !x.line || *g.actual_points == *x.line) continue;
    if (!x.p_over || !x.over_price || !x.under_price) continue;
    p.push_back(*x.p_over);
    market.push_back(no_vig_over(*x.over_price, *x.under_price));
    y.push_back(*g.actual_points > *x.line ? 1 : 0);
  }
  ProbabilityScores out;
  out.n = static_cast<int64_t>(y.size());
  auto rounded = [](std::optional<double> v) -> std::optional<double> {
    if (!v) return std::nullopt;
    return round_half_away(*v, 4);
  };
  out.brier = rounded(brier_score(p, y));
  out.market_brier = rounded(brier_score(market, y));
  return out;
}

}  // namespace nbaprops::predict
