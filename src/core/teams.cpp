#include "core/teams.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <string>

namespace nbaprops {
namespace {

constexpr long long kIdBase = 1610612700;

// 01-raw-data.md §1 arenas table.
constexpr std::array<TeamInfo, 30> kTeams = {{
    {"ATL", "Atlanta Hawks", kIdBase + 37, "Atlanta", 33.76, -84.40, "New_York"},
    {"BKN", "Brooklyn Nets", kIdBase + 51, "Brooklyn, New York", 40.68, -73.98, "New_York"},
    {"BOS", "Boston Celtics", kIdBase + 38, "Boston", 42.37, -71.06, "New_York"},
    {"CHA", "Charlotte Hornets", kIdBase + 66, "Charlotte", 35.23, -80.84, "New_York"},
    {"CHI", "Chicago Bulls", kIdBase + 41, "Chicago", 41.88, -87.67, "Chicago"},
    {"CLE", "Cleveland Cavaliers", kIdBase + 39, "Cleveland", 41.50, -81.69, "New_York"},
    {"DAL", "Dallas Mavericks", kIdBase + 42, "Dallas", 32.79, -96.81, "Chicago"},
    {"DEN", "Denver Nuggets", kIdBase + 43, "Denver", 39.75, -105.01, "Denver"},
    {"DET", "Detroit Pistons", kIdBase + 65, "Detroit", 42.34, -83.06, "Detroit"},
    {"GSW", "Golden State Warriors", kIdBase + 44, "San Francisco", 37.77, -122.39, "Los_Angeles"},
    {"HOU", "Houston Rockets", kIdBase + 45, "Houston", 29.75, -95.36, "Chicago"},
    {"IND", "Indiana Pacers", kIdBase + 54, "Indianapolis", 39.76, -86.16, "Indiana/Indianapolis"},
    {"LAC", "LA Clippers", kIdBase + 46, "Inglewood", 33.94, -118.34, "Los_Angeles"},
    {"LAL", "Los Angeles Lakers", kIdBase + 47, "Los Angeles", 34.04, -118.27, "Los_Angeles"},
    {"MEM", "Memphis Grizzlies", kIdBase + 63, "Memphis", 35.14, -90.05, "Chicago"},
    {"MIA", "Miami Heat", kIdBase + 48, "Miami", 25.78, -80.19, "New_York"},
    {"MIL", "Milwaukee Bucks", kIdBase + 49, "Milwaukee", 43.05, -87.92, "Chicago"},
    {"MIN", "Minnesota Timberwolves", kIdBase + 50, "Minneapolis", 44.98, -93.28, "Chicago"},
    {"NOP", "New Orleans Pelicans", kIdBase + 40, "New Orleans", 29.95, -90.08, "Chicago"},
    {"NYK", "New York Knicks", kIdBase + 52, "New York", 40.75, -73.99, "New_York"},
    {"OKC", "Oklahoma City Thunder", kIdBase + 60, "Oklahoma City", 35.46, -97.52, "Chicago"},
    {"ORL", "Orlando Magic", kIdBase + 53, "Orlando", 28.54, -81.38, "New_York"},
    {"PHI", "Philadelphia 76ers", kIdBase + 55, "Philadelphia", 39.90, -75.17, "New_York"},
    {"PHX", "Phoenix Suns", kIdBase + 56, "Phoenix", 33.45, -112.07, "Phoenix"},
    {"POR", "Portland Trail Blazers", kIdBase + 57, "Portland", 45.53, -122.67, "Los_Angeles"},
    {"SAC", "Sacramento Kings", kIdBase + 58, "Sacramento", 38.58, -121.50, "Los_Angeles"},
    {"SAS", "San Antonio Spurs", kIdBase + 59, "San Antonio", 29.43, -98.44, "Chicago"},
    {"TOR", "Toronto Raptors", kIdBase + 61, "Toronto", 43.64, -79.38, "Toronto"},
    {"UTA", "Utah Jazz", kIdBase + 62, "Salt Lake City", 40.77, -111.90, "Denver"},
    {"WAS", "Washington Wizards", kIdBase + 64, "Washington", 38.90, -77.02, "New_York"},
}};

struct Alias {
  std::string_view alias, abbr;
};
constexpr std::array<Alias, 13> kAliases = {{{"BRK", "BKN"},
                                             {"PHO", "PHX"},
                                             {"CHO", "CHA"},
                                             {"NOH", "NOP"},
                                             {"NOK", "NOP"},
                                             {"NJN", "BKN"},
                                             {"GS", "GSW"},
                                             {"SA", "SAS"},
                                             {"NO", "NOP"},
                                             {"NY", "NYK"},
                                             {"UTAH", "UTA"},
                                             {"WSH", "WAS"},
                                             {"LOS ANGELES CLIPPERS", "LAC"}}};

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::toupper(static_cast<unsigned char>(x)) ==
                  std::toupper(static_cast<unsigned char>(y));
         });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

std::span<const TeamInfo> all_teams() {
  return kTeams;
}

const TeamInfo* find_team(std::string_view abbr) {
  for (const auto& t : kTeams) {
    if (t.abbr == abbr) return &t;
  }
  return nullptr;
}

std::optional<std::string_view> team_by_id(long long team_id) {
  for (const auto& t : kTeams) {
    if (t.team_id == team_id) return t.abbr;
  }
  return std::nullopt;
}

std::optional<std::string_view> resolve_team(std::string_view text) {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  for (const auto& t : kTeams) {
    if (iequals(t.abbr, text) || iequals(t.name, text)) return t.abbr;
  }
  for (const auto& a : kAliases) {
    if (iequals(a.alias, text)) return a.abbr;
  }
  long long id = 0;
  auto r = std::from_chars(text.data(), text.data() + text.size(), id);
  if (r.ec == std::errc{} && r.ptr == text.data() + text.size()) return team_by_id(id);
  return std::nullopt;
}

}  // namespace nbaprops
