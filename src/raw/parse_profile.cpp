// Files read through a source profile (raw/profile.h): one builder per target table. The
// profile says where each field comes from; the builder makes the table's row from the
// fields and checks it with the same rules as every other loader.
#include <filesystem>

#include <fmt/format.h>

#include "core/box_stats.h"
#include "raw/game_ids.h"
#include "raw/nulled_values.h"
#include "raw/parse.h"
#include "raw/parse_common.h"
#include "raw/profile_values.h"
#include "raw/row_access.h"
#include "raw/row_checks.h"

namespace nbaprops {
namespace {

struct Builder {
  const ProfilePlan& plan;
  const ParseContext& ctx;
  FileStage& stage;
  const TableSchema& t;
  std::unordered_map<std::string, size_t> folds;  // prop_lines key -> staged row
  KeyTracker keys;

  StagedRow staged_of(const CsvRow& row) const {
    StagedRow s;
    s.line = row.line;
    s.raw = row.raw;
    s.row.resize(t.columns.size());
    return s;
  }

  std::string lookup_of(const ProfileRecord& rec) const {
    std::string lookup = player_lookup_of(rec[Field::kPlayerName], ctx.aliases);
    if (lookup.empty()) {
      throw RowError("empty_player_name", source_name(plan, Field::kPlayerName),
                     rec[Field::kPlayerName]);
    }
    return lookup;
  }

  // The game date: the field, else the Eastern date of the tip-off.
  Date game_date(const ProfileRecord& rec) const {
    if (plan.has(Field::kGameDate) && !rec[Field::kGameDate].empty()) {
      return field_date(plan, rec, Field::kGameDate);
    }
    return eastern_date(field_time(plan, rec, Field::kTipoff, std::nullopt));
  }

  std::optional<Timestamp> tipoff(const ProfileRecord& rec, Date date) const {
    if (!plan.has(Field::kTipoff) || rec[Field::kTipoff].empty()) return std::nullopt;
    return field_time(plan, rec, Field::kTipoff, date);
  }

