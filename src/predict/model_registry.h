// The model registry of gradient_boosting (04-predictions.md §6): model files in XGBoost's JSON
// format in a models folder (never overwritten; the name is the version) and the table
// model_registry (store schema version 5), one row per model_version.
//
// get_or_train_model is "the model for date D": it reads the training rows of C(D), and reuses
// the registered model for C(D) when feature_version, training_data_hash, params and
// library_version all match; otherwise it trains, saves and registers a new version. A
// corrected box score before C therefore yields a new model; data on or after C never changes
// it. Functions taking a Store run on one thread at a time (as the Store does); the GbModel
// they return is immutable and may be shared by any number of threads and dates.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/table_schema.h"
#include "predict/gradient_boosting.h"
#include "store/store.h"

namespace nbaprops::predict {

// A model file that cannot be written or read back, or whose bytes do not match its version.
class ModelFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Key model_version; rows in model_version order.
const TableSchema& model_registry_table();
// The tables of store schema version 5 that this folder declares.
std::vector<const TableSchema*> model_tables();

// One model_registry row.
struct RegistryEntry {
  std::string model_version, system_id = "gradient_boosting", feature_version;
  std::string feature_names;  // JSON array of the 60 names, index order
  Date cutoff_date, train_start, train_end;
  int64_t training_rows = 0;
  std::optional<Date> validation_start, validation_end;
  int64_t validation_rows = 0;
  std::optional<double> validation_mae, validation_line_mae;  // 3 decimals
  std::string params, library_version, training_data_hash, file_name;
  std::optional<std::string> processed_at;
};

// Where gradient_boosting keeps and finds its models.
struct ModelOptions {
  std::filesystem::path models_dir;  // REQUIRES: not empty
  int retrain_every_days = kDefaultRetrainEveryDays;
  // Trust the run history (find_current_registered) before reading the training rows: right
  // when ml_feature_store and player_game_summary are written only by the runner (which
  // records every partition it writes in processor_runs), as in `run` and `backfill`.
  bool trust_run_history = false;
  // Days of feature rows before the cutoff that train a model (issue 12: 3,650 reads every
  // earlier season of the store). The trusted fast path above ignores it: the runner always
  // uses the default.
  int training_days = kTrainingWindowDays;
};

// `models` beside the store file (models/ in the current folder for a bare file name or a
// PostgreSQL URL).
std::filesystem::path default_models_dir(const std::string& store_location);

// The earliest regular-season game date of `season` in the store's games (the same rule as
// analytics::opening_night); nullopt when the store has none. Throws StoreError.
std::optional<Date> opening_night(Store& store, int season);
// C(D) with s = opening night of D's season; a season without a regular-season game in the
// store is anchored at July 1 of its start year (season_start). Throws StoreError.
Date cutoff_for(Store& store, Date d, int retrain_every_days = kDefaultRetrainEveryDays);

// The model a date uses.
struct ModelForDate {
  Date cutoff;
  std::shared_ptr<const GbModel> model;  // null: no model for the cutoff
  std::optional<RegistryEntry> entry;    // the registry row of `model`
  bool reused = false;                   // registered before this call
  int64_t rows_found = 0;                // training rows for the cutoff
  std::string no_model_detail;           // why there is no model
};

// The newest registered model of `cutoff` (today's feature version, parameters, library)
// when nothing was written into ml_feature_store or player_game_summary for the training
// window's dates since it was registered (processor_runs): its training rows are then
// unchanged, without reading them. nullopt: undecided (read and hash the rows).
std::optional<RegistryEntry> find_current_registered(Store& store, Date cutoff);
// The rule behind it, for any system: the newest model_registry row of (cutoff, system_id,
// feature_version) with today's parameters and library, when no processor_runs row of the
// processors `inputs` dated in [inputs_from (or the first date), cutoff) is stamped at or after
// its registration. nullopt when none, when two share the newest stamp, or after such a write.
// Throws StoreError.
std::optional<RegistryEntry> current_registered(Store& store, Date cutoff,
                                                const std::string& system_id,
                                                const std::string& feature_version,
                                                const std::vector<std::string>& inputs,
                                                std::optional<Date> inputs_from);

// Gets (or trains, saves and registers) the model for C(D): with trust_run_history, a current
// registered model (find_current_registered); else one whose training data hash matches the rows
// read now, else a new one. Throws StoreError, XgbError, ModelFileError.
ModelForDate get_or_train_model(Store& store, Date d, const ModelOptions& options,
                                const std::string& processed_at);

// The registered version for `cutoff` trained on data with `training_data_hash` under the
// current feature version, parameters and library version; nullopt when none.
std::optional<RegistryEntry> find_registered(Store& store, Date cutoff,
                                             const std::string& training_data_hash);

// Writes the model file (kept when it already holds the same bytes) and upserts its registry
// row. Returns the row. Throws StoreError, ModelFileError.
RegistryEntry save_and_register(Store& store, const TrainedModel& trained,
                                const std::filesystem::path& models_dir,
                                const std::string& processed_at);

// Loads a registered model from `models_dir`, checking the file's SHA-256 against its version.
// Throws ModelFileError, XgbError.
std::shared_ptr<const GbModel> load_model(const RegistryEntry& entry,
                                          const std::filesystem::path& models_dir);

// The model_registry row of an entry, and back (the table's one record; the market models of
// markets/market_registry.h write their rows with it too).
Row registry_row(const RegistryEntry& e);
RegistryEntry registry_entry(const Row& row);
// Writes `bytes` to `path` unless it already holds them; never replaces other bytes. Throws
// ModelFileError.
void write_model_file(const std::filesystem::path& path, const std::string& bytes);
// The bytes of a model file, or nullopt when it cannot be read.
std::optional<std::string> read_model_file(const std::filesystem::path& path);

// The fast-loading copy of a registered model's booster: `<model_version>.ubj` in the models
// folder (docs/decisions.md, "A fast-loading copy beside each model file").
std::filesystem::path ubj_path(const RegistryEntry& entry, const std::filesystem::path& models_dir);
// The booster whose XGBoost JSON is `json`, in a model file of SHA-256 `file_sha`: read from
// the copy at `copy` when its header names `file_sha` and its bytes are intact, else parsed
// from `json` and the copy (re)written, best effort. Throws XgbError.
XgbModel load_booster(std::string_view json, const std::filesystem::path& copy,
                      const std::string& file_sha);
// The copy itself: its booster and the preamble stored before it (empty for a booster alone),
// or nullopt when the copy is missing, names another SHA-256 or is damaged. Writing is best
// effort (a folder that cannot take the copy only loses the speed).
struct ModelCopy {
  XgbModel model;
  std::string preamble;
};
std::optional<ModelCopy> read_model_copy(const std::filesystem::path& copy,
                                         const std::string& file_sha);
void write_model_copy(const XgbModel& model, const std::filesystem::path& copy,
                      const std::string& file_sha, std::string_view preamble);

// "gb-YYYYMMDD-<first 8 hex of the SHA-256 of the file bytes>".
std::string model_version_of(Date cutoff, const std::string& file_bytes);

}  // namespace nbaprops::predict
