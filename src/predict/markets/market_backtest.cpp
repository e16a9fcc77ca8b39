#include "predict/markets/market_backtest.h"

#include <algorithm>
#include <cmath>
#include <future>
#include <map>

#include "core/thread_pool.h"
#include "predict/gradient_boosting.h"
#include "predict/markets/market_day.h"

namespace nbaprops::predict::markets {
namespace {

// Opening night of each season: its first date with a player-game.
std::map<int, Date> opening_nights(std::span<const MarketRow> rows) {
  std::map<int, Date> out;
  for (const MarketRow& r : rows) out.emplace(season_of(r.date), r.date);
  return out;
}

// The models of the cutoffs, trained on `threads` threads.
std::map<int32_t, std::optional<MarketModel>> train_models(const MarketDef& market,
                                                           std::span<const MarketRow> rows,
                                                           const std::vector<Date>& cutoffs,
                                                           int threads) {
  auto train = [&](Date c) {
    auto end = std::lower_bound(rows.begin(), rows.end(), c,
                                [](const MarketRow& r, Date d) { return r.date < d; });
    return train_market_model(market, rows.first(static_cast<size_t>(end - rows.begin())), c,
                              gradient_boosting_params());
  };
  std::map<int32_t, std::optional<MarketModel>> out;
  ThreadPool pool(std::max(1, threads));
  std::vector<std::future<std::optional<MarketModel>>> futures;
  for (Date c : cutoffs) futures.push_back(pool.submit([&train, c] { return train(c); }));
  for (size_t i = 0; i < cutoffs.size(); ++i) out[cutoffs[i].days] = futures[i].get();
  return out;
}

struct Bettor {
  std::vector<double> profits;
  std::vector<int64_t> prices;
  void add(const Offer& o, const std::string& side, double actual) {
    int64_t price = side == "OVER" ? *o.over_price : *o.under_price;
    profits.push_back(settle(side, o.line, actual, price));
    prices.push_back(price);
  }
};

double median_line(const std::vector<Offer>& offers) {
  std::vector<double> lines;
  for (const Offer& o : offers) lines.push_back(o.line);
  std::sort(lines.begin(), lines.end());
  size_t n = lines.size();
  return n % 2 ? lines[n / 2] : (lines[n / 2 - 1] + lines[n / 2]) / 2;
}

}  // namespace

BettorFigures bettor_figures(std::span<const double> profits, std::span<const int64_t> prices) {
  BettorFigures f;
  f.bets = static_cast<int64_t>(profits.size());
  for (double p : profits) {
    f.profit += p;
    if (p > 0) ++f.wins;
    if (p < 0) ++f.losses;
    if (p == 0) ++f.pushes;
  }
  if (f.wins + f.losses > 0) f.hit_rate = static_cast<double>(f.wins) / (f.wins + f.losses);
  f.break_even = break_even_rate(prices);
  f.roi = roi_interval(profits);
  return f;
}

MarketBacktest run_market_backtest(const MarketDef& market, const MarketInputs& in,
                                   std::span<const MarketRow> rows,
                                   const MarketBacktestOptions& options) {
  MarketBacktest out;
  MarketBacktestReport& rep = out.report;
  rep.market = market.id;
  auto openings = opening_nights(rows);
  // The lined rows of the window (players who played), grouped by cutoff.
  std::vector<size_t> lined;
  std::vector<Date> cutoffs;
  for (size_t i = 0; i < rows.size(); ++i) {
    const MarketRow& r = rows[i];
    if (r.date < options.from || r.date > options.to) continue;
    if (!in.offers.count({r.date.days, r.player})) continue;
    lined.push_back(i);
    Date c = model_cutoff(r.date, openings.at(season_of(r.date)), options.retrain_every);
    if (cutoffs.empty() || cutoffs.back() != c) cutoffs.push_back(c);
  }
  cutoffs.erase(std::unique(cutoffs.begin(), cutoffs.end()), cutoffs.end());
  auto models = train_models(market, rows, cutoffs, options.threads);
  rep.lined = static_cast<int64_t>(lined.size());
  for (const auto& [c, m] : models) {
    rep.models += m ? 1 : 0;
    rep.calibrated_models += m && m->calibrator ? 1 : 0;
    if (m) rep.model_weights.push_back(m->model_weight);
  }
  Bettor model_bets, under_bets, consensus_bets;
  double abs_model = 0, abs_line = 0;
  std::vector<double> brier_p, brier_alone, brier_market;
  std::vector<int> outcomes;
  bool flat = true;
  for (size_t i : lined) {
    const MarketRow& r = rows[i];
    Date c = model_cutoff(r.date, openings.at(season_of(r.date)), options.retrain_every);
    const auto& m = models.at(c.days);
    if (!m) continue;
    ++rep.predicted;
    double mean = predict_means(*m, std::span<const MarketRow>(&r, 1)).front();
    double actual = r.label;
    const std::vector<Offer>& offers = in.offers.at({r.date.days, r.player});
    double line = r.line.value_or(median_line(offers));
    abs_model += std::abs(mean - actual);
    abs_line += std::abs(line - actual);
    PricedOffers priced =
        price_offers(market, *m, r, mean, offers, {options.min_ev, options.max_no_vig_gap});
    // The offers a bettor may take: the others look like data errors.
    std::vector<Offer> takeable;
    for (size_t k : priced.takeable) takeable.push_back(offers[k]);
    for (MarketPredictionRecord& rec : priced.records) {
      rep.suspect_offers += rec.suspect ? 1 : 0;
      grade_market_record(rec, actual);
      if (rec.market_p_over_novig) {
        if (*rec.over_price != *rec.under_price) flat = false;
        if (*rec.outcome != "PUSH") {
          brier_p.push_back(rec.p_over);
          brier_alone.push_back(rec.p_over_model);
          brier_market.push_back(*rec.market_p_over_novig);
          outcomes.push_back(*rec.outcome == "OVER" ? 1 : 0);
        }
      }
    }
    if (priced.bet) {
      const MarketPredictionRecord& rec = priced.records[priced.bet->offer];
      model_bets.profits.push_back(*rec.profit);
      model_bets.prices.push_back(rec.recommendation == "OVER" ? *rec.over_price
                                                               : *rec.under_price);
    }
    for (MarketPredictionRecord& rec : priced.records) out.records.push_back(std::move(rec));
    if (auto bet = always_under_bet(takeable, line)) {
      under_bets.add(takeable[bet->offer], "UNDER", actual);
    }
    if (auto bet = consensus_bet(takeable, options.consensus_margin)) {
      consensus_bets.add(takeable[bet->offer], bet->side, actual);
    }
  }
  if (rep.predicted > 0) {
    rep.mae_model = abs_model / static_cast<double>(rep.predicted);
    rep.mae_line = abs_line / static_cast<double>(rep.predicted);
  }
  rep.brier_rows = static_cast<int64_t>(outcomes.size());
  rep.brier_model = brier_score(brier_p, outcomes);
  rep.brier_model_alone = brier_score(brier_alone, outcomes);
  rep.brier_market = brier_score(brier_market, outcomes);
  rep.reliability = reliability_table(brier_p, outcomes);
  rep.flat_prices = flat && !outcomes.empty();
  rep.model = bettor_figures(model_bets.profits, model_bets.prices);
  rep.always_under = bettor_figures(under_bets.profits, under_bets.prices);
  rep.consensus = bettor_figures(consensus_bets.profits, consensus_bets.prices);
  return out;
}

std::vector<MarketPredictionRecord> market_predictions_of_date(const MarketDef& market,
                                                               const MarketInputs& in,
                                                               std::span<const MarketRow> rows,
                                                               Date d,
                                                               MarketBacktestOptions options) {
  options.from = d;
  options.to = d;
  return run_market_backtest(market, in, rows, options).records;
}

}  // namespace nbaprops::predict::markets
