// The Odds API player-props export (01-raw-data.md §3.4): Over/Under rows folded into one
// prop_lines row per (game_date, player_lookup, market, bookmaker, snapshot_utc).
#include <cmath>

#include <fmt/format.h>

#include "core/teams.h"
#include "raw/game_ids.h"
#include "raw/parse.h"
#include "raw/parse_common.h"
#include "raw/row_access.h"
#include "raw/row_checks.h"

namespace nbaprops {
namespace {

enum Col : size_t {
  kPlayer,
  kMarket,
  kBookmaker,
  kSide,
  kLine,
  kPrice,
  kHome,
  kAway,
  kCommence,
  kSnapshotUtc,
  kSnapshotTime,
  kTimestamp
};

const std::vector<std::string>& column_names() {
  static const std::vector<std::string> names = {
      "player",    "market",    "bookmaker",     "side",         "line",          "price",
      "home_team", "away_team", "commence_time", "snapshot_utc", "snapshot_time", "timestamp"};
  return names;
}

Timestamp snapshot_of(const FieldMap& f, const IngestOptions& options, Timestamp commence) {
  for (size_t c : {kSnapshotUtc, kSnapshotTime, kTimestamp}) {
    if (!f.get(c).empty()) return require_timestamp(f.name(c), f.get(c));
  }
  if (options.snapshot_utc) return *options.snapshot_utc;
  return Timestamp{commence.seconds - int64_t{options.snapshot_offset_min} * 60};
}

}  // namespace

std::optional<std::string> market_of(std::string_view key) {
  if (key == "player_points") return "points";
  if (key == "player_rebounds") return "rebounds";
  if (key == "player_assists") return "assists";
  if (key == "player_threes") return "threes";
  if (key == "player_points_rebounds_assists") return "pra";
  return std::nullopt;
}

std::string bookmaker_of(std::string_view text) {
  std::string key;
  for (char c : text) {
    char l = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '_') key += l;
  }
  if (key == "williamhill_us") return "caesars";
  if (key == "underdogfantasy") return "underdog";
  return key;
}

void PropFolder::add(FileStage& stage, Row candidate, const char* side, size_t line,
                     std::string_view raw) {
  const TableSchema& t = *stage.table;
  RowAccess r(t, candidate);
  std::string key =
      fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}", r.s("game_date"), r.s("player_lookup"),
                  r.s("market"), r.s("bookmaker"), r.s("snapshot_utc"));
  auto it = rows_.find(key);
  if (it == rows_.end()) {
    rows_.emplace(key, stage.rows.size());
    StagedRow staged;
    staged.line = line;
    staged.raw = raw;
    staged.row = std::move(candidate);
    stage.rows.push_back(std::move(staged));
    return;
  }
  ++stage.merged;
  StagedRow& held = stage.rows[it->second];
  RowAccess h(t, held.row);
  Value new_price = r[side];
  bool same_number = *h.d("line") == *r.d("line");
  if (same_number && h.null(side) && is_null(new_price)) return;  // repeat of an empty side
  if (same_number && (h.null(side) || h[side] == new_price)) {
    h[side] = new_price;  // fills the empty side, or repeats it
    return;
  }
  held.row = std::move(candidate);  // a newer observation: the other side is empty again
  held.line = line;
  held.raw = raw;
}

void note_prop_tipoff(FileStage& stage, Date date, std::string_view home, std::string_view away,
                      Timestamp commence) {
  auto key = std::make_pair(format_date(date), std::string(std::min(home, away)) + "_" +
                                                   std::string(std::max(home, away)));
  std::string tipoff = format_timestamp(commence);
  auto [held, fresh] = stage.tipoffs.try_emplace(key, tipoff);
  if (!fresh && tipoff < held->second) held->second = tipoff;
}

void parse_oddsapi_props(CsvReader& reader, const ParseContext& ctx, FileStage& stage) {
  const TableSchema& t = *find_table("prop_lines");
  stage.table = &t;
  FieldMap f(reader.header(), column_names(), true);
  PropFolder folder;
  for_each_record(reader, stage, t.name, [&](const CsvRow& row) {
    f.bind(row);
    std::string_view player = f.req(kPlayer), market_key = f.req(kMarket), book = f.req(kBookmaker);
    if (player.substr(0, 7) == "player_") {  // market, bookmaker, player written first
      std::string_view m = player, b = market_key, p = book;
      market_key = m, book = b, player = p;
      ++stage.repaired;
    }
    auto market = market_of(market_key);
    if (!market) {
      ++stage.skipped;
      return;
    }
    std::string side(f.req(kSide));
    for (char& c : side) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (side != "over" && side != "under") throw RowError("bad_value", "side", f.get(kSide));
    auto home = resolve_team(f.req(kHome));
    if (!home) throw RowError("unknown_team", "home_team", f.get(kHome));
    auto away = resolve_team(f.req(kAway));
    if (!away) throw RowError("unknown_team", "away_team", f.get(kAway));
    if (*home == *away) throw RowError("unknown_team", "away_team", f.get(kAway), "home = away");
    Timestamp commence = require_timestamp("commence_time", f.req(kCommence));
    Date date = eastern_date(commence);
    std::string lookup = player_lookup_of(player, ctx.aliases);
    if (lookup.empty()) throw RowError("empty_player_name", "player", player);
    double line = round_half_away(require_dec("line", f.req(kLine)), 2);
    std::optional<int64_t> price;
    if (!f.get(kPrice).empty()) price = american_price_of(require_dec("price", f.get(kPrice)));
    Timestamp snapshot = snapshot_of(f, ctx.options, commence);

    Row candidate(t.columns.size());
    RowAccess r(t, candidate);
    r["game_date"] = format_date(date);
    r["game_id"] = standard_game_id(date, *away, *home);
    r["player_lookup"] = lookup;
    r["player_name"] = std::string(player);
    r["market"] = *market;
    r["bookmaker"] = bookmaker_of(book);
    r["line"] = line;
    r[side == "over" ? "over_price" : "under_price"] = price ? Value{*price} : Value{};
    r["snapshot_utc"] = format_timestamp(snapshot);
    r["tipoff_utc"] = format_timestamp(commence);
    check_prop_line(t, candidate);

    note_prop_tipoff(stage, date, *home, *away, commence);
    folder.add(stage, std::move(candidate), side == "over" ? "over_price" : "under_price", row.line,
               row.raw);
  });
}

}  // namespace nbaprops
