#include "predict/systems.h"

#include "predict/gradient_boosting.h"
#include "predict/line_anchored.h"
#include "predict/moving_average.h"
#include "predict/points_calibration.h"
#include "predict/predict_day.h"
#include "predict/similarity.h"
#include "predict/zone_matchup.h"

namespace nbaprops::predict {
namespace {

// gradient_boosting for every eligible candidate in one model call; indexed like candidates
// (ineligible ones hold an empty result).
std::vector<SystemResult> batch_gradient_boosting(const PredictInputs& in,
                                                  const std::vector<bool>& eligible) {
  std::vector<GbPlayer> players;
  std::vector<size_t> index;
  for (size_t i = 0; i < in.candidates.size(); ++i) {
    if (!eligible[i]) continue;
    const Candidate& c = in.candidates[i];
    players.push_back(
        {&*c.features, c.feature_sources ? &*c.feature_sources : nullptr, c.feature_quality_score});
    index.push_back(i);
  }
  std::vector<SystemResult> batch = gradient_boosting(in.model.get(), players, in.no_model_detail);
  std::vector<SystemResult> out(in.candidates.size());
  for (size_t k = 0; k < index.size(); ++k) out[index[k]] = std::move(batch[k]);
  return out;
}

SystemResult combine_ensemble(const CombinerInput& in) {
  return ensemble(in.members);
}

// line_anchored: the ensemble's stored value shrunk toward the line by C(D)'s a (1 without a fit).
SystemResult combine_line_anchored(const CombinerInput& in) {
  double a = in.calibrators ? in.calibrators->line_shrinkage.a : 1.0;
  return line_anchored(in.combined_of(kAnchorBase), in.line, a);
}

constexpr auto kPerPlayer = SystemKind::kPerPlayer;
constexpr auto kBatched = SystemKind::kBatched;
constexpr auto kCombiner = SystemKind::kCombiner;
constexpr auto kMarketModel = SystemKind::kMarketModel;

}  // namespace

const std::vector<SystemEntry>& system_registry() {
  // clang-format off
  static const std::vector<SystemEntry> registry = {
    // id                   market    kind        per player       batched                  combine
    {"moving_average",    "points", kPerPlayer, moving_average, nullptr,                 nullptr},
    {"zone_matchup",      "points", kPerPlayer, zone_matchup,   nullptr,                 nullptr},
    {"similarity",        "points", kPerPlayer, similarity,     nullptr,                 nullptr},
    {"gradient_boosting", "points", kBatched,   nullptr,        batch_gradient_boosting, nullptr},
    {"ensemble",          "points", kCombiner,  nullptr,        nullptr,                 combine_ensemble},
    {"line_anchored",     "points", kCombiner,  nullptr,        nullptr,                 combine_line_anchored},
    // The market models (markets/market_registry.h: system_id of their registry rows).
    {"points_model",      "points",   kMarketModel, nullptr,    nullptr,                 nullptr},
    {"rebounds_model",    "rebounds", kMarketModel, nullptr,    nullptr,                 nullptr},
    {"assists_model",     "assists",  kMarketModel, nullptr,    nullptr,                 nullptr},
    {"threes_model",      "threes",   kMarketModel, nullptr,    nullptr,                 nullptr},
    {"pra_model",         "pra",      kMarketModel, nullptr,    nullptr,                 nullptr},
  };
  // clang-format on
  return registry;
}

std::optional<Member> CombinerInput::combined_of(std::string_view id) const {
  for (const auto& [system, value] : combined) {
    if (system == id) return value;
  }
  return std::nullopt;
}

const SystemEntry* find_system(std::string_view id) {
  for (const SystemEntry& e : system_registry()) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

const std::vector<std::string>& all_systems() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> out;
    for (const SystemEntry& e : system_registry()) {
      if (e.kind != SystemKind::kMarketModel) out.emplace_back(e.id);
    }
    return out;
  }();
  return ids;
}

std::vector<const SystemEntry*> market_model_systems() {
  std::vector<const SystemEntry*> out;
  for (const SystemEntry& e : system_registry()) {
    if (e.kind == SystemKind::kMarketModel) out.push_back(&e);
  }
  return out;
}

}  // namespace nbaprops::predict
