#include "raw/schema.h"

#include "core/box_stats.h"
#include "store/run_history.h"

#include <stdexcept>

namespace nbaprops {
namespace {

using T = ColumnType;

Column req(std::string name, ColumnType type) {
  return {std::move(name), type, false, -1};
}
Column opt(std::string name, ColumnType type) {
  return {std::move(name), type, true, -1};
}
Column dec(std::string name, bool nullable, int decimals) {
  return {std::move(name), T::kDec, nullable, decimals};
}

// The counting stats of 01-raw-data.md §1, then plus_minus.
void add_stats(std::vector<Column>& cols, bool nullable) {
  for (size_t k = 0; k < kCountingStats; ++k) {
    cols.push_back({std::string(kBoxStatColumns[k]), T::kInt, nullable, -1});
  }
  cols.push_back(opt("plus_minus", T::kInt));
}

TableSchema games() {
  return {"games",
          {req("game_id", T::kText), req("game_date", T::kDate), req("season", T::kInt),
           req("season_type", T::kText), req("home_team", T::kText), req("away_team", T::kText),
           opt("tipoff_utc", T::kTs), req("status", T::kText), opt("home_score", T::kInt),
           opt("away_score", T::kInt), opt("neutral_site", T::kBool), req("source", T::kText)},
          {"game_id"},
          "game_id"};
}

TableSchema player_boxscores() {
  std::vector<Column> cols = {req("game_id", T::kText),       req("game_date", T::kDate),
                              req("team_abbr", T::kText),     opt("player_id", T::kInt),
                              req("player_lookup", T::kText), req("player_name", T::kText),
                              req("status", T::kText),        opt("dnp_reason", T::kText),
                              opt("starter", T::kBool),       dec("minutes", true, 2)};
  add_stats(cols, true);
  return {"player_boxscores", cols, {"game_id", "player_lookup"}, "game_id, player_lookup"};
}

TableSchema team_boxscores() {
  std::vector<Column> cols = {req("game_id", T::kText),   req("game_date", T::kDate),
                              req("team_abbr", T::kText), req("opponent_abbr", T::kText),
                              req("is_home", T::kBool),   req("minutes", T::kInt)};
  add_stats(cols, false);
  return {"team_boxscores", cols, {"game_id", "team_abbr"}, "game_id, team_abbr"};
}

TableSchema shots() {
  return {"shots",
          {req("game_id", T::kText), req("game_date", T::kDate), req("team_abbr", T::kText),
           opt("player_id", T::kInt), req("player_lookup", T::kText), req("period", T::kInt),
           opt("seconds_left_in_period", T::kInt), req("shot_value", T::kInt),
           req("made", T::kBool), dec("distance_ft", true, 2), dec("loc_x", true, 2),
           dec("loc_y", true, 2), opt("zone", T::kText), opt("action_type", T::kText),
           opt("assisted_by", T::kText), opt("blocked_by", T::kText)},
          {},
          // Stored order (01-raw-data.md §1); rowid keeps input order within a team-game.
          "game_id, team_abbr, period, seconds_left_in_period DESC NULLS LAST, rowid"};
}

TableSchema prop_lines() {
  return {"prop_lines",
          {req("game_date", T::kDate), opt("game_id", T::kText), req("player_lookup", T::kText),
           req("player_name", T::kText), req("market", T::kText), req("bookmaker", T::kText),
           dec("line", false, 2), opt("over_price", T::kInt), opt("under_price", T::kInt),
           req("snapshot_utc", T::kTs), opt("tipoff_utc", T::kTs)},
          {"game_date", "player_lookup", "market", "bookmaker", "snapshot_utc"},
          "game_date, player_lookup, market, bookmaker, snapshot_utc"};
}

TableSchema game_lines() {
  return {"game_lines",
          {req("game_date", T::kDate), req("game_id", T::kText), req("bookmaker", T::kText),
           req("market", T::kText), opt("team_abbr", T::kText), dec("line", false, 2),
           opt("price", T::kInt), req("snapshot_utc", T::kTs)},
          {"game_id", "market", "bookmaker", "snapshot_utc", "team_abbr"},
          "game_id, market, bookmaker, snapshot_utc, team_abbr NULLS FIRST"};
}

TableSchema injuries() {
  return {"injuries",
          {req("report_utc", T::kTs), req("game_date", T::kDate), req("team_abbr", T::kText),
           req("player_lookup", T::kText), req("player_name", T::kText), req("status", T::kText),
           opt("reason", T::kText)},
          {"report_utc", "game_date", "player_lookup"},
          "report_utc, game_date, player_lookup"};
}

TableSchema players() {
  return {"players",
          {opt("player_id", T::kInt), req("player_lookup", T::kText), req("player_name", T::kText),
           opt("birth_date", T::kDate), opt("position", T::kText)},
          {"player_lookup"},
          "player_lookup"};
}

TableSchema player_aliases() {
  return {"player_aliases",
          {opt("alias_lookup", T::kText), opt("player_id", T::kInt), req("player_lookup", T::kText),
           req("origin", T::kText)},
          {"alias_lookup", "player_id"},
          "alias_lookup NULLS LAST, player_id"};
}

TableSchema rejected_rows() {
  return {"rejected_rows",
          {req("source_file", T::kText), req("line_number", T::kInt), req("format", T::kText),
           opt("table", T::kText), req("reason", T::kText), req("raw_text", T::kText),
           req("processed_at", T::kTs)},
          {"source_file", "line_number"},
          "source_file, line_number"};
}

std::vector<TableSchema> build_all() {
  return {games(),
          player_boxscores(),
          team_boxscores(),
          shots(),
          prop_lines(),
          game_lines(),
          injuries(),
          players(),
          player_aliases(),
          rejected_rows(),
          processor_runs_table(),
          failed_entities_table()};
}

}  // namespace

std::span<const TableSchema> raw_tables() {
  static const std::vector<TableSchema> tables = build_all();
  return tables;
}

const TableSchema* find_table(std::string_view name) {
  for (const auto& t : raw_tables()) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

std::vector<const TableSchema*> versioned_raw_tables() {
  std::vector<const TableSchema*> out;
  for (const TableSchema& t : raw_tables()) {
    if (t.name == "rejected_rows" || t.name == "processor_runs" || t.name == "failed_entities") {
      continue;
    }
    out.push_back(&t);
  }
  return out;
}

std::vector<TableIndex> raw_indexes() {
  return {{find_table("shots"), {"game_id", "team_abbr"}, "team_game", false},
          {find_table("games"), {"game_date", "home_team", "away_team"}, "teams", true},
          {find_table("player_boxscores"), {"player_lookup"}, "player", false}};
}

}  // namespace nbaprops
