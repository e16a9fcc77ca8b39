#include "core/date.h"

#include <date/date.h>
#include <date/tz.h>

#include <array>
#include <cctype>
#include <charconv>

#include <fmt/format.h>

namespace nbaprops {
namespace {

using date::days;
using date::sys_days;
using date::year_month_day;

year_month_day ymd_of(Date d) {
  return year_month_day{sys_days{days{d.days}}};
}

// Parses exactly `n` digits at s[pos..pos+n).
std::optional<int> digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return std::nullopt;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

std::optional<Date> checked(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                     date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return Date{static_cast<int32_t>(sys_days{ymd}.time_since_epoch().count())};
}

std::optional<Date> parse_month_name_date(std::string_view s) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  size_t space = s.find(' ');
  if (space == std::string_view::npos || space < 3) return std::nullopt;
  std::string name;
  for (char c : s.substr(0, space))
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  int month = 0;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (name.compare(0, 3, kMonths[i]) == 0) month = static_cast<int>(i) + 1;
  }
  if (month == 0) return std::nullopt;
  std::string_view rest = s.substr(space + 1);
  size_t comma = rest.find(',');
  if (comma == std::string_view::npos) return std::nullopt;
  std::string_view day_part = rest.substr(0, comma);
  std::string_view year_part = rest.substr(comma + 1);
  while (!year_part.empty() && year_part.front() == ' ') year_part.remove_prefix(1);
  int day = 0, year = 0;
  auto r1 = std::from_chars(day_part.data(), day_part.data() + day_part.size(), day);
  auto r2 = std::from_chars(year_part.data(), year_part.data() + year_part.size(), year);
  if (r1.ec != std::errc{} || r1.ptr != day_part.data() + day_part.size()) return std::nullopt;
  if (r2.ec != std::errc{} || r2.ptr != year_part.data() + year_part.size()) return std::nullopt;
  if (year_part.size() != 4) return std::nullopt;
  return checked(year, month, day);
}

const date::time_zone* eastern_zone() {
  static const date::time_zone* zone = date::locate_zone("America/New_York");
  return zone;
}

}  // namespace

Date make_date(int year, unsigned month, unsigned day) {
  year_month_day ymd{date::year{year}, date::month{month}, date::day{day}};
  return Date{static_cast<int32_t>(sys_days{ymd}.time_since_epoch().count())};
}
int year_of(Date d) {
  return static_cast<int>(ymd_of(d).year());
}
unsigned month_of(Date d) {
  return static_cast<unsigned>(ymd_of(d).month());
}
unsigned day_of(Date d) {
  return static_cast<unsigned>(ymd_of(d).day());
}

namespace {

// Two decimal digits of 0 <= v < 100 at `out`.
void two_digits(char* out, unsigned v) {
  out[0] = static_cast<char>('0' + v / 10);
  out[1] = static_cast<char>('0' + v % 10);
}

}  // namespace

// Written digit by digit: fmt::format cost about 1,900 instructions a date, and a backfill
// formats tens of thousands (the same bytes as "{:04}-{:02}-{:02}", tested).
std::string format_date(Date d) {
  auto ymd = ymd_of(d);
  const int year = static_cast<int>(ymd.year());
  const auto month = static_cast<unsigned>(ymd.month()), day = static_cast<unsigned>(ymd.day());
  if (year < 0 || year > 9999) return fmt::format("{:04}-{:02}-{:02}", year, month, day);
  std::string out(10, '-');
  two_digits(out.data(), static_cast<unsigned>(year) / 100);
  two_digits(out.data() + 2, static_cast<unsigned>(year) % 100);
  two_digits(out.data() + 5, month);
  two_digits(out.data() + 8, day);
  return out;
}

std::string format_timestamp(Timestamp t) {
  int64_t day = t.seconds >= 0 ? t.seconds / 86400 : -((-t.seconds + 86399) / 86400);
  auto sod = static_cast<unsigned>(t.seconds - day * 86400);
  std::string out = format_date(Date{static_cast<int32_t>(day)});
  out.resize(out.size() + 10);  // "THH:MM:SSZ"
  char* p = out.data() + out.size() - 10;
  p[0] = 'T';
  two_digits(p + 1, sod / 3600);
  p[3] = ':';
  two_digits(p + 4, (sod / 60) % 60);
  p[6] = ':';
  two_digits(p + 7, sod % 60);
  p[9] = 'Z';
  return out;
}

