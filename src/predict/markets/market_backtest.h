// The walk-forward backtest of one market (issue 12 items 4-6): for each date D of a window,
// the model of C(D) (model_cutoff, every `retrain_every` days from the season's opening
// night; trained on rows before C(D) only), a prediction and the calibrated P(over) at every
// book's offer of each lined player who played, the expected value of each side at the book's
// price, one bet per player-date-market (best EV at or above `min_ev`), graded against the
// stat he made. The report pools, per market: coverage, MAE against the line, Brier score
// against the book's no-vig P(over), and the bets (never on a suspect offer, suspect_offer) of the
// model, of the always-under bettor and of the market-only consensus bettor (market_bet.h).
//
// run_market_backtest is pure (models train on `threads` threads, one XGBoost thread each,
// each cutoff's model a function of its rows: the output does not depend on `threads`).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/date.h"
#include "predict/markets/market.h"
#include "predict/markets/market_bet.h"
#include "predict/markets/market_inputs.h"
#include "predict/markets/market_record.h"
#include "predict/money.h"

namespace nbaprops::predict::markets {

struct MarketBacktestOptions {
  Date from, to;
  double min_ev = kDefaultMinEv;
  double consensus_margin = kDefaultConsensusMargin;
  double max_no_vig_gap = kDefaultMaxNoVigGap;  // offers further from the others are not bet
  int retrain_every = 7;
  int threads = 1;
};

// The bets of one bettor, pooled.
struct BettorFigures {
  int64_t bets = 0, wins = 0, losses = 0, pushes = 0;
  double profit = 0;
  std::optional<double> hit_rate;    // wins / (wins + losses)
  std::optional<double> break_even;  // break_even_rate of the prices taken
  std::optional<RoiInterval> roi;
};

struct MarketBacktestReport {
  std::string market;
  int64_t lined = 0;      // player-dates with an offer whose player played
  int64_t predicted = 0;  // of those, with a prediction
  int64_t models = 0, calibrated_models = 0;
  std::optional<double> mae_model, mae_line;  // over predicted rows, line = consensus
  int64_t suspect_offers = 0;                 // left unbet by every bettor (max_no_vig_gap)
  int64_t brier_rows = 0;                     // offers with both prices, not a push
  std::optional<double> brier_model, brier_model_alone, brier_market;  // bet on, model, market
  std::vector<ReliabilityBin> reliability;  // of the P(over) bet on, over the Brier offers
  std::vector<double> model_weights;        // each model's weight against the market, cutoff order
  bool flat_prices = false;                 // every offer priced the same on both sides (DFS)
  BettorFigures model, always_under, consensus;
};

struct MarketBacktest {
  std::vector<MarketPredictionRecord> records;  // key order
  MarketBacktestReport report;
};

// REQUIRES: rows == market_rows(market, in). Throws XgbError.
MarketBacktest run_market_backtest(const MarketDef& market, const MarketInputs& in,
                                   std::span<const MarketRow> rows,
                                   const MarketBacktestOptions& options);

// The market's rows of one date D, exactly as the backtest computes them over any window that
// holds D: the model of C(D) (trained on the rows before C(D) only), every lined player of D
// who played, each book's offer, the one bet, graded (key order). The backtest over [D, D]
// (options.from / to are replaced): what a daily run of D writes into market_predictions.
// Empty when D has no lined player who played or C(D) has no model.
// REQUIRES: rows == market_rows(market, in). Throws XgbError.
std::vector<MarketPredictionRecord> market_predictions_of_date(const MarketDef& market,
                                                               const MarketInputs& in,
                                                               std::span<const MarketRow> rows,
                                                               Date d,
                                                               MarketBacktestOptions options);

// The pooled figures of `profits` at `prices` (one entry per bet; pushes profit 0).
BettorFigures bettor_figures(std::span<const double> profits, std::span<const int64_t> prices);

}  // namespace nbaprops::predict::markets
