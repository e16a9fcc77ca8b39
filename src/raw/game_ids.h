// game_id forms (README "Identifiers", 01-raw-data.md §1 games): the NBA.com id
// `00TYYNNNNN` and the standard form `YYYYMMDD_AWAY_HOME`. Pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace nbaprops {

struct NbaGameId {
  int season;               // 2000 + YY, or 1900 + YY for YY >= 46
  std::string season_type;  // regular, playin, playoffs, preseason, cup_final; "" = All-Star
};

// Left-pads an all-digit id with zeros to 10 characters ("22400061" -> "0022400061").
std::string pad_game_id(std::string_view id);
// Parses an NBA id: 10 digits starting with "00" and a known type digit. nullopt otherwise.
std::optional<NbaGameId> parse_nba_game_id(std::string_view id);
// "YYYYMMDD_AWAY_HOME".
std::string standard_game_id(Date date, std::string_view away, std::string_view home);
// True when `id` is a valid NBA id, or the standard form for this date and known, distinct
// teams (when `date` is given the form's date must equal it).
bool is_valid_game_id(std::string_view id, std::optional<Date> date);

}  // namespace nbaprops
