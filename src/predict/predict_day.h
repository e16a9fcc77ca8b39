// Predicting one date D (04-predictions.md §1-2): the candidates, the player-level skips, every
// requested system per player, then the ensemble from the base systems' stored values.
//
// load_predict_inputs reads the store (Phase 3/4 rows of D, the TDZA rows of the 90 days
// before, the player_game_summary history, D's prop lines); predict_date is a pure function of
// those inputs (rows in key order, processed_at NULL); write_predictions replaces D's rows in
// player_prop_predictions and prediction_skips, each in one transaction.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "core/value.h"
#include "predict/player_day.h"
#include "predict/recommendation.h"
#include "store/store.h"

namespace nbaprops::predict {

// How far back D's inputs reach in Phase 4 rows: team_defense_zone_analysis of analysis dates
// D - 90 .. D (the opponent tier of similarity's past games).
inline constexpr int kDefenseLookbackDays = 90;

// The systems in the order they run; the ensemble comes last.
const std::vector<std::string>& all_systems();

// The line of a player for D (UPGC's current_points_line and bookmaker; snapshot time and
// prices from that book's chosen prop_lines snapshot when it gives the same line).
struct LineInfo {
  std::optional<double> line;
  std::optional<std::string> bookmaker, snapshot_at;
  std::optional<int64_t> over_price, under_price;
};

struct Candidate {
  std::string player_lookup;
  std::optional<std::string> injury_status;
  bool has_features = false;  // an ml_feature_store row of D
  std::optional<Features> features;
  std::optional<double> feature_quality_score;
  std::optional<std::string> game_id, team_abbr, opponent_abbr, feature_version, quality_tier;
  std::optional<double> attempts_per_game;
  LineInfo line;
};

struct PredictInputs {
  Date d;
  std::vector<Candidate> candidates;  // player_lookup order
  DefenseByDate defense;              // TDZA rows, analysis dates D - 90 .. D
  std::unordered_map<std::string, std::vector<PlayerGame>> history;  // dates < D
};

// REQUIRES: the store holds Phases 3-4 for D. Throws StoreError.
PredictInputs load_predict_inputs(Store& store, Date d);

struct PredictOutput {
  std::vector<Row> predictions, skips;  // key order; processed_at NULL
  size_t candidates = 0;
};

// Runs `systems` (ids of all_systems(); empty = all) with `thresholds` (missing ids: defaults).
PredictOutput predict_date(const PredictInputs& in, const std::vector<std::string>& systems,
                           const std::map<std::string, Thresholds>& thresholds = {});

// What a date is predicted with: `predict` and the backtest pass the same options (a model
// folder for gradient_boosting joins here).
struct PredictOptions {
  std::vector<std::string> systems;              // ids of all_systems(); empty = all
  std::map<std::string, Thresholds> thresholds;  // missing ids: defaults
};

// The one way a date is predicted from the store: load_predict_inputs + predict_date. Reads
// only (the backtest runs it for several dates at once, one Store per thread).
// REQUIRES: the store holds Phases 3-4 for D. Throws StoreError.
PredictOutput predict_from_store(Store& store, Date d, const PredictOptions& options);

// Replaces D's rows of both tables (default player_prop_predictions and prediction_skips; the
// backtest passes backtest_predictions and backtest_skips). Throws StoreError.
void write_predictions(Store& store, Date d, PredictOutput out, const std::string& processed_at,
                       const TableSchema* predictions_table = nullptr,
                       const TableSchema* skips_table = nullptr);

}  // namespace nbaprops::predict
