#include "predict/markets/market_registry.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>

#include "predict/gradient_boosting.h"
#include "predict/training_set.h"

namespace nbaprops::predict::markets {
namespace {

namespace fs = std::filesystem;

std::string feature_names_json() {
  nlohmann::json names = nlohmann::json::array();
  for (auto name : market_feature_names()) names.push_back(std::string(name));
  return names.dump();
}

template <typename T>
void append(std::string& out, const T& value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

std::string version_of_sha(const std::string& market, Date cutoff, const std::string& sha) {
  std::string day = format_date(cutoff);
  day.erase(std::remove(day.begin(), day.end(), '-'), day.end());
  return market + "-" + day + "-" + sha.substr(0, 8);
}

std::string version_of(const std::string& market, Date cutoff, const std::string& bytes) {
  return version_of_sha(market, cutoff, sha256_hex(bytes));
}

std::optional<RegistryEntry> find_market_model(Store& store, const MarketDef& market, Date cutoff,
                                               const std::string& hash) {
  std::optional<RegistryEntry> found;
  store.scan(model_registry_table(),
             {{"cutoff_date", "=", format_date(cutoff)},
              {"system_id", "=", market_system_id(market)},
              {"feature_version", "=", std::string(kMarketFeatureVersion)},
              {"training_data_hash", "=", hash},
              {"params", "=", params_json(gradient_boosting_params())},
              {"library_version", "=", xgboost_version()}},
             [&](const Row& row) {
               if (!found) found = registry_entry(row);
             });
  return found;
}

}  // namespace

std::string market_system_id(const MarketDef& market) {
  return market.id + "_model";
}

std::string market_training_hash(std::span<const MarketRow> rows) {
  std::string bytes;
  bytes.reserve(rows.size() * (sizeof(MarketFeatures) + 48));
  const double none = std::numeric_limits<double>::quiet_NaN();
  for (const MarketRow& r : rows) {
    append(bytes, r.date.days);
    bytes += r.player;
    bytes.push_back('\0');
    append(bytes, r.x);
    append(bytes, r.label);
    append(bytes, r.line.value_or(none));
    append(bytes, r.market_p.value_or(none));
  }
  return sha256_hex(bytes);
}

namespace {

// Every field of a market model file but the booster.
nlohmann::json meta_json(const MarketModel& m) {
  nlohmann::json j;
  j["model_id"] = m.model_id;
  j["cutoff"] = format_date(m.cutoff);
  j["residual_sd"] = m.residual_sd;
  // +inf (Poisson) has no JSON number: null.
  j["nb_size"] = std::isinf(m.nb_size) ? nlohmann::json(nullptr) : nlohmann::json(m.nb_size);
  j["calibrator"] = m.calibrator ? nlohmann::json(m.calibrator->to_json()) : nlohmann::json();
  j["model_weight"] = m.model_weight;
  j["training_rows"] = m.training_rows;
  j["validation_rows"] = m.validation_rows;
  j["calibration_rows"] = m.calibration_rows;
  j["blend_rows"] = m.blend_rows;
  return j;
}

// The fields of meta_json back into `m`. Throws ModelFileError, nlohmann::json::exception.
void read_meta(const nlohmann::json& j, MarketModel& m) {
  m.model_id = j.at("model_id").get<std::string>();
  auto cutoff = parse_iso_date(j.at("cutoff").get<std::string>());
  if (!cutoff) throw ModelFileError("market model file: bad cutoff");
  m.cutoff = *cutoff;
  m.residual_sd = j.at("residual_sd").get<double>();
  m.nb_size = j.at("nb_size").is_null() ? std::numeric_limits<double>::infinity()
                                        : j.at("nb_size").get<double>();
  if (!j.at("calibrator").is_null()) {
    m.calibrator = Calibrator::from_json(j.at("calibrator").get<std::string>());
    if (!m.calibrator) throw ModelFileError("market model file: bad calibrator");
  }
  m.model_weight = j.at("model_weight").get<double>();
  m.training_rows = j.at("training_rows").get<int64_t>();
  m.validation_rows = j.at("validation_rows").get<int64_t>();
  m.calibration_rows = j.at("calibration_rows").get<int64_t>();
  m.blend_rows = j.at("blend_rows").get<int64_t>();
}

nlohmann::json parse_object(const std::string& bytes) {
  auto j = nlohmann::json::parse(bytes, nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw ModelFileError("not a market model file");
  return j;
}

}  // namespace

std::string market_model_bytes(const MarketModel& m) {
  nlohmann::json j = meta_json(m);
  j["booster"] = m.booster->to_json();
  return j.dump();
}

std::string market_model_meta(const MarketModel& m) {
  return meta_json(m).dump();
}

MarketModel market_model_from_bytes(const std::string& bytes) {
  nlohmann::json j = parse_object(bytes);
  try {
    MarketModel m;
    read_meta(j, m);
    m.booster = std::make_shared<const XgbModel>(
        XgbModel::from_json(j.at("booster").get_ref<const std::string&>()));
    return m;
  } catch (const nlohmann::json::exception& e) {
    throw ModelFileError(std::string("market model file: ") + e.what());
  }
}

MarketModel market_model_from_meta(const std::string& meta, XgbModel booster) {
  nlohmann::json j = parse_object(meta);
  try {
    MarketModel m;
    read_meta(j, m);
    m.booster = std::make_shared<const XgbModel>(std::move(booster));
    return m;
  } catch (const nlohmann::json::exception& e) {
    throw ModelFileError(std::string("market model file: ") + e.what());
  }
}

std::shared_ptr<const MarketModel> load_market_model(const RegistryEntry& e,
                                                     const fs::path& models_dir) {
  fs::path path = models_dir / e.file_name;
  auto bytes = read_model_file(path);
  if (!bytes) throw ModelFileError("cannot read model file " + path.string());
  // The version is "<market>-YYYYMMDD-<first 8 hex of the file's SHA-256>".
  const std::string sha = sha256_hex(*bytes);
  if (e.model_version.size() < 8 ||
      e.model_version.compare(e.model_version.size() - 8, 8, sha, 0, 8) != 0) {
    throw ModelFileError(path.string() + " does not hold model " + e.model_version +
                         " (its SHA-256 differs)");
  }
  // Through the copy when it is current (the metadata is its preamble: the JSON, whose booster
  // is one long string, is then not parsed), else from the JSON, and the copy rewritten.
  const fs::path copy = ubj_path(e, models_dir);
  MarketModel m;
  std::optional<ModelCopy> got = read_model_copy(copy, sha);
  if (got && !got->preamble.empty()) {
    m = market_model_from_meta(got->preamble, std::move(got->model));
  } else {
    m = market_model_from_bytes(*bytes);
    write_model_copy(*m.booster, copy, sha, market_model_meta(m));
  }
  if (version_of_sha(m.model_id.substr(0, m.model_id.find('-')), e.cutoff_date, sha) !=
      e.model_version) {
    throw ModelFileError(path.string() + " does not hold model " + e.model_version +
                         " (its SHA-256 differs)");
  }
  return std::make_shared<const MarketModel>(std::move(m));
}

std::optional<RegistryEntry> find_current_market_entry(Store& store, const MarketDef& market,
                                                       Date cutoff, const fs::path& models_dir) {
  std::optional<RegistryEntry> newest =
      current_registered(store, cutoff, market_system_id(market), kMarketFeatureVersion,
                         {"player_game_summary", "prop_line_consensus"}, std::nullopt);
  if (!newest || !fs::exists(models_dir / newest->file_name)) return std::nullopt;
  return newest;
}

std::optional<MarketModelForDate> find_current_market_model(Store& store, const MarketDef& market,
                                                            Date cutoff,
                                                            const fs::path& models_dir) {
  std::optional<RegistryEntry> newest =
      find_current_market_entry(store, market, cutoff, models_dir);
  if (!newest) return std::nullopt;
  MarketModelForDate out;
  out.cutoff = cutoff;
  out.model = load_market_model(*newest, models_dir);
  out.training_rows = newest->training_rows;
  out.entry = std::move(newest);
  out.reused = true;
  return out;
}

MarketModelForDate get_or_train_market_model(Store& store, const MarketDef& market,
                                             std::span<const MarketRow> rows, Date cutoff,
                                             const fs::path& models_dir,
                                             const std::string& processed_at) {
  MarketModelForDate out;
  out.cutoff = cutoff;
  auto end = std::lower_bound(rows.begin(), rows.end(), cutoff,
                              [](const MarketRow& r, Date d) { return r.date < d; });
  std::span<const MarketRow> training = rows.first(static_cast<size_t>(end - rows.begin()));
  out.training_rows = static_cast<int64_t>(training.size());
  std::string hash = market_training_hash(training);
  if (auto e = find_market_model(store, market, cutoff, hash);
      e && fs::exists(models_dir / e->file_name)) {
    out.model = load_market_model(*e, models_dir);
    out.entry = std::move(e);
    out.reused = true;
    return out;
  }
  auto trained = train_market_model(market, training, cutoff, gradient_boosting_params());
  if (!trained) return out;
  std::string bytes = market_model_bytes(*trained);
  RegistryEntry e;
  e.model_version = version_of(market.id, cutoff, bytes);
  e.system_id = market_system_id(market);
  e.feature_version = kMarketFeatureVersion;
  e.feature_names = feature_names_json();
  e.cutoff_date = cutoff;
  e.train_start = training.front().date;
  e.train_end = training.back().date;
  e.training_rows = trained->training_rows;
  if (trained->validation_rows > 0) {
    e.validation_start = Date{cutoff.days - 14};
    e.validation_end = Date{cutoff.days - 1};
  }
  e.validation_rows = trained->validation_rows;
  e.params = params_json(gradient_boosting_params());
  e.library_version = xgboost_version();
  e.training_data_hash = hash;
  e.file_name = e.model_version + ".json";
  e.processed_at = processed_at;
  write_model_file(models_dir / e.file_name, bytes);
  {
    Transaction tx(store);
    store.upsert(model_registry_table(), registry_row(e));
    tx.commit();
  }
  out.model = load_market_model(e, models_dir);
  out.entry = std::move(e);
  return out;
}

}  // namespace nbaprops::predict::markets
