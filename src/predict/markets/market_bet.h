// Money at the offered price for one player, date and market (issue 12 item 4): each book's
// offer (its latest pre-tip snapshot: line, over price, under price), the expected value of
// each side at the book's own price from the calibrated P(over), and the one bet a bettor
// makes. Also the two reference bettors of the backtest (always-under, market-only consensus)
// and the settlement of a bet. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace nbaprops::predict::markets {

// Default minimum expected value of a recommended side, per unit staked (docs/markets.md).
inline constexpr double kDefaultMinEv = 0.03;
// Default margin by which a book's price must beat the other books' fair price for the
// consensus bettor (expected value at the fair probability, per unit).
inline constexpr double kDefaultConsensusMargin = 0.03;

struct Offer {
  std::string bookmaker;
  double line = 0;
  std::optional<int64_t> over_price, under_price;
};

// Expected value per unit of the sides of `offer` when P(over | action) is `p_over` and a
// push (probability `p_push`, returns the stake) happens: (1 - p_push) * EV at the price.
// nullopt for a side without a price.
struct OfferValue {
  std::optional<double> ev_over, ev_under;
};
OfferValue offer_value(const Offer& offer, double p_over, double p_push);

// One bet: the offer's index and side ("OVER" / "UNDER").
struct Bet {
  size_t offer = 0;
  std::string side;
  double ev = 0;
};

// The side of the offers with the largest expected value when it is at least `min_ev`;
// ties to the earlier offer, then OVER. `values[i]` belongs to offers[i].
std::optional<Bet> best_ev_bet(std::span<const OfferValue> values, double min_ev);

// The mean no-vig P(over) of the books other than offers[i] quoting offers[i]'s line with both
// prices; nullopt when there is none (or offers[i] lacks a price).
std::optional<double> others_no_vig(std::span<const Offer> offers, size_t i);

// Default largest gap between an offer's no-vig P(over) and the other books' at the same line
// before the offer is taken for a data error and left unbet (docs/markets.md: the threes files
// carry lines whose prices belong to another line, e.g. 2.5 at +225 / -315 beside -140 / +110).
inline constexpr double kDefaultMaxNoVigGap = 0.15;
// Whether offers[i] disagrees with the other books at its line by more than `max_gap`.
bool suspect_offer(std::span<const Offer> offers, size_t i, double max_gap);

// The market-only bettor: for each offer with both prices, the fair P(over) of its line from
// the *other* books quoting the same line with both prices (mean of their no-vig P(over); at
// least one such book), and the expected value of each side of this offer at that fair
// probability. The largest one of at least `margin` is the bet; nullopt otherwise.
std::optional<Bet> consensus_bet(std::span<const Offer> offers, double margin);

// The always-under bettor: the under of the offer whose line is nearest `consensus_line`
// (ties: the higher under price, then the earlier offer); nullopt when no offer has an under
// price.
std::optional<Bet> always_under_bet(std::span<const Offer> offers, double consensus_line);

// The outcome of `actual` against `line`: "OVER", "UNDER" or "PUSH".
std::string outcome(double actual, double line);
// Profit per unit of a bet on `side` at `price`: win_payout on a win, -1 on a loss, 0 on a push.
double settle(const std::string& side, double line, double actual, int64_t price);

}  // namespace nbaprops::predict::markets
