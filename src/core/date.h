// Calendar dates and UTC instants, as the spec uses them.
//
// A Date is a US Eastern calendar date (a game_date), held as days since 1970-01-01.
// A Timestamp is a UTC instant, held as whole seconds since the Unix epoch.
// Conversions between the two use the IANA America/New_York rules (never a fixed
// offset). All functions are pure and safe to call from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nbaprops {

struct Date {
  int32_t days = 0;  // days since 1970-01-01
  auto operator<=>(const Date&) const = default;
};

struct Timestamp {
  int64_t seconds = 0;  // seconds since 1970-01-01T00:00:00Z
  auto operator<=>(const Timestamp&) const = default;
};

// Builds a date from its civil year, month (1-12) and day (1-31); no validation.
Date make_date(int year, unsigned month, unsigned day);
int year_of(Date d);
unsigned month_of(Date d);
unsigned day_of(Date d);

// "YYYY-MM-DD".
std::string format_date(Date d);
// "YYYY-MM-DDTHH:MM:SSZ".
std::string format_timestamp(Timestamp t);

// Parses "YYYY-MM-DD" strictly (a real calendar date). nullopt on anything else.
std::optional<Date> parse_iso_date(std::string_view s);
// Parses the NBA formats' dates: YYYY-MM-DD, YYYY-MM-DDT00:00:00, MM-DD-YYYY, MM/DD/YYYY,
// YYYYMMDD and "Mon DD, YYYY" (English month abbreviation or name).
std::optional<Date> parse_nba_date(std::string_view s);
// Parses ISO 8601 date-times with `Z` or a numeric offset (+HH:MM, +HHMM, +HH); fractional
// seconds are dropped. A date-time without a zone is not accepted (nullopt).
std::optional<Timestamp> parse_timestamp(std::string_view s);

// The US Eastern calendar date of a UTC instant (America/New_York, DST-aware).
Date eastern_date(Timestamp t);
// The UTC instant of a US Eastern wall-clock time on a date (e.g. 12:00 ET).
Timestamp eastern_time_to_utc(Date d, int hour, int minute);
// The UTC offset in seconds of an IANA zone ("America/Chicago") at an instant.
int utc_offset_seconds(std::string_view iana_zone, Timestamp t);

// The season of a date: its start year (Oct-Dec -> year, Jan-Sep -> year - 1).
// Inline: processors ask it of every game they scan. A season runs from October 1 to
// September 30, and the 92 days from October 1 to December 31 shift it onto a calendar year:
// the season of d is the civil year of d + 92, less one (the year from H. Hinnant's
// days-to-civil algorithm, whose years begin on March 1; tested against year_of and month_of
// for every day from 1900 to 2300).
inline int season_of(Date d) {
  const int32_t z = d.days + 92 + 719468;  // days since 0000-03-01
  const int32_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<uint32_t>(z - era * 146097);                    // [0, 146096]
  const uint32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const uint32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const uint32_t mp = (5 * doy + 2) / 153;                                     // March = 0
  const int year = static_cast<int>(yoe) + era * 400 + (mp >= 10 ? 1 : 0);
  return year - 1;
}

// The first day from which a run over `from` loads inputs: July 1 of from's season.
Date season_start(Date from);

// True when the year of d is within the spec's accepted range 1946-2100.
bool in_accepted_range(Date d);

}  // namespace nbaprops
