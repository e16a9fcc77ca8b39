#include "predict/markets/market_model.h"

#include <cmath>
#include <stdexcept>

#include "predict/gradient_boosting.h"

namespace nbaprops::predict::markets {
namespace {

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

}  // namespace

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
