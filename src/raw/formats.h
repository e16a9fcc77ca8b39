// The input formats of 01-raw-data.md §3 and their detection from a file's header (§2).
//
// A format is named (`canonical:games`, `nba-player-gamelog`, ...) and identified by its
// required columns. Immutable data; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "raw/schema.h"

namespace nbaprops {

enum class FormatKind {
  kCanonical,
  kCanonicalAliases,
  kNbaPlayerGamelog,
  kNbaTeamGamelog,
  kNbaShotchart,
  kNbaShotsSeason,
  kOddsapiProps,
  kProfile,  // a source profile (raw/profile.h)
  kOddsapiJson,
};

struct Profile;

struct Format {
  std::string name;
  FormatKind kind;
  std::vector<std::string> required;   // as the spec spells them
  const TableSchema* table = nullptr;  // the target of a canonical format
  bool exact = false;                  // canonical: exactly these columns
  const Profile* profile = nullptr;    // kProfile
};

std::span<const Format> all_formats();
const Format* find_format(std::string_view name);

// The outcome of matching a header against the formats.
struct Detection {
  const Format* format = nullptr;  // the match, or the closest format when !matched
  bool matched = false;
  std::vector<std::string> missing;     // required columns absent from the header
  std::vector<std::string> unexpected;  // canonical only: columns it does not have
  std::string duplicate;  // a repeated header name (refuses the file; format is then null)
};

// Matches `header` (names compared case-insensitively after trimming) against every
// format and the `profiles` (formats of kind kProfile), or only `forced` when given. The
// most required columns wins among matches; when none matches, the closest is the one
// with the largest share of its required columns present. `format` is null only when the
// header repeats a name (which may be empty).
Detection detect_format(const std::vector<std::string>& header, const Format* forced = nullptr,
                        std::span<const Format> profiles = {});

// The ranked candidates for a header, best first (for `ingest --explain`).
std::vector<Detection> rank_formats(const std::vector<std::string>& header,
                                    std::span<const Format> profiles);

// A Format of kind kProfile for each profile (names and required columns for messages).
std::vector<Format> profile_formats(std::span<const Profile> profiles);

// Position of each required column of `format` in `header` (case-insensitive), and of
// the optional column names asked for (-1 when absent).
std::vector<int> locate_columns(const std::vector<std::string>& header,
                                const std::vector<std::string>& names);

}  // namespace nbaprops
