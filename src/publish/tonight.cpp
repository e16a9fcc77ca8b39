#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "analytics/upcoming_player_game_context.h"
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
  const auto& view = tonight_game_view();
  const RowBinding binding = view.bind(t);
  json games = json::array();
  store.scan_columns(t, view.wanted(t), {{"game_date", "=", format_date(d)}}, [&](const Row& row) {
    TonightGameView g = view.read(binding, row);
    games.push_back({{"game_id", g.game_id},
                     {"home", g.home_team},
                     {"away", g.away_team},
                     {"tipoff_utc", opt(g.tipoff_utc)},
                     {"tipoff_et", tipoff_et(g.tipoff_utc)},
                     {"status", g.status},
                     {"home_score", opt(g.home_score)},
                     {"away_score", opt(g.away_score)}});
  });
  return games;
}

// player -> system -> prediction.
std::unordered_map<std::string, json> predictions_of(Store& store, Date d) {
  const auto& t = predict::player_prop_predictions_table();
  const Record<TonightPredictionView> view = tonight_prediction_view(t);
  const RowBinding binding = view.bind(t);
  std::unordered_map<std::string, json> out;
  store.scan_columns(t, view.wanted(t), {{"game_date", "=", format_date(d)}}, [&](const Row& row) {
    TonightPredictionView r = view.read(binding, row);
    json p = {{"system_id", r.system_id},
              {"market", r.market.value_or("points")},
              {"predicted", r.predicted_points},
              {"confidence", r.confidence},
              {"edge", opt(r.edge)},
              {"recommendation", r.recommendation},
              {"p_over", opt(r.p_over)}};
    auto& list = out[r.player_lookup];
    if (list.is_null()) list = json::array();
    list.push_back(std::move(p));
  });
  return out;
}

}  // namespace

const Record<TonightGameView>& tonight_game_view() {
  using V = TonightGameView;
  static const Record<V> r = Record<V>()
                                 .field("game_id", &V::game_id)
                                 .field("home_team", &V::home_team)
                                 .field("away_team", &V::away_team)
                                 .field("tipoff_utc", &V::tipoff_utc, ColumnType::kTs)
                                 .field("status", &V::status)
                                 .field("home_score", &V::home_score)
                                 .field("away_score", &V::away_score);
  return r;
}

Record<TonightPredictionView> tonight_prediction_view(const TableSchema& table) {
  using V = TonightPredictionView;
  Record<V> r;
  r.field("system_id", &V::system_id)
      .field_if_present(table, "market", &V::market)
      .field("player_lookup", &V::player_lookup)
      .dec("predicted_points", &V::predicted_points, 2)
      .dec("confidence", &V::confidence, 1)
      .dec("edge", &V::edge, 2)
      .dec_if_present(table, "p_over", &V::p_over)
      .field("recommendation", &V::recommendation);
  return r;
}

const Record<TonightPlayerView>& tonight_player_view() {
  using V = TonightPlayerView;
  static const Record<V> r = Record<V>()
                                 .field("player_lookup", &V::player_lookup)
                                 .field("game_id", &V::game_id)
                                 .field("team_abbr", &V::team_abbr)
                                 .field("opponent_abbr", &V::opponent_abbr)
                                 .field("home_game", &V::home_game)
                                 .dec("current_points_line", &V::current_points_line, 1)
                                 .dec("opening_points_line", &V::opening_points_line, 1)
                                 .field("points_line_bookmaker", &V::points_line_bookmaker)
                                 .field("injury_status", &V::injury_status)
                                 .field("injury_reason", &V::injury_reason)
                                 .dec("points_avg_last_10", &V::points_avg_last_10, 1)
                                 .dec("minutes_avg_last_10", &V::minutes_avg_last_10, 1);
  return r;
}

json tonight_json(Store& store, Date d) {
  auto predictions = predictions_of(store, d);
  auto names = picks::player_names(store);
  const auto& t = analytics::upcoming_player_game_context_table();
  const auto& view = tonight_player_view();
  const RowBinding binding = view.bind(t);
  json players = json::array();
  store.scan_columns(t, view.wanted(t), {{"game_date", "=", format_date(d)}}, [&](const Row& row) {
    TonightPlayerView r = view.read(binding, row);
    const std::string& lookup = r.player_lookup;
    auto name = names.find(lookup);
    auto preds = predictions.find(lookup);
    players.push_back(
        {{"player_lookup", lookup},
         {"player_name", name == names.end() ? lookup : name->second},
         {"game_id", opt(r.game_id)},
         {"team", opt(r.team_abbr)},
         {"opponent", opt(r.opponent_abbr)},
         {"home", opt(r.home_game)},
         {"injury_status", opt(r.injury_status)},
         {"injury_reason", opt(r.injury_reason)},
         {"points_avg_last_10", opt(r.points_avg_last_10)},
         {"minutes_avg_last_10", opt(r.minutes_avg_last_10)},
         {"lines",
          {{{"market", "points"},
            {"line", opt(r.current_points_line)},
            {"opening_line", opt(r.opening_points_line)},
            {"bookmaker", opt(r.points_line_bookmaker)}}}},
         {"predictions", preds == predictions.end() ? json::array() : preds->second}});
  });
  return {{"date", format_date(d)}, {"games", games_of(store, d)}, {"players", std::move(players)}};
}

}  // namespace nbaprops::publish
