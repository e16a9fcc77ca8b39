// P(over), P(push), P(under) of a line from a predicted mean (issue 12 item 3), before the
// calibrator: the stat is a count, so a line L has over = P(X >= floor(L) + 1), under =
// P(X <= ceil(L) - 1) and push = P(X = L) (zero for a half-line).
//   normal:  X ~ N(mean, sd) read with a continuity correction: over = 1 - Phi((floor(L) + 0.5 -
//            mean) / sd), under = Phi((ceil(L) - 0.5 - mean) / sd).
//   negative binomial: mean m > 0 and size r (variance m + m^2 / r); r = +inf is Poisson.
// Pure functions; thread-safe.
#pragma once

#include <limits>

namespace nbaprops::predict::markets {

struct LineProbabilities {
  double over = 0, push = 0, under = 0;
  // P(over | not a push): what a calibrator maps and what expected_value() takes.
  double over_given_action() const { return over + under > 0 ? over / (over + under) : 0.5; }
};

// REQUIRES: sd > 0.
LineProbabilities normal_line_probabilities(double mean, double sd, double line);
// REQUIRES: size > 0 (infinity: Poisson). A mean <= 0 puts all mass on 0.
LineProbabilities negative_binomial_line_probabilities(double mean, double size, double line);

// The size r of a negative binomial with the given mean of means and residual variance:
// r = mean_sq / (variance - mean) from variance = mean + mean_sq / r (mean_sq: the mean of
// the squared predicted means); +inf (Poisson) when variance <= mean.
double negative_binomial_size(double mean, double mean_sq, double variance);

}  // namespace nbaprops::predict::markets
