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
int season_of(Date d);

// The first day from which a run over `from` loads inputs: July 1 of from's season.
Date season_start(Date from);

// True when the year of d is within the spec's accepted range 1946-2100.
bool in_accepted_range(Date d);

}  // namespace nbaprops
