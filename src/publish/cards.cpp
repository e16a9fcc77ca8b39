#include <algorithm>
#include <map>
#include <set>

#include "analytics/player_game_summary.h"
#include "precompute/player_composite_factors.h"
#include "precompute/player_shot_zone_analysis.h"
#include "publish/documents.h"

namespace nbaprops::publish {
namespace {

using nlohmann::json;

template <typename T>
json opt(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

constexpr int kCardGames = 10;
constexpr int kLookbackDays = 120;  // the last 10 games of a player lie within this

// player -> his games before D, newest first (at most 10).
std::map<std::string, json> last_games(Store& store, Date d, const std::set<std::string>& players) {
  const auto& t = analytics::player_game_summary_table();
  const auto& view = card_game_view();
  const RowBinding binding = view.bind(t);
  std::map<std::string, std::vector<std::pair<std::string, json>>> games;
  store.scan_columns(
      t, view.wanted(t),
      {{"game_date", ">=", format_date(Date{d.days - kLookbackDays})},
       {"game_date", "<", format_date(d)}},
      [&](const Row& row) {
        CardGameView r = view.read(binding, row);
        const std::string& p = r.player_lookup;
        if (!players.count(p) || r.is_dnp.value_or(false) || !r.pts) return;
        const std::string& date = r.game_date;
        games[p].push_back({date,
                            {{"date", date},
                             {"opponent", opt(r.opponent_abbr)},
                             {"home", opt(r.home_game)},
                             {"minutes", opt(r.minutes)},
                             {"points", *r.pts},
                             {"line", opt(r.points_line)},
                             {"result", opt(r.over_under_result)}}});
      },
      true);
  std::map<std::string, json> out;
  for (auto& [p, list] : games) {
    std::sort(list.begin(), list.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    json arr = json::array();
    for (size_t i = 0; i < list.size() && i < kCardGames; ++i) arr.push_back(list[i].second);
    out[p] = std::move(arr);
  }
  return out;
}

// player -> json(view's row of D) for each row of `t` dated D.
template <class V>
std::map<std::string, json> rows_of_d(Store& store, const TableSchema& t,
                                      const std::string& date_column, Date d, const Record<V>& view,
                                      json (*to_json)(const V&)) {
  const RowBinding binding = view.bind(t);
  std::map<std::string, json> out;
  store.scan_columns(t, view.wanted(t), {{date_column, "=", format_date(d)}}, [&](const Row& row) {
    V v = view.read(binding, row);
    out[v.player_lookup] = to_json(v);
  });
  return out;
}

json zones_json(const CardZonesView& v) {
  return {{"paint_rate_last_10", opt(v.paint_rate_last_10)},
          {"mid_range_rate_last_10", opt(v.mid_range_rate_last_10)},
          {"three_pt_rate_last_10", opt(v.three_pt_rate_last_10)},
          {"paint_pct_last_10", opt(v.paint_pct_last_10)},
          {"mid_range_pct_last_10", opt(v.mid_range_pct_last_10)},
          {"three_pt_pct_last_10", opt(v.three_pt_pct_last_10)}};
}

json factors_json(const CardFactorsView& v) {
  std::optional<double> fatigue;  // the int cell as a double, as the by-name read gave it
  if (v.fatigue_score) fatigue = static_cast<double>(*v.fatigue_score);
  return {{"fatigue_score", opt(fatigue)},
          {"shot_zone_mismatch_score", opt(v.shot_zone_mismatch_score)},
          {"pace_score", opt(v.pace_score)},
          {"usage_spike_score", opt(v.usage_spike_score)},
          {"travel_impact_score", opt(v.travel_impact_score)},
          {"total_composite_adjustment", opt(v.total_composite_adjustment)}};
}

}  // namespace

const Record<CardGameView>& card_game_view() {
  using V = CardGameView;
  static const Record<V> r = Record<V>()
                                 .field("game_date", &V::game_date, ColumnType::kDate)
                                 .field("player_lookup", &V::player_lookup)
                                 .field("opponent_abbr", &V::opponent_abbr)
                                 .field("home_game", &V::home_game)
                                 .field("is_dnp", &V::is_dnp)
                                 .dec("minutes", &V::minutes, 1)
                                 .field("pts", &V::pts)
                                 .dec("points_line", &V::points_line, 1)
                                 .field("over_under_result", &V::over_under_result);
  return r;
}

const Record<CardZonesView>& card_zones_view() {
  using V = CardZonesView;
  static const Record<V> r = Record<V>()
                                 .field("player_lookup", &V::player_lookup)
                                 .dec("paint_rate_last_10", &V::paint_rate_last_10, 2)
                                 .dec("mid_range_rate_last_10", &V::mid_range_rate_last_10, 2)
                                 .dec("three_pt_rate_last_10", &V::three_pt_rate_last_10, 2)
                                 .dec("paint_pct_last_10", &V::paint_pct_last_10, 3)
                                 .dec("mid_range_pct_last_10", &V::mid_range_pct_last_10, 3)
                                 .dec("three_pt_pct_last_10", &V::three_pt_pct_last_10, 3);
  return r;
}

const Record<CardFactorsView>& card_factors_view() {
  using V = CardFactorsView;
  static const Record<V> r =
      Record<V>()
          .field("player_lookup", &V::player_lookup)
          .field("fatigue_score", &V::fatigue_score)
          .dec("shot_zone_mismatch_score", &V::shot_zone_mismatch_score, 2)
          .dec("pace_score", &V::pace_score, 2)
          .dec("usage_spike_score", &V::usage_spike_score, 2)
          .dec("travel_impact_score", &V::travel_impact_score, 2)
          .dec("total_composite_adjustment", &V::total_composite_adjustment, 2);
  return r;
}

json cards_json(Store& store, Date d, const std::vector<picks::Pick>& picks) {
  std::set<std::string> players;
  for (const auto& p : picks) {
    if (p.status == picks::kActive) players.insert(p.c.player_lookup);
  }
  json cards = json::array();
  if (players.empty()) return cards;
  auto games = last_games(store, d, players);
  auto zones = rows_of_d(store, precompute::player_shot_zone_analysis_table(), "analysis_date", d,
                         card_zones_view(), &zones_json);
  auto factors = rows_of_d(store, precompute::player_composite_factors_table(), "game_date", d,
                           card_factors_view(), &factors_json);
  auto ranks = pick_ranks(picks);
  for (size_t i = 0; i < picks.size(); ++i) {
    const auto& p = picks[i];
    if (p.status != picks::kActive) continue;
    const std::string& id = p.c.player_lookup;
    cards.push_back({{"rank", ranks[i]},
                     {"player_lookup", id},
                     {"player_name", p.c.player_name},
                     {"team", p.c.team},
                     {"opponent", p.c.opponent},
                     {"matchup", picks::matchup(p.c)},
                     {"market", p.c.market},
                     {"line", p.c.line},
                     {"side", p.side},
                     {"reasons", p.reasons},
                     {"last_games", games.count(id) ? games[id] : json::array()},
                     {"shot_zones", zones.count(id) ? zones[id] : json(nullptr)},
                     {"factors", factors.count(id) ? factors[id] : json(nullptr)}});
  }
  std::sort(cards.begin(), cards.end(),
            [](const json& a, const json& b) { return a["rank"] < b["rank"]; });
  return cards;
}

}  // namespace nbaprops::publish
