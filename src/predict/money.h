// Money at the offered price (issue 12, item 5; replaces 04-predictions.md §8's -110 break-even
// rule): what a price pays, the break-even hit rate of the prices actually taken, the expected
// value of a side at its own price, the market's no-vig probability, and the figures that say
// whether a set of probabilities or bets is any good (Brier score, reliability table, ROI with
// its 95% interval). Pure functions; any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace nbaprops::predict {

// Profit of one unit staked at American `price` when it wins: 100/|price| (price < 0), else
// price/100. REQUIRES: |price| >= 100.
double win_payout(int64_t price);

// The probability at which a bet at `price` breaks even: 1 / (1 + win_payout(price))
// (-110: 0.5238; -137: 0.5781; +120: 0.4545).
double implied_probability(int64_t price);

// The hit rate at which a set of one-unit bets at `prices` breaks even (profit 0):
// n / sum(1 + win_payout(price)). Equals implied_probability when every price is the same.
// nullopt for no bets.
std::optional<double> break_even_rate(std::span<const int64_t> prices);

// The market's no-vig probability of the over: io / (io + iu) with io, iu the implied
// probabilities of the two prices (-137 / -137: 0.5).
double no_vig_over(int64_t over_price, int64_t under_price);

// Expected profit of one unit on a side whose win probability is `p` at `price`:
// p * win_payout(price) - (1 - p). Pushes are left out of p (a push returns the stake).
double expected_value(double p, int64_t price);

// The side to bet: "OVER" or "UNDER", whichever has the larger expected value at its own
// price, when that value is at least `min_ev`; nullopt otherwise (and without both prices).
struct EvPick {
  std::string side;
  double ev = 0;
};
std::optional<EvPick> pick_by_ev(double p_over, std::optional<int64_t> over_price,
                                 std::optional<int64_t> under_price, double min_ev);

// Mean squared difference between probabilities and 0/1 outcomes. nullopt when empty.
// REQUIRES: p.size() == outcome.size().
std::optional<double> brier_score(std::span<const double> p, std::span<const int> outcome);

// Reliability table: the probabilities in ten bins [0, 0.1) .. [0.9, 1.0]; per non-empty bin
// its count, mean probability and observed rate.
struct ReliabilityBin {
  double lo = 0, hi = 0;
  int64_t count = 0;
  double mean_p = 0, observed = 0;
};
std::vector<ReliabilityBin> reliability_table(std::span<const double> p,
                                              std::span<const int> outcome);

// ROI of one-unit bets with profits `profits` (pushes included as 0): mean profit, and its
// 95% interval mean +- 1.96 * s / sqrt(n) (s: sample standard deviation; normal approximation,
// fine from a few dozen bets). As fractions (0.05 = +5%). nullopt for fewer than 2 bets.
struct RoiInterval {
  double roi = 0, low = 0, high = 0;
};
std::optional<RoiInterval> roi_interval(std::span<const double> profits);

}  // namespace nbaprops::predict
