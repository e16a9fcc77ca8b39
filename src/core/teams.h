// The thirty NBA teams: codes, aliases, NBA.com names and ids, and arenas.
//
// Built-in, read-only data (01-raw-data.md §1 "arenas", §2 "Teams"). All functions are
// pure and thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace nbaprops {

struct TeamInfo {
  std::string_view abbr;      // NBA three-letter code, e.g. "BOS"
  std::string_view name;      // NBA.com name, e.g. "Boston Celtics"
  long long team_id;          // NBA.com TEAM_ID, e.g. 1610612738
  std::string_view city;      // current arena city
  double lat, lon;            // arena coordinates, degrees
  std::string_view timezone;  // IANA zone without "America/", e.g. "New_York"
};

// All thirty teams, in code order.
std::span<const TeamInfo> all_teams();

// The team with this canonical code, or nullptr.
const TeamInfo* find_team(std::string_view abbr);

// Maps any accepted spelling to a canonical code: a code, an alias (BRK PHO CHO NOH NOK NJN
// GS SA NO NY UTAH WSH), an NBA.com name or "Los Angeles Clippers" (case-insensitive, trimmed),
// or a TEAM_ID written as digits. nullopt for anything else (`unknown_team`).
std::optional<std::string_view> resolve_team(std::string_view text);

// Maps a numeric NBA.com TEAM_ID to a code, or nullopt.
std::optional<std::string_view> team_by_id(long long team_id);

}  // namespace nbaprops
