// Calibrating P(over) (issue 12, item 5): maps a model's score for a lined player-game (its
// predicted stat minus the line) to the probability that the actual stat goes over the line.
// Fitted on a validation window dated before the model's cutoff, one calibrator per market.
//
// Two kinds: isotonic regression (pool-adjacent-violators: the non-decreasing step function
// of the score that minimises the squared error, read between knots by linear interpolation,
// clamped outside them) and Platt scaling (p = 1 / (1 + exp(-(a * score + b))), fitted by
// Newton's method on the log loss). Both are clipped to [0.01, 0.99]: a validation window of a
// few hundred rows says nothing about certainty. Fitting is pure; a Calibrator is immutable
// and safe to share between threads.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace nbaprops::predict {

inline constexpr double kMinCalibratedP = 0.01;
inline constexpr double kMaxCalibratedP = 0.99;

class Calibrator {
 public:
  enum class Kind { kIsotonic, kPlatt };

  // Fits on (score, outcome) pairs, outcome 1 for over and 0 for under (pushes left out).
  // nullopt with fewer than `min_rows` pairs. REQUIRES: scores.size() == outcomes.size().
  static std::optional<Calibrator> fit_isotonic(std::span<const double> scores,
                                                std::span<const int> outcomes,
                                                size_t min_rows = 100);
  static std::optional<Calibrator> fit_platt(std::span<const double> scores,
                                             std::span<const int> outcomes, size_t min_rows = 100);

  // P(over) for `score`, in [0.01, 0.99].
  double probability(double score) const;

  Kind kind() const { return kind_; }
  // Platt's coefficients (0 for isotonic).
  double a() const { return a_; }
  double b() const { return b_; }
  // Isotonic knots (score, probability), scores increasing (empty for Platt).
  const std::vector<std::pair<double, double>>& knots() const { return knots_; }

  // A compact JSON text of the calibrator (stored with the model), and back. from_json
  // returns nullopt for a text it cannot read.
  std::string to_json() const;
  static std::optional<Calibrator> from_json(const std::string& text);

 private:
  Kind kind_ = Kind::kIsotonic;
  double a_ = 0, b_ = 0;
  std::vector<std::pair<double, double>> knots_;
};

}  // namespace nbaprops::predict
