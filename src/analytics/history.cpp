#include "analytics/history.h"

#include <algorithm>
#include <functional>
#include <unordered_map>
#include <utility>

namespace nbaprops::analytics {
namespace {

// The index of column `c` of `t`, memoised per thread by (table, literal) address and checked
// against the name (a table declared at a reused address is looked up again).
size_t column_at(const TableSchema& t, const char* c) {
  struct KeyHash {
    size_t operator()(const std::pair<const TableSchema*, const char*>& k) const {
      return std::hash<const void*>()(k.first) * 31 + std::hash<const void*>()(k.second);
    }
  };
  thread_local std::unordered_map<std::pair<const TableSchema*, const char*>, size_t, KeyHash>
      cache;
  auto [it, fresh] = cache.try_emplace({&t, c}, 0);
  if (fresh || it->second >= t.columns.size() || t.columns[it->second].name != c) {
    it->second = t.column_index(c);
  }
  return it->second;
}

struct Reader {
  const TableSchema& t;
  const Row& row;
  const Value& v(const char* c) const { return row[column_at(t, c)]; }
  std::string s(const char* c) const {
    const auto* p = std::get_if<std::string>(&v(c));
    return p ? *p : std::string();
  }
  std::optional<int64_t> i(const char* c) const {
    const auto* p = std::get_if<int64_t>(&v(c));
    return p ? std::optional<int64_t>(*p) : std::nullopt;
  }
  std::optional<double> d(const char* c) const {
    if (const auto* p = std::get_if<double>(&v(c))) return *p;
    if (const auto* p = std::get_if<int64_t>(&v(c))) return static_cast<double>(*p);
    return std::nullopt;
  }
  std::optional<bool> b(const char* c) const {
    auto x = i(c);
    return x ? std::optional<bool>(*x != 0) : std::nullopt;
  }
  Date date(const char* c) const { return *parse_iso_date(s(c)); }
};

template <typename T>
void sort_by_date(std::vector<T>& v) {
  std::stable_sort(v.begin(), v.end(), [](const T& a, const T& b) {
    return std::tie(a.game_date, a.game_id) < std::tie(b.game_date, b.game_id);
  });
}

}  // namespace

void Phase3History::add_row(const TableSchema& table, const Row& row) {
  Reader r{table, row};
  if (table.name == "player_game_summary") {
    PgsRecord p;
    p.game_date = r.date("game_date");
    p.game_id = r.s("game_id");
    p.season = static_cast<int>(r.i("season").value_or(0));
    p.season_type = r.s("season_type");
    p.player_lookup = r.s("player_lookup");
    p.team_abbr = r.s("team_abbr");
    p.opponent_abbr = r.s("opponent_abbr");
    p.player_status = r.s("player_status");
    p.is_dnp = r.b("is_dnp").value_or(false);
    p.minutes = r.d("minutes");
    p.usage_rate = r.d("usage_rate");
    p.ts_pct = r.d("ts_pct");
    p.pts = r.i("pts");
    p.fgm = r.i("fgm");
    p.fga = r.i("fga");
    p.ftm = r.i("ftm");
    p.starter_flag = r.b("starter_flag");
    p.home_game = r.b("home_game");
    p.paint_attempts = r.i("paint_attempts");
    p.paint_makes = r.i("paint_makes");
    p.mid_range_attempts = r.i("mid_range_attempts");
    p.mid_range_makes = r.i("mid_range_makes");
    p.three_attempts_shots = r.i("three_attempts_shots");
    p.three_makes_shots = r.i("three_makes_shots");
    p.assisted_makes = r.i("assisted_makes");
    p.unassisted_makes = r.i("unassisted_makes");
    p.points_line = r.d("points_line");
    add(std::move(p));
  } else if (table.name == "team_offense_game_summary") {
    TogsRecord t;
    t.game_date = r.date("game_date");
    t.game_id = r.s("game_id");
    t.season = static_cast<int>(r.i("season").value_or(0));
    t.team_abbr = r.s("team_abbr");
    t.opponent_abbr = r.s("opponent_abbr");
    t.pts = r.i("pts");
    t.reb = r.i("reb");
    t.opponent_pts = r.i("opponent_pts");
    t.possessions = r.d("possessions");
    t.offensive_rating = r.d("offensive_rating");
    t.pace = r.d("pace");
    t.win_flag = r.b("win_flag");
    t.margin = r.i("margin");
    add(std::move(t));
  } else if (table.name == "team_defense_game_summary") {
    TdgsRecord t;
    t.game_date = r.date("game_date");
    t.game_id = r.s("game_id");
    t.season = static_cast<int>(r.i("season").value_or(0));
    t.defending_team_abbr = r.s("defending_team_abbr");
    t.opponent_abbr = r.s("opponent_abbr");
    t.opp_fta = r.i("opp_fta");
    t.opp_possessions = r.d("opp_possessions");
    t.defensive_rating = r.d("defensive_rating");
    t.opponent_pace = r.d("opponent_pace");
    t.opp_paint_attempts = r.i("opp_paint_attempts");
    t.opp_paint_makes = r.i("opp_paint_makes");
    t.opp_mid_range_attempts = r.i("opp_mid_range_attempts");
    t.opp_mid_range_makes = r.i("opp_mid_range_makes");
    t.opp_three_attempts_shots = r.i("opp_three_attempts_shots");
    t.opp_three_makes_shots = r.i("opp_three_makes_shots");
    t.points_in_paint_allowed = r.i("points_in_paint_allowed");
    t.paint_blocks = r.i("paint_blocks");
    t.mid_range_blocks = r.i("mid_range_blocks");
    t.three_blocks = r.i("three_blocks");
    t.points_allowed = r.i("points_allowed");
    add(std::move(t));
  }
}

std::vector<bool> Phase3History::columns_read(const TableSchema& table) {
  static const std::vector<std::string> pgs = {"game_date",
                                               "game_id",
                                               "season",
                                               "season_type",
                                               "player_lookup",
                                               "team_abbr",
                                               "opponent_abbr",
                                               "player_status",
                                               "is_dnp",
                                               "minutes",
                                               "usage_rate",
                                               "ts_pct",
                                               "pts",
                                               "fgm",
                                               "fga",
                                               "ftm",
                                               "starter_flag",
                                               "home_game",
                                               "paint_attempts",
                                               "paint_makes",
                                               "mid_range_attempts",
                                               "mid_range_makes",
                                               "three_attempts_shots",
                                               "three_makes_shots",
                                               "assisted_makes",
                                               "unassisted_makes",
                                               "points_line"};
  static const std::vector<std::string> togs = {
      "game_date", "game_id",  "season",       "team_abbr",   "opponent_abbr",
      "pts",       "reb",      "opponent_pts", "possessions", "offensive_rating",
      "pace",      "win_flag", "margin"};
  static const std::vector<std::string> tdgs = {"game_date",
                                                "game_id",
                                                "season",
                                                "defending_team_abbr",
                                                "opponent_abbr",
                                                "opp_fta",
                                                "opp_possessions",
                                                "defensive_rating",
                                                "opponent_pace",
                                                "opp_paint_attempts",
                                                "opp_paint_makes",
                                                "opp_mid_range_attempts",
                                                "opp_mid_range_makes",
                                                "opp_three_attempts_shots",
                                                "opp_three_makes_shots",
                                                "points_in_paint_allowed",
                                                "paint_blocks",
                                                "mid_range_blocks",
                                                "three_blocks",
                                                "points_allowed"};
  const std::vector<std::string>* names = table.name == "player_game_summary"         ? &pgs
                                          : table.name == "team_offense_game_summary" ? &togs
                                          : table.name == "team_defense_game_summary" ? &tdgs
                                                                                      : nullptr;
  std::vector<bool> wanted(table.columns.size(), false);
  if (names) {
    for (const auto& n : *names) wanted[table.column_index(n)] = true;
  }
  return wanted;
}

void Phase3History::add(PgsRecord r) {
  pgs_[r.player_lookup].push_back(std::move(r));
}
void Phase3History::add(TogsRecord r) {
  togs_[r.team_abbr].push_back(std::move(r));
}
void Phase3History::add(TdgsRecord r) {
  tdgs_[r.defending_team_abbr].push_back(std::move(r));
}

void Phase3History::finish() {
  pgs_by_team_.clear();
  for (auto& [k, v] : pgs_) sort_by_date(v);
  for (auto& [k, v] : togs_) sort_by_date(v);
  for (auto& [k, v] : tdgs_) sort_by_date(v);
  for (const auto& [k, v] : pgs_) {
    for (const auto& r : v) pgs_by_team_[r.team_abbr].push_back(&r);
  }
  for (auto& [team, v] : pgs_by_team_) {
    std::stable_sort(v.begin(), v.end(), [](const PgsRecord* a, const PgsRecord* b) {
      return std::tie(a->game_date, a->game_id, a->player_lookup) <
             std::tie(b->game_date, b->game_id, b->player_lookup);
    });
  }
  team_firsts_.clear();
  for (const auto& [player, rows] : pgs_) {
    std::vector<std::pair<const std::string*, int>> seen;  // (team, season)
    for (const auto& r : rows) {
      auto key = std::make_pair(&r.team_abbr, r.season);
      bool first = std::none_of(seen.begin(), seen.end(), [&](const auto& k) {
        return *k.first == *key.first && k.second == key.second;
      });
      if (!first) continue;
      seen.push_back(key);
      team_firsts_[r.team_abbr].push_back({r.season, r.game_date, &r.player_lookup});
    }
  }
}

std::vector<std::string> Phase3History::team_season_players(const std::string& team, int season,
                                                            Date d) const {
  std::vector<std::string> out;
  auto it = team_firsts_.find(team);
  if (it == team_firsts_.end()) return out;
  for (const FirstRow& f : it->second) {
    if (f.season == season && f.game_date < d) out.push_back(*f.player_lookup);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::span<const PgsRecord> Phase3History::player(const std::string& lookup) const {
  auto it = pgs_.find(lookup);
  if (it == pgs_.end()) return {};
  return it->second;
}

std::span<const PgsRecord* const> Phase3History::team_players(const std::string& team) const {
  auto it = pgs_by_team_.find(team);
  if (it == pgs_by_team_.end()) return {};
  return it->second;
}

std::span<const TogsRecord> Phase3History::team_offense(const std::string& team) const {
  auto it = togs_.find(team);
  if (it == togs_.end()) return {};
  return it->second;
}

std::span<const TdgsRecord> Phase3History::team_defense(const std::string& team) const {
  auto it = tdgs_.find(team);
  if (it == tdgs_.end()) return {};
  return it->second;
}

std::vector<std::string> Phase3History::players() const {
  std::vector<std::string> out;
  for (const auto& [k, v] : pgs_) out.push_back(k);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace nbaprops::analytics
