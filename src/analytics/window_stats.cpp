#include "analytics/window_stats.h"

#include <algorithm>
#include <cmath>

namespace nbaprops::analytics {
namespace {

std::vector<double> present(std::span<const std::optional<double>> values) {
  std::vector<double> out;
  out.reserve(values.size());
  for (const auto& v : values) {
    if (v) out.push_back(*v);
  }
  return out;
}

}  // namespace

std::optional<double> mean_of(std::span<const double> values) {
  if (values.empty()) return std::nullopt;
  double sum = 0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

std::optional<double> mean_of(std::span<const std::optional<double>> values) {
  return mean_of(std::span<const double>(present(values)));
}

std::optional<double> sample_std_of(std::span<const double> values) {
  if (values.size() < 2) return std::nullopt;
  double mean = *mean_of(values);
  double ss = 0;
  for (double v : values) ss += (v - mean) * (v - mean);
  return std::sqrt(ss / static_cast<double>(values.size() - 1));
}

std::optional<double> sample_std_of(std::span<const std::optional<double>> values) {
  return sample_std_of(std::span<const double>(present(values)));
}

std::optional<double> median_of(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  size_t n = values.size();
  if (n % 2 == 1) return values[n / 2];
  return (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

std::optional<double> least_squares_slope(std::span<const double> y) {
  size_t n = y.size();
  if (n < 2) return std::nullopt;
  double x_mean = static_cast<double>(n - 1) / 2.0;
  double y_mean = *mean_of(y);
  double num = 0, den = 0;
  for (size_t i = 0; i < n; ++i) {
    double dx = static_cast<double>(i) - x_mean;
    num += dx * (y[i] - y_mean);
    den += dx * dx;
  }
  return num / den;
}

std::optional<double> trend_slope(std::span<const double> y) {
  if (y.size() < 3) return std::nullopt;
  return least_squares_slope(y);
}

std::string sample_quality(int n, int window) {
  if (n >= window) return "excellent";
  if (n >= static_cast<int>(0.7 * window)) return "good";
  if (n >= static_cast<int>(0.5 * window)) return "limited";
  return "insufficient";
}

}  // namespace nbaprops::analytics
