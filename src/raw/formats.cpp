#include "raw/formats.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "raw/profile.h"

namespace nbaprops {
namespace {

std::string lower(std::string_view s) {
  std::string out;
  for (char c : s) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> split(std::string_view words) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < words.size()) {
    size_t j = words.find(' ', i);
    if (j == std::string_view::npos) j = words.size();
    if (j > i) out.emplace_back(words.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

constexpr std::string_view kStats =
    "FGM FGA FG3M FG3A FTM FTA OREB DREB REB AST STL BLK TOV PF PTS PLUS_MINUS";

std::vector<Format> build_formats() {
  std::vector<Format> formats;
  for (const char* t : {"games", "player_boxscores", "team_boxscores", "shots", "prop_lines",
                        "game_lines", "injuries", "players"}) {
    const TableSchema* table = find_table(t);
    Format f{std::string("canonical:") + t, FormatKind::kCanonical, {}, table, true};
    for (const auto& c : table->columns) {
      if (table->name == "games" && c.name == "source") continue;  // set by the loader
      f.required.push_back(c.name);
    }
    formats.push_back(std::move(f));
  }
  formats.push_back({"canonical:player_aliases",
                     FormatKind::kCanonicalAliases,
                     {"alias", "player_lookup", "player_id"},
                     find_table("player_aliases"),
                     true});
  auto team_log = split("TEAM_ABBREVIATION GAME_ID GAME_DATE MATCHUP MIN");
  for (auto& s : split(kStats)) team_log.push_back(s);
  auto player_log = split("PLAYER_ID PLAYER_NAME");
  player_log.insert(player_log.end(), team_log.begin(), team_log.end());
  formats.push_back({"nba-player-gamelog", FormatKind::kNbaPlayerGamelog, player_log});
  formats.push_back({"nba-team-gamelog", FormatKind::kNbaTeamGamelog, team_log});
  formats.push_back({"nba-shotchart", FormatKind::kNbaShotchart,
                     split("GAME_ID GAME_EVENT_ID PLAYER_ID PLAYER_NAME TEAM_ID PERIOD "
                           "MINUTES_REMAINING SECONDS_REMAINING SHOT_TYPE SHOT_DISTANCE LOC_X "
                           "LOC_Y SHOT_MADE_FLAG GAME_DATE HTM VTM")});
  formats.push_back({"nba-shots-season", FormatKind::kNbaShotsSeason,
                     split("TEAM_NAME PLAYER_ID PLAYER_NAME GAME_DATE GAME_ID HOME_TEAM AWAY_TEAM "
                           "SHOT_MADE SHOT_TYPE LOC_X LOC_Y SHOT_DISTANCE QUARTER MINS_LEFT "
                           "SECS_LEFT")});
  formats.push_back({"oddsapi-props", FormatKind::kOddsapiProps,
                     split("player market bookmaker side line price home_team away_team "
                           "commence_time")});
  // JSON files (by their .json name), read by raw/oddsapi_json.h; never matched to a header.
  formats.push_back({"oddsapi-json", FormatKind::kOddsapiJson, {}, find_table("prop_lines")});
  return formats;
}

Detection match(const std::set<std::string>& names, const Format& f,
                const std::vector<std::string>& header) {
  Detection d;
  d.format = &f;
  if (f.kind == FormatKind::kProfile) {
    ProfileMatch m = match_profile(*f.profile, header);
    d.missing = m.missing;
    d.matched = m.matched;
    return d;
  }
  std::set<std::string> wanted;
  for (const auto& r : f.required) {
    wanted.insert(lower(r));
    if (!names.count(lower(r))) d.missing.push_back(r);
  }
  if (f.exact) {
    for (const auto& n : names) {
      if (!wanted.count(n)) d.unexpected.push_back(n);
    }
  }
  d.matched = d.missing.empty() && d.unexpected.empty();
  return d;
}

}  // namespace

std::span<const Format> all_formats() {
  static const std::vector<Format> formats = build_formats();
  return formats;
}

const Format* find_format(std::string_view name) {
  for (const auto& f : all_formats()) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

namespace {

// The share of a format's required columns present in the header, and its misses.
double fit(const Detection& d) {
  size_t wanted = d.format->required.size();
  if (wanted == 0) return 0;
  size_t present = wanted > d.missing.size() ? wanted - d.missing.size() : 0;
  return static_cast<double>(present) / static_cast<double>(wanted) -
         0.001 * static_cast<double>(d.unexpected.size());
}

// The header's names, lowercased; `has_dup` tells whether one repeats (`dup` is the first
// repeated name, which may be empty).
std::set<std::string> header_names(const std::vector<std::string>& header, std::string& dup,
                                   bool& has_dup) {
  std::set<std::string> names;
  for (const auto& h : header) {
    if (!names.insert(lower(h)).second && !has_dup) {
      has_dup = true;
      dup = h;
    }
  }
  return names;
}

}  // namespace

std::vector<Detection> rank_formats(const std::vector<std::string>& header,
                                    std::span<const Format> profiles) {
  std::string dup;
  bool has_dup = false;
  std::set<std::string> names = header_names(header, dup, has_dup);
  std::vector<Detection> out;
  for (const auto& f : all_formats()) {
    if (f.kind != FormatKind::kOddsapiJson) out.push_back(match(names, f, header));
  }
  for (const auto& f : profiles) out.push_back(match(names, f, header));
  std::stable_sort(out.begin(), out.end(), [](const Detection& a, const Detection& b) {
    if (a.matched != b.matched) return a.matched;
    if (a.matched) return a.format->required.size() > b.format->required.size();
    return fit(a) > fit(b);
  });
  return out;
}

Detection detect_format(const std::vector<std::string>& header, const Format* forced,
                        std::span<const Format> profiles) {
  std::string dup;
  bool has_dup = false;
  std::set<std::string> names = header_names(header, dup, has_dup);
  if (has_dup) {
    Detection d;
    d.duplicate = dup;
    return d;
  }
  if (forced) return match(names, *forced, header);
  std::vector<Detection> ranked = rank_formats(header, profiles);
  const Detection& best = ranked.front();
  if (best.matched) {
    // A file that falls a few columns short of a larger format is that format, broken, and
    // not a smaller profile whose few columns it happens to hold (a season shots file without
    // one column also holds GAME_DATE, HOME_TEAM and AWAY_TEAM: a simple schedule).
    for (const auto& d : ranked) {
      if (d.matched) continue;
      size_t wanted = d.format->required.size();
      size_t present = wanted - std::min(wanted, d.missing.size());
      if (present > best.format->required.size() && present * 5 >= wanted * 4) return d;
    }
  }
  return best;
}

std::vector<Format> profile_formats(std::span<const Profile> profiles) {
  std::vector<Format> out;
  for (const auto& p : profiles) {
    Format f{p.name, FormatKind::kProfile, {}, find_table(p.target), false, &p};
    for (const auto& [field, spec] : p.fields) {
      if (spec.columns.empty() || spec.optional) continue;
      std::string alts;
      for (const auto& c : spec.columns) alts += (alts.empty() ? "" : "|") + c;
      f.required.push_back(alts);
    }
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<int> locate_columns(const std::vector<std::string>& header,
                                const std::vector<std::string>& names) {
  std::vector<int> pos(names.size(), -1);
  for (size_t n = 0; n < names.size(); ++n) {
    for (size_t h = 0; h < header.size(); ++h) {
      if (lower(header[h]) == lower(names[n])) {
        pos[n] = static_cast<int>(h);
        break;
      }
    }
  }
  return pos;
}

}  // namespace nbaprops
