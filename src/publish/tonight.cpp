#include <unordered_map>

#include "analytics/upcoming_player_game_context.h"
#include "core/row_reader.h"
#include "picks/load.h"
#include "predict/tables.h"
#include "publish/documents.h"
#include "raw/schema.h"

namespace nbaprops::publish {
namespace {

using nlohmann::json;

template <typename T>
json opt(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

json games_of(Store& store, Date d) {
  const TableSchema& t = *find_table("games");
  json games = json::array();
  store.scan(t, {{"game_date", "=", format_date(d)}}, [&](const Row& row) {
    RowReader r(t, row);
    games.push_back({{"game_id", *r.s("game_id")},
                     {"home", *r.s("home_team")},
                     {"away", *r.s("away_team")},
                     {"tipoff_utc", opt(r.s("tipoff_utc"))},
                     {"tipoff_et", tipoff_et(r.s("tipoff_utc"))},
                     {"status", *r.s("status")},
                     {"home_score", opt(r.i("home_score"))},
                     {"away_score", opt(r.i("away_score"))}});
  });
  return games;
}

// player -> system -> prediction.
std::unordered_map<std::string, json> predictions_of(Store& store, Date d) {
  const auto& t = predict::player_prop_predictions_table();
  std::unordered_map<std::string, json> out;
  store.scan(t, {{"game_date", "=", format_date(d)}}, [&](const Row& row) {
    RowReader r(t, row);
    json p = {{"system_id", *r.s("system_id")},
              {"market", "points"},
              {"predicted", *r.d("predicted_points")},
              {"confidence", *r.d("confidence")},
              {"edge", opt(r.d("edge"))},
              {"recommendation", *r.s("recommendation")},
              {"p_over", nullptr}};
    for (const auto& c : t.columns) {  // the columns of markets and probabilities, once there
      if (c.name == "market") p["market"] = r.s("market").value_or("points");
      if (c.name == "p_over") p["p_over"] = opt(r.d("p_over"));
    }
    auto& list = out[*r.s("player_lookup")];
    if (list.is_null()) list = json::array();
    list.push_back(std::move(p));
  });
  return out;
}

}  // namespace

json tonight_json(Store& store, Date d) {
  auto predictions = predictions_of(store, d);
  auto names = picks::player_names(store);
  const auto& t = analytics::upcoming_player_game_context_table();
  std::vector<bool> wanted(t.columns.size(), false);
  for (const char* c :
       {"game_date", "player_lookup", "game_id", "team_abbr", "opponent_abbr", "home_game",
        "current_points_line", "opening_points_line", "points_line_bookmaker", "injury_status",
        "injury_reason", "points_avg_last_10", "minutes_avg_last_10"}) {
    wanted[t.column_index(c)] = true;
  }
  json players = json::array();
  store.scan_columns(t, wanted, {{"game_date", "=", format_date(d)}}, [&](const Row& row) {
    RowReader r(t, row);
    std::string lookup = *r.s("player_lookup");
    auto name = names.find(lookup);
    auto preds = predictions.find(lookup);
    players.push_back(
        {{"player_lookup", lookup},
         {"player_name", name == names.end() ? lookup : name->second},
         {"game_id", opt(r.s("game_id"))},
         {"team", opt(r.s("team_abbr"))},
         {"opponent", opt(r.s("opponent_abbr"))},
         {"home", opt(r.b("home_game"))},
         {"injury_status", opt(r.s("injury_status"))},
         {"injury_reason", opt(r.s("injury_reason"))},
         {"points_avg_last_10", opt(r.d("points_avg_last_10"))},
         {"minutes_avg_last_10", opt(r.d("minutes_avg_last_10"))},
         {"lines",
          {{{"market", "points"},
            {"line", opt(r.d("current_points_line"))},
            {"opening_line", opt(r.d("opening_points_line"))},
            {"bookmaker", opt(r.s("points_line_bookmaker"))}}}},
         {"predictions", preds == predictions.end() ? json::array() : preds->second}});
  });
  return {{"date", format_date(d)}, {"games", games_of(store, d)}, {"players", std::move(players)}};
}

}  // namespace nbaprops::publish
