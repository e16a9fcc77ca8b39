#include "predict/model_registry.h"

#include <fmt/format.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/record.h"
#include "core/row_reader.h"
#include "core/teams.h"
#include "precompute/ml_feature_store.h"
#include "raw/schema.h"

namespace nbaprops::predict {
namespace {

namespace fs = std::filesystem;
constexpr const char* kSystemId = "gradient_boosting";

std::string feature_names_json() {
  nlohmann::json names = nlohmann::json::array();
  for (const auto& spec : features::catalog()) names.push_back(std::string(spec.name));
  return names.dump();
}

// The model_registry row, declared once: the table's columns, the writer and the reader.
const Record<RegistryEntry>& registry_record() {
  using E = RegistryEntry;
  static const Record<E> r = Record<E>()
                                 .field("model_version", &E::model_version)
                                 .field("system_id", &E::system_id)
                                 .field("feature_version", &E::feature_version)
                                 .field("feature_names", &E::feature_names)
                                 .field("cutoff_date", &E::cutoff_date)
                                 .field("train_start", &E::train_start)
                                 .field("train_end", &E::train_end)
                                 .field("training_rows", &E::training_rows)
                                 .field("validation_start", &E::validation_start)
                                 .field("validation_end", &E::validation_end)
                                 .field("validation_rows", &E::validation_rows)
                                 .dec("validation_mae", &E::validation_mae, 3)
                                 .dec("validation_line_mae", &E::validation_line_mae, 3)
                                 .field("params", &E::params)
                                 .field("library_version", &E::library_version)
                                 .field("training_data_hash", &E::training_data_hash)
                                 .field("file_name", &E::file_name)
                                 .field("processed_at", &E::processed_at, ColumnType::kTs);
  return r;
}

}  // namespace

Row registry_row(const RegistryEntry& e) {
  return registry_record().write(e);
}

RegistryEntry registry_entry(const Row& row) {
  return registry_record().read(model_registry_table(), row);
}

std::optional<std::string> read_model_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void write_model_file(const fs::path& path, const std::string& bytes) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec)
    throw ModelFileError("cannot create " + path.parent_path().string() + ": " + ec.message());
  if (fs::exists(path)) {
    if (read_model_file(path) == bytes) return;
    throw ModelFileError(path.string() + " exists with other bytes (model files are never " +
                         "overwritten)");
  }
  fs::path tmp = path;
  tmp += ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) throw ModelFileError("cannot write " + tmp.string());
  }
  fs::rename(tmp, path, ec);
  if (ec) throw ModelFileError("cannot write " + path.string() + ": " + ec.message());
}

namespace {

// The fast-loading copy of a model file, `<version>.ubj`: the same model in XGBoost's UBJSON
// (parsed about three times faster than its JSON), after one header line "<SHA-256 of the
// JSON file> <CRC-32 of the bytes after the header>", or "<SHA-256> <CRC-32> <n>" when the copy
// also holds an n-byte preamble (the rest of the model file, e.g. a market model's metadata)
// before the UBJSON. The JSON stays the registered, versioned file: a copy whose header does not
// match it, or whose bytes are damaged, is ignored and rewritten.
std::string copy_header(const std::string& json_sha, std::string_view body, size_t preamble) {
  uLong crc =
      crc32(0L, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()));
  if (preamble == 0) return fmt::format("{} {:08x}\n", json_sha, crc);
  return fmt::format("{} {:08x} {}\n", json_sha, crc, preamble);
}

// The preamble length a header line claims (0 without one); nullopt for a line it cannot read.
std::optional<size_t> claimed_preamble(std::string_view line) {
  size_t first = line.find(' '), second = line.find(' ', first + 1);
  if (first == std::string_view::npos) return std::nullopt;
  if (second == std::string_view::npos) return 0;
  size_t n = 0;
  for (char c : line.substr(second + 1)) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<size_t>(c - '0');
  }
  return n;
}

}  // namespace

std::optional<ModelCopy> read_model_copy(const fs::path& path, const std::string& json_sha) {
  auto bytes = read_model_file(path);
  if (!bytes) return std::nullopt;
  size_t eol = bytes->find('\n');
  if (eol == std::string::npos) return std::nullopt;
  std::string_view body = std::string_view(*bytes).substr(eol + 1);
  auto preamble = claimed_preamble(std::string_view(*bytes).substr(0, eol));
  if (!preamble || *preamble > body.size()) return std::nullopt;
  if (bytes->compare(0, eol + 1, copy_header(json_sha, body, *preamble)) != 0) return std::nullopt;
  try {
    return ModelCopy{XgbModel::from_ubj(body.substr(*preamble)),
                     std::string(body.substr(0, *preamble))};
  } catch (const XgbError&) {
    return std::nullopt;
  }
}

