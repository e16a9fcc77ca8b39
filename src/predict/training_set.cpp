#include "predict/training_set.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <utility>

#include "analytics/phase3_views.h"
#include "analytics/player_game_summary.h"
#include "precompute/ml_feature_store.h"
#include "precompute/phase4_views.h"

namespace nbaprops::predict {
namespace {

class Sha256 {
 public:
  Sha256() : ctx_(EVP_MD_CTX_new()) {
    if (!ctx_ || EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr) != 1) {
      throw std::runtime_error("SHA-256 unavailable");
    }
  }
  ~Sha256() { EVP_MD_CTX_free(ctx_); }
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(const void* data, size_t len) { EVP_DigestUpdate(ctx_, data, len); }
  std::string hex() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(ctx_, digest, &len);
    static const char* kHex = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < len; ++i) {
      out += kHex[digest[i] >> 4];
      out += kHex[digest[i] & 15];
    }
    return out;
  }

 private:
  EVP_MD_CTX* ctx_;
};

bool row_order(const TrainingRow& a, const TrainingRow& b) {
  return a.game_date != b.game_date ? a.game_date < b.game_date : a.player_lookup < b.player_lookup;
}

}  // namespace

ModelFeatures model_features(const Features& features, const FeatureSources* sources) {
  ModelFeatures x;
  for (size_t i = 0; i < kFeatureCount; ++i) {
    bool own = features[i] && !(sources && is_default_like((*sources)[i]));
    x[i] = own ? static_cast<float>(*features[i]) : std::numeric_limits<float>::quiet_NaN();
  }
  return x;
}

std::vector<TrainingRow> load_training_rows(Store& store, Date cutoff, int window_days) {
  const std::string from = format_date(Date{cutoff.days - window_days});
  const std::string to = format_date(cutoff);
  // The points of every appearance in the window, by player_game_summary's key (game_date,
  // player_lookup). Only the columns read are fetched (issue 12: nine seasons, ~190,000 rows),
  // through a compact view of the table's record (analytics/phase3_views.h).
  std::map<std::pair<int32_t, std::string>, double> points;
  const TableSchema& pgs = analytics::player_game_summary_table();
  const auto& appearance = analytics::appearance_points_view();
  const RowBinding pgs_binding = appearance.bind(pgs);
  store.scan_columns(
      pgs, appearance.wanted(pgs), {{"game_date", ">=", from}, {"game_date", "<", to}},
      [&](const Row& row) {
        analytics::AppearancePointsView r = appearance.read(pgs_binding, row);
        if (r.player_status != std::optional<std::string>("active") || !r.minutes ||
            *r.minutes <= 0 || !r.pts || !r.game_date || !r.player_lookup) {
          return;
        }
        points.emplace_hint(points.end(),
                            std::make_pair(r.game_date->days, std::move(*r.player_lookup)),
                            static_cast<double>(*r.pts));
      },
      /*any_order=*/false);
  std::vector<TrainingRow> rows;
  const TableSchema& mlfs = precompute::ml_feature_store_table();
  const auto& feature_row = precompute::feature_row_view();
  const RowBinding mlfs_binding = feature_row.bind(mlfs);
  store.scan_columns(mlfs, feature_row.wanted(mlfs),
                     {{"game_date", ">=", from},
                      {"game_date", "<", to},
                      {"feature_version", "=", std::string(features::kFeatureVersion)}},
                     [&](const Row& row) {
                       precompute::FeatureRowView r = feature_row.read(mlfs_binding, row);
                       if (!r.game_date || !r.player_lookup) return;
                       auto it = points.find({r.game_date->days, *r.player_lookup});
                       if (it == points.end()) return;
                       auto features = parse_features(r.features.value_or(""));
                       if (!features) return;
                       auto sources = parse_feature_sources(r.feature_sources.value_or(""));
                       TrainingRow t;
                       t.game_date = *r.game_date;
                       t.player_lookup = std::move(*r.player_lookup);
                       t.x = model_features(*features, sources ? &*sources : nullptr);
                       t.label = static_cast<float>(it->second);
                       // UPGC current_points_line of D
                       t.line = (*features)[Feature::kVegasPointsLine];
                       rows.push_back(std::move(t));
                     });
  // Already in this order when the store scans in its key order; sorted for any store.
  if (!std::is_sorted(rows.begin(), rows.end(), row_order)) {
    std::sort(rows.begin(), rows.end(), row_order);
  }
  return rows;
}

DenseMatrix feature_matrix(std::span<const TrainingRow> rows) {
  DenseMatrix m;
  m.rows = rows.size();
  m.cols = kFeatureCount;
  m.values.reserve(m.rows * m.cols);
  for (const TrainingRow& r : rows) m.values.insert(m.values.end(), r.x.begin(), r.x.end());
  return m;
}

std::vector<float> labels_of(std::span<const TrainingRow> rows) {
  std::vector<float> y;
  y.reserve(rows.size());
  for (const TrainingRow& r : rows) y.push_back(r.label);
  return y;
}

std::string training_data_hash(std::span<const TrainingRow> rows) {
  Sha256 h;
  for (const TrainingRow& r : rows) h.update(r.x.data(), sizeof(float) * r.x.size());
  for (const TrainingRow& r : rows) h.update(&r.label, sizeof(float));
  return h.hex();
}

std::string sha256_hex(std::string_view bytes) {
  Sha256 h;
  h.update(bytes.data(), bytes.size());
  return h.hex();
}

}  // namespace nbaprops::predict
