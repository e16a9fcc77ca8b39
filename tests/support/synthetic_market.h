// Test support: a synthetic threes market whose answer is known (the market model tests).
#pragma once

#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "core/date.h"
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

}  // namespace nbaprops::testing
