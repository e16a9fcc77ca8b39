// The prediction systems (04-predictions.md §2-§8), declared once as data, like the processor
// graph (pipeline/graph.h): one entry per system_id, in the order they run (the ensemble, which
// combines the others' values for the player, last). predict_date() runs the requested entries
// through their function; adding a system, or a system of another market, is one entry in
// system_registry() (systems.cpp) plus its code.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "predict/ensemble.h"
#include "predict/estimate.h"
#include "predict/player_day.h"

namespace nbaprops::predict {

struct PredictInputs;      // predict_day.h
struct PointsCalibrators;  // points_calibration.h

// What a combiner reads for one player: the stored (predicted points, confidence) of the base
// systems that predicted him, his line, the stored values of the combiners that ran before it
// (registry order), and the fits of D's cutoff (null when the run has none).
struct CombinerInput {
  std::span<const Member> members;
  std::optional<double> line;
  std::span<const std::pair<std::string_view, Member>> combined;
  const PointsCalibrators* calibrators = nullptr;
  // The stored value of the earlier combiner `id`, or nullopt.
  std::optional<Member> combined_of(std::string_view id) const;
};

enum class SystemKind {
  kPerPlayer,  // a pure function of one player's day (PlayerDay)
  kBatched,    // one call for every eligible player of the date (one model call)
  kCombiner,   // runs after the others, from the values they produced for the player
  // A market model (predict/markets/): not run by predict_date; the Phase 5 stage
  // market_predictions runs it for its market and writes market_predictions.
  kMarketModel,
};

struct SystemEntry {
  std::string_view id;      // system_id (04-predictions.md §2.2)
  std::string_view market;  // the market it predicts (points, rebounds, assists, threes, pra)
  SystemKind kind = SystemKind::kPerPlayer;
  // kPerPlayer: the estimate of one player.
  SystemResult (*per_player)(const PlayerDay&) = nullptr;
  // kBatched: the results of every candidate of `in`, indexed like in.candidates (the ones
  // not `eligible` hold an empty result).
  std::vector<SystemResult> (*batched)(const PredictInputs& in,
                                       const std::vector<bool>& eligible) = nullptr;
  // kCombiner: the estimate from what the others produced for the player.
  SystemResult (*combine)(const CombinerInput& in) = nullptr;
};

// Every system, in run order (combiners, then the market models, last).
const std::vector<SystemEntry>& system_registry();

// The entry of `id`, or nullptr.
const SystemEntry* find_system(std::string_view id);

// The ids of the systems predict_date runs (every entry but the market models), in run order.
const std::vector<std::string>& all_systems();

// The market model entries, in registry order (one per market of markets::all_markets()).
std::vector<const SystemEntry*> market_model_systems();

}  // namespace nbaprops::predict
