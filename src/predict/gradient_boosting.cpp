#include "predict/gradient_boosting.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <future>
#include <stdexcept>

#include "core/value.h"
#include "precompute/ml_feature_store.h"

namespace nbaprops::predict {
namespace {

int floor_div(int a, int b) {
  int q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

void check_walk_forward(std::span<const TrainingRow> rows, Date cutoff) {
  for (size_t i = 0; i < rows.size(); ++i) {
    const TrainingRow& r = rows[i];
    if (r.game_date >= cutoff) {
      throw std::invalid_argument("walk-forward: training for cutoff " + format_date(cutoff) +
                                  " refuses the row of " + r.player_lookup + " dated " +
                                  format_date(r.game_date) + " (on or after the cutoff)");
    }
    if (i > 0) {
      const TrainingRow& p = rows[i - 1];
      bool ordered = p.game_date < r.game_date ||
                     (p.game_date == r.game_date && p.player_lookup < r.player_lookup);
      if (!ordered) {
        throw std::invalid_argument(
            "training rows are not in (game_date, player_lookup) order at " +
            format_date(r.game_date) + " " + r.player_lookup);
      }
    }
  }
}

struct Validation {
  std::optional<Date> start, end;
  int64_t rows = 0;
  std::optional<double> mae, line_mae;
};

Validation validate(std::span<const TrainingRow> rows, Date cutoff, const XgbParams& params) {
  Validation v;
  const Date split{cutoff.days - kValidationDays};
  size_t first = 0;
  while (first < rows.size() && rows[first].game_date < split) ++first;
  auto fit = rows.subspan(0, first), held = rows.subspan(first);
  v.rows = static_cast<int64_t>(held.size());
  if (!held.empty()) {
    v.start = held.front().game_date;
    v.end = held.back().game_date;
  }
  if (held.size() < kMinValidationRows || fit.empty()) return v;
  XgbModel model = train_booster(feature_matrix(fit), labels_of(fit), params);
  std::vector<float> predicted = model.predict(feature_matrix(held));
  double err = 0, line_err = 0;
  int64_t lined = 0;
  for (size_t i = 0; i < held.size(); ++i) {
    err += std::abs(static_cast<double>(predicted[i]) - held[i].label);
    if (held[i].line) {
      line_err += std::abs(*held[i].line - held[i].label);
      ++lined;
    }
  }
  v.mae = err / static_cast<double>(held.size());
  if (lined > 0) v.line_mae = line_err / static_cast<double>(lined);
  return v;
}

}  // namespace

Date model_cutoff(Date d, Date opening_night, int retrain_every_days) {
  if (retrain_every_days < 1) throw std::invalid_argument("retrain_every_days must be >= 1");
  int steps = floor_div(d.days - opening_night.days, retrain_every_days);
  return Date{opening_night.days + retrain_every_days * steps};
}

const XgbParams& gradient_boosting_params() {
  // Issue 12: the walk-forward choice (docs/predictions.md, "Parameters"): slower learning,
  // shallower trees, larger leaves and row / column subsampling (seeded, so deterministic).
  static const XgbParams p{{{"objective", "reg:squarederror"},
                            {"tree_method", "hist"},
                            {"eta", "0.05"},
                            {"max_depth", "4"},
                            {"min_child_weight", "50"},
                            {"subsample", "0.8"},
                            {"colsample_bytree", "0.8"},
                            {"lambda", "10"},
                            {"alpha", "0"},
                            {"max_bin", "256"},
                            {"seed", "0"},
                            {"nthread", "1"}},
                           300};
  return p;
}

std::string params_json(const XgbParams& params) {
  nlohmann::json j = nlohmann::json::object();  // std::map underneath: sorted keys
  for (const auto& [name, value] : params.values) j[name] = value;
  j["rounds"] = params.rounds;
  return j.dump();
}

std::optional<TrainedModel> train_gradient_boosting(std::span<const TrainingRow> rows, Date cutoff,
                                                    const XgbParams& params) {
  check_walk_forward(rows, cutoff);
  if (rows.size() < kMinTrainingRows) return std::nullopt;
  TrainedModel m;
  m.cutoff = cutoff;
  m.training_data_hash = training_data_hash(rows);
  m.train_start = rows.front().game_date;
  m.train_end = rows.back().game_date;
  m.training_rows = static_cast<int64_t>(rows.size());
  // The validation fit and the final fit are independent, each one XGBoost thread: they run
  // at once (the validation on a second thread), so the bytes are those of one after the other.
  auto validation = std::async(std::launch::async, [&] { return validate(rows, cutoff, params); });
  XgbModel model = train_booster(feature_matrix(rows), labels_of(rows), params);
  Validation v = validation.get();
  m.validation_start = v.start;
  m.validation_end = v.end;
  m.validation_rows = v.rows;
  m.validation_mae = v.mae;
  m.validation_line_mae = v.line_mae;
  // The file describes itself (issue 7: "saved with its metadata"); the registry row says the
  // same. Fixed text, so the bytes stay a function of the rows.
  auto text = [](std::optional<double> v) {
    return v ? fmt::format("{:.3f}", round_half_away(*v, 3)) : std::string("null");
  };
  model.set_attribute("nbaprops_feature_version", std::string(features::kFeatureVersion));
  model.set_attribute("nbaprops_cutoff_date", format_date(cutoff));
  model.set_attribute("nbaprops_train_start", format_date(m.train_start));
  model.set_attribute("nbaprops_train_end", format_date(m.train_end));
  model.set_attribute("nbaprops_training_rows", std::to_string(m.training_rows));
  model.set_attribute("nbaprops_validation_rows", std::to_string(m.validation_rows));
  model.set_attribute("nbaprops_validation_mae", text(m.validation_mae));
  model.set_attribute("nbaprops_validation_line_mae", text(m.validation_line_mae));
  model.set_attribute("nbaprops_training_data_hash", m.training_data_hash);
  m.model_json = model.to_json();
  return m;
}

double gradient_boosting_confidence(std::optional<double> quality,
                                    std::optional<double> points_std_last_10) {
  double q = 5;
  if (quality && *quality >= 90) {
    q = 10;
  } else if (quality && *quality >= 80) {
    q = 7;
  }
  double c = 2;
  if (points_std_last_10) {
    double s = *points_std_last_10;
    c = s < 4 ? 10 : s < 6 ? 7 : s < 8 ? 5 : 2;
  }
  return 70 + q + c;
}

std::vector<SystemResult> gradient_boosting(const GbModel* model, std::span<const GbPlayer> players,
                                            const std::string& no_model_detail) {
  std::vector<SystemResult> out;
  out.reserve(players.size());
  if (!model) {
    for (size_t i = 0; i < players.size(); ++i) {
      out.push_back(SystemResult::decline("no_model", no_model_detail));
    }
    return out;
  }
  DenseMatrix x;
  x.rows = players.size();
  x.cols = kFeatureCount;
  x.values.reserve(x.rows * x.cols);
  for (const GbPlayer& p : players) {
    ModelFeatures f = model_features(*p.features, p.sources);
    x.values.insert(x.values.end(), f.begin(), f.end());
  }
  std::vector<float> raw = model->booster.predict(x);
  for (size_t i = 0; i < players.size(); ++i) {
    Estimate e;
    e.raw = raw[i];
    e.confidence = gradient_boosting_confidence(players[i].quality,
                                                (*players[i].features)[Feature::kPointsStdLast10]);
    e.model_version = model->model_version;
    out.push_back(SystemResult::ok(std::move(e)));
  }
  return out;
}

}  // namespace nbaprops::predict
