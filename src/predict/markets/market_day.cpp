#include "predict/markets/market_day.h"

#include <algorithm>
#include <tuple>

#include "predict/gradient_boosting.h"
#include "predict/money.h"

namespace nbaprops::predict::markets {
void grade_market_record(MarketPredictionRecord& rec, double actual) {
  rec.actual_value = actual;
  rec.outcome = outcome(actual, rec.line);
  if (rec.recommendation == "PASS") return;
  const auto& price = rec.recommendation == "OVER" ? rec.over_price : rec.under_price;
  rec.profit = settle(rec.recommendation, rec.line, actual, *price);
  rec.result = *rec.profit > 0 ? "WIN" : *rec.profit < 0 ? "LOSS" : "PUSH";
}

PricedOffers price_offers(const MarketDef& market, const MarketModel& model, const MarketRow& row,
                          double mean, std::span<const Offer> offers,
                          const MarketPriceOptions& options) {
  PricedOffers out;
  for (size_t k = 0; k < offers.size(); ++k) {
    const Offer& o = offers[k];
    LineProbabilities raw = raw_line_probabilities(market, model, mean, o.line);
    std::optional<double> book_p;
    if (o.over_price && o.under_price) book_p = no_vig_over(*o.over_price, *o.under_price);
    double p_model = calibrated_p_over(market, model, mean, o.line);
    double p = blended_p_over(model, p_model, book_p);
    out.values.push_back(offer_value(o, p, raw.push));
    bool suspect = suspect_offer(offers, k, options.max_no_vig_gap);
    if (!suspect) out.takeable.push_back(k);
    MarketPredictionRecord rec;
    rec.suspect = suspect;
    rec.game_date = row.date;
    rec.player_lookup = row.player;
    rec.market = market.id;
    rec.bookmaker = o.bookmaker;
    rec.line = o.line;
    rec.over_price = o.over_price;
    rec.under_price = o.under_price;
    rec.predicted_value = mean;
    rec.p_over = p;
    rec.p_over_model = p_model;
    rec.p_push = raw.push;
    rec.market_p_over_novig = book_p;
    rec.ev_over = out.values.back().ev_over;
    rec.ev_under = out.values.back().ev_under;
    rec.recommendation = "PASS";
    rec.model_id = model.model_id;
    rec.calibrated = model.calibrator.has_value();
    out.records.push_back(std::move(rec));
  }
  std::vector<OfferValue> takeable_values;
  for (size_t k : out.takeable) takeable_values.push_back(out.values[k]);
  if (auto bet = best_ev_bet(takeable_values, options.min_ev)) {
    size_t k = out.takeable[bet->offer];
    out.records[k].recommendation = bet->side;
    out.bet = Bet{k, bet->side, bet->ev};
  }
  return out;
}

Date market_cutoff(std::span<const PlayerGame> games, Date d, int retrain_every) {
  Date opening = d;
  int season = season_of(d);
  for (const PlayerGame& g : games) {
    if (!(g.date < d)) break;
    if (season_of(g.date) == season) {
      opening = g.date;
      break;
    }
  }
  return model_cutoff(d, opening, retrain_every);
}

std::vector<MarketCandidate> market_candidates(
    Date d, const std::map<PlayerDate, std::vector<Offer>>& offers,
    std::span<const UpcomingPlayer> upcoming) {
  std::vector<MarketCandidate> out;
  for (const UpcomingPlayer& u : upcoming) {
    if (!offers.count({d.days, u.player})) continue;
    out.push_back({u.player, u.team, u.opponent, u.home});
  }
  std::sort(out.begin(), out.end(),
            [](const MarketCandidate& a, const MarketCandidate& b) { return a.player < b.player; });
  return out;
}

std::vector<MarketPredictionRecord> pre_game_predictions(
    const MarketDef& market, const MarketModel& model, std::span<const MarketRow> rows_of_date,
    const std::map<PlayerDate, std::vector<Offer>>& offers, const MarketPriceOptions& options) {
  std::vector<MarketPredictionRecord> out;
  if (rows_of_date.empty()) return out;
  std::vector<double> means = predict_means(model, rows_of_date);
  for (size_t i = 0; i < rows_of_date.size(); ++i) {
    const MarketRow& r = rows_of_date[i];
    auto it = offers.find({r.date.days, r.player});
    if (it == offers.end()) continue;
    PricedOffers priced = price_offers(market, model, r, means[i], it->second, options);
    for (auto& rec : priced.records) out.push_back(std::move(rec));
  }
  std::sort(out.begin(), out.end(),
            [](const MarketPredictionRecord& a, const MarketPredictionRecord& b) {
              return std::tie(a.game_date.days, a.player_lookup, a.market, a.bookmaker) <
                     std::tie(b.game_date.days, b.player_lookup, b.market, b.bookmaker);
            });
  return out;
}

void grade_market_records(std::vector<MarketPredictionRecord>& records,
                          const std::map<std::string, double>& actual) {
  for (MarketPredictionRecord& rec : records) {
    auto it = actual.find(rec.player_lookup);
    if (it != actual.end()) grade_market_record(rec, it->second);
  }
}

}  // namespace nbaprops::predict::markets
