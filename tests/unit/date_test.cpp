#include "core/date.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>

namespace nbaprops {
namespace {

TEST(Date, IsoRoundTrip) {
  auto d = parse_iso_date("2025-01-22");
  ASSERT_TRUE(d);
  EXPECT_EQ(format_date(*d), "2025-01-22");
  EXPECT_EQ(*d, make_date(2025, 1, 22));
  EXPECT_FALSE(parse_iso_date("2025-02-30"));
  EXPECT_FALSE(parse_iso_date("2025-1-22"));
  EXPECT_FALSE(parse_iso_date(""));
}

TEST(Date, NbaFormats) {
  Date want = make_date(2024, 11, 13);
  for (const char* s : {"2024-11-13", "2024-11-13T00:00:00", "11-13-2024", "11/13/2024", "20241113",
                        "Nov 13, 2024", "NOV 13, 2024", "November 13, 2024"}) {
    auto d = parse_nba_date(s);
    ASSERT_TRUE(d) << s;
    EXPECT_EQ(*d, want) << s;
  }
  EXPECT_FALSE(parse_nba_date("13-11-2024"));
  EXPECT_FALSE(parse_nba_date("2024/11/13"));
  EXPECT_FALSE(parse_nba_date("Foo 13, 2024"));
}

TEST(Date, TimestampZonesAndOffsets) {
  auto z = parse_timestamp("2025-01-01T00:10:00Z");
  ASSERT_TRUE(z);
  EXPECT_EQ(format_timestamp(*z), "2025-01-01T00:10:00Z");
  auto off = parse_timestamp("2024-12-31T19:10:00-05:00");
  ASSERT_TRUE(off);
  EXPECT_EQ(*off, *z);
  auto frac = parse_timestamp("2025-01-01T00:10:00.123Z");
  ASSERT_TRUE(frac);
  EXPECT_EQ(*frac, *z);
  EXPECT_FALSE(parse_timestamp("2025-01-01T00:10:00"));  // no zone
  EXPECT_FALSE(parse_timestamp("2025-01-01"));
}

TEST(Date, EasternDateUsesDst) {
  // 7:10 pm EST is 00:10 UTC the next day (spec example).
  EXPECT_EQ(eastern_date(*parse_timestamp("2025-01-01T00:10:00Z")), make_date(2024, 12, 31));
  // In EDT (UTC-4) 03:59Z is 23:59 the day before; 04:00Z is midnight.
  EXPECT_EQ(eastern_date(*parse_timestamp("2024-10-23T03:59:00Z")), make_date(2024, 10, 22));
  EXPECT_EQ(eastern_date(*parse_timestamp("2024-10-23T04:00:00Z")), make_date(2024, 10, 23));
  // In EST (UTC-5) 04:30Z is still the day before.
  EXPECT_EQ(eastern_date(*parse_timestamp("2025-01-23T04:30:00Z")), make_date(2025, 1, 22));
  // Noon ET: 17:00Z in winter, 16:00Z in summer.
  EXPECT_EQ(format_timestamp(eastern_time_to_utc(make_date(2025, 1, 22), 12, 0)),
            "2025-01-22T17:00:00Z");
  EXPECT_EQ(format_timestamp(eastern_time_to_utc(make_date(2025, 4, 1), 12, 0)),
            "2025-04-01T16:00:00Z");
}

TEST(Date, SeasonRule) {
  EXPECT_EQ(season_of(make_date(2024, 10, 22)), 2024);
  EXPECT_EQ(season_of(make_date(2024, 12, 31)), 2024);
  EXPECT_EQ(season_of(make_date(2025, 1, 1)), 2024);
  EXPECT_EQ(season_of(make_date(2025, 9, 30)), 2024);
  EXPECT_EQ(season_of(make_date(2025, 10, 1)), 2025);
}

// The inline season_of agrees with the rule read off the civil date, for every day of
// 1900-2300 (leap years and the century rules included).
TEST(Date, SeasonOfEveryDayAgreesWithItsCivilDate) {
  int disagreements = 0;
  for (Date d = make_date(1900, 1, 1); d <= make_date(2300, 12, 31); d = Date{d.days + 1}) {
    const int y = year_of(d);
    if (season_of(d) != (month_of(d) >= 10 ? y : y - 1)) ++disagreements;
  }
  EXPECT_EQ(disagreements, 0);
}

TEST(Date, UtcOffsetOfArenaZones) {
  Timestamp winter = *parse_timestamp("2025-01-15T12:00:00Z");
  EXPECT_EQ(utc_offset_seconds("America/Phoenix", winter), -7 * 3600);
  EXPECT_EQ(utc_offset_seconds("America/Chicago", winter), -6 * 3600);
  Timestamp summer = *parse_timestamp("2025-04-01T12:00:00Z");
  EXPECT_EQ(utc_offset_seconds("America/Phoenix", summer), -7 * 3600);
  EXPECT_EQ(utc_offset_seconds("America/Denver", summer), -6 * 3600);
}

}  // namespace
}  // namespace nbaprops

namespace nbaprops {
namespace {

// The digit-by-digit formatters write fmt's "{:04}-{:02}-{:02}" and "{}T{:02}:{:02}:{:02}Z".
TEST(Date, FormattersMatchFmtOverEveryDayOfFourCenturies) {
  for (int32_t days = make_date(1900, 1, 1).days; days <= make_date(2300, 12, 31).days; ++days) {
    std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
    const std::string expected =
        fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                    static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    ASSERT_EQ(format_date(Date{days}), expected);
    const int64_t second = int64_t{days} * 86400 + ((int64_t{days} * 7919) % 86400 + 86400) % 86400;
    const int64_t sod = second - int64_t{days} * 86400;
    ASSERT_EQ(
        format_timestamp(Timestamp{second}),
        fmt::format("{}T{:02}:{:02}:{:02}Z", expected, sod / 3600, (sod / 60) % 60, sod % 60));
  }
  EXPECT_EQ(format_date(make_date(10000, 1, 1)), "10000-01-01");
  EXPECT_EQ(format_timestamp(Timestamp{86399}), "1970-01-01T23:59:59Z");
  EXPECT_EQ(format_timestamp(Timestamp{-1}), "1969-12-31T23:59:59Z");
}

}  // namespace
}  // namespace nbaprops
