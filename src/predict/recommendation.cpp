#include "predict/recommendation.h"

#include <algorithm>
#include <cmath>

#include "core/value.h"

namespace nbaprops::predict {

Thresholds default_thresholds(std::string_view system_id) {
  if (system_id == "similarity") return {2.0, 65.0};
  if (system_id == "gradient_boosting") return {1.5, 60.0};
  if (system_id == "ensemble") return {1.5, 65.0};
  if (system_id == "line_anchored") return {1.5, 65.0};  // the ensemble's (its confidence)
  return {2.0, 46.0};                                    // moving_average, zone_matchup
}

std::string recommend(std::optional<double> edge, double confidence, bool has_line,
                      const Thresholds& t) {
  if (!has_line || !edge) return "NO_LINE";
  if (std::fabs(*edge) >= t.edge && confidence >= t.confidence && *edge != 0.0) {
    return *edge > 0 ? "OVER" : "UNDER";
  }
  return "PASS";
}

StoredPrediction finish_prediction(double raw, double confidence, std::optional<double> line,
                                   const Thresholds& t) {
  StoredPrediction p;
  p.predicted_points = round_half_away(std::clamp(raw, 0.0, 60.0), 2) + 0.0;
  p.confidence = round_half_away(confidence, 1) + 0.0;
  if (line) p.edge = round_half_away(p.predicted_points - round_half_away(*line, 1), 2) + 0.0;
  p.recommendation = recommend(p.edge, p.confidence, line.has_value(), t);
  return p;
}

}  // namespace nbaprops::predict
