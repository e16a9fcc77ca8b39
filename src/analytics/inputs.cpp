#include "analytics/inputs.h"

#include <algorithm>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include "raw/schema.h"

namespace nbaprops::analytics {
namespace {

// Typed reads of one stored cell.
std::string text_of(const Value& v) {
  const auto* p = std::get_if<std::string>(&v);
  return p ? *p : std::string();
}
// The text of a cell by reference (an empty text for NULL), for lookups that copy nothing.
const std::string& text_ref(const Value& v) {
  static const std::string kEmpty;
  const auto* p = std::get_if<std::string>(&v);
  return p ? *p : kEmpty;
}
std::optional<std::string> opt_text_of(const Value& v) {
  const auto* p = std::get_if<std::string>(&v);
  return p ? std::optional<std::string>(*p) : std::nullopt;
}
std::optional<int64_t> int_of(const Value& v) {
  const auto* p = std::get_if<int64_t>(&v);
  return p ? std::optional<int64_t>(*p) : std::nullopt;
}
std::optional<double> dec_of(const Value& v) {
  const auto* p = std::get_if<double>(&v);
  return p ? std::optional<double>(*p) : std::nullopt;
}
std::optional<bool> bool_of(const Value& v) {
  auto x = int_of(v);
  return x ? std::optional<bool>(*x != 0) : std::nullopt;
}
Date date_of(const Value& v) {
  const auto* p = std::get_if<std::string>(&v);
  return *parse_iso_date(p ? std::string_view(*p) : std::string_view());
}

// Typed reads of one stored row by column name (indices resolved once per table).
// REQUIRES: every column name passed has static storage (a literal or a constexpr table):
// names are recognised by their address, which is what makes a cell read cheap.
class Cells {
 public:
  explicit Cells(const char* table) : t_(*find_table(table)) {}
  void bind(const Row& row) { row_ = &row; }
  const Value& v(std::string_view c) const { return (*row_)[index(c)]; }
  std::string s(std::string_view c) const { return text_of(v(c)); }
  std::optional<std::string> os(std::string_view c) const { return opt_text_of(v(c)); }
  std::optional<int64_t> i(std::string_view c) const { return int_of(v(c)); }
  std::optional<double> d(std::string_view c) const { return dec_of(v(c)); }
  std::optional<bool> b(std::string_view c) const { return bool_of(v(c)); }
  Date date(std::string_view c) const { return date_of(v(c)); }
  std::optional<Timestamp> ts(std::string_view c) const {
    const auto* p = std::get_if<std::string>(&v(c));
    return p ? parse_timestamp(*p) : std::nullopt;
  }
  const TableSchema& table() const { return t_; }

