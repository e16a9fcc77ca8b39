#include "analytics/history.h"

#include <algorithm>

namespace nbaprops::analytics {
namespace {

struct Reader {
  const TableSchema& t;
  const Row& row;
  const Value& v(const char* c) const { return row[t.column_index(c)]; }
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
    add(PgsRecord{r.date("game_date"), r.s("game_id"), static_cast<int>(r.i("season").value_or(0)),
                  r.s("season_type"), r.s("player_lookup"), r.s("team_abbr"), r.s("opponent_abbr"),
                  r.s("player_status"), r.b("is_dnp").value_or(false), r.d("minutes"),
                  r.d("usage_rate"), r.i("pts"), r.i("fgm"), r.i("fga"), r.b("starter_flag")});
  } else if (table.name == "team_offense_game_summary") {
    add(TogsRecord{r.date("game_date"), r.s("game_id"), static_cast<int>(r.i("season").value_or(0)),
                   r.s("team_abbr"), r.s("opponent_abbr"), r.i("pts"), r.i("reb"),
                   r.i("opponent_pts"), r.d("possessions"), r.d("offensive_rating"), r.d("pace"),
                   r.b("win_flag")});
  } else if (table.name == "team_defense_game_summary") {
    add(TdgsRecord{r.date("game_date"), r.s("game_id"), static_cast<int>(r.i("season").value_or(0)),
                   r.s("defending_team_abbr"), r.s("opponent_abbr"), r.i("opp_fta"),
                   r.d("opp_possessions"), r.d("defensive_rating"), r.d("opponent_pace")});
  }
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
