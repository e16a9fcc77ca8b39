#include "raw/formats.h"

#include <algorithm>
#include <cctype>
#include <set>

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
  return formats;
}

Detection match(const std::set<std::string>& names, const Format& f) {
  Detection d;
  d.format = &f;
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

Detection detect_format(const std::vector<std::string>& header, const Format* forced) {
  std::set<std::string> names;
  for (const auto& h : header) {
    if (!names.insert(lower(h)).second) {
      Detection d;
      d.duplicate = h;
      return d;
    }
  }
  if (forced) return match(names, *forced);
  Detection best, closest;
  for (const auto& f : all_formats()) {
    Detection d = match(names, f);
    if (d.matched && (!best.matched || f.required.size() > best.format->required.size())) {
      best = d;
    }
    size_t misses = d.missing.size() + d.unexpected.size();
    if (!closest.format || misses < closest.missing.size() + closest.unexpected.size()) {
      closest = d;
    }
  }
  return best.matched ? best : closest;
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
