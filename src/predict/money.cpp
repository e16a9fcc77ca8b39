#include "predict/money.h"

#include <cmath>
#include <cstdlib>

namespace nbaprops::predict {

double win_payout(int64_t price) {
  return price < 0 ? 100.0 / static_cast<double>(-price) : static_cast<double>(price) / 100.0;
}

double implied_probability(int64_t price) {
  return 1.0 / (1.0 + win_payout(price));
}

std::optional<double> break_even_rate(std::span<const int64_t> prices) {
  if (prices.empty()) return std::nullopt;
  double sum = 0;
  for (int64_t p : prices) sum += 1.0 + win_payout(p);
  return static_cast<double>(prices.size()) / sum;
}

double no_vig_over(int64_t over_price, int64_t under_price) {
  double io = implied_probability(over_price), iu = implied_probability(under_price);
  return io / (io + iu);
}

double expected_value(double p, int64_t price) {
  return p * win_payout(price) - (1.0 - p);
}

std::optional<EvPick> pick_by_ev(double p_over, std::optional<int64_t> over_price,
                                 std::optional<int64_t> under_price, double min_ev) {
  if (!over_price || !under_price) return std::nullopt;
  double over = expected_value(p_over, *over_price);
  double under = expected_value(1.0 - p_over, *under_price);
  EvPick best = over >= under ? EvPick{"OVER", over} : EvPick{"UNDER", under};
  if (best.ev < min_ev) return std::nullopt;
  return best;
}

std::optional<double> brier_score(std::span<const double> p, std::span<const int> outcome) {
  if (p.empty()) return std::nullopt;
  double sum = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    double d = p[i] - outcome[i];
    sum += d * d;
  }
  return sum / static_cast<double>(p.size());
}

std::vector<ReliabilityBin> reliability_table(std::span<const double> p,
                                              std::span<const int> outcome) {
  std::vector<ReliabilityBin> bins(10);
  for (size_t b = 0; b < bins.size(); ++b) {
    bins[b].lo = static_cast<double>(b) / 10;
    bins[b].hi = static_cast<double>(b + 1) / 10;
  }
  for (size_t i = 0; i < p.size(); ++i) {
    size_t b = std::min<size_t>(9, static_cast<size_t>(std::max(0.0, p[i]) * 10));
    ++bins[b].count;
    bins[b].mean_p += p[i];
    bins[b].observed += outcome[i];
  }
  std::vector<ReliabilityBin> out;
  for (auto& b : bins) {
    if (b.count == 0) continue;
    b.mean_p /= static_cast<double>(b.count);
    b.observed /= static_cast<double>(b.count);
    out.push_back(b);
  }
  return out;
}

std::optional<RoiInterval> roi_interval(std::span<const double> profits) {
  if (profits.size() < 2) return std::nullopt;
  double n = static_cast<double>(profits.size()), mean = 0;
  for (double x : profits) mean += x;
  mean /= n;
  double ss = 0;
  for (double x : profits) ss += (x - mean) * (x - mean);
  double half = 1.96 * std::sqrt(ss / (n - 1)) / std::sqrt(n);
  return RoiInterval{mean, mean - half, mean + half};
}

}  // namespace nbaprops::predict
