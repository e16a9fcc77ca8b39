#include <algorithm>
#include <map>
#include <set>

#include "analytics/player_game_summary.h"
#include "core/row_reader.h"
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
  std::vector<bool> wanted(t.columns.size(), false);
  for (const char* c : {"game_date", "player_lookup", "opponent_abbr", "home_game", "is_dnp",
                        "minutes", "pts", "points_line", "over_under_result"}) {
    wanted[t.column_index(c)] = true;
  }
  std::map<std::string, std::vector<std::pair<std::string, json>>> games;
  store.scan_columns(
      t, wanted,
      {{"game_date", ">=", format_date(Date{d.days - kLookbackDays})},
       {"game_date", "<", format_date(d)}},
      [&](const Row& row) {
        RowReader r(t, row);
        std::string p = *r.s("player_lookup");
        if (!players.count(p) || r.b("is_dnp").value_or(false) || !r.i("pts")) return;
        std::string date = *r.s("game_date");
        games[p].push_back({date,
                            {{"date", date},
                             {"opponent", opt(r.s("opponent_abbr"))},
                             {"home", opt(r.b("home_game"))},
                             {"minutes", opt(r.d("minutes"))},
                             {"points", *r.i("pts")},
                             {"line", opt(r.d("points_line"))},
                             {"result", opt(r.s("over_under_result"))}}});
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

std::map<std::string, json> rows_of_d(Store& store, const TableSchema& t,
                                      const std::string& date_column, Date d,
                                      const std::vector<const char*>& columns) {
  std::map<std::string, json> out;
  store.scan(t, {{date_column, "=", format_date(d)}}, [&](const Row& row) {
    RowReader r(t, row);
    json j = json::object();
    for (const char* c : columns) j[c] = opt(r.d(c));
    out[*r.s("player_lookup")] = std::move(j);
  });
  return out;
}

}  // namespace

json cards_json(Store& store, Date d, const std::vector<picks::Pick>& picks) {
  std::set<std::string> players;
  for (const auto& p : picks) {
    if (p.status == picks::kActive) players.insert(p.c.player_lookup);
  }
  json cards = json::array();
  if (players.empty()) return cards;
  auto games = last_games(store, d, players);
  auto zones = rows_of_d(store, precompute::player_shot_zone_analysis_table(), "analysis_date", d,
                         {"paint_rate_last_10", "mid_range_rate_last_10", "three_pt_rate_last_10",
                          "paint_pct_last_10", "mid_range_pct_last_10", "three_pt_pct_last_10"});
  auto factors =
      rows_of_d(store, precompute::player_composite_factors_table(), "game_date", d,
                {"fatigue_score", "shot_zone_mismatch_score", "pace_score", "usage_spike_score",
                 "travel_impact_score", "total_composite_adjustment"});
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