  void prop_line(const CsvRow& row, const ProfileRecord& rec);
  void fold_prop(const CsvRow& row, Row candidate, const std::string& key, bool wide);
  void game(const CsvRow& row, const ProfileRecord& rec);
  void injury(const CsvRow& row, const ProfileRecord& rec);
  void boxscore(const CsvRow& row, const ProfileRecord& rec);
  void observe_game(const CsvRow& row, const StagedRow& s, Date date, const std::string& team);
};

// A box score says its game was played: a final game, home and away when the source gives
// them, the team's points summed from its players (rank of a player log).
void Builder::observe_game(const CsvRow& row, const StagedRow& s, Date date,
                           const std::string& team) {
  std::string game_id = std::get<std::string>(s.row[t.column_index("game_id")]);
  auto nba = parse_nba_game_id(game_id);
  if (!s.game_id_derived && !nba) return;  // a YYYYMMDD_AWAY_HOME id: no teams to add
  auto [it, fresh] = stage.games.try_emplace(game_id);
  GameObservation& g = it->second;
  if (fresh) {
    g.game_id = game_id;
    g.game_date = date;
    g.season = nba ? nba->season : season_of(date);
    g.season_type = nba && !nba->season_type.empty() ? nba->season_type : "regular";
    g.home_team = s.game_id_derived ? s.matchup.first : "";
    g.away_team = s.game_id_derived ? s.matchup.second : "";
    g.id_derived = s.game_id_derived;
    g.rank = 1;
    g.source = "player_log";
  } else if (g.game_date != date) {
    throw RowError("conflicts_with_games", source_name(plan, Field::kGameDate), format_date(date),
                   "another row of this file dates the game " + format_date(g.game_date));
  }
  if (g.home_team.empty()) {  // an NBA id without home and away: known once stored
    stage.games.erase(it);
    return;
  }
  g.lines.push_back(row.line);
  g.team_scores[team] += std::get<int64_t>(s.row[t.column_index("pts")]);
}

void Builder::prop_line(const CsvRow& row, const ProfileRecord& rec) {
  std::string home, away;
  if (!rec[Field::kHome].empty() || !rec[Field::kAway].empty()) {
    home = field_team(plan, rec, Field::kHome);
    away = field_team(plan, rec, Field::kAway);
    if (home == away) {
      throw RowError("unknown_team", source_name(plan, Field::kAway), away, "home = away");
    }
  }
  Date date = game_date(rec);
  auto tip = tipoff(rec, date);
  const std::string& market = rec[Field::kMarket];
  if (market.empty()) throw RowError("missing_value", source_name(plan, Field::kMarket), "");
  std::string lookup = lookup_of(rec);
  double line = round_half_away(require_dec(source_name(plan, Field::kLine), rec[Field::kLine]), 2);
  Timestamp snapshot;
  if (plan.has(Field::kSnapshot) && !rec[Field::kSnapshot].empty()) {
    snapshot = field_time(plan, rec, Field::kSnapshot, date);
  } else if (ctx.options.snapshot_utc) {
    snapshot = *ctx.options.snapshot_utc;
  } else if (tip) {
    snapshot = Timestamp{tip->seconds - int64_t{ctx.options.snapshot_offset_min} * 60};
  } else {  // only a date: the lines as known at noon ET of the game day
    snapshot = eastern_time_to_utc(date, 12, 0);
  }
  Row candidate(t.columns.size());
  RowAccess r(t, candidate);
  r["game_date"] = format_date(date);
  if (!home.empty()) r["game_id"] = standard_game_id(date, away, home);
  r["player_lookup"] = lookup;
  r["player_name"] = rec[Field::kPlayerName];
  r["market"] = market;
  std::string book = bookmaker_of(rec[Field::kBookmaker]);
  if (book.empty()) throw RowError("missing_value", source_name(plan, Field::kBookmaker), "");
  r["bookmaker"] = book;
  r["line"] = line;
  bool wide = !plan.has(Field::kSide);
  if (wide) {
    for (auto [f, column] : {std::pair{Field::kOverPrice, "over_price"},
                             std::pair{Field::kUnderPrice, "under_price"}}) {
      try {
        if (auto price = field_price(plan, rec, f)) r[column] = *price;
        RowAccess one(t, candidate);
        if (!one.null(column) && !is_american_price(*one.i(column))) {
          throw RowError("bad_value", source_name(plan, f), rec[f], "not an American price");
        }
      } catch (const RowError& e) {
        note_nulled(stage, row, t.name, e.what());
        r[column] = Value{};
      }
    }
  } else {
    std::string side = rec[Field::kSide];
    for (char& c : side) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (side != "over" && side != "under") {
      throw RowError("bad_value", source_name(plan, Field::kSide), rec[Field::kSide]);
    }
    if (auto price = field_price(plan, rec, Field::kPrice)) r[side + "_price"] = *price;
  }
  r["snapshot_utc"] = format_timestamp(snapshot);
  if (tip) r["tipoff_utc"] = format_timestamp(*tip);
  check_prop_line(t, candidate);
  if (tip && !home.empty()) note_prop_tipoff(stage, date, home, away, *tip);
  std::string key = fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}", format_date(date), lookup, market,
                                book, format_timestamp(snapshot));
  fold_prop(row, std::move(candidate), key, wide);
}

