// Test support: a synthetic threes market whose answer is known (the market model tests).
#pragma once

#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "core/date.h"
#include "predict/markets/market_inputs.h"
#include "predict/markets/market_model.h"

namespace nbaprops::testing {

// Feature 0 is the true mean m (uniform on [0.5, 4]), the stat is Poisson(m), every row has
// the line 1.5. 100 rows a day (players p1000..p1099) over `days` days from `first`.
inline std::vector<predict::markets::MarketRow> synthetic_market_rows(Date first, int days) {
  std::mt19937 rng(7);
  auto uniform = [&] { return (static_cast<double>(rng()) + 0.5) / 4294967296.0; };
  std::vector<predict::markets::MarketRow> rows;
  for (int d = 0; d < days; ++d) {
    for (int i = 0; i < 100; ++i) {
      predict::markets::MarketRow r;
      r.date = Date{first.days + d};
      r.player = "p" + std::to_string(1000 + i);
      r.x.fill(std::numeric_limits<float>::quiet_NaN());
      double m = 0.5 + 3.5 * uniform();
      r.x[0] = static_cast<float>(m);
      // Poisson by inversion.
      double u = uniform(), p = std::exp(-m), cdf = p;
      int k = 0;
      while (u > cdf && k < 50) {
        ++k;
        p *= m / k;
        cdf += p;
      }
      r.label = static_cast<float>(k);
      r.line = 1.5;
      rows.push_back(std::move(r));
    }
  }
  return rows;
}

// Inputs with two books quoting 1.5 for every player of `rows` dated `from` or later (book a
// -120 / +100, book b +110 / -130): the week the daily rows are compared with the backtest's.
inline predict::markets::MarketInputs two_books_from(
    const std::vector<predict::markets::MarketRow>& rows, Date from) {
  predict::markets::MarketInputs in;
  for (const predict::markets::MarketRow& r : rows) {
    if (r.date < from) continue;
    in.offers[{r.date.days, r.player}] = {{"a", 1.5, -120, 100}, {"b", 1.5, 110, -130}};
  }
  return in;
}

}  // namespace nbaprops::testing