 private:
  struct Resolved {
    const char* name;
    size_t size, index;
  };
  // A row is read with the same names in the same order every time: the name after the
  // previous one is tried first, then every name seen, then the schema (once per name).
  size_t index(std::string_view c) const {
    if (next_ < cache_.size() && cache_[next_].name == c.data() && cache_[next_].size == c.size())
      return cache_[next_++].index;
    for (size_t k = 0; k < cache_.size(); ++k) {
      if (cache_[k].name == c.data() && cache_[k].size == c.size()) {
        next_ = k + 1;
        return cache_[k].index;
      }
    }
    size_t i = t_.column_index(c);
    cache_.push_back({c.data(), c.size(), i});
    next_ = cache_.size();
    return i;
  }
  const TableSchema& t_;
  const Row* row_ = nullptr;
  mutable std::vector<Resolved> cache_;
  mutable size_t next_ = 0;
};

// The positions of the box-score columns of a table, resolved once.
std::array<size_t, kBoxStats> stat_columns(const TableSchema& t) {
  std::array<size_t, kBoxStats> out{};
  for (size_t k = 0; k < kBoxStats; ++k) out[k] = t.column_index(kBoxStatColumns[k]);
  return out;
}

Stats read_stats(const Row& row, const std::array<size_t, kBoxStats>& columns) {
  Stats s;
  for (size_t k = 0; k < kBoxStats; ++k) s[k] = int_of(row[columns[k]]);
  return s;
}

std::vector<Condition> date_range(const char* column, Date from, Date to) {
  return {{column, ">=", format_date(from)}, {column, "<=", format_date(to)}};
}

Zone zone_of(const std::string& z) {
  if (z == "paint") return kPaint;
  if (z == "mid_range") return kMidRange;
  return kThree;
}

template <typename K, typename T>
std::span<const T* const> find_span(const std::map<K, std::vector<const T*>>& m, const K& k) {
  auto it = m.find(k);
  if (it == m.end()) return {};
  return it->second;
}

template <typename T>
std::span<const T* const> find_span(const std::unordered_map<std::string, std::vector<const T*>>& m,
                                    const std::string& k) {
  auto it = m.find(k);
  if (it == m.end()) return {};
  return it->second;
}

// The rank of each row's `key` among the distinct keys of `rows` (texts compare as bytes, as
// std::string's operator< does).
template <typename T, typename Key>
std::vector<uint32_t> text_ranks(const std::vector<T>& rows, Key key) {
  std::unordered_map<std::string_view, uint32_t> id;
  std::vector<std::string_view> distinct;
  std::vector<uint32_t> of(rows.size());
  for (size_t k = 0; k < rows.size(); ++k) {
    auto [it, added] = id.try_emplace(key(rows[k]), static_cast<uint32_t>(distinct.size()));
    if (added) distinct.push_back(it->first);
    of[k] = it->second;
  }
  std::vector<uint32_t> order(distinct.size());
  for (uint32_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return distinct[a] < distinct[b]; });
  std::vector<uint32_t> rank(distinct.size());
  for (uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  for (auto& x : of) x = rank[x];
  return of;
}

// Sorts `rows` by (first, second), two text keys that together are unique: each key becomes
// its rank among the distinct values, one sort of 64-bit keys orders the rows, then one move
// a row (comparing the texts in the sort, or sorting the wide rows in place, cost several
// times more).
template <typename T, typename First, typename Second>
void sort_by_text_pair(std::vector<T>& rows, First first, Second second) {
  const auto a = text_ranks(rows, first), b = text_ranks(rows, second);
  std::vector<std::pair<uint64_t, uint32_t>> keyed(rows.size());
  for (uint32_t k = 0; k < keyed.size(); ++k) keyed[k] = {(uint64_t{a[k]} << 32) | b[k], k};
  std::sort(keyed.begin(), keyed.end());
  std::vector<T> sorted;
  sorted.reserve(rows.size());
  for (const auto& [key, k] : keyed) sorted.push_back(std::move(rows[k]));
  rows = std::move(sorted);
}

// The team box scores dated [from, to], in the table's order (game_id, team_abbr). They are
// read in any order (SQLite need not sort them) and sorted here by their key: the same order,
// byte for byte (text compares as bytes).
std::vector<TeamBox> read_team_boxes(Store& store, Date from, Date to) {
  std::vector<TeamBox> out;
  const TableSchema& tt = *find_table("team_boxscores");
  const std::vector<bool> all_team(tt.columns.size(), true);
  const size_t t_game = tt.column_index("game_id"), t_team = tt.column_index("team_abbr"),
               t_opp = tt.column_index("opponent_abbr"), t_home = tt.column_index("is_home"),
               t_minutes = tt.column_index("minutes");
  const auto t_stats = stat_columns(tt);
  store.scan_columns(
      tt, all_team, date_range("game_date", from, to),
      [&](const Row& row) {
        out.push_back({text_of(row[t_game]), text_of(row[t_team]), text_of(row[t_opp]),
                       bool_of(row[t_home]).value_or(false), int_of(row[t_minutes]),
                       read_stats(row, t_stats)});
      },
      /*any_order=*/true);
  sort_by_text_pair(
      out, [](const TeamBox& t) -> std::string_view { return t.game_id; },
      [](const TeamBox& t) -> std::string_view { return t.team_abbr; });
  return out;
}

// The player box scores dated [from, to], in the table's order (game_id, player_lookup), as
// read_team_boxes.
std::vector<PlayerBox> read_player_boxes(Store& store, Date from, Date to) {
  std::vector<PlayerBox> out;
  const TableSchema& pt = *find_table("player_boxscores");
  const std::vector<bool> all_player(pt.columns.size(), true);
  const size_t p_game = pt.column_index("game_id"), p_date = pt.column_index("game_date"),
               p_team = pt.column_index("team_abbr"), p_id = pt.column_index("player_id"),
               p_lookup = pt.column_index("player_lookup"), p_name = pt.column_index("player_name"),
               p_status = pt.column_index("status"), p_dnp = pt.column_index("dnp_reason"),
               p_starter = pt.column_index("starter"), p_minutes = pt.column_index("minutes");
  const auto p_stats = stat_columns(pt);
  store.scan_columns(
      pt, all_player, date_range("game_date", from, to),
      [&](const Row& row) {
        out.push_back({text_of(row[p_game]), date_of(row[p_date]), text_of(row[p_team]),
                       int_of(row[p_id]), text_of(row[p_lookup]), text_of(row[p_name]),
                       text_of(row[p_status]), opt_text_of(row[p_dnp]), bool_of(row[p_starter]),
                       dec_of(row[p_minutes]), read_stats(row, p_stats)});
      },
      /*any_order=*/true);
  sort_by_text_pair(
      out, [](const PlayerBox& b) -> std::string_view { return b.game_id; },
      [](const PlayerBox& b) -> std::string_view { return b.player_lookup; });
  return out;
}

}  // namespace

RawInputs RawInputs::load(Store& store, Date from, Date to, bool with_shots) {
  return load(store, from, to, LoadOptions{.shots = with_shots, .earlier_teams = true});
}

RawInputs RawInputs::load(Store& store, Date from, Date to, LoadOptions options) {
  RawInputs in;
  in.from_ = from;
  in.to_ = to;
  Cells g("games");
  store.scan(g.table(), date_range("game_date", from, to), [&](const Row& row) {
    g.bind(row);
    in.games_.push_back({g.s("game_id"), g.date("game_date"), static_cast<int>(*g.i("season")),
                         g.s("season_type"), g.s("home_team"), g.s("away_team"), g.s("status"),
                         g.ts("tipoff_utc"), g.i("home_score"), g.i("away_score"),
                         g.b("neutral_site")});
  });
  if (options.boxes) {
    in.team_boxes_ = read_team_boxes(store, from, to);
    in.player_boxes_ = read_player_boxes(store, from, to);
  }
  if (options.earlier_teams) in.load_earlier_teams(store);
  if (options.shots) in.set_shots(read_shots(store, from, to));
  in.lines_from_ = to.days < from.days ? from : Date{to.days + 1};  // none loaded yet
  if (options.lines) in.read_lines(store, from);
  if (options.boxes) {
    Cells pr("players");
    store.scan(pr.table(), {}, [&](const Row& row) {
      pr.bind(row);
      auto birth = pr.os("birth_date");
      in.players_.push_back({pr.i("player_id"), pr.s("player_lookup"), pr.s("player_name"),
                             birth ? parse_iso_date(*birth) : std::nullopt});
    });
  }
  in.build_indexes();
  in.index_lines();
  return in;
}

void RawInputs::load_lines(Store& store, Date from) {
  prop_lines_.clear();
  game_lines_.clear();
  injuries_.clear();
  props_by_key_.clear();
  points_players_by_date_.clear();
  lines_by_game_.clear();
  injuries_by_key_.clear();
  injuries_by_date_.clear();
  read_lines(store, from);
  index_lines();
}

void RawInputs::read_lines(Store& store, Date from) {
  lines_from_ = from;
  RawInputs& in = *this;
  Cells pl("prop_lines");
  store.scan(pl.table(), date_range("game_date", from, to_), [&](const Row& row) {
    pl.bind(row);
    in.prop_lines_.push_back({pl.date("game_date"), pl.s("player_lookup"), pl.s("market"),
                              pl.s("bookmaker"), *pl.d("line"), pl.i("over_price"),
                              pl.i("under_price"), *pl.ts("snapshot_utc"), pl.ts("tipoff_utc"),
                              pl.s("game_id")});
  });
  Cells gl("game_lines");
  store.scan(gl.table(), date_range("game_date", from, to_), [&](const Row& row) {
    gl.bind(row);
    in.game_lines_.push_back({gl.s("game_id"), gl.s("bookmaker"), gl.s("market"),
                              gl.os("team_abbr"), *gl.d("line"), gl.i("price"),
                              *gl.ts("snapshot_utc")});
  });
  Cells inj("injuries");
  store.scan(inj.table(), date_range("game_date", from, to_), [&](const Row& row) {
    inj.bind(row);
    in.injuries_.push_back({*inj.ts("report_utc"), inj.date("game_date"), inj.s("team_abbr"),
                            inj.s("player_lookup"), inj.s("status"), inj.os("reason")});
  });
}

void RawInputs::check_lines_loaded(Date d) const {
  // Before from() nothing is loaded, as ever: the answer "none" is what it always was.
  if (from_ <= d && d < lines_from_) {
    throw std::logic_error("RawInputs: lines and injuries of " + format_date(d) +
                           " not loaded (loaded from " + format_date(lines_from_) + ")");
  }
}

void RawInputs::load_earlier_teams(Store& store) {
  // The latest box-score row of each player before from(). Read in any order (no sort): of
  // two rows of the same date the one of the smaller game_id wins, as the first of them in
  // the table's order (game_id, player_lookup) did.
  struct Latest {
    Date date;
    std::string game_id, team;
  };
  std::unordered_map<std::string, Latest> latest;
  const TableSchema& boxes = *find_table("player_boxscores");
  const size_t c_game = boxes.column_index("game_id"), c_date = boxes.column_index("game_date"),
               c_team = boxes.column_index("team_abbr"),
               c_player = boxes.column_index("player_lookup");
  std::vector<bool> wanted(boxes.columns.size(), false);
  for (size_t c : {c_game, c_date, c_team, c_player}) wanted[c] = true;
  store.scan_columns(
      boxes, wanted,
      {{"game_date", ">=", format_date(Date{from_.days - kEarlierTeamDays})},
       {"game_date", "<", format_date(from_)}},
      [&](const Row& row) {
        Date d = date_of(row[c_date]);
        const auto& game_id = std::get<std::string>(row[c_game]);
        auto [it, added] = latest.try_emplace(std::get<std::string>(row[c_player]));
        Latest& l = it->second;
        if (added || l.date < d || (l.date == d && game_id < l.game_id)) {
          l = {d, game_id, std::get<std::string>(row[c_team])};
        }
      },
      /*any_order=*/true);
  earlier_teams_.reserve(latest.size());
  for (auto& [player, l] : latest) earlier_teams_.emplace(player, std::make_pair(l.date, l.team));
}

RawInputs::ShotsByGame RawInputs::read_shots(Store& store, Date from, Date to) {
  ShotsByGame shots;
  const TableSchema& t = *find_table("shots");
  // Counts per game: the order of the rows does not matter, and 7 of the 16 columns do.
  const size_t c_game = t.column_index("game_id"), c_team = t.column_index("team_abbr"),
               c_player = t.column_index("player_lookup"), c_made = t.column_index("made"),
               c_zone = t.column_index("zone"), c_assisted = t.column_index("assisted_by"),
               c_blocked = t.column_index("blocked_by");
  std::vector<bool> wanted(t.columns.size(), false);
  for (size_t c : {c_game, c_team, c_player, c_made, c_zone, c_assisted, c_blocked}) {
    wanted[c] = true;
  }
  // The rows of a game mostly come together: its counts are looked up when the game changes.
  std::string current;
  GameShots* gs = nullptr;
  store.scan_columns(
      t, wanted, date_range("game_date", from, to),
      [&](const Row& row) {
        const std::string& game_id = text_ref(row[c_game]);
        if (!gs || game_id != current) {
          gs = &shots[game_id];
          current = game_id;
        }
        gs->has_shots = true;
        const auto* zone_text = std::get_if<std::string>(&row[c_zone]);
        bool made = bool_of(row[c_made]).value_or(false);
        bool assisted = std::holds_alternative<std::string>(row[c_assisted]);
        const auto* blocked = std::get_if<std::string>(&row[c_blocked]);
        gs->has_assist_data |= assisted;
        gs->has_block_data |= blocked != nullptr;
        if (!zone_text) return;
        Zone z = zone_of(*zone_text);
        const std::string& team = text_ref(row[c_team]);
        for (ShotCounts* c : {&gs->by_player[text_ref(row[c_player])], &gs->by_team[team]}) {
          c->attempts[z] += 1;
          c->makes[z] += made ? 1 : 0;
          if (made) (assisted ? c->assisted_makes : c->unassisted_makes) += 1;
        }
        if (blocked) {
          gs->blocks_by_player[*blocked][z] += 1;
          gs->blocked_by_shooting_team[team][z] += 1;
        }
      },
      /*any_order=*/true);
  return shots;
}

void RawInputs::build_indexes() {
  // Vectors are final now: pointers into them stay valid.
  for (const auto& g : games_) {
    games_by_date_[g.game_date].push_back(&g);
    game_by_id_[g.game_id] = &g;
    games_by_team_[g.home_team].push_back(&g);
    games_by_team_[g.away_team].push_back(&g);
  }
  for (auto& [team, list] : games_by_team_) {
    std::stable_sort(list.begin(), list.end(), [](const Game* a, const Game* b) {
      return std::tie(a->game_date, a->game_id) < std::tie(b->game_date, b->game_id);
    });
  }
  for (const auto& t : team_boxes_) team_box_by_key_[t.game_id + "|" + t.team_abbr] = &t;
  for (const auto& b : player_boxes_) {
    boxes_by_game_[b.game_id].push_back(&b);  // store order: (game_id, player_lookup)
    boxes_by_player_[b.player_lookup].push_back(&b);
  }
  for (auto& [player, list] : boxes_by_player_) {
    std::stable_sort(list.begin(), list.end(), [](const PlayerBox* a, const PlayerBox* b) {
      return std::tie(a->game_date, a->game_id) < std::tie(b->game_date, b->game_id);
    });
  }
  for (const auto& [player, list] : boxes_by_player_) {
    int last_season = -1;
    for (const PlayerBox* b : list) {
      const Game* g = game(b->game_id);
      if (!g || !b->appeared() || season_of(g->game_date) == last_season) continue;
      last_season = season_of(g->game_date);
      first_appearances_.push_back({last_season, g->game_date, &b->player_lookup});
    }
  }
  std::sort(first_appearances_.begin(), first_appearances_.end(),
            [](const FirstAppearance& a, const FirstAppearance& b) {
              return std::tie(a.season, a.game_date, *a.player_lookup) <
                     std::tie(b.season, b.game_date, *b.player_lookup);
            });
  for (const auto& p : players_) player_by_lookup_[p.player_lookup] = &p;
}

void RawInputs::index_lines() {
  for (const auto& l : prop_lines_) {
    props_by_key_[{l.game_date, l.player_lookup}].push_back(&l);
    if (l.market == "points") points_players_by_date_[l.game_date].push_back(l.player_lookup);
  }
  for (auto& [key, list] : props_by_key_) {
    std::stable_sort(list.begin(), list.end(), [](const PropLine* a, const PropLine* b) {
      return a->snapshot_utc < b->snapshot_utc;
    });
  }
  for (auto& [d, list] : points_players_by_date_) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  for (const auto& l : game_lines_) lines_by_game_[l.game_id].push_back(&l);
  for (const auto& i : injuries_) {
    injuries_by_key_[{i.game_date, i.player_lookup}].push_back(&i);
    injuries_by_date_[i.game_date].push_back(&i);
  }
}

std::vector<std::string> RawInputs::players_appeared_before(Date d) const {
  int season = season_of(d);
  std::vector<std::string> out;
  for (const FirstAppearance& f : first_appearances_) {
    if (f.season == season && f.game_date < d) out.push_back(*f.player_lookup);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::span<const Game* const> RawInputs::games_on(Date d) const {
  return find_span(games_by_date_, d);
}

const Game* RawInputs::game(const std::string& id) const {
  auto it = game_by_id_.find(id);
  return it == game_by_id_.end() ? nullptr : it->second;
}

std::span<const Game* const> RawInputs::team_games(const std::string& team) const {
  return find_span(games_by_team_, team);
}

const TeamBox* RawInputs::team_box(const std::string& game_id, const std::string& team) const {
  auto it = team_box_by_key_.find(game_id + "|" + team);
  return it == team_box_by_key_.end() ? nullptr : it->second;
}

std::span<const PlayerBox* const> RawInputs::game_player_boxes(const std::string& game_id) const {
  return find_span(boxes_by_game_, game_id);
}

std::span<const PlayerBox* const> RawInputs::player_boxes(const std::string& lookup) const {
  return find_span(boxes_by_player_, lookup);
}

const GameShots& RawInputs::game_shots(const std::string& game_id) const {
  static const GameShots kNone;
  auto it = shots_.find(game_id);
  return it == shots_.end() ? kNone : it->second;
}

std::span<const PropLine* const> RawInputs::prop_lines(Date d, const std::string& lookup) const {
  check_lines_loaded(d);
  return find_span(props_by_key_, std::make_pair(d, lookup));
}

const std::vector<std::string>& RawInputs::players_with_points_line(Date d) const {
  check_lines_loaded(d);
  static const std::vector<std::string> kNone;
  auto it = points_players_by_date_.find(d);
  return it == points_players_by_date_.end() ? kNone : it->second;
}

std::optional<std::string> RawInputs::earlier_team(const std::string& lookup) const {
  auto it = earlier_teams_.find(lookup);
  if (it == earlier_teams_.end()) return std::nullopt;
  return it->second.second;
}

std::vector<std::string> RawInputs::players_with_lines(Date d) const {
  check_lines_loaded(d);
  std::vector<std::string> out;
  for (auto it = props_by_key_.lower_bound({d, std::string()});
       it != props_by_key_.end() && it->first.first == d; ++it) {
    out.push_back(it->first.second);
  }
  return out;
}

std::span<const GameLine* const> RawInputs::game_lines(const std::string& game_id) const {
  return find_span(lines_by_game_, game_id);
}

std::span<const Injury* const> RawInputs::injuries(Date d, const std::string& lookup) const {
  check_lines_loaded(d);
  return find_span(injuries_by_key_, std::make_pair(d, lookup));
}

std::span<const Injury* const> RawInputs::injuries_on(Date d) const {
  check_lines_loaded(d);
  return find_span(injuries_by_date_, d);
}

const Player* RawInputs::player(const std::string& lookup) const {
  auto it = player_by_lookup_.find(lookup);
  return it == player_by_lookup_.end() ? nullptr : it->second;
}

}  // namespace nbaprops::analytics