// One row per (game_date, player_lookup, market, bookmaker, snapshot_utc): a long-shape
// row fills its side of the held row at the same line; anything else is a newer observation
// and replaces it (counted as merged).
void Builder::fold_prop(const CsvRow& row, Row candidate, const std::string& key, bool wide) {
  auto it = folds.find(key);
  if (it == folds.end()) {
    folds.emplace(key, stage.rows.size());
    StagedRow s = staged_of(row);
    s.row = std::move(candidate);
    stage.rows.push_back(std::move(s));
    return;
  }
  ++stage.merged;
  StagedRow& held = stage.rows[it->second];
  RowAccess h(t, held.row);
  RowAccess c(t, candidate);
  if (!wide && *h.d("line") == *c.d("line")) {
    for (const char* side : {"over_price", "under_price"}) {
      if (!c.null(side)) h[side] = c[side];
    }
    return;
  }
  held.row = std::move(candidate);
  held.line = row.line;
  held.raw = row.raw;
}

void Builder::game(const CsvRow& row, const ProfileRecord& rec) {
  std::string home = field_team(plan, rec, Field::kHome);
  std::string away = field_team(plan, rec, Field::kAway);
  if (home == away)
    throw RowError("unknown_team", source_name(plan, Field::kAway), away, "home = away");
  Date date = game_date(rec);
  GameObservation g;
  g.game_date = date;
  g.season = season_of(date);
  g.season_type = "regular";
  const std::string& given = rec[Field::kGameId];
  if (!given.empty()) {
    g.game_id = pad_game_id(given);
    auto nba = parse_nba_game_id(g.game_id);
    if (!nba)
      throw RowError("bad_value", source_name(plan, Field::kGameId), given, "not an NBA game id");
    if (nba->season_type.empty()) {  // All-Star
      ++stage.skipped;
      return;
    }
    g.season = nba->season;
    g.season_type = nba->season_type;
  } else {
    g.game_id = standard_game_id(date, away, home);
    g.id_derived = true;
  }
  if (!rec[Field::kSeasonType].empty()) g.season_type = rec[Field::kSeasonType];
  g.home_team = home;
  g.away_team = away;
  g.status = rec[Field::kStatus].empty() ? "scheduled" : rec[Field::kStatus];
  if (auto tip = tipoff(rec, date)) g.tipoff_utc = format_timestamp(*tip);
  g.gives_all = plan.fields[static_cast<size_t>(Field::kTipoff)].column >= 0;
  g.rank = 4;
  g.source = "schedule";
  g.lines.push_back(row.line);
  g.raw = row.raw;
  // The canonical checks of a schedule row (enums, teams, no scores unless final).
  const TableSchema& games = *find_table("games");
  Row check(games.columns.size());
  RowAccess c(games, check);
  c["game_id"] = g.game_id;
  c["game_date"] = format_date(date);
  c["season"] = int64_t{g.season};
  c["season_type"] = g.season_type;
  c["home_team"] = home;
  c["away_team"] = away;
  c["status"] = g.status;
  c["source"] = std::string("schedule");
  check_game(games, check);
  keys.check(g.game_id, row.line);
  stage.games[g.game_id] = std::move(g);
}

void Builder::injury(const CsvRow& row, const ProfileRecord& rec) {
  Date date = game_date(rec);
  Timestamp report = field_time(plan, rec, Field::kReportTime, date);
  StagedRow s = staged_of(row);
  RowAccess r(t, s.row);
  r["report_utc"] = format_timestamp(report);
  r["game_date"] = format_date(date);
  r["team_abbr"] = field_team(plan, rec, Field::kTeam);
  std::string lookup = lookup_of(rec);
  r["player_lookup"] = lookup;
  r["player_name"] = rec[Field::kPlayerName];
  std::string status = rec[Field::kStatus];
  for (char& c : status) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  r["status"] = status;
  if (!rec[Field::kReason].empty()) r["reason"] = rec[Field::kReason];
  check_injury(t, s.row);
  keys.check(fmt::format("{}\x1f{}\x1f{}", r.s("report_utc"), r.s("game_date"), lookup), row.line);
  stage.rows.push_back(std::move(s));
}

