#include "predict/calibrator.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace nbaprops::predict {
namespace {

double clip(double p) {
  return std::clamp(p, kMinCalibratedP, kMaxCalibratedP);
}

}  // namespace

std::optional<Calibrator> Calibrator::fit_isotonic(std::span<const double> scores,
                                                   std::span<const int> outcomes, size_t min_rows) {
  if (scores.size() < min_rows || scores.empty()) return std::nullopt;
  std::vector<size_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t i, size_t j) { return scores[i] < scores[j]; });
  // Blocks of pooled points: (sum of outcomes, count, sum of scores).
  struct Block {
    double sum, n, score_sum;
  };
  std::vector<Block> blocks;
  for (size_t k = 0; k < order.size(); ++k) {
    size_t i = order[k];
    // Equal scores are one point (ties pooled first).
    if (!blocks.empty() && k > 0 && scores[order[k - 1]] == scores[i]) {
      blocks.back().sum += outcomes[i];
      blocks.back().n += 1;
      blocks.back().score_sum += scores[i];
    } else {
      blocks.push_back({static_cast<double>(outcomes[i]), 1, scores[i]});
    }
    while (blocks.size() > 1) {
      Block& last = blocks.back();
      Block& prev = blocks[blocks.size() - 2];
      if (prev.sum / prev.n <= last.sum / last.n) break;
      prev.sum += last.sum;
      prev.n += last.n;
      prev.score_sum += last.score_sum;
      blocks.pop_back();
    }
  }
  Calibrator c;
  c.kind_ = Kind::kIsotonic;
  for (const Block& b : blocks) c.knots_.emplace_back(b.score_sum / b.n, clip(b.sum / b.n));
  return c;
}

std::optional<Calibrator> Calibrator::fit_platt(std::span<const double> scores,
                                                std::span<const int> outcomes, size_t min_rows) {
  if (scores.size() < min_rows || scores.empty()) return std::nullopt;
  double a = 0, b = 0;
  for (int iter = 0; iter < 100; ++iter) {
    // Gradient and Hessian of the mean log loss, with a small ridge for separable data.
    double ga = 1e-6 * a, gb = 0, haa = 1e-6, hab = 0, hbb = 1e-9;
    for (size_t i = 0; i < scores.size(); ++i) {
      double p = 1.0 / (1.0 + std::exp(-(a * scores[i] + b)));
      double r = p - outcomes[i], w = p * (1 - p);
      ga += r * scores[i];
      gb += r;
      haa += w * scores[i] * scores[i];
      hab += w * scores[i];
      hbb += w;
    }
    double det = haa * hbb - hab * hab;
    if (std::abs(det) < 1e-12) break;
    double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (std::abs(da) < 1e-10 && std::abs(db) < 1e-10) break;
  }
  Calibrator c;
  c.kind_ = Kind::kPlatt;
  c.a_ = a;
  c.b_ = b;
  return c;
}

double Calibrator::probability(double score) const {
  if (kind_ == Kind::kPlatt) return clip(1.0 / (1.0 + std::exp(-(a_ * score + b_))));
  if (knots_.empty()) return 0.5;
  if (score <= knots_.front().first) return knots_.front().second;
  if (score >= knots_.back().first) return knots_.back().second;
  auto hi = std::upper_bound(knots_.begin(), knots_.end(), score,
                             [](double s, const auto& k) { return s < k.first; });
  auto lo = std::prev(hi);
  double t = (score - lo->first) / (hi->first - lo->first);
  return clip(lo->second + t * (hi->second - lo->second));
}

std::string Calibrator::to_json() const {
  nlohmann::json j;
  if (kind_ == Kind::kPlatt) {
    j["kind"] = "platt";
    j["a"] = a_;
    j["b"] = b_;
  } else {
    j["kind"] = "isotonic";
    j["knots"] = nlohmann::json::array();
    for (const auto& [s, p] : knots_) j["knots"].push_back({s, p});
  }
  return j.dump();
}

std::optional<Calibrator> Calibrator::from_json(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("kind")) return std::nullopt;
  Calibrator c;
  if (j["kind"] == "platt") {
    if (!j.contains("a") || !j.contains("b")) return std::nullopt;
    c.kind_ = Kind::kPlatt;
    c.a_ = j["a"].get<double>();
    c.b_ = j["b"].get<double>();
    return c;
  }
  if (j["kind"] != "isotonic" || !j.contains("knots") || !j["knots"].is_array()) {
    return std::nullopt;
  }
  for (const auto& k : j["knots"]) {
    if (!k.is_array() || k.size() != 2) return std::nullopt;
    c.knots_.emplace_back(k[0].get<double>(), k[1].get<double>());
  }
  return c;
}

}  // namespace nbaprops::predict
