// Reading one record through a ProfilePlan (raw/profile.h): the text of each field after the
// profile's transforms, and the typed conversions the targets share (dates and times in a
// declared format and zone, teams by any name, prices). Internal to src/raw.
//
// Pure functions; a ProfileRecord is scratch space reused row after row by one thread.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/csv_reader.h"
#include "core/date.h"
#include "raw/profile.h"

namespace nbaprops {

struct ProfileRecord {
  std::array<std::string, static_cast<size_t>(Field::kCount)> text;
  bool skip = false;  // an unmapped value whose map says `unmapped: skip`, or skip_if_empty
  std::array<std::string, static_cast<size_t>(Field::kCount)> last;  // for fill_down
  const std::string& operator[](Field f) const { return text[static_cast<size_t>(f)]; }
};

// Fills `rec` from `row`. Throws RowError for an unmapped value whose map says reject.
void read_record(const ProfilePlan& plan, const CsvRow& row, ProfileRecord& rec);

// The name of the column (or "const", "file name") a field came from, for reasons.
std::string source_name(const ProfilePlan& plan, Field f);

// A date in `format` (tokens YYYY MM DD; empty: any NBA form). Throws RowError.
Date field_date(const ProfilePlan& plan, const ProfileRecord& rec, Field f);

// A UTC instant: ISO 8601 with a zone when the spec has no format; else the format's tokens
// (YYYY MM DD HH hh mm ss A) in the spec's zone, the date taken from `date` when the format
// has none. `hh` without `A` reads a tip-off time: 1-11 are p.m., 12 is noon.
// Throws RowError.
Timestamp field_time(const ProfilePlan& plan, const ProfileRecord& rec, Field f,
                     std::optional<Date> date);

// A team code from a code, alias, NBA.com name, nickname ("Celtics") or unique city.
std::optional<std::string> resolve_team_any(std::string_view text);
// The field's team code; throws RowError unknown_team.
std::string field_team(const ProfilePlan& plan, const ProfileRecord& rec, Field f);

// An American price from the field (decimal odds converted), nullopt when empty.
std::optional<int64_t> field_price(const ProfilePlan& plan, const ProfileRecord& rec, Field f);

}  // namespace nbaprops