// Best effort: a models folder that cannot take the copy only loses the speed.
void write_model_copy(const XgbModel& model, const fs::path& path, const std::string& json_sha,
                      std::string_view preamble) {
  std::string body(preamble);
  body += model.to_ubj();
  fs::path tmp = path;
  tmp += ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << copy_header(json_sha, body, preamble.size()) << body;
    if (!out.flush()) return;
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) fs::remove(tmp, ec);
}

const TableSchema& model_registry_table() {
  static const TableSchema t{
      "model_registry", registry_record().columns(), {"model_version"}, "model_version"};
  return t;
}

std::vector<const TableSchema*> model_tables() {
  return {&model_registry_table()};
}

fs::path default_models_dir(const std::string& store_location) {
  // A server store has no folder: models/ in the working directory.
  if (is_postgres_location(store_location)) return "models";
  return fs::path(store_location).parent_path() / "models";
}

std::optional<Date> opening_night(Store& store, int season) {
  std::optional<Date> first;
  const TableSchema& games = *find_table("games");
  std::vector<bool> wanted(games.columns.size(), false);
  const size_t date = games.column_index("game_date"), home = games.column_index("home_team"),
               away = games.column_index("away_team");
  wanted[date] = wanted[home] = wanted[away] = true;
  auto text = [](const Value& v) {
    const auto* s = std::get_if<std::string>(&v);
    return s ? std::string_view(*s) : std::string_view();
  };
  store.scan_columns(
      games, wanted,
      {{"season", "=", int64_t{season}}, {"season_type", "=", std::string("regular")}},
      [&](const Row& row) {
        auto d = parse_iso_date(text(row[date]));
        bool nba = find_team(text(row[home])) || find_team(text(row[away]));
        if (d && nba && (!first || *d < *first)) first = d;
      },
      true);
  return first;
}

Date cutoff_for(Store& store, Date d, int retrain_every_days) {
  auto open = opening_night(store, season_of(d));
  return model_cutoff(d, open.value_or(season_start(d)), retrain_every_days);
}

namespace {
std::string version_of_sha(Date cutoff, const std::string& sha) {
  std::string day = format_date(cutoff);
  day.erase(std::remove(day.begin(), day.end(), '-'), day.end());
  return "gb-" + day + "-" + sha.substr(0, 8);
}
}  // namespace

std::string model_version_of(Date cutoff, const std::string& file_bytes) {
  return version_of_sha(cutoff, sha256_hex(file_bytes));
}

std::optional<RegistryEntry> find_registered(Store& store, Date cutoff,
                                             const std::string& training_data_hash) {
  std::optional<RegistryEntry> found;
  store.scan(model_registry_table(),
             {{"cutoff_date", "=", format_date(cutoff)},
              {"system_id", "=", std::string(kSystemId)},
              {"feature_version", "=", std::string(features::kFeatureVersion)},
              {"training_data_hash", "=", training_data_hash},
              {"params", "=", params_json(gradient_boosting_params())},
              {"library_version", "=", xgboost_version()}},
             [&](const Row& row) {
               if (!found) found = registry_entry(row);
             });
  return found;
}

RegistryEntry save_and_register(Store& store, const TrainedModel& m, const fs::path& models_dir,
                                const std::string& processed_at) {
  RegistryEntry e;
  e.model_version = model_version_of(m.cutoff, m.model_json);
  e.feature_version = features::kFeatureVersion;
  e.feature_names = feature_names_json();
  e.cutoff_date = m.cutoff;
  e.train_start = m.train_start;
  e.train_end = m.train_end;
  e.training_rows = m.training_rows;
  e.validation_start = m.validation_start;
  e.validation_end = m.validation_end;
  e.validation_rows = m.validation_rows;
  e.validation_mae = m.validation_mae;
  e.validation_line_mae = m.validation_line_mae;
  e.params = params_json(gradient_boosting_params());
  e.library_version = xgboost_version();
  e.training_data_hash = m.training_data_hash;
  e.file_name = e.model_version + ".json";
  e.processed_at = processed_at;
  write_model_file(models_dir / e.file_name, m.model_json);
  Transaction tx(store);
  store.upsert(model_registry_table(), registry_row(e));
  tx.commit();
  // As stored (validation figures rounded to 3 decimals).
  e.validation_mae = registry_entry(registry_row(e)).validation_mae;
  e.validation_line_mae = registry_entry(registry_row(e)).validation_line_mae;
  return e;
}

fs::path ubj_path(const RegistryEntry& entry, const fs::path& models_dir) {
  return models_dir / (entry.model_version + ".ubj");
}

