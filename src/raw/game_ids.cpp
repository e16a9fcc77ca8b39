#include "raw/game_ids.h"

#include <cctype>

#include <fmt/format.h>

#include "core/teams.h"

namespace nbaprops {

std::string pad_game_id(std::string_view id) {
  std::string s(id);
  bool digits = !s.empty();
  for (char c : s) digits &= std::isdigit(static_cast<unsigned char>(c)) != 0;
  if (digits && s.size() < 10) s.insert(0, 10 - s.size(), '0');
  return s;
}

std::optional<NbaGameId> parse_nba_game_id(std::string_view id) {
  if (id.size() != 10 || id[0] != '0' || id[1] != '0') return std::nullopt;
  for (char c : id) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  }
  int yy = (id[3] - '0') * 10 + (id[4] - '0');
  NbaGameId out{yy >= 46 ? 1900 + yy : 2000 + yy, ""};
  switch (id[2]) {
    case '1':
      out.season_type = "preseason";
      break;
    case '2':
      out.season_type = "regular";
      break;
    case '3':
      out.season_type = "";
      break;  // All-Star: skipped by loaders
    case '4':
      out.season_type = "playoffs";
      break;
    case '5':
      out.season_type = "playin";
      break;
    case '6':
      out.season_type = "cup_final";
      break;
    default:
      return std::nullopt;
  }
  return out;
}

std::string standard_game_id(Date date, std::string_view away, std::string_view home) {
  return fmt::format("{:04}{:02}{:02}_{}_{}", year_of(date), month_of(date), day_of(date), away,
                     home);
}

bool is_valid_game_id(std::string_view id, std::optional<Date> date) {
  if (parse_nba_game_id(id)) return true;
  if (id.size() < 14 || id[8] != '_') return false;
  auto d = parse_nba_date(id.substr(0, 8));
  if (!d || (date && *d != *date)) return false;
  std::string_view teams = id.substr(9);
  size_t sep = teams.find('_');
  if (sep == std::string_view::npos) return false;
  std::string_view away = teams.substr(0, sep), home = teams.substr(sep + 1);
  return find_team(away) && find_team(home) && away != home;
}

}  // namespace nbaprops
