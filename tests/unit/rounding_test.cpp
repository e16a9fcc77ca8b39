// round_half_away (core/value.h): half away from zero at the stored decimals, as written.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/value.h"

namespace nbaprops {
namespace {

TEST(RoundHalfAway, HalvesGoAwayFromZeroAsWritten) {
  EXPECT_EQ(round_half_away(2.675, 2), 2.68);  // stored as 2.67499999...
  EXPECT_EQ(round_half_away(-2.675, 2), -2.68);
  EXPECT_EQ(round_half_away(0.5, 0), 1.0);
  EXPECT_EQ(round_half_away(-0.5, 0), -1.0);
  EXPECT_EQ(round_half_away(12.345, 1), 12.3);
  EXPECT_EQ(round_half_away(1234.5, -1), 1230.0);  // beyond the table: std::pow
}

// The table of powers gives the bytes std::pow(10, k) gave, for every decimals it covers.
TEST(RoundHalfAway, SameBytesAsScalingByPow) {
  std::mt19937_64 gen(7);
  std::uniform_real_distribution<double> value(-1000.0, 1000.0);
  for (int k = 0; k < 16; ++k) {
    double scale = std::pow(10.0, k);
    for (int n = 0; n < 2000; ++n) {
      double x = value(gen);
      double scaled = x * scale;
      double want = std::round(scaled + (scaled >= 0 ? 1e-9 : -1e-9)) / scale;
      ASSERT_EQ(round_half_away(x, k), want) << x << " at " << k;
    }
  }
}

}  // namespace
}  // namespace nbaprops
