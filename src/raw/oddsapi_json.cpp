#include "raw/oddsapi_json.h"

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "core/teams.h"
#include "raw/field_parse.h"
#include "raw/game_ids.h"
#include "raw/parse_common.h"
#include "raw/row_access.h"
#include "raw/row_checks.h"

namespace nbaprops {
namespace {

using nlohmann::json;

std::string text_of(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

std::optional<double> number_of(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return std::nullopt;
  if (it->is_number()) return it->get<double>();
  if (it->is_string()) return parse_dec(it->get<std::string>());
  return std::nullopt;
}

struct JsonLoader {
  const PlayerAliases& aliases;
  const IngestOptions& options;
  FileStage& stage;
  const TableSchema& t = *find_table("prop_lines");
  PropFolder folder;
  size_t ordinal = 0;

  void event(const json& e, const std::string& wrapper_ts);
  void outcome(const json& e, const json& book, const json& market, const json& o,
               const std::string& wrapper_ts);
};

void JsonLoader::event(const json& e, const std::string& wrapper_ts) {
  if (!e.is_object() || !e.contains("bookmakers")) {
    throw std::runtime_error("not an Odds API event-odds response (no bookmakers)");
  }
  for (const auto& book : e["bookmakers"]) {
    if (!book.contains("markets")) continue;
    for (const auto& market : book["markets"]) {
      if (!market.contains("outcomes")) continue;
      for (const auto& o : market["outcomes"]) outcome(e, book, market, o, wrapper_ts);
    }
  }
}

void JsonLoader::outcome(const json& e, const json& book, const json& market, const json& o,
                         const std::string& wrapper_ts) {
  ++ordinal;
  ++stage.read;
  stage.texts.push_back(o.dump());
  std::string_view raw = stage.texts.back();
  try {
    auto m = market_of(text_of(market, "key"));
    if (!m) {
      ++stage.skipped;
      return;
    }
    std::string player = text_of(o, "description");
    std::string side = text_of(o, "name");
    for (char& c : side) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (side != "over" && side != "under") throw RowError("bad_value", "name", text_of(o, "name"));
    auto home = resolve_team(text_of(e, "home_team"));
    if (!home) throw RowError("unknown_team", "home_team", text_of(e, "home_team"));
    auto away = resolve_team(text_of(e, "away_team"));
    if (!away) throw RowError("unknown_team", "away_team", text_of(e, "away_team"));
    Timestamp commence = require_timestamp("commence_time", text_of(e, "commence_time"));
    Date date = eastern_date(commence);
    std::string lookup = player_lookup_of(player, aliases);
    if (lookup.empty()) throw RowError("empty_player_name", "description", player);
    auto point = number_of(o, "point");
    if (!point) throw RowError("missing_value", "point", "");
    auto price = number_of(o, "price");
    Timestamp snapshot{commence.seconds - int64_t{options.snapshot_offset_min} * 60};
    if (options.snapshot_utc) snapshot = *options.snapshot_utc;
    for (const std::string& ts :
         {text_of(book, "last_update"), text_of(market, "last_update"), wrapper_ts}) {
      if (!ts.empty()) snapshot = require_timestamp("last_update", ts);
    }
    Row candidate(t.columns.size());
    RowAccess r(t, candidate);
    r["game_date"] = format_date(date);
    r["game_id"] = standard_game_id(date, *away, *home);
    r["player_lookup"] = lookup;
    r["player_name"] = player;
    r["market"] = *m;
    std::string key_or_title = text_of(book, "key");
    if (key_or_title.empty()) key_or_title = text_of(book, "title");
    r["bookmaker"] = bookmaker_of(key_or_title);
    r["line"] = round_half_away(*point, 2);
    if (price) r[side + "_price"] = american_price_of(*price);  // the other side stays NULL
    r["snapshot_utc"] = format_timestamp(snapshot);
    r["tipoff_utc"] = format_timestamp(commence);
    check_prop_line(t, candidate);
    note_prop_tipoff(stage, date, *home, *away, commence);
    folder.add(stage, std::move(candidate), side == "over" ? "over_price" : "under_price", ordinal,
               raw);
  } catch (const RowError& err) {
    stage.rejected.push_back({ordinal, err.what(), clip_raw_text(raw), t.name});
  }
}

}  // namespace

bool looks_like_json(std::string_view text) {
  size_t i = text.find_first_not_of(" \t\r\n");
  if (i == std::string_view::npos) return false;
  if (text.substr(i, 3) == "\xEF\xBB\xBF") i = text.find_first_not_of(" \t\r\n", i + 3);
  return i != std::string_view::npos && (text[i] == '{' || text[i] == '[');
}

void parse_oddsapi_json(std::string_view text, const PlayerAliases& aliases,
                        const IngestOptions& options, FileStage& stage) {
  json root = json::parse(text.begin(), text.end(), nullptr, false);
  if (root.is_discarded()) throw std::runtime_error("not valid JSON");
  stage.table = find_table("prop_lines");
  JsonLoader loader{aliases, options, stage, *find_table("prop_lines"), {}, 0};
  auto one = [&](const json& node) {
    if (node.is_object() && node.contains("data")) {
      std::string ts = text_of(node, "timestamp");
      const json& data = node["data"];
      if (data.is_array()) {
        for (const auto& e : data) loader.event(e, ts);
      } else {
        loader.event(data, ts);
      }
    } else {
      loader.event(node, "");
    }
  };
  if (root.is_array()) {
    for (const auto& node : root) one(node);
  } else {
    one(root);
  }
}

}  // namespace nbaprops