std::shared_ptr<const GbModel> load_model(const RegistryEntry& entry, const fs::path& models_dir) {
  fs::path path = models_dir / entry.file_name;
  auto bytes = read_model_file(path);
  if (!bytes) throw ModelFileError("cannot read model file " + path.string());
  std::string sha = sha256_hex(*bytes);
  if (version_of_sha(entry.cutoff_date, sha) != entry.model_version) {
    throw ModelFileError(path.string() + " does not hold model " + entry.model_version +
                         " (its SHA-256 differs)");
  }
  return std::make_shared<const GbModel>(
      GbModel{entry.model_version, entry.cutoff_date,
              load_booster(*bytes, ubj_path(entry, models_dir), sha)});
}

XgbModel load_booster(std::string_view json, const fs::path& copy, const std::string& file_sha) {
  if (std::optional<ModelCopy> got = read_model_copy(copy, file_sha);
      got && got->preamble.empty()) {
    return std::move(got->model);
  }
  XgbModel model = XgbModel::from_json(json);
  write_model_copy(model, copy, file_sha, {});
  return model;
}

std::optional<RegistryEntry> current_registered(Store& store, Date cutoff,
                                                const std::string& system_id,
                                                const std::string& feature_version,
                                                const std::vector<std::string>& inputs,
                                                std::optional<Date> inputs_from) {
  // The newest registered model of the cutoff with this feature version and today's
  // parameters and library (two of the same time: undecided).
  std::optional<RegistryEntry> newest;
  bool tie = false;
  store.scan(model_registry_table(),
             {{"cutoff_date", "=", format_date(cutoff)},
              {"system_id", "=", system_id},
              {"feature_version", "=", feature_version},
              {"params", "=", params_json(gradient_boosting_params())},
              {"library_version", "=", xgboost_version()}},
             [&](const Row& row) {
               RegistryEntry e = registry_entry(row);
               if (newest && e.processed_at == newest->processed_at) tie = true;
               if (!newest || newest->processed_at < e.processed_at) {
                 newest = std::move(e);
                 tie = false;
               }
             });
  if (!newest || tie || !newest->processed_at) return std::nullopt;
  // Any write of a training input partition before C at or after the model's registration
  // (counted by the store: no row of the runs table is read back here).
  const TableSchema& runs = *find_table("processor_runs");
  for (const std::string& processor : inputs) {
    std::vector<Condition> where = {{"processor", "=", processor},
                                    {"date", "<", format_date(cutoff)},
                                    {"processed_at", ">=", *newest->processed_at}};
    if (inputs_from) where.push_back({"date", ">=", format_date(*inputs_from)});
    if (store.exists(runs, where)) return std::nullopt;
  }
  return newest;
}

std::optional<RegistryEntry> find_current_registered(Store& store, Date cutoff) {
  return current_registered(
      store, cutoff, std::string(kSystemId), std::string(features::kFeatureVersion),
      {"ml_feature_store", "player_game_summary"}, Date{cutoff.days - kTrainingWindowDays});
}

ModelForDate get_or_train_model(Store& store, Date d, const ModelOptions& options,
                                const std::string& processed_at) {
  ModelForDate m;
  m.cutoff = cutoff_for(store, d, options.retrain_every_days);
  // Fast path: no training input written since the newest model of C was registered, so its
  // training rows (and their hash) are the ones it was trained on.
  if (auto current =
          options.trust_run_history ? find_current_registered(store, m.cutoff) : std::nullopt;
      current && fs::exists(options.models_dir / current->file_name)) {
    m.model = load_model(*current, options.models_dir);
    m.rows_found = current->training_rows;
    m.entry = std::move(current);
    m.reused = true;
    return m;
  }
  std::vector<TrainingRow> rows = load_training_rows(store, m.cutoff, options.training_days);
  m.rows_found = static_cast<int64_t>(rows.size());
  if (rows.size() < kMinTrainingRows) {
    m.no_model_detail = fmt::format("cutoff {}: {} training rows < {}", format_date(m.cutoff),
                                    rows.size(), kMinTrainingRows);
    return m;
  }
  auto registered = find_registered(store, m.cutoff, training_data_hash(rows));
  if (registered && fs::exists(options.models_dir / registered->file_name)) {
    m.model = load_model(*registered, options.models_dir);
    m.entry = std::move(registered);
    m.reused = true;
    return m;
  }
  // Not registered, or its file is gone: training is deterministic, so a lost file comes back
  // with the same bytes and version.
  auto trained = train_gradient_boosting(rows, m.cutoff);
  m.entry = save_and_register(store, *trained, options.models_dir, processed_at);
  m.model = load_model(*m.entry, options.models_dir);
  return m;
}

}  // namespace nbaprops::predict
