// NBA.com shot charts: ShotChartDetail and the season shots export (01-raw-data.md §3.3).
#include <fmt/format.h>

#include "core/teams.h"
#include "raw/game_ids.h"
#include "raw/parse.h"
#include "raw/parse_common.h"
#include "raw/row_access.h"
#include "raw/row_checks.h"

namespace nbaprops {
namespace {

// Logical columns, with each format's source column name.
enum Col : size_t {
  kGameId,
  kGameDate,
  kTeamId,
  kTeamName,
  kPlayerId,
  kPlayerName,
  kPeriod,
  kMinsLeft,
  kSecsLeft,
  kShotType,
  kMade,
  kDistance,
  kLocX,
  kLocY,
  kZoneLabel,
  kActionType,
  kHome,
  kAway,
  kAttempted
};

const std::vector<std::string>& shotchart_names() {
  static const std::vector<std::string> names = {"GAME_ID",
                                                 "GAME_DATE",
                                                 "TEAM_ID",
                                                 "TEAM_NAME",
                                                 "PLAYER_ID",
                                                 "PLAYER_NAME",
                                                 "PERIOD",
                                                 "MINUTES_REMAINING",
                                                 "SECONDS_REMAINING",
                                                 "SHOT_TYPE",
                                                 "SHOT_MADE_FLAG",
                                                 "SHOT_DISTANCE",
                                                 "LOC_X",
                                                 "LOC_Y",
                                                 "SHOT_ZONE_BASIC",
                                                 "ACTION_TYPE",
                                                 "HTM",
                                                 "VTM",
                                                 "SHOT_ATTEMPTED_FLAG"};
  return names;
}

const std::vector<std::string>& season_names() {
  static const std::vector<std::string> names = {"GAME_ID",
                                                 "GAME_DATE",
                                                 "TEAM_ID",
                                                 "TEAM_NAME",
                                                 "PLAYER_ID",
                                                 "PLAYER_NAME",
                                                 "QUARTER",
                                                 "MINS_LEFT",
                                                 "SECS_LEFT",
                                                 "SHOT_TYPE",
                                                 "SHOT_MADE",
                                                 "SHOT_DISTANCE",
                                                 "LOC_X",
                                                 "LOC_Y",
                                                 "BASIC_ZONE",
                                                 "ACTION_TYPE",
                                                 "HOME_TEAM",
                                                 "AWAY_TEAM",
                                                 "SHOT_ATTEMPTED_FLAG"};
  return names;
}

std::optional<int64_t> shot_value_of(std::string_view text) {
  if (text.empty()) return std::nullopt;
  if (text == "2PT Field Goal") return 2;
  if (text == "3PT Field Goal") return 3;
  throw RowError("bad_value", "SHOT_TYPE", text, "2PT Field Goal or 3PT Field Goal");
}

std::string team_of(const FieldMap& f) {
  if (!f.get(kTeamId).empty()) {
    auto id = parse_int(f.get(kTeamId));
    auto code = id ? team_by_id(*id) : std::nullopt;
    if (!code) throw RowError("unknown_team", "TEAM_ID", f.get(kTeamId));
    return std::string(*code);
  }
  auto code = resolve_team(f.req(kTeamName));
  if (!code) throw RowError("unknown_team", "TEAM_NAME", f.get(kTeamName));
  return std::string(*code);
}

std::string required_team(const FieldMap& f, size_t col) {
  auto code = resolve_team(f.req(col));
  if (!code) throw RowError("unknown_team", f.name(col), f.get(col));
  return std::string(*code);
}

}  // namespace

void parse_nba_shots(CsvReader& reader, const ParseContext& ctx, FileStage& stage) {
  bool chart = ctx.format.kind == FormatKind::kNbaShotchart;
  const TableSchema& t = *find_table("shots");
  stage.table = &t;
  FieldMap f(reader.header(), chart ? shotchart_names() : season_names(), true);
  for_each_record(reader, stage, t.name, [&](const CsvRow& row) {
    f.bind(row);
    if (auto attempted = f.opt_int(kAttempted); attempted && *attempted == 0) {
      ++stage.skipped;
      return;
    }
    std::string game_id = pad_game_id(f.req(kGameId));
    auto nba = parse_nba_game_id(game_id);
    if (!nba) throw RowError("bad_value", "GAME_ID", f.get(kGameId), "not an NBA game id");
    if (nba->season_type.empty()) {
      ++stage.skipped;
      return;
    }
    Date date = require_date("GAME_DATE", f.req(kGameDate), true);
    std::string team = team_of(f);
    std::string home = required_team(f, kHome), away = required_team(f, kAway);
    if (home == away) throw RowError("unknown_team", f.name(kAway), away, "home = away");
    if (team != home && team != away) throw RowError("team_not_in_game", "TEAM_ID", team);
    std::string name(f.req(kPlayerName));
    std::string lookup = player_lookup_of(name, ctx.aliases);
    if (lookup.empty()) throw RowError("empty_player_name", "PLAYER_NAME", name);

    StagedRow staged;
    staged.line = row.line;
    staged.raw = row.raw;
    staged.row.resize(t.columns.size());
    RowAccess r(t, staged.row);
    r["game_id"] = game_id;
    r["game_date"] = format_date(date);
    r["team_abbr"] = team;
    if (auto id = f.opt_int(kPlayerId)) r["player_id"] = *id;
    r["player_lookup"] = lookup;
    r["period"] = f.req_int(kPeriod);
    auto mins = f.opt_int(kMinsLeft), secs = f.opt_int(kSecsLeft);
    if (mins && (*mins < 0 || *mins > 12)) {  // checked first: 60 * mins must not overflow
      throw RowError("out_of_range", f.name(kMinsLeft), f.get(kMinsLeft), "0-12");
    }
    if (secs && (*secs < 0 || *secs > 59)) {
      throw RowError("out_of_range", f.name(kSecsLeft), f.get(kSecsLeft), "0-59");
    }
    if (mins && secs) r["seconds_left_in_period"] = *mins * 60 + *secs;
    if (auto v = shot_value_of(f.get(kShotType))) r["shot_value"] = *v;
    std::string_view made = f.req(kMade);
    auto made_flag = parse_bool(made);
    if (!made_flag) throw RowError("bad_value", f.name(kMade), made, "not a boolean");
    r["made"] = int64_t{*made_flag ? 1 : 0};
    if (auto d = f.opt_dec(kDistance)) r["distance_ft"] = round_half_away(*d, 2);
    auto x = f.opt_dec(kLocX), y = f.opt_dec(kLocY);
    if (x) r["loc_x"] = round_half_away(chart ? *x / 10.0 : *x, 2);
    if (y) r["loc_y"] = round_half_away(chart ? *y / 10.0 + 5.25 : *y, 2);
    if (!f.get(kActionType).empty()) r["action_type"] = std::string(f.get(kActionType));
    std::optional<std::string> label;
    if (!f.get(kZoneLabel).empty()) label = std::string(f.get(kZoneLabel));
    check_shot(t, staged.row, label);

    auto [it, fresh] = stage.games.try_emplace(game_id);
    GameObservation& g = it->second;
    if (fresh) {
      g.game_id = game_id;
      g.game_date = date;
      g.season = nba->season;
      g.season_type = nba->season_type;
      g.home_team = home;
      g.away_team = away;
      g.rank = 2;
      g.source = "shots";
    } else if (g.game_date != date || g.home_team != home || g.away_team != away) {
      throw RowError("conflicts_with_games", "GAME_ID", game_id,
                     "another row of this file gives the game another date or teams");
    }
    g.lines.push_back(row.line);
    staged.game_id = game_id;
    staged.teams = {team};
    staged.bind_player = true;
    staged.player_name = name;
    stage.rows.push_back(std::move(staged));
  });
}

}  // namespace nbaprops
