// What a prediction system returns for one player: an unrounded estimate and confidence, or a
// decline with the reason of 04-predictions.md §2.4 (a skip record, no prediction row).
#pragma once

#include <optional>
#include <string>

namespace nbaprops::predict {

struct Estimate {
  double raw = 0;                            // before clamping and rounding (recommendation.h)
  double confidence = 0;                     // 0-100, before rounding
  std::optional<int> similar_games;          // similarity: n
  std::optional<double> mean_similarity;     // similarity: mean score of the games used
  std::optional<int> members;                // ensemble
  std::optional<double> member_sd;           // ensemble
  std::optional<std::string> model_version;  // gradient_boosting
};

struct SystemResult {
  std::optional<Estimate> estimate;  // empty: declined
  std::string reason, detail;        // the decline (missing_inputs, too_few_similar, ...)

  static SystemResult ok(Estimate e) { return {std::move(e), {}, {}}; }
  static SystemResult decline(std::string reason, std::string detail) {
    return {std::nullopt, std::move(reason), std::move(detail)};
  }
};

}  // namespace nbaprops::predict
