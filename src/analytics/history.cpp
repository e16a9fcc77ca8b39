#include "analytics/history.h"

#include <algorithm>
#include <functional>
#include <unordered_map>
#include <utility>

#include "core/record.h"

namespace nbaprops::analytics {

// What add_row reads of each summary table, declared once: the reader and the projection
// (columns_read) both come from these records.
const Record<PgsRecord>& pgs_history_record() {
  using P = PgsRecord;
  static const Record<P> r = Record<P>()
                                 .field("game_date", &P::game_date)
                                 .field("game_id", &P::game_id)
                                 .field("season", &P::season)
                                 .field("season_type", &P::season_type)
                                 .field("player_lookup", &P::player_lookup)
                                 .field("team_abbr", &P::team_abbr)
                                 .field("opponent_abbr", &P::opponent_abbr)
                                 .field("player_status", &P::player_status)
                                 .field("is_dnp", &P::is_dnp)
                                 .field("minutes", &P::minutes)
                                 .field("usage_rate", &P::usage_rate)
                                 .field("ts_pct", &P::ts_pct)
                                 .field("pts", &P::pts)
                                 .field("fgm", &P::fgm)
                                 .field("fga", &P::fga)
                                 .field("ftm", &P::ftm)
                                 .field("starter_flag", &P::starter_flag)
                                 .field("home_game", &P::home_game)
                                 .field("paint_attempts", &P::paint_attempts)
                                 .field("paint_makes", &P::paint_makes)
                                 .field("mid_range_attempts", &P::mid_range_attempts)
                                 .field("mid_range_makes", &P::mid_range_makes)
                                 .field("three_attempts_shots", &P::three_attempts_shots)
                                 .field("three_makes_shots", &P::three_makes_shots)
                                 .field("assisted_makes", &P::assisted_makes)
                                 .field("unassisted_makes", &P::unassisted_makes)
                                 .field("points_line", &P::points_line);
  return r;
}

const Record<TogsRecord>& togs_history_record() {
  using T = TogsRecord;
  static const Record<T> r = Record<T>()
                                 .field("game_date", &T::game_date)
                                 .field("game_id", &T::game_id)
                                 .field("season", &T::season)
                                 .field("team_abbr", &T::team_abbr)
                                 .field("opponent_abbr", &T::opponent_abbr)
                                 .field("pts", &T::pts)
                                 .field("reb", &T::reb)
                                 .field("opponent_pts", &T::opponent_pts)
                                 .field("possessions", &T::possessions)
                                 .field("offensive_rating", &T::offensive_rating)
                                 .field("pace", &T::pace)
                                 .field("win_flag", &T::win_flag)
                                 .field("margin", &T::margin);
  return r;
}

const Record<TdgsRecord>& tdgs_history_record() {
  using T = TdgsRecord;
  static const Record<T> r = Record<T>()
                                 .field("game_date", &T::game_date)
                                 .field("game_id", &T::game_id)
                                 .field("season", &T::season)
                                 .field("defending_team_abbr", &T::defending_team_abbr)
                                 .field("opponent_abbr", &T::opponent_abbr)
                                 .field("opp_fta", &T::opp_fta)
                                 .field("opp_possessions", &T::opp_possessions)
                                 .field("defensive_rating", &T::defensive_rating)
                                 .field("opponent_pace", &T::opponent_pace)
                                 .field("opp_paint_attempts", &T::opp_paint_attempts)
                                 .field("opp_paint_makes", &T::opp_paint_makes)
                                 .field("opp_mid_range_attempts", &T::opp_mid_range_attempts)
                                 .field("opp_mid_range_makes", &T::opp_mid_range_makes)
                                 .field("opp_three_attempts_shots", &T::opp_three_attempts_shots)
                                 .field("opp_three_makes_shots", &T::opp_three_makes_shots)
                                 .field("points_in_paint_allowed", &T::points_in_paint_allowed)
                                 .field("paint_blocks", &T::paint_blocks)
                                 .field("mid_range_blocks", &T::mid_range_blocks)
                                 .field("three_blocks", &T::three_blocks)
                                 .field("points_allowed", &T::points_allowed);
  return r;
}

namespace {

// The record of a row of `table`, through a binding memoised per thread by (record, table)
// address and checked against the column names (a table declared at a reused address is bound
// again). Throws std::invalid_argument when the row's width is not the table's.
template <class T>
T read_bound(const Record<T>& record, const TableSchema& table, const Row& row) {
  thread_local std::unordered_map<const TableSchema*, RowBinding> bindings;
  auto [it, fresh] = bindings.try_emplace(&table);
  if (fresh || !record.bound_to(table, it->second)) it->second = record.bind(table);
  return record.read(it->second, row);
}

template <typename T>
void sort_by_date(std::vector<T>& v) {
  auto less = [](const T& a, const T& b) {
    return std::tie(a.game_date, a.game_id) < std::tie(b.game_date, b.game_id);
  };
  // Rows read back from the store, then the run's later summaries, are usually in order.
  if (!std::is_sorted(v.begin(), v.end(), less)) std::stable_sort(v.begin(), v.end(), less);
}

}  // namespace

void Phase3History::add_row(const TableSchema& table, const Row& row) {
  if (table.name == "player_game_summary") {
    add(read_bound(pgs_history_record(), table, row));
  } else if (table.name == "team_offense_game_summary") {
    add(read_bound(togs_history_record(), table, row));
  } else if (table.name == "team_defense_game_summary") {
    add(read_bound(tdgs_history_record(), table, row));
  }
}

Phase3History::Adder Phase3History::adder(const TableSchema& table) {
  if (table.name == "player_game_summary") {
    return Adder(*this, Adder::Kind::kPgs, pgs_history_record().bind(table));
  }
  if (table.name == "team_offense_game_summary") {
    return Adder(*this, Adder::Kind::kTogs, togs_history_record().bind(table));
  }
  if (table.name == "team_defense_game_summary") {
    return Adder(*this, Adder::Kind::kTdgs, tdgs_history_record().bind(table));
  }
  return Adder(*this, Adder::Kind::kNone, RowBinding{});
}

void Phase3History::Adder::operator()(const Row& row) {
  switch (kind_) {
    case Kind::kPgs:
      into_.add(pgs_history_record().read(binding_, row));
      return;
    case Kind::kTogs:
      into_.add(togs_history_record().read(binding_, row));
      return;
    case Kind::kTdgs:
      into_.add(tdgs_history_record().read(binding_, row));
      return;
    case Kind::kNone:
      return;
  }
}

std::vector<bool> Phase3History::columns_read(const TableSchema& table) {
  if (table.name == "player_game_summary") return pgs_history_record().wanted(table);
  if (table.name == "team_offense_game_summary") return togs_history_record().wanted(table);
  if (table.name == "team_defense_game_summary") return tdgs_history_record().wanted(table);
  return std::vector<bool>(table.columns.size(), false);
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

namespace {

template <typename T>
void absorb_lists(std::unordered_map<std::string, std::vector<T>>& into,
                  std::unordered_map<std::string, std::vector<T>>&& from) {
  for (auto& [key, rows] : from) {
    auto& list = into[key];
    if (list.empty()) {
      list = std::move(rows);
    } else {
      list.insert(list.end(), std::make_move_iterator(rows.begin()),
                  std::make_move_iterator(rows.end()));
    }
  }
  from.clear();
}

template <typename T>
void retain_lists(std::unordered_map<std::string, std::vector<T>>& lists,
                  const std::function<bool(Date)>& keep) {
  for (auto it = lists.begin(); it != lists.end();) {
    auto& rows = it->second;
    rows.erase(
        std::remove_if(rows.begin(), rows.end(), [&](const T& r) { return !keep(r.game_date); }),
        rows.end());
    it = rows.empty() ? lists.erase(it) : std::next(it);
  }
}

}  // namespace

void Phase3History::absorb(Phase3History&& other) {
  absorb_lists(pgs_, std::move(other.pgs_));
  absorb_lists(togs_, std::move(other.togs_));
  absorb_lists(tdgs_, std::move(other.tdgs_));
}

void Phase3History::retain(const std::function<bool(Date)>& keep) {
  retain_lists(pgs_, keep);
  retain_lists(togs_, keep);
  retain_lists(tdgs_, keep);
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
