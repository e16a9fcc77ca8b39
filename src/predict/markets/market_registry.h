// The market models in the model registry (issue 12, the daily run): the model of a market
// and cutoff is trained once and then reused, like gradient_boosting's (model_registry.h).
// A market model is saved as one JSON file (its XGBoost booster, spread, calibrator and blend
// weight) in the models folder, named by its version "<market>-YYYYMMDD-<first 8 hex of the
// SHA-256 of the file>" and never overwritten, with a model_registry row: system_id the
// systems table's entry of the market ("<market>_model", predict/systems.h), feature_version
// kMarketFeatureVersion, the training rows' hash, parameters and library version.
//
// get_or_train_market_model reuses the registered model of (market, cutoff) whose training
// data hash (the rows before the cutoff, market_training_hash) and parameters match;
// otherwise it trains, saves and registers one. Rows dated on or after the cutoff never enter
// the hash or the model. Functions taking a Store run on one thread at a time; a MarketModel
// is immutable and may be shared.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "core/date.h"
#include "predict/markets/market.h"
#include "predict/markets/market_model.h"
#include "predict/model_registry.h"
#include "store/store.h"

namespace nbaprops::predict::markets {

// The version of the market features (market_features.h); a change of a formula changes it
// (market_v2: the same-day features, issue 12 item 4).
inline constexpr const char* kMarketFeatureVersion = "market_v2";

// The model_registry system_id of a market's models: "<market>_model".
std::string market_system_id(const MarketDef& market);

// SHA-256 (hex) of `rows` (date, player, features, label, line, market probability): what a
// model trained on them depends on.
std::string market_training_hash(std::span<const MarketRow> rows);

// A model as the bytes of its file, and back (throws ModelFileError on bytes it cannot read,
// XgbError from the library). from_bytes(to_bytes(m)) predicts what m predicts.
std::string market_model_bytes(const MarketModel& model);
MarketModel market_model_from_bytes(const std::string& bytes);
// The file's fields but the booster (the preamble of the model's fast-loading copy,
// model_registry.h's read_model_copy), and back with the booster read from the copy:
// market_model_from_meta(market_model_meta(m), booster of m) predicts what m predicts.
std::string market_model_meta(const MarketModel& model);
MarketModel market_model_from_meta(const std::string& meta, XgbModel booster);

// The model a market's date uses.
struct MarketModelForDate {
  Date cutoff;
  std::shared_ptr<const MarketModel> model;  // null: fewer than 2,000 training rows
  std::optional<RegistryEntry> entry;        // its registry row
  bool reused = false;                       // registered before this call
  int64_t training_rows = 0;
};

// The newest registered model of (market, cutoff) with today's feature version, parameters and
// library, read from `models_dir`, when no training input was written after it: no
// player_game_summary or prop_line_consensus partition dated before the cutoff has a
// processor_runs row stamped at or after the model's registration. Right when those tables are
// written only by the runner, which records every partition it writes (`run`, `backfill`):
// the model's training rows are then the rows it was trained on, without reading and hashing
// them. nullopt otherwise (two models of the same stamp, a missing file, a later write).
// Throws StoreError, XgbError, ModelFileError.
std::optional<MarketModelForDate> find_current_market_model(
    Store& store, const MarketDef& market, Date cutoff, const std::filesystem::path& models_dir);
// Its two steps: the registry row it would load (the store only; nullopt as above), and
// loading a registered market model from `models_dir` (no store: any thread), its file checked
// against the SHA-256 in its version. load throws ModelFileError, XgbError.
std::optional<RegistryEntry> find_current_market_entry(Store& store, const MarketDef& market,
                                                       Date cutoff,
                                                       const std::filesystem::path& models_dir);
std::shared_ptr<const MarketModel> load_market_model(const RegistryEntry& entry,
                                                     const std::filesystem::path& models_dir);

// The model of `cutoff` for `market` from `rows` (market_rows of the store, date order; only
// those before the cutoff are read): the registered one whose training hash matches, else
// trained, saved in `models_dir` and registered (stamped `processed_at`). The model returned
// is always the one read back from its file. Throws StoreError, XgbError, ModelFileError.
MarketModelForDate get_or_train_market_model(Store& store, const MarketDef& market,
                                             std::span<const MarketRow> rows, Date cutoff,
                                             const std::filesystem::path& models_dir,
                                             const std::string& processed_at);

}  // namespace nbaprops::predict::markets
