// A model per market (issue 12 items 2-3): an XGBoost regression of the market's stat on the
// market features (market_features.h), trained walk-forward, and the calibrated P(over) it
// gives at a line.
//
// Walk-forward: the model of cutoff C (gradient_boosting's C(D), model_cutoff) is trained on
// every player-game dated before C (all seasons in the store; rows without a line too; missing
// values left missing) with gradient_boosting's tuned parameters. Before the final fit, a
// validation fit on the rows before C - 14 predicts the rows of [C - 14, C): their residuals
// give the spread (normal sd; for a negative-binomial market its size), and the lined ones
// (consensus line, pushes left out) fit an isotonic calibrator of the raw P(over | action).
// Then the weight w of the calibrated model against the market's no-vig P(over) (blend_weight)
// is fitted on the lined validation rows whose consensus has a no-vig probability (at least
// 100): the market knows what box scores do not, and the Brier score says how much to trust
// each. Without 2,000 rows before C - 14 or 200 validation rows, the spread is the final fit's
// in-sample one and there is no calibrator (P(over) is the raw one).
//
// train_market_model is a pure function of its rows, parameters and the library version (one
// XGBoost thread); it may run on several threads at once. A MarketModel is immutable and safe
// to share between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/date.h"
#include "predict/calibrator.h"
#include "predict/markets/market.h"
#include "predict/markets/market_features.h"
#include "predict/markets/market_probability.h"
#include "predict/xgb_model.h"

namespace nbaprops::predict::markets {

// One player-game: its features, the stat he made and the consensus line of that day.
struct MarketRow {
  Date date;
  std::string player;
  MarketFeatures x{};
  float label = 0;
  std::optional<double> line;
  std::optional<double> market_p;  // the consensus no-vig P(over) of that day, when priced
};

struct MarketModel {
  std::string model_id;  // <market>-YYYYMMDD (the cutoff)
  Date cutoff;
  std::shared_ptr<const XgbModel> booster;
  double residual_sd = 0;  // normal markets
  double nb_size = 0;      // negative-binomial markets (+inf: Poisson)
  std::optional<Calibrator> calibrator;
  double model_weight = 1.0;  // blend_weight on the validation window (1: model alone)
  int64_t training_rows = 0, validation_rows = 0, calibration_rows = 0, blend_rows = 0;
};

// Trains the market's model of `cutoff` on `rows` (in date order). nullopt with fewer than
// 2,000 rows. Throws std::invalid_argument when a row is dated on or after the cutoff (the
// walk-forward guard); XgbError from the library.
std::optional<MarketModel> train_market_model(const MarketDef& market,
                                              std::span<const MarketRow> rows, Date cutoff,
                                              const XgbParams& params);

// The w in [0, 1] minimising the Brier score of w * model + (1 - w) * market against the 0/1
// outcomes: sum (m - k)(y - k) / sum (m - k)^2 (m model, k market), clamped; 1 when the two
// never differ. REQUIRES: equal sizes.
double blend_weight(std::span<const double> model, std::span<const double> market,
                    std::span<const int> outcomes);
// The probability the bettor uses: model_weight * p_model + (1 - model_weight) * market_p, or
// p_model without a market probability.
double blended_p_over(const MarketModel& model, double p_model, std::optional<double> market_p);

// The model's predicted stat for each row. Throws XgbError.
std::vector<double> predict_means(const MarketModel& model, std::span<const MarketRow> rows);

// The raw probabilities of `line` for a predicted mean, by the market's distribution.
LineProbabilities raw_line_probabilities(const MarketDef& market, const MarketModel& model,
                                         double mean, double line);
// P(over | not a push) at `line`, calibrated when the model has a calibrator.
double calibrated_p_over(const MarketDef& market, const MarketModel& model, double mean,
                         double line);

}  // namespace nbaprops::predict::markets
