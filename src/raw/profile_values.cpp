#include "raw/profile_values.h"

#include <cctype>

#include <fmt/format.h>

#include "core/teams.h"
#include "raw/field_parse.h"
#include "raw/row_checks.h"

namespace nbaprops {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// "Brown Jr., Jaylen" -> "Jaylen Brown Jr."; text without a comma is kept.
std::string first_last(std::string_view s) {
  size_t comma = s.find(',');
  if (comma == std::string_view::npos) return std::string(s);
  return fmt::format("{} {}", trim(s.substr(comma + 1)), trim(s.substr(0, comma)));
}

const std::string& apply_map(const FieldSpec& spec, std::string& text, ProfileRecord& rec,
                             std::string_view column) {
  if (spec.map.empty() || text.empty()) return text;
  auto it = spec.map.find(lower(text));
  if (it != spec.map.end()) {
    text = it->second;
  } else if (spec.unmapped == "skip") {
    rec.skip = true;
  } else if (spec.unmapped == "reject") {
    throw RowError("bad_value", column, text, "not in the profile's map");
  }
  return text;
}

struct DateTimeParts {
  int year = -1, month = -1, day = -1, hour = -1, minute = 0, second = 0;
  std::optional<bool> pm;
};

// Reads `s` against `format`; false when it does not fit.
bool parse_with_format(std::string_view s, std::string_view format, DateTimeParts& p) {
  size_t i = 0, f = 0;
  auto digits = [&](size_t max, int& out) {
    size_t start = i;
    int v = 0;
    while (i < s.size() && i - start < max && std::isdigit(static_cast<unsigned char>(s[i]))) {
      v = v * 10 + (s[i] - '0');
      ++i;
    }
    out = v;
    return i > start;
  };
  bool twelve = false;
  while (f < format.size()) {
    std::string_view rest = format.substr(f);
    bool ok = true;
    if (rest.starts_with("YYYY")) {
      ok = digits(4, p.year), f += 4;
    } else if (rest.starts_with("MM")) {
      ok = digits(2, p.month), f += 2;
    } else if (rest.starts_with("DD")) {
      ok = digits(2, p.day), f += 2;
    } else if (rest.starts_with("HH")) {
      ok = digits(2, p.hour), f += 2;
    } else if (rest.starts_with("hh")) {
      ok = digits(2, p.hour), f += 2, twelve = true;
    } else if (rest.starts_with("mm")) {
      ok = digits(2, p.minute), f += 2;
    } else if (rest.starts_with("ss")) {
      ok = digits(2, p.second), f += 2;
    } else if (rest.starts_with("A")) {
      while (i < s.size() && s[i] == ' ') ++i;
      std::string ampm = lower(s.substr(i, 2));
      ok = ampm == "am" || ampm == "pm";
      if (ok) p.pm = ampm == "pm", i += 2;
      f += 1;
    } else {
      ok = i < s.size() && s[i] == format[f];
      ++i, ++f;
    }
    if (!ok) return false;
  }
  if (i != s.size()) return false;
  if (twelve && p.hour >= 0) {
    if (p.hour < 1 || p.hour > 12) return false;
    bool pm = p.pm.value_or(true);  // without A, a tip-off: 1-11 p.m., 12 noon
    p.hour = p.hour % 12 + (pm ? 12 : 0);
  }
  return true;
}

// "A vs. B" (A at home) or "A @ B" / "A@B" (A away) into home and away.
void split_matchup(std::string_view raw, const std::string& column, std::string& home,
                   std::string& away) {
  if (raw.empty()) return;
  size_t vs = raw.find(" vs. ");
  if (vs == std::string_view::npos) vs = raw.find(" vs ");
  if (vs != std::string_view::npos) {
    home = trim(raw.substr(0, vs));
    away = trim(raw.substr(raw.find(' ', vs + 1) + 1));
    return;
  }
  size_t at = raw.find('@');
  if (at == std::string_view::npos) {
    throw RowError("bad_matchup", column, raw, "neither 'A vs. B' nor 'A @ B'");
  }
  away = trim(raw.substr(0, at));
  home = trim(raw.substr(at + 1));
}

const FieldPlan& plan_of(const ProfilePlan& plan, Field f) {
  return plan.fields[static_cast<size_t>(f)];
}

}  // namespace

void read_record(const ProfilePlan& plan, const CsvRow& row, ProfileRecord& rec) {
  rec.skip = false;
  for (auto& t : rec.text) t.clear();
  for (size_t i = 0; i < plan.fields.size(); ++i) {
    const FieldPlan& fp = plan.fields[i];
    if (!fp.spec) continue;
    std::string_view raw =
        fp.column >= 0 ? row.fields[static_cast<size_t>(fp.column)] : std::string_view(fp.fixed);
    raw = trim(raw);
    if (is_null_field(raw, true)) raw = {};
    const FieldSpec& spec = *fp.spec;
    if (spec.fill_down) {
      if (raw.empty()) {
        raw = rec.last[i];
      } else {
        rec.last[i] = std::string(raw);
      }
    }
    if (spec.skip_if_empty && raw.empty()) rec.skip = true;
    const std::string& column = fp.column_name;  // for reasons only
    if (spec.split == "matchup") {
      split_matchup(raw, column, rec.text[static_cast<size_t>(spec.into[0])],
                    rec.text[static_cast<size_t>(spec.into[1])]);
      continue;
    }
    if (!spec.split.empty()) {
      size_t start = 0;
      for (size_t k = 0; k < spec.into.size(); ++k) {
        size_t end = k + 1 < spec.into.size() ? raw.find(spec.split, start) : raw.size();
        if (end == std::string_view::npos) {
          if (!raw.empty()) throw RowError("bad_value", column, raw, "no '" + spec.split + "'");
          break;
        }
        std::string part(trim(raw.substr(start, end - start)));
        rec.text[static_cast<size_t>(spec.into[k])] = apply_map(spec, part, rec, column);
        start = end + spec.split.size();
      }
      continue;
    }
    std::string value = spec.last_first ? first_last(raw) : std::string(raw);
    rec.text[i] = apply_map(spec, value, rec, column);
  }
}

