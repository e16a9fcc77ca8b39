// Source profiles: an input shape declared as data (docs/sources.md).
//
// A profile names a target (prop_lines, games, injuries, player_boxscores) and, for each of
// the target's logical fields, where its value comes from: one of several column names
// (aliases, case-insensitive), a constant, or the file's name; and the transforms that turn
// the text into the field (split "Away @ Home", "Last, First" names, a value map, a date or
// time format with its zone, decimal odds). `compile_profile` turns a profile and a file's
// header into a ProfilePlan once per file, so that a row is read by column index only.
//
// Profiles are immutable once loaded; a plan is read-only while rows are parsed. Loading
// throws ProfileError naming the profile and the problem.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace nbaprops {

class ProfileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The logical fields a profile can fill. A target reads the ones it knows.
enum class Field {
  kGameId,
  kGameDate,
  kTipoff,  // a timestamp, or a time of day with the game date
  kHome,
  kAway,
  kTeam,  // the row's team (injuries, box scores)
  kOpponent,
  kPlayerName,
  kPlayerId,
  kMarket,
  kBookmaker,
  kLine,
  kOverPrice,
  kUnderPrice,
  kSide,        // long shape: Over / Under
  kPrice,       // long shape: the side's price
  kSnapshot,    // prop_lines.snapshot_utc
  kReportTime,  // injuries.report_utc
  kStatus,
  kReason,
  kSeasonType,
  kMinutes,
  kPts,
  kReb,
  kAst,
  kStl,
  kBlk,
  kTov,
  kPf,
  kOreb,
  kDreb,
  kFgm,
  kFga,
  kFg3m,
  kFg3a,
  kFtm,
  kFta,
  kPlusMinus,
  kCount
};

// The YAML name of a field ("game_date"), and back.
std::string_view field_name(Field f);
std::optional<Field> field_by_name(std::string_view name);

// Where a field's text comes from and how it is transformed.
struct FieldSpec {
  std::vector<std::string> columns;        // aliases, first present wins
  std::optional<std::string> constant;     // `const:`
  std::string file_name_regex;             // `file_name:` its capture groups, joined by ' '
  bool optional = false;                   // a missing column leaves the field empty
  bool skip_if_empty = false;              // an empty value skips the row (counted skipped)
  bool fill_down = false;                  // an empty value repeats the previous row's
  std::string split;                       // separator, or "matchup" ("A vs. B" / "A @ B")
  std::vector<Field> into;                 // fields the split parts fill, in order
  bool last_first = false;                 // "Last, First" -> "First Last"
  std::map<std::string, std::string> map;  // value map (case-insensitive keys)
  std::string unmapped = "keep";           // keep | skip (the row) | reject (the row)
  std::string format;                      // date/time format (see docs/sources.md)
  std::string zone = "UTC";                // ET or UTC: the zone of a local date-time
  bool decimal_odds = false;               // prices are decimal odds
};

struct Profile {
  std::string name;
  std::string target;  // prop_lines | games | injuries | player_boxscores
  std::string description;
  std::string origin;  // "built-in" or the file it was read from
  std::map<Field, FieldSpec> fields;
  std::vector<Field> order;  // the fields as the YAML declares them
  // The canonical header a user can convert the file to (for --explain).
  std::string canonical_header() const;
};

// Parses one profile from YAML text; `origin` names it in errors.
Profile parse_profile(std::string_view yaml_text, const std::string& origin);
// Reads a profile file.
Profile load_profile_file(const std::string& path);
// The profiles shipped in profiles/*.yaml, embedded at build time, in name order.
std::span<const Profile> builtin_profiles();

// A profile bound to a header: per field, a column index, a constant, or nothing.
struct FieldPlan {
  int column = -1;          // index in the header, -1 when none
  std::string column_name;  // the header's name of that column
  std::string fixed;        // constant or file-name value when column < 0
  const FieldSpec* spec = nullptr;
};

struct ProfilePlan {
  const Profile* profile = nullptr;
  std::vector<FieldPlan> fields;  // indexed by Field; spec == nullptr when undeclared
  bool has(Field f) const { return fields[static_cast<size_t>(f)].spec != nullptr; }
};

// How well a header fits a profile: matched when every non-optional column field has one
// of its aliases in the header. `covered` counts header columns the profile reads.
struct ProfileMatch {
  bool matched = false;
  size_t covered = 0;
  size_t wanted = 0;                 // non-optional column fields
  std::vector<std::string> missing;  // "a|b" for each absent field
};
ProfileMatch match_profile(const Profile& p, const std::vector<std::string>& header);

// Binds `p` to a header and a file name. REQUIRES: match_profile(p, header).matched.
// Throws ProfileError when a file_name field's pattern does not match `file_name`.
ProfilePlan compile_profile(const Profile& p, const std::vector<std::string>& header,
                            const std::string& file_name);

}  // namespace nbaprops
