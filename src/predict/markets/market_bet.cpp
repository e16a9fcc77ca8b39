#include "predict/markets/market_bet.h"

#include <cmath>

#include "predict/money.h"

namespace nbaprops::predict::markets {

OfferValue offer_value(const Offer& offer, double p_over, double p_push) {
  OfferValue v;
  double act = 1.0 - p_push;
  if (offer.over_price) v.ev_over = act * expected_value(p_over, *offer.over_price);
  if (offer.under_price) v.ev_under = act * expected_value(1.0 - p_over, *offer.under_price);
  return v;
}

std::optional<Bet> best_ev_bet(std::span<const OfferValue> values, double min_ev) {
  std::optional<Bet> best;
  auto consider = [&](size_t i, const char* side, const std::optional<double>& ev) {
    if (ev && *ev >= min_ev && (!best || *ev > best->ev)) best = Bet{i, side, *ev};
  };
  for (size_t i = 0; i < values.size(); ++i) {
    consider(i, "OVER", values[i].ev_over);
    consider(i, "UNDER", values[i].ev_under);
  }
  return best;
}

std::optional<double> others_no_vig(std::span<const Offer> offers, size_t i) {
  const Offer& o = offers[i];
  if (!o.over_price || !o.under_price) return std::nullopt;
  double sum = 0;
  int n = 0;
  for (size_t j = 0; j < offers.size(); ++j) {
    const Offer& other = offers[j];
    if (j == i || other.line != o.line || !other.over_price || !other.under_price) continue;
    sum += no_vig_over(*other.over_price, *other.under_price);
    ++n;
  }
  if (n == 0) return std::nullopt;
  return sum / n;
}

bool suspect_offer(std::span<const Offer> offers, size_t i, double max_gap) {
  auto fair = others_no_vig(offers, i);
  if (!fair) return false;
  const Offer& o = offers[i];
  return std::abs(no_vig_over(*o.over_price, *o.under_price) - *fair) > max_gap;
}

std::optional<Bet> consensus_bet(std::span<const Offer> offers, double margin) {
  std::optional<Bet> best;
  for (size_t i = 0; i < offers.size(); ++i) {
    auto fair = others_no_vig(offers, i);
    if (!fair) continue;
    const Offer& o = offers[i];
    double ev_over = expected_value(*fair, *o.over_price);
    double ev_under = expected_value(1.0 - *fair, *o.under_price);
    if (ev_over >= margin && (!best || ev_over > best->ev)) best = Bet{i, "OVER", ev_over};
    if (ev_under >= margin && (!best || ev_under > best->ev)) best = Bet{i, "UNDER", ev_under};
  }
  return best;
}

std::optional<Bet> always_under_bet(std::span<const Offer> offers, double consensus_line) {
  std::optional<size_t> best;
  for (size_t i = 0; i < offers.size(); ++i) {
    if (!offers[i].under_price) continue;
    if (!best) {
      best = i;
      continue;
    }
    double d = std::abs(offers[i].line - consensus_line);
    double bd = std::abs(offers[*best].line - consensus_line);
    if (d < bd || (d == bd && *offers[i].under_price > *offers[*best].under_price)) best = i;
  }
  if (!best) return std::nullopt;
  return Bet{*best, "UNDER", 0};
}

std::string outcome(double actual, double line) {
  if (actual > line) return "OVER";
  if (actual < line) return "UNDER";
  return "PUSH";
}

double settle(const std::string& side, double line, double actual, int64_t price) {
  std::string o = outcome(actual, line);
  if (o == "PUSH") return 0;
  return o == side ? win_payout(price) : -1.0;
}

}  // namespace nbaprops::predict::markets
