// The canonical format (01-raw-data.md §3.1): one CSV per table, exactly its columns.

#include <fmt/format.h>

#include "core/player_name.h"
#include "core/teams.h"
#include "raw/game_ids.h"
#include "raw/nulled_values.h"
#include "raw/parse.h"
#include "raw/parse_common.h"
#include "raw/row_access.h"
#include "raw/row_checks.h"

namespace nbaprops {
namespace {

bool is_lookup(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

// Columns that may be empty in the file although the table requires them (derived here).
bool derived_when_empty(const TableSchema& t, const std::string& column) {
  return column == "player_lookup" || (t.name == "games" && column == "season") || column == "zone";
}

Value parse_cell(const Column& c, std::string_view text, bool allow_empty) {
  if (text.empty()) {
    if (!c.nullable && !allow_empty) throw RowError("missing_value", c.name, "");
    return Value{};
  }
  switch (c.type) {
    case ColumnType::kText:
      return Value{std::string(text)};
    case ColumnType::kInt:
      return Value{require_int(c.name, text)};
    case ColumnType::kBool:
      return Value{int64_t{require_bool(c.name, text) ? 1 : 0}};
    case ColumnType::kDec: {
      double v = require_dec(c.name, text);
      return Value{c.decimals >= 0 ? round_half_away(v, c.decimals) : v};
    }
    case ColumnType::kDate:
      return Value{format_date(require_date(c.name, text, false))};
    case ColumnType::kTs:
      return Value{format_timestamp(require_timestamp(c.name, text))};
  }
  return Value{};
}

// Maps a team column through the code aliases; unknown_team otherwise.
void map_team(RowAccess& r, const char* column) {
  if (r.null(column)) return;
  auto code = resolve_team(r.s(column));
  if (!code) throw RowError("unknown_team", column, r.s(column));
  r[column] = std::string(*code);
}

// player_lookup: computed from player_name when empty; a given one goes through the
// aliases and must match ^[a-z0-9]+$.
void resolve_lookup(RowAccess& r, const TableSchema& t, const PlayerAliases& aliases,
                    const char* column) {
  if (r.null(column)) {
    if (column != std::string_view("player_lookup")) return;
    if (t.name == "shots") throw RowError("missing_value", column, "");
    std::string lookup = player_lookup_of(r.s("player_name"), aliases);
    if (lookup.empty()) throw RowError("empty_player_name", "player_name", r.s("player_name"));
    r[column] = lookup;
    return;
  }
  std::string given = r.s(column);
  if (!is_lookup(given)) throw RowError("bad_value", column, given, "not ^[a-z0-9]+$");
  r[column] = aliases.resolve(given);
}

std::string key_of(const TableSchema& t, const Row& row) {
  std::string key;
  for (const auto& k : t.key) {
    const Value& v = row[t.column_index(k)];
    key += std::holds_alternative<std::string>(v) ? std::get<std::string>(v)
           : std::holds_alternative<int64_t>(v)   ? std::to_string(std::get<int64_t>(v))
           : std::holds_alternative<double>(v)    ? fmt::format("{}", std::get<double>(v))
                                                  : std::string("\x01");
    key += '\x1f';
  }
  return key;
}

void check_game_ref(RowAccess& r, StagedRow& staged, bool required) {
  std::string id = r.s("game_id");
  if (id.empty()) {
    if (required) throw RowError("missing_value", "game_id", "");
    return;
  }
  if (!is_valid_game_id(id, parse_iso_date(r.s("game_date")))) {
    throw RowError("bad_value", "game_id", id, "not an NBA id or YYYYMMDD_AWAY_HOME for game_date");
  }
  staged.game_id = id;
}

GameObservation schedule_observation(RowAccess& r, size_t line) {
  GameObservation g;
  g.game_id = r.s("game_id");
  g.game_date = *parse_iso_date(r.s("game_date"));
  g.season = static_cast<int>(*r.i("season"));
  g.season_type = r.s("season_type");
  g.home_team = r.s("home_team");
  g.away_team = r.s("away_team");
  g.status = r.s("status");
  if (auto h = r.i("home_score")) g.team_scores[g.home_team] = *h;
  if (auto a = r.i("away_score")) g.team_scores[g.away_team] = *a;
  if (auto n = r.i("neutral_site")) g.neutral_site = *n != 0;
  if (!r.null("tipoff_utc")) g.tipoff_utc = r.s("tipoff_utc");
  g.gives_all = true;
  g.rank = 4;
  g.source = "schedule";
  g.lines.push_back(line);
  return g;
}

// Table-specific checks and completion of one parsed row.
void complete_row(const TableSchema& t, const ParseContext& ctx, RowAccess& r, StagedRow& staged,
                  const std::optional<std::string>& zone_label) {
  const std::string& name = t.name;
  if (name == "games") {
    map_team(r, "home_team");
    map_team(r, "away_team");
    check_game(t, staged.row);
  } else if (name == "player_boxscores") {
    map_team(r, "team_abbr");
    resolve_lookup(r, t, ctx.aliases, "player_lookup");
    check_player_boxscore(t, staged.row);
    check_game_ref(r, staged, true);
    staged.teams = {r.s("team_abbr")};
    staged.bind_player = true;
    staged.player_name = r.s("player_name");
  } else if (name == "team_boxscores") {
    map_team(r, "team_abbr");
    map_team(r, "opponent_abbr");
    check_team_boxscore(t, staged.row);
    check_game_ref(r, staged, true);
    staged.teams = {r.s("team_abbr"), r.s("opponent_abbr")};
  } else if (name == "shots") {
    map_team(r, "team_abbr");
    resolve_lookup(r, t, ctx.aliases, "player_lookup");
    resolve_lookup(r, t, ctx.aliases, "assisted_by");
    resolve_lookup(r, t, ctx.aliases, "blocked_by");
    check_shot(t, staged.row, zone_label);
    check_game_ref(r, staged, true);
    staged.teams = {r.s("team_abbr")};
    staged.bind_player = true;
    staged.player_name = r.s("player_lookup");
  } else if (name == "prop_lines") {
    resolve_lookup(r, t, ctx.aliases, "player_lookup");
    check_prop_line(t, staged.row);
    check_game_ref(r, staged, false);
    staged.game_id.clear();  // lines join on (game_date, player_lookup), never on game_id
  } else if (name == "game_lines") {
    map_team(r, "team_abbr");
    check_game_line(t, staged.row);
    check_game_ref(r, staged, true);
    if (!r.null("team_abbr")) staged.teams = {r.s("team_abbr")};
  } else if (name == "injuries") {
    map_team(r, "team_abbr");
    resolve_lookup(r, t, ctx.aliases, "player_lookup");
    check_injury(t, staged.row);
  } else if (name == "players") {
    resolve_lookup(r, t, ctx.aliases, "player_lookup");
    staged.bind_player = true;
    staged.player_name = r.s("player_name");
  }
}

void parse_table_file(CsvReader& reader, const ParseContext& ctx, FileStage& stage) {
  const TableSchema& t = *ctx.format.table;
  std::vector<std::string> names;
  for (const auto& c : t.columns) names.push_back(c.name);
  FieldMap fields(reader.header(), names, false);
  KeyTracker keys;
  for_each_record(reader, stage, t.name, [&](const CsvRow& row) {
    fields.bind(row);
    StagedRow staged;
    staged.line = row.line;
    staged.raw = row.raw;
    staged.row.resize(t.columns.size());
    for (size_t c = 0; c < t.columns.size(); ++c) {
      if (!fields.has_column(c)) continue;  // games.source
      try {
        staged.row[c] = parse_cell(t.columns[c], fields.get(c), derived_when_empty(t, names[c]));
      } catch (const RowError& e) {
        if (!nulls_bad_value(t.name, names[c])) throw;
        note_nulled(stage, row, t.name, e.what());
      }
    }
    RowAccess r(t, staged.row);
    complete_row(t, ctx, r, staged, std::nullopt);
    if (t.name != "shots") keys.check(key_of(t, staged.row), row.line);
    if (t.name == "games") {
      r["source"] = std::string("schedule");
      stage.games[r.s("game_id")] = schedule_observation(r, row.line);
      stage.games[r.s("game_id")].raw = row.raw;
      return;
    }
    stage.rows.push_back(std::move(staged));
  });
}

void parse_aliases_file(CsvReader& reader, FileStage& stage) {
  FieldMap fields(reader.header(), {"alias", "player_lookup", "player_id"}, false);
  KeyTracker keys;
  for_each_record(reader, stage, "player_aliases", [&](const CsvRow& row) {
    fields.bind(row);
    AliasEntry e;
    e.origin = "file";
    std::string_view alias = fields.get(0);
    e.player_id = fields.opt_int(2);
    if (!alias.empty()) {
      e.alias_lookup = normalize_player_name(alias);
      if (e.alias_lookup->empty()) throw RowError("empty_player_name", "alias", alias);
    }
    if (e.alias_lookup.has_value() == e.player_id.has_value()) {
      throw RowError("inconsistent", "alias", alias, "exactly one of alias and player_id is set");
    }
    e.player_lookup = std::string(fields.req(1));
    if (!is_lookup(e.player_lookup)) {
      throw RowError("bad_value", "player_lookup", e.player_lookup, "not ^[a-z0-9]+$");
    }
    std::string key = e.alias_lookup ? *e.alias_lookup : fmt::format("#{}", *e.player_id);
    keys.check(key, row.line);
    stage.aliases.push_back(std::move(e));
  });
}

}  // namespace

void parse_canonical(CsvReader& reader, const ParseContext& ctx, FileStage& stage) {
  stage.table = ctx.format.table;
  if (ctx.format.kind == FormatKind::kCanonicalAliases) {
    parse_aliases_file(reader, stage);
  } else {
    parse_table_file(reader, ctx, stage);
  }
}

}  // namespace nbaprops
