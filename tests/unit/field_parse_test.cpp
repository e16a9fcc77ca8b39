#include "raw/field_parse.h"
#include <cmath>

#include <gtest/gtest.h>

#include "raw/parse_common.h"
#include "raw/row_checks.h"

namespace nbaprops {
namespace {

TEST(FieldParse, IntegersAcceptAZeroFraction) {
  EXPECT_EQ(parse_int("-8.0"), -8);
  EXPECT_EQ(parse_int("12"), 12);
  EXPECT_EQ(parse_int("+3"), 3);
  EXPECT_EQ(parse_int("7.00"), 7);
  EXPECT_FALSE(parse_int("7.5"));
  EXPECT_FALSE(parse_int("seven"));
  EXPECT_FALSE(parse_int(""));
  EXPECT_FALSE(parse_int("1e3"));
}

TEST(FieldParse, DecimalsAndBooleans) {
  EXPECT_DOUBLE_EQ(*parse_dec("26.5"), 26.5);
  EXPECT_DOUBLE_EQ(*parse_dec("-0.25"), -0.25);
  EXPECT_FALSE(parse_dec("26,5"));
  EXPECT_FALSE(parse_dec("nan"));
  EXPECT_FALSE(parse_dec("inf"));
  EXPECT_EQ(parse_bool("TRUE"), true);
  EXPECT_EQ(parse_bool("false"), false);
  EXPECT_EQ(parse_bool("1"), true);
  EXPECT_EQ(parse_bool("0"), false);
  EXPECT_FALSE(parse_bool("yes"));
}

TEST(FieldParse, NbaNullTokens) {
  EXPECT_TRUE(is_null_field("", false));
  EXPECT_FALSE(is_null_field("NA", false));
  for (const char* s : {"NA", "NaN", "None", "null"}) EXPECT_TRUE(is_null_field(s, true)) << s;
  EXPECT_FALSE(is_null_field("0", true));
}

TEST(FieldParse, DatesOutsideTheAcceptedYearsAreOutOfRange) {
  EXPECT_EQ(format_date(require_date("d", "1946-11-01", false)), "1946-11-01");
  try {
    require_date("GAME_DATE", "1900-01-01", false);
    FAIL() << "no error";
  } catch (const RowError& e) {
    EXPECT_EQ(e.code(), "out_of_range");
    EXPECT_STREQ(e.what(), "out_of_range: GAME_DATE '1900-01-01' (year outside 1946-2100)");
  }
  EXPECT_THROW(require_date("d", "11-13-2024", false), RowError);  // canonical: ISO only
  EXPECT_EQ(format_date(require_date("d", "11-13-2024", true)), "2024-11-13");
}

TEST(FieldParse, TimestampsNeedAZone) {
  EXPECT_EQ(format_timestamp(require_timestamp("t", "2024-10-22T23:40:00Z")),
            "2024-10-22T23:40:00Z");
  try {
    require_timestamp("commence_time", "2024-10-22T23:40:00");
    FAIL() << "no error";
  } catch (const RowError& e) {
    EXPECT_EQ(e.code(), "bad_value");
  }
}

TEST(FieldParse, MinutesInEveryNbaForm) {
  EXPECT_DOUBLE_EQ(*parse_minutes("34"), 34.0);
  EXPECT_DOUBLE_EQ(*parse_minutes("34.5"), 34.5);
  EXPECT_DOUBLE_EQ(*parse_minutes("34:30"), 34.5);
  EXPECT_NEAR(*parse_minutes("PT34M20.00S"), 34.0 + 20.0 / 60.0, 1e-12);
  EXPECT_FALSE(parse_minutes("34:75"));
  EXPECT_FALSE(parse_minutes("abc"));
}

TEST(FieldParse, DecimalOddsBecomeAmericanPrices) {
  EXPECT_EQ(american_price_of(-137), -137);
  EXPECT_EQ(american_price_of(120), 120);
  EXPECT_EQ(american_price_of(2.5), 150);  // +100 (2.5 - 1)
  EXPECT_EQ(american_price_of(2.0), 100);
  EXPECT_EQ(american_price_of(1.91), -110);  // -100 / 0.91 = -109.89
  EXPECT_EQ(american_price_of(1.5), -200);
  // Found by fuzzing (tests/fuzz/regressions/oddsapi_props/crash-52ba...): a price too large
  // for an integer was an undefined conversion; it is clamped and then rejected.
  EXPECT_EQ(american_price_of(-8.88889e110), -1000000000000);
  EXPECT_EQ(american_price_of(1e300), 1000000000000);
  EXPECT_EQ(american_price_of(std::nan("")), -1000000000000);
  EXPECT_EQ(american_price_of(1.0 + 1e-15), -1000000000000);  // decimal odds just above 1
  EXPECT_FALSE(is_american_price(american_price_of(-8.88889e110)));
  EXPECT_TRUE(is_american_price(-110));
  EXPECT_TRUE(is_american_price(100));
  EXPECT_FALSE(is_american_price(-99));
  EXPECT_FALSE(is_american_price(50));
  EXPECT_FALSE(is_american_price(100001));
}

TEST(FieldParse, RoundingIsHalfAwayFromZero) {
  EXPECT_DOUBLE_EQ(round_half_away(2.675, 2), 2.68);
  EXPECT_DOUBLE_EQ(round_half_away(-2.5, 0), -3.0);
  EXPECT_DOUBLE_EQ(round_half_away(2.5, 0), 3.0);
  EXPECT_DOUBLE_EQ(round_half_away(34.333333, 2), 34.33);
}

}  // namespace
}  // namespace nbaprops
