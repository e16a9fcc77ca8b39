#include "picks/candidate.h"

#include <cmath>
#include <cstdlib>

#include "predict/money.h"

namespace nbaprops::picks {

std::string matchup(const Candidate& c) {
  return c.team + (c.home && !*c.home ? " @ " : " vs ") + c.opponent;
}

std::string side_of(const Candidate& c) {
  return c.edge > 0 ? "OVER" : "UNDER";
}

std::optional<int64_t> price_of(const Candidate& c) {
  return c.edge > 0 ? c.over_price : c.under_price;
}

double payout(int64_t price) {
  return predict::win_payout(price);
}

double expected_value(const std::string& side, double p_over, int64_t price) {
  return predict::expected_value(side == "OVER" ? p_over : 1.0 - p_over, price);
}

std::optional<double> expected_value(const Candidate& c) {
  auto price = price_of(c);
  if (!c.p_over || !price) return std::nullopt;
  return expected_value(side_of(c), *c.p_over, *price);
}

bool lacks_price(const Candidate& c) {
  return c.p_over && !price_of(c);
}

double strength(const Candidate& c) {
  auto ev = expected_value(c);
  return ev ? *ev : std::fabs(c.edge);
}

}  // namespace nbaprops::picks
