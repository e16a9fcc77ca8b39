// The common rules of every system (04-predictions.md §2.1-2.2): clamping and rounding the
// estimate, the edge against the line, and the one recommendation rule with per-system
// thresholds. Pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nbaprops::predict {

// The thresholds of one system: recommend when |edge| >= edge and confidence >= confidence.
struct Thresholds {
  double edge = 2.0;
  double confidence = 46.0;
};
// The spec's defaults for a system_id (§2.2 table); unknown ids get the rule systems' values.
Thresholds default_thresholds(std::string_view system_id);

// "NO_LINE" without a line, "OVER" / "UNDER" (sign of edge) when |edge| >= E and conf >= C,
// else "PASS". Arguments are the stored values.
std::string recommend(std::optional<double> edge, double confidence, bool has_line,
                      const Thresholds& t);

// A prediction as stored: predicted_points = clamp(raw, 0, 60) to 2 decimals, confidence to 1
// decimal, edge = predicted_points - line (2 decimals, NULL without a line).
struct StoredPrediction {
  double predicted_points = 0, confidence = 0;
  std::optional<double> edge;
  std::string recommendation;
};
StoredPrediction finish_prediction(double raw, double confidence, std::optional<double> line,
                                   const Thresholds& t);

}  // namespace nbaprops::predict
