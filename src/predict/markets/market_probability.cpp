#include "predict/markets/market_probability.h"

#include <algorithm>
#include <cmath>

namespace nbaprops::predict::markets {
namespace {

double phi(double z) {
  return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

// log P(X = k) of a negative binomial (Poisson when size is infinite).
double log_pmf(int k, double mean, double size) {
  double kk = k;
  if (std::isinf(size)) return kk * std::log(mean) - mean - std::lgamma(kk + 1);
  return std::lgamma(kk + size) - std::lgamma(kk + 1) - std::lgamma(size) +
         size * std::log(size / (size + mean)) + kk * std::log(mean / (size + mean));
}

}  // namespace

LineProbabilities normal_line_probabilities(double mean, double sd, double line) {
  LineProbabilities p;
  p.over = 1.0 - phi((std::floor(line) + 0.5 - mean) / sd);
  p.under = phi((std::ceil(line) - 0.5 - mean) / sd);
  p.push = std::max(0.0, 1.0 - p.over - p.under);
  return p;
}

LineProbabilities negative_binomial_line_probabilities(double mean, double size, double line) {
  LineProbabilities p;
  int max_under = static_cast<int>(std::ceil(line)) - 1;  // under: X <= max_under
  int push_at = static_cast<int>(line);
  bool has_push = std::floor(line) == line;
  if (mean <= 0) {
    p.under = max_under >= 0 ? 1.0 : 0.0;
    p.push = has_push && push_at == 0 ? 1.0 : 0.0;
    p.over = 1.0 - p.under - p.push;
    return p;
  }
  for (int k = 0; k <= max_under; ++k) p.under += std::exp(log_pmf(k, mean, size));
  if (has_push && push_at >= 0) p.push = std::exp(log_pmf(push_at, mean, size));
  p.under = std::min(1.0, p.under);
  p.over = std::max(0.0, 1.0 - p.under - p.push);
  return p;
}

double negative_binomial_size(double mean, double mean_sq, double variance) {
  if (variance <= mean) return std::numeric_limits<double>::infinity();
  return mean_sq / (variance - mean);
}

}  // namespace nbaprops::predict::markets
