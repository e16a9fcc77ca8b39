// The market predictions of one date before its games (issue 12, the daily run): the
// candidates (players with an offer on D joined to D's upcoming_player_game_context), the
// cutoff of D's model, and the prediction path shared with the backtest: a predicted mean,
// the calibrated and blended P(over) at each book's offer, the expected value of each side at
// the book's price and the one bet. The pre-game rows leave the grading columns empty (NULL);
// the backtest grades the same rows (market_backtest.h), grade_market_records grades stored
// rows once the stat is known.
//
// Pure functions; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/date.h"
#include "predict/markets/market.h"
#include "predict/markets/market_bet.h"
#include "predict/markets/market_inputs.h"
#include "predict/markets/market_model.h"
#include "predict/markets/market_record.h"

namespace nbaprops::predict::markets {

// The options of pricing a player's offers.
struct MarketPriceOptions {
  double min_ev = kDefaultMinEv;                // the one bet: EV at least this
  double max_no_vig_gap = kDefaultMaxNoVigGap;  // suspect_offer: never bet
};

// One player's offers of a date, priced: one record per offer (offer order; grading NULL;
// recommendation OVER / UNDER on the bet offer, PASS elsewhere), the offers a bettor may take
// (not suspect) with their index in `offers`, each offer's value, and the bet (index into
// `records`) when one reaches min_ev.
struct PricedOffers {
  std::vector<MarketPredictionRecord> records;
  std::vector<OfferValue> values;
  std::vector<size_t> takeable;  // indexes of offers that are not suspect
  std::optional<Bet> bet;        // bet.offer indexes `records`
};

// Prices `offers` of `row`'s player and date with `mean` (the model's prediction of the row).
PricedOffers price_offers(const MarketDef& market, const MarketModel& model, const MarketRow& row,
                          double mean, std::span<const Offer> offers,
                          const MarketPriceOptions& options);

// C(D) of the market models: model_cutoff from the opening night of D's season, the first
// date of that season with a player-game in `games` (D itself when there is none yet). The
// backtest's rule: the rows of D are the same in the daily run and in the backtest.
// REQUIRES: games in date order.
Date market_cutoff(std::span<const PlayerGame> games, Date d, int retrain_every);

// A row of D's upcoming_player_game_context (the schedule's view of a player on D).
struct UpcomingPlayer {
  std::string player, team, opponent;
  bool home = false;
};

// The candidates of D (player order): the players with an offer dated D in `offers` who have
// an upcoming_player_game_context row of D (a player without one, not on a scheduled
// team, is left out).
std::vector<MarketCandidate> market_candidates(
    Date d, const std::map<PlayerDate, std::vector<Offer>>& offers,
    std::span<const UpcomingPlayer> upcoming);

// The pre-game market_predictions rows of D (key order): each of `rows_of_date` (from
// market_rows_of_date, one per candidate) predicted by `model`, each of its offers in
// `offers` priced, the one bet; grading columns NULL. Throws XgbError.
std::vector<MarketPredictionRecord> pre_game_predictions(
    const MarketDef& market, const MarketModel& model, std::span<const MarketRow> rows_of_date,
    const std::map<PlayerDate, std::vector<Offer>>& offers, const MarketPriceOptions& options);

// Grades one record with the stat its player made: actual_value, outcome against its line,
// and when it is the bet (recommendation OVER / UNDER) its result and profit at its price.
void grade_market_record(MarketPredictionRecord& rec, double actual);

// Grades `records` (one date's stored rows) with the stat each player made (`actual`, by
// player): actual_value, outcome against the record's line, and on the bet offer its result and
// profit at its price. Records of players absent from `actual` (not played) stay ungraded.
void grade_market_records(std::vector<MarketPredictionRecord>& records,
                          const std::map<std::string, double>& actual);

}  // namespace nbaprops::predict::markets