void Builder::boxscore(const CsvRow& row, const ProfileRecord& rec) {
  Date date = game_date(rec);
  std::string team = field_team(plan, rec, Field::kTeam);
  StagedRow s = staged_of(row);
  RowAccess r(t, s.row);
  std::string game_id;
  if (!rec[Field::kGameId].empty()) {
    game_id = pad_game_id(rec[Field::kGameId]);
    if (!is_valid_game_id(game_id, date)) {
      throw RowError("bad_value", source_name(plan, Field::kGameId), rec[Field::kGameId],
                     "not an NBA id or YYYYMMDD_AWAY_HOME for the date");
    }
  } else {
    std::string home = field_team(plan, rec, Field::kHome);
    std::string away = field_team(plan, rec, Field::kAway);
    if (team != home && team != away) {
      throw RowError("team_not_in_game", source_name(plan, Field::kTeam), team);
    }
    game_id = standard_game_id(date, away, home);
    s.game_id_derived = true;
    s.matchup = {home, away};
  }
  r["game_id"] = game_id;
  r["game_date"] = format_date(date);
  r["team_abbr"] = team;
  std::string lookup = lookup_of(rec);
  if (!rec[Field::kPlayerId].empty()) {
    r["player_id"] = require_int(source_name(plan, Field::kPlayerId), rec[Field::kPlayerId]);
  }
  r["player_lookup"] = lookup;
  r["player_name"] = rec[Field::kPlayerName];
  r["status"] = std::string("active");
  auto minutes = parse_minutes(rec[Field::kMinutes]);
  if (!minutes)
    throw RowError("bad_value", source_name(plan, Field::kMinutes), rec[Field::kMinutes],
                   "not minutes");
  r["minutes"] = round_half_away(*minutes, 2);
  static const std::pair<Field, const char*> kStatFields[] = {
      {Field::kPts, "pts"},   {Field::kFgm, "fgm"},
      {Field::kFga, "fga"},   {Field::kFg3m, "fg3m"},
      {Field::kFg3a, "fg3a"}, {Field::kFtm, "ftm"},
      {Field::kFta, "fta"},   {Field::kOreb, "oreb"},
      {Field::kDreb, "dreb"}, {Field::kReb, "reb"},
      {Field::kAst, "ast"},   {Field::kStl, "stl"},
      {Field::kBlk, "blk"},   {Field::kTov, "tov"},
      {Field::kPf, "pf"},     {Field::kPlusMinus, "plus_minus"}};
  for (const auto& [f, column] : kStatFields) {
    if (rec[f].empty()) continue;
    r[column] = require_int(source_name(plan, f), rec[f]);
  }
  check_partial_player_boxscore(t, s.row);
  keys.check(game_id + "\x1f" + lookup, row.line);
  observe_game(row, s, date, team);
  s.game_id = game_id;
  s.teams = {team};
  s.bind_player = true;
  s.player_name = rec[Field::kPlayerName];
  stage.rows.push_back(std::move(s));
}

}  // namespace

void parse_profile_file(CsvReader& reader, const ParseContext& ctx, FileStage& stage) {
  const Profile& p = *ctx.format.profile;
  const TableSchema& t = *find_table(p.target);
  stage.table = &t;
  std::string file_name = std::filesystem::path(std::string(ctx.path)).filename().string();
  ProfilePlan plan = compile_profile(p, reader.header(), file_name);
  Builder b{plan, ctx, stage, t, {}, {}};
  ProfileRecord rec;
  for_each_record(reader, stage, t.name, [&](const CsvRow& row) {
    read_record(plan, row, rec);
    if (rec.skip) {
      ++stage.skipped;
      return;
    }
    if (p.target == "prop_lines") {
      b.prop_line(row, rec);
    } else if (p.target == "games") {
      b.game(row, rec);
    } else if (p.target == "injuries") {
      b.injury(row, rec);
    } else {
      b.boxscore(row, rec);
    }
  });
}

}  // namespace nbaprops
