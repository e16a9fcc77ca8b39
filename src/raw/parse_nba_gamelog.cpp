// NBA.com LeagueGameLog exports, player and team (01-raw-data.md §3.2).
#include <fmt/format.h>

#include "core/box_stats.h"
#include "core/teams.h"
#include "raw/game_ids.h"
#include "raw/nulled_values.h"
#include "raw/parse.h"
#include "raw/parse_common.h"
#include "raw/row_access.h"
#include "raw/row_checks.h"

namespace nbaprops {
namespace {

// Columns by position in column_names(): five identifying columns, the sixteen stats in
// core/box_stats.h order from kFirstStat, then the player columns.
enum Col : size_t {
  kTeam,
  kGameId,
  kGameDate,
  kMatchup,
  kMin,
  kFirstStat,
  kPlayerId = kFirstStat + kBoxStats,
  kPlayerName
};

const std::vector<std::string>& column_names() {
  static const std::vector<std::string> names = {"TEAM_ABBREVIATION",
                                                 "GAME_ID",
                                                 "GAME_DATE",
                                                 "MATCHUP",
                                                 "MIN",
                                                 "PTS",
                                                 "FGM",
                                                 "FGA",
                                                 "FG3M",
                                                 "FG3A",
                                                 "FTM",
                                                 "FTA",
                                                 "OREB",
                                                 "DREB",
                                                 "REB",
                                                 "AST",
                                                 "STL",
                                                 "BLK",
                                                 "TOV",
                                                 "PF",
                                                 "PLUS_MINUS",
                                                 "PLAYER_ID",
                                                 "PLAYER_NAME"};
  return names;
}

// "A vs. B" (A home) or "A @ B" (A away). The row's team must be A or B: the player log
// writes the row's team first; the team log writes one text on both rows of a neutral game.
struct Matchup {
  std::string home, away;
  bool reads_vs;
};

Matchup parse_matchup(std::string_view text, const std::string& team) {
  size_t vs = text.find(" vs. ");
  size_t at = text.find(" @ ");
  if (vs == std::string_view::npos && at == std::string_view::npos) {
    throw RowError("bad_matchup", "MATCHUP", text, "neither 'A vs. B' nor 'A @ B'");
  }
  bool reads_vs = vs != std::string_view::npos;
  size_t pos = reads_vs ? vs : at;
  auto a = resolve_team(text.substr(0, pos));
  auto b = resolve_team(text.substr(pos + (reads_vs ? 5 : 3)));
  if (!a || !b) throw RowError("unknown_team", "MATCHUP", text);
  if (*a == *b) throw RowError("bad_matchup", "MATCHUP", text, "a team cannot play itself");
  if (*a != team && *b != team) {
    throw RowError("bad_matchup", "MATCHUP", text, "does not name the row's team " + team);
  }
  if (reads_vs) return {std::string(*a), std::string(*b), true};
  return {std::string(*b), std::string(*a), false};
}

// Per game, what the rows of this file said (first row sets home and away).
struct GameTally {
  std::map<std::string, bool> team_reads_vs;  // team -> some row of it reads "vs."
};

// A bad value of a column that nulls_bad_value() lists costs the value (noted), not the row.
void fill_stats(RowAccess& r, const FieldMap& f, const std::string& table, FileStage& stage,
                const CsvRow& row) {
  for (size_t s = 0; s < kBoxStats; ++s) {
    std::optional<int64_t> v;
    try {
      v = f.opt_int(kFirstStat + s);
    } catch (const RowError& e) {
      if (!nulls_bad_value(table, kBoxStatColumns[s])) throw;
      note_nulled(stage, row, table, e.what());
    }
    r[kBoxStatColumns[s]] = v ? Value{*v} : Value{};
  }
}

}  // namespace

void parse_nba_gamelog(CsvReader& reader, const ParseContext& ctx, FileStage& stage) {
  bool player_log = ctx.format.kind == FormatKind::kNbaPlayerGamelog;
  const TableSchema& t = *find_table(player_log ? "player_boxscores" : "team_boxscores");
  stage.table = &t;
  FieldMap f(reader.header(), column_names(), true);
  KeyTracker keys;
  std::map<std::string, GameTally> tallies;
  for_each_record(reader, stage, t.name, [&](const CsvRow& row) {
    f.bind(row);
    std::string game_id = pad_game_id(f.req(kGameId));
    auto nba = parse_nba_game_id(game_id);
    if (!nba) throw RowError("bad_value", "GAME_ID", f.get(kGameId), "not an NBA game id");
    if (nba->season_type.empty()) {  // All-Star
      ++stage.skipped;
      return;
    }
    Date date = require_date("GAME_DATE", f.req(kGameDate), true);
    auto team = resolve_team(f.req(kTeam));
    if (!team) throw RowError("unknown_team", "TEAM_ABBREVIATION", f.get(kTeam));
    std::string team_abbr(*team);
    Matchup m = parse_matchup(f.req(kMatchup), team_abbr);
    std::string opponent = m.home == team_abbr ? m.away : m.home;
    auto minutes = parse_minutes(f.req(kMin));
    if (!minutes) throw RowError("bad_value", "MIN", f.get(kMin), "not minutes");
    // Bounded before any integer conversion (a huge value found by fuzzing was undefined).
    if (!(*minutes >= 0 && *minutes <= 1000))
      throw RowError("out_of_range", "MIN", f.get(kMin), "0-1000");

    StagedRow staged;
    staged.line = row.line;
    staged.raw = row.raw;
    staged.row.resize(t.columns.size());
    RowAccess r(t, staged.row);
    r["game_id"] = game_id;
    r["game_date"] = format_date(date);
    r["team_abbr"] = team_abbr;
    fill_stats(r, f, t.name, stage, row);
    if (player_log) {
      std::string name(f.req(kPlayerName));
      std::string lookup = player_lookup_of(name, ctx.aliases);
      if (lookup.empty()) throw RowError("empty_player_name", "PLAYER_NAME", name);
      r["player_id"] = f.req_int(kPlayerId);
      r["player_lookup"] = lookup;
      r["player_name"] = name;
      r["status"] = std::string("active");
      r["minutes"] = round_half_away(*minutes, 2);
      check_player_boxscore(t, staged.row);
      staged.bind_player = true;
      staged.player_name = name;
    } else {
      r["opponent_abbr"] = opponent;
      r["is_home"] = int64_t{m.home == team_abbr ? 1 : 0};
      r["minutes"] = static_cast<int64_t>(round_half_away(*minutes, 0));
      check_team_boxscore(t, staged.row);
    }
    keys.check(game_id + "\x1f" + (player_log ? r.s("player_lookup") : team_abbr), row.line);

    auto [it, fresh] = stage.games.try_emplace(game_id);
    GameObservation& g = it->second;
    if (fresh) {
      g.game_id = game_id;
      g.game_date = date;
      g.season = nba->season;
      g.season_type = nba->season_type;
      g.home_team = m.home;
      g.away_team = m.away;
      g.rank = player_log ? 1 : 3;
      g.source = player_log ? "player_log" : "team_log";
    } else if (g.game_date != date) {
      throw RowError("conflicts_with_games", "GAME_DATE", f.get(kGameDate),
                     "another row of this file dates the game " + format_date(g.game_date));
    } else if (team_abbr != g.home_team && team_abbr != g.away_team) {
      throw RowError("team_not_in_game", "TEAM_ABBREVIATION", team_abbr);
    }
    g.lines.push_back(row.line);
    g.team_scores[team_abbr] += *r.i("pts");
    auto& vs = tallies[game_id].team_reads_vs[team_abbr];
    vs = vs || m.reads_vs;
    staged.game_id = game_id;
    staged.teams = {team_abbr};
    stage.rows.push_back(std::move(staged));
  });
  for (auto& [id, tally] : tallies) {
    bool any_vs = false;
    for (auto& [team, vs] : tally.team_reads_vs) any_vs = any_vs || vs;
    GameObservation& g = stage.games[id];
    if (any_vs) {
      g.neutral_site = false;
    } else if (tally.team_reads_vs.size() == 2) {
      g.neutral_site = true;
    }
  }
}

}  // namespace nbaprops