std::optional<Date> parse_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto y = digits(s, 0, 4), m = digits(s, 5, 2), d = digits(s, 8, 2);
  if (!y || !m || !d) return std::nullopt;
  return checked(*y, *m, *d);
}

std::optional<Date> parse_nba_date(std::string_view s) {
  if (s.size() == 10 && s[4] == '-') return parse_iso_date(s);
  if (s.size() == 19 && s[4] == '-' && s.substr(10) == "T00:00:00") {
    return parse_iso_date(s.substr(0, 10));
  }
  if (s.size() == 10 && (s[2] == '-' || s[2] == '/') && s[5] == s[2]) {
    auto m = digits(s, 0, 2), d = digits(s, 3, 2), y = digits(s, 6, 4);
    if (!y || !m || !d) return std::nullopt;
    return checked(*y, *m, *d);
  }
  if (s.size() == 8) {
    auto y = digits(s, 0, 4), m = digits(s, 4, 2), d = digits(s, 6, 2);
    if (!y || !m || !d) return std::nullopt;
    return checked(*y, *m, *d);
  }
  return parse_month_name_date(s);
}

std::optional<Timestamp> parse_timestamp(std::string_view s) {
  if (s.size() < 17 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ')) return std::nullopt;
  auto date = parse_iso_date(s.substr(0, 10));
  auto hh = digits(s, 11, 2), mm = digits(s, 14, 2);
  if (!date || !hh || !mm || s[13] != ':') return std::nullopt;
  size_t pos = 16;
  int ss = 0;
  if (pos < s.size() && s[pos] == ':') {
    auto sec = digits(s, pos + 1, 2);
    if (!sec) return std::nullopt;
    ss = *sec;
    pos += 3;
    if (pos < s.size() && s[pos] == '.') {
      ++pos;
      while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
    }
  }
  if (*hh > 23 || *mm > 59 || ss > 60) return std::nullopt;
  if (pos >= s.size()) return std::nullopt;  // no zone
  int offset = 0;
  std::string_view zone = s.substr(pos);
  if (zone == "Z" || zone == "z") {
    offset = 0;
  } else if (zone[0] == '+' || zone[0] == '-') {
    int sign = zone[0] == '-' ? -1 : 1;
    std::string_view z = zone.substr(1);
    std::optional<int> oh, om = 0;
    if (z.size() == 2) {
      oh = digits(z, 0, 2);
    } else if (z.size() == 4) {
      oh = digits(z, 0, 2), om = digits(z, 2, 2);
    } else if (z.size() == 5 && z[2] == ':') {
      oh = digits(z, 0, 2), om = digits(z, 3, 2);
    }
    if (!oh || !om || *oh > 23 || *om > 59) return std::nullopt;
    offset = sign * (*oh * 3600 + *om * 60);
  } else {
    return std::nullopt;
  }
  int64_t secs = int64_t{date->days} * 86400 + *hh * 3600 + *mm * 60 + ss - offset;
  return Timestamp{secs};
}

Date eastern_date(Timestamp t) {
  date::sys_seconds st{std::chrono::seconds{t.seconds}};
  auto local = eastern_zone()->to_local(st);
  auto day = date::floor<days>(local);
  return Date{static_cast<int32_t>(day.time_since_epoch().count())};
}

Timestamp eastern_time_to_utc(Date d, int hour, int minute) {
  date::local_seconds local{
      std::chrono::seconds{int64_t{d.days} * 86400 + hour * 3600 + minute * 60}};
  auto st = eastern_zone()->to_sys(local, date::choose::earliest);
  return Timestamp{st.time_since_epoch().count()};
}

int utc_offset_seconds(std::string_view iana_zone, Timestamp t) {
  const date::time_zone* zone = date::locate_zone(std::string(iana_zone));
  date::sys_seconds st{std::chrono::seconds{t.seconds}};
  return static_cast<int>(zone->get_info(st).offset.count());
}

Date season_start(Date from) {
  return make_date(season_of(from), 7, 1);
}

bool in_accepted_range(Date d) {
  int y = year_of(d);
  return y >= 1946 && y <= 2100;
}

}  // namespace nbaprops
