#include "predict/markets/market_model.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "predict/gradient_boosting.h"

namespace nbaprops::predict::markets {
namespace {

constexpr size_t kMinBlendRows = 100;

DenseMatrix matrix_of(std::span<const MarketRow> rows) {
  DenseMatrix m;
  m.rows = rows.size();
  m.cols = kMarketFeatureCount;
  m.values.reserve(m.rows * m.cols);
  for (const MarketRow& r : rows) m.values.insert(m.values.end(), r.x.begin(), r.x.end());
  return m;
}

std::vector<float> labels(std::span<const MarketRow> rows) {
  std::vector<float> y;
  y.reserve(rows.size());
  for (const MarketRow& r : rows) y.push_back(r.label);
  return y;
}

std::vector<double> predict_with(const XgbModel& booster, std::span<const MarketRow> rows) {
  if (rows.empty()) return {};
  auto out = booster.predict(matrix_of(rows));
  return std::vector<double>(out.begin(), out.end());
}

// The spread of `rows` around `means`: sets residual_sd and nb_size.
void set_spread(MarketModel& m, std::span<const MarketRow> rows, const std::vector<double>& means) {
  double ss = 0, mean = 0, mean_sq = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    double r = rows[i].label - means[i];
    ss += r * r;
    mean += means[i];
    mean_sq += means[i] * means[i];
  }
  double n = static_cast<double>(rows.size());
  m.residual_sd = std::sqrt(ss / n);
  m.nb_size = negative_binomial_size(mean / n, mean_sq / n, ss / n);
}

// The model's weight against the market on the lined, priced validation rows.
void set_blend(const MarketDef& market, MarketModel& m, std::span<const MarketRow> validation,
               const std::vector<double>& means) {
  std::vector<double> model, market_p;
  std::vector<int> outcomes;
  for (size_t i = 0; i < validation.size(); ++i) {
    const MarketRow& r = validation[i];
    if (!r.line || !r.market_p || r.label == *r.line) continue;
    model.push_back(calibrated_p_over(market, m, means[i], *r.line));
    market_p.push_back(*r.market_p);
    outcomes.push_back(r.label > *r.line ? 1 : 0);
  }
  m.blend_rows = static_cast<int64_t>(model.size());
  if (model.size() >= kMinBlendRows) m.model_weight = blend_weight(model, market_p, outcomes);
}

}  // namespace

double blend_weight(std::span<const double> model, std::span<const double> market,
                    std::span<const int> outcomes) {
  double num = 0, den = 0;
  for (size_t i = 0; i < model.size(); ++i) {
    double d = model[i] - market[i];
    num += d * (outcomes[i] - market[i]);
    den += d * d;
  }
  if (den == 0) return 1.0;
  return std::clamp(num / den, 0.0, 1.0);
}

double blended_p_over(const MarketModel& model, double p_model, std::optional<double> market_p) {
  if (!market_p) return p_model;
  return model.model_weight * p_model + (1.0 - model.model_weight) * *market_p;
}

std::optional<MarketModel> train_market_model(const MarketDef& market,
                                              std::span<const MarketRow> rows, Date cutoff,
                                              const XgbParams& params) {
  for (const MarketRow& r : rows) {
    if (r.date >= cutoff) {
      throw std::invalid_argument("market model for cutoff " + format_date(cutoff) +
                                  ": a training row is dated " + format_date(r.date));
    }
  }
  if (rows.size() < kMinTrainingRows) return std::nullopt;
  MarketModel m;
  m.model_id = market.id + "-" + format_date(cutoff);
  m.cutoff = cutoff;
  m.training_rows = static_cast<int64_t>(rows.size());
  Date validation_start{cutoff.days - kValidationDays};
  size_t split = 0;
  while (split < rows.size() && rows[split].date < validation_start) ++split;
  auto fit_rows = rows.first(split);
  auto validation = rows.subspan(split);
  XgbModel final_model = train_booster(matrix_of(rows), labels(rows), params);
  if (fit_rows.size() >= kMinTrainingRows && validation.size() >= kMinValidationRows) {
    XgbModel fit = train_booster(matrix_of(fit_rows), labels(fit_rows), params);
    auto means = predict_with(fit, validation);
    set_spread(m, validation, means);
    m.validation_rows = static_cast<int64_t>(validation.size());
    std::vector<double> scores;
    std::vector<int> outcomes;
    for (size_t i = 0; i < validation.size(); ++i) {
      const MarketRow& r = validation[i];
      if (!r.line || r.label == *r.line) continue;
      scores.push_back(raw_line_probabilities(market, m, means[i], *r.line).over_given_action());
      outcomes.push_back(r.label > *r.line ? 1 : 0);
    }
    m.calibration_rows = static_cast<int64_t>(scores.size());
    m.calibrator = Calibrator::fit_isotonic(scores, outcomes);
    set_blend(market, m, validation, means);
  } else {
    set_spread(m, rows, predict_with(final_model, rows));
  }
  m.booster = std::make_shared<const XgbModel>(std::move(final_model));
  return m;
}

std::vector<double> predict_means(const MarketModel& model, std::span<const MarketRow> rows) {
  return predict_with(*model.booster, rows);
}

LineProbabilities raw_line_probabilities(const MarketDef& market, const MarketModel& model,
                                         double mean, double line) {
  if (market.distribution == Distribution::kNegativeBinomial) {
    return negative_binomial_line_probabilities(mean, model.nb_size, line);
  }
  return normal_line_probabilities(mean, std::max(model.residual_sd, 0.5), line);
}

double calibrated_p_over(const MarketDef& market, const MarketModel& model, double mean,
                         double line) {
  double raw = raw_line_probabilities(market, model, mean, line).over_given_action();
  return model.calibrator ? model.calibrator->probability(raw) : raw;
}

}  // namespace nbaprops::predict::markets
