#include "raw/field_parse.h"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace nbaprops {
namespace {

std::string describe(std::string_view column, std::string_view value, std::string_view detail) {
  std::string out;
  if (!column.empty()) out = fmt::format("{} '{}'", column, value.substr(0, 80));
  if (!detail.empty()) out += out.empty() ? std::string(detail) : fmt::format(" ({})", detail);
  return out;
}

}  // namespace

RowError::RowError(std::string code, std::string_view column, std::string_view value,
                   std::string_view detail)
    : std::runtime_error(column.empty() && value.empty() && detail.empty()
                             ? code
                             : fmt::format("{}: {}", code, describe(column, value, detail))),
      code_(std::move(code)) {}

bool is_null_field(std::string_view s, bool nba_nulls) {
  if (s.empty()) return true;
  if (!nba_nulls) return false;
  return s == "NA" || s == "NaN" || s == "None" || s == "null";
}

std::optional<int64_t> parse_int(std::string_view s) {
  if (s.empty()) return std::nullopt;
  const char* begin = s.data();
  const char* end = s.data() + s.size();
  if (*begin == '+') ++begin;
  int64_t v = 0;
  auto r = std::from_chars(begin, end, v);
  if (r.ec != std::errc{}) return std::nullopt;
  if (r.ptr == end) return v;
  if (*r.ptr != '.') return std::nullopt;
  for (const char* p = r.ptr + 1; p < end; ++p) {
    if (*p != '0') return std::nullopt;
  }
  return v;
}

std::optional<double> parse_dec(std::string_view s) {
  if (s.empty()) return std::nullopt;
  const char* begin = s.data();
  const char* end = s.data() + s.size();
  if (*begin == '+') ++begin;
  double v = 0;
  auto r = std::from_chars(begin, end, v, std::chars_format::fixed);
  if (r.ec != std::errc{} || r.ptr != end || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<bool> parse_bool(std::string_view s) {
  if (s == "1") return true;
  if (s == "0") return false;
  std::string lower;
  for (char c : s) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lower == "true") return true;
  if (lower == "false") return false;
  return std::nullopt;
}

int64_t require_int(std::string_view column, std::string_view s) {
  auto v = parse_int(s);
  if (!v) throw RowError("bad_value", column, s, "not an integer");
  return *v;
}

double require_dec(std::string_view column, std::string_view s) {
  auto v = parse_dec(s);
  if (!v) throw RowError("bad_value", column, s, "not a number");
  return *v;
}

bool require_bool(std::string_view column, std::string_view s) {
  auto v = parse_bool(s);
  if (!v) throw RowError("bad_value", column, s, "not a boolean");
  return *v;
}

Date require_date(std::string_view column, std::string_view s, bool nba_forms) {
  auto d = nba_forms ? parse_nba_date(s) : parse_iso_date(s);
  if (!d) throw RowError("bad_value", column, s, "not a date");
  if (!in_accepted_range(*d)) throw RowError("out_of_range", column, s, "year outside 1946-2100");
  return *d;
}

Timestamp require_timestamp(std::string_view column, std::string_view s) {
  auto t = parse_timestamp(s);
  if (!t) throw RowError("bad_value", column, s, "not an ISO 8601 timestamp with a zone");
  if (!in_accepted_range(eastern_date(*t))) {
    throw RowError("out_of_range", column, s, "year outside 1946-2100");
  }
  return *t;
}

}  // namespace nbaprops