std::string source_name(const ProfilePlan& plan, Field f) {
  const FieldPlan& fp = plan_of(plan, f);
  if (!fp.spec) return std::string(field_name(f));
  if (fp.spec->constant) return "const";
  if (!fp.spec->file_name_regex.empty()) return "file name";
  return fp.column_name.empty() ? std::string(field_name(f)) : fp.column_name;
}

Date field_date(const ProfilePlan& plan, const ProfileRecord& rec, Field f) {
  const std::string& text = rec[f];
  std::string column = source_name(plan, f);
  if (text.empty()) throw RowError("missing_value", column, "");
  const FieldPlan& fp = plan_of(plan, f);
  if (!fp.spec || fp.spec->format.empty()) return require_date(column, text, true);
  DateTimeParts p;
  if (!parse_with_format(text, fp.spec->format, p) || p.year < 0 || p.month < 1 || p.month > 12 ||
      p.day < 1 || p.day > 31) {
    throw RowError("bad_value", column, text, "not a date in the form " + fp.spec->format);
  }
  Date d = make_date(p.year, static_cast<unsigned>(p.month), static_cast<unsigned>(p.day));
  if (format_date(d) != fmt::format("{:04}-{:02}-{:02}", p.year, p.month, p.day)) {
    throw RowError("bad_value", column, text, "not a calendar date");
  }
  if (!in_accepted_range(d)) throw RowError("out_of_range", column, text, "1946-2100");
  return d;
}

Timestamp field_time(const ProfilePlan& plan, const ProfileRecord& rec, Field f,
                     std::optional<Date> date) {
  const std::string& text = rec[f];
  std::string column = source_name(plan, f);
  if (text.empty()) throw RowError("missing_value", column, "");
  const FieldPlan& fp = plan_of(plan, f);
  if (!fp.spec || fp.spec->format.empty()) return require_timestamp(column, text);
  DateTimeParts p;
  if (!parse_with_format(text, fp.spec->format, p) || p.hour < 0 || p.hour > 23 || p.minute > 59 ||
      p.second > 59) {
    throw RowError("bad_value", column, text, "not a time in the form " + fp.spec->format);
  }
  Date d;
  if (p.year >= 0) {
    d = make_date(p.year, static_cast<unsigned>(p.month), static_cast<unsigned>(p.day));
  } else if (date) {
    d = *date;
  } else {
    throw RowError("missing_value", column, text, "a time without a date");
  }
  if (fp.spec->zone == "ET") {
    Timestamp t = eastern_time_to_utc(d, p.hour, p.minute);
    return Timestamp{t.seconds + p.second};
  }
  auto t = parse_timestamp(
      fmt::format("{}T{:02}:{:02}:{:02}Z", format_date(d), p.hour, p.minute, p.second));
  if (!t) throw RowError("bad_value", column, text, "not a time");
  return *t;
}

std::optional<std::string> resolve_team_any(std::string_view text) {
  if (auto code = resolve_team(text)) return std::string(*code);
  std::string want = lower(trim(text));
  // Two teams play in Los Angeles (NBA.com writes the Clippers' as "LA").
  if (want.empty() || want == "los angeles" || want == "la") return std::nullopt;
  std::optional<std::string> found;
  int hits = 0;
  for (const auto& t : all_teams()) {
    std::string name = lower(t.name);
    size_t space = name.rfind(' ');
    std::string nickname = name.substr(space + 1), place = name.substr(0, space);
    if (name.ends_with("trail blazers")) nickname = "trail blazers", place = "portland";
    if (want == nickname) return std::string(t.abbr);
    if (want == place) {
      found = std::string(t.abbr);
      ++hits;
    }
  }
  if (hits == 1) return found;
  return std::nullopt;
}

std::string field_team(const ProfilePlan& plan, const ProfileRecord& rec, Field f) {
  const std::string& text = rec[f];
  if (text.empty()) throw RowError("missing_value", source_name(plan, f), "");
  auto code = resolve_team_any(text);
  if (!code) throw RowError("unknown_team", source_name(plan, f), text);
  return *code;
}

std::optional<int64_t> field_price(const ProfilePlan& plan, const ProfileRecord& rec, Field f) {
  const std::string& text = rec[f];
  if (text.empty()) return std::nullopt;
  std::string column = source_name(plan, f);
  double v = require_dec(column, text);
  const FieldPlan& fp = plan_of(plan, f);
  if (fp.spec && fp.spec->decimal_odds) {
    if (v <= 1) throw RowError("bad_value", column, text, "decimal odds must exceed 1");
    double american = v >= 2 ? 100.0 * (v - 1) : -100.0 / (v - 1);
    return static_cast<int64_t>(round_half_away(american, 0));
  }
  return american_price_of(v);
}

}  // namespace nbaprops
