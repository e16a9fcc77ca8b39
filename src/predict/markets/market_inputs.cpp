#include "predict/markets/market_inputs.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "analytics/inputs.h"
#include "analytics/player_game_summary.h"
#include "analytics/prop_line_consensus.h"
#include "analytics/rules.h"
#include "raw/schema.h"

namespace nbaprops::predict::markets {
namespace {

// Reads named columns of a table's rows.
class Columns {
 public:
  Columns(const TableSchema& t, std::vector<std::string> names) : wanted_(t.columns.size()) {
    for (const std::string& n : names) {
      auto it = std::find_if(t.columns.begin(), t.columns.end(),
                             [&](const Column& c) { return c.name == n; });
      if (it == t.columns.end()) throw std::logic_error(t.name + " has no column " + n);
      size_t i = static_cast<size_t>(it - t.columns.begin());
      index_[n] = i;
      wanted_[i] = true;
    }
  }
  const std::vector<bool>& wanted() const { return wanted_; }
  // The position of column `n` (one of the names asked for), to read it without a lookup per
  // row: the overloads below take a name or a position.
  size_t index(const std::string& n) const { return index_.at(n); }
  const Value& at(const Row& r, const std::string& n) const { return r[index_.at(n)]; }
  static std::string_view text(const Row& r, size_t i) {
    const auto* s = std::get_if<std::string>(&r[i]);
    return s ? std::string_view(*s) : std::string_view();
  }
  std::string text(const Row& r, const std::string& n) const {
    return std::string(text(r, index_.at(n)));
  }
  static double number(const Row& r, size_t i) {
    const Value& v = r[i];
    if (is_null(v)) return 0;
    if (auto* x = std::get_if<int64_t>(&v)) return static_cast<double>(*x);
    return std::get<double>(v);
  }
  double number(const Row& r, const std::string& n) const { return number(r, index_.at(n)); }
  std::optional<int64_t> integer(const Row& r, const std::string& n) const {
    const Value& v = at(r, n);
    if (is_null(v)) return std::nullopt;
    return std::get<int64_t>(v);
  }
  static Date date(const Row& r, size_t i) {
    auto d = parse_iso_date(text(r, i));
    if (!d) throw std::runtime_error("bad date in a market input row");
    return *d;
  }
  Date date(const Row& r, const std::string& n) const { return date(r, index_.at(n)); }

 private:
  std::vector<bool> wanted_;
  std::unordered_map<std::string, size_t> index_;
};

std::vector<PlayerGame> load_games(Store& store, std::optional<Date> from) {
  const TableSchema& t = analytics::player_game_summary_table();
  Columns c(t, {"game_date", "player_lookup", "team_abbr", "opponent_abbr", "home_game",
                "player_status", "minutes", "pts", "reb", "ast", "fg3m", "fg3a"});
  const size_t date = c.index("game_date"), player = c.index("player_lookup"),
               team = c.index("team_abbr"), opponent = c.index("opponent_abbr"),
               home = c.index("home_game"), status = c.index("player_status"),
               minutes = c.index("minutes"), pts = c.index("pts"), reb = c.index("reb"),
               ast = c.index("ast"), fg3m = c.index("fg3m"), fg3a = c.index("fg3a");
  std::vector<PlayerGame> games;
  std::vector<Condition> where;
  if (from) where.push_back({"game_date", ">=", format_date(*from)});
  store.scan_columns(
      t, c.wanted(), where,
      [&](const Row& r) {
        if (Columns::text(r, status) != "active" || Columns::number(r, minutes) <= 0) return;
        PlayerGame g;
        g.date = Columns::date(r, date);
        g.player = Columns::text(r, player);
        g.team = Columns::text(r, team);
        g.opponent = Columns::text(r, opponent);
        g.home = Columns::number(r, home) != 0;
        g.stats = {Columns::number(r, pts),  Columns::number(r, reb),  Columns::number(r, ast),
                   Columns::number(r, fg3m), Columns::number(r, fg3a), Columns::number(r, minutes)};
        games.push_back(std::move(g));
      },
      /*any_order=*/true);
  auto less = [](const PlayerGame& a, const PlayerGame& b) {
    return std::tie(a.date.days, a.player) < std::tie(b.date.days, b.player);
  };
  // Read in the table's storage order (no walk of the key index with a lookup per row), which
  // is the order the runner wrote the dates in: usually already in order.
  if (!std::is_sorted(games.begin(), games.end(), less)) {
    std::sort(games.begin(), games.end(), less);
  }
  return games;
}

// `where` and, with `dates`, game_date within [first, last].
std::vector<Condition> within(const std::optional<DateRange>& dates,
                              std::vector<Condition> where = {}) {
  if (dates) {
    where.push_back({"game_date", ">=", format_date(dates->first)});
    where.push_back({"game_date", "<=", format_date(dates->second)});
  }
  return where;
}

std::map<PlayerDate, SameDayLine> load_consensus(Store& store, const std::string& market,
                                                 const std::optional<DateRange>& dates) {
  const TableSchema& t = analytics::prop_line_consensus_table();
  Columns c(t, {"game_date", "player_lookup", "market", "consensus_line", "line_movement",
                "books_count", "no_vig_over_prob"});
  const size_t date = c.index("game_date"), player = c.index("player_lookup"),
               line = c.index("consensus_line"), movement = c.index("line_movement"),
               books = c.index("books_count"), no_vig = c.index("no_vig_over_prob");
  const std::vector<Condition> where = within(dates, {{"market", "=", market}});
  std::map<PlayerDate, SameDayLine> out;
  store.scan_columns(t, c.wanted(), where, [&](const Row& r) {
    SameDayLine l{Columns::number(r, line), Columns::number(r, movement),
                  static_cast<int>(Columns::number(r, books)), std::nullopt};
    if (!is_null(r[no_vig])) l.no_vig_over = Columns::number(r, no_vig);
    out[{Columns::date(r, date).days, std::string(Columns::text(r, player))}] = l;
  });
  return out;
}

std::map<PlayerDate, std::vector<Offer>> load_offers(Store& store, const std::string& market,
                                                     const std::optional<DateRange>& dates) {
  const TableSchema& t = *find_table("prop_lines");
  Columns c(t, {"game_date", "player_lookup", "market", "bookmaker", "line", "over_price",
                "under_price", "snapshot_utc", "tipoff_utc"});
  // (player-date, book) -> (snapshot, offer): the latest pre-tip snapshot; at one snapshot the
  // lower line, then the lower over price (the consensus's tie rule).
  std::map<std::pair<PlayerDate, std::string>, std::pair<std::string, Offer>> latest;
  const std::vector<Condition> where = within(dates, {{"market", "=", market}});
  store.scan_columns(t, c.wanted(), where, [&](const Row& r) {
    std::string snap = c.text(r, "snapshot_utc"), tip = c.text(r, "tipoff_utc");
    if (!tip.empty() && snap >= tip) return;
    Offer o{c.text(r, "bookmaker"), c.number(r, "line"), c.integer(r, "over_price"),
            c.integer(r, "under_price")};
    auto key = std::make_pair(PlayerDate{c.date(r, "game_date").days, c.text(r, "player_lookup")},
                              o.bookmaker);
    auto it = latest.find(key);
    if (it != latest.end()) {
      const auto& [s, prev] = it->second;
      auto price = [](const Offer& x) { return x.over_price.value_or(0); };
      if (snap < s || (snap == s && std::make_pair(prev.line, price(prev)) <=
                                        std::make_pair(o.line, price(o)))) {
        return;
      }
    }
    latest[key] = {snap, o};
  });
  std::map<PlayerDate, std::vector<Offer>> out;
  for (auto& [key, value] : latest) out[key.first].push_back(std::move(value.second));
  return out;
}

InjuryReports load_injuries(Store& store, const std::optional<DateRange>& dates) {
  // The cut-off of each team's game of a date.
  std::map<std::pair<int32_t, std::string>, Timestamp> tipoffs;
  const TableSchema& g = *find_table("games");
  Columns gc(g, {"game_date", "home_team", "away_team", "tipoff_utc"});
  store.scan_columns(g, gc.wanted(), within(dates), [&](const Row& r) {
    auto tip = parse_timestamp(gc.text(r, "tipoff_utc"));
    if (!tip) return;
    int32_t d = gc.date(r, "game_date").days;
    tipoffs[{d, gc.text(r, "home_team")}] = *tip;
    tipoffs[{d, gc.text(r, "away_team")}] = *tip;
  });
  auto cutoff = [&](Date d, const std::string& team) {
    auto it = tipoffs.find({d.days, team});
    analytics::Game game;
    game.game_date = d;
    if (it != tipoffs.end()) game.tipoff_utc = it->second;
    return analytics::game_cutoff(game).at;
  };
  // (date, player) -> his rows before their game's cut-off.
  std::map<PlayerDate, std::vector<analytics::Injury>> rows;
  const TableSchema& t = *find_table("injuries");
  Columns c(t, {"report_utc", "game_date", "team_abbr", "player_lookup", "status"});
  store.scan_columns(t, c.wanted(), within(dates), [&](const Row& r) {
    analytics::Injury i;
    auto at = parse_timestamp(c.text(r, "report_utc"));
    if (!at) throw std::runtime_error("bad report_utc in an injuries row");
    i.report_utc = *at;
    i.game_date = c.date(r, "game_date");
    i.team_abbr = c.text(r, "team_abbr");
    i.player_lookup = c.text(r, "player_lookup");
    i.status = c.text(r, "status");
    if (!(i.report_utc < cutoff(i.game_date, i.team_abbr))) return;
    rows[{i.game_date.days, i.player_lookup}].push_back(std::move(i));
  });
  InjuryReports out;
  for (const auto& [key, reports] : rows) {
    std::vector<const analytics::Injury*> ptrs;
    for (const auto& i : reports) ptrs.push_back(&i);
    const analytics::Injury* latest =
        analytics::latest_injury(ptrs, Timestamp{std::numeric_limits<int64_t>::max()});
    out[key.first].push_back({key.second, latest->team_abbr, latest->status});
  }
  return out;
}

}  // namespace

MarketInputs load_market_inputs(Store& store, const MarketDef& market) {
  return load_market_inputs(store, market, load_games(store, std::nullopt));
}

std::vector<PlayerGame> load_market_games(Store& store, std::optional<Date> from) {
  return load_games(store, from);
}

MarketInputs load_market_inputs(Store& store, const MarketDef& market,
                                std::vector<PlayerGame> games) {
  MarketInputs in;
  in.games = std::move(games);
  in.consensus = load_consensus(store, market.id, std::nullopt);
  in.offers = load_offers(store, market.id, std::nullopt);
  in.injuries = load_injuries(store, std::nullopt);
  return in;
}

InjuryReports load_market_injuries(Store& store, std::optional<DateRange> dates) {
  return load_injuries(store, dates);
}

std::map<PlayerDate, std::vector<Offer>> load_market_offers(Store& store, const MarketDef& market,
                                                            std::optional<DateRange> dates) {
  return load_offers(store, market.id, dates);
}

std::map<PlayerDate, SameDayLine> load_market_consensus(Store& store, const MarketDef& market,
                                                        std::optional<DateRange> dates) {
  return load_consensus(store, market.id, dates);
}

namespace {

const std::vector<ReportedStatus>* report_of(const MarketInputs& in, Date d) {
  auto it = in.injuries.find(d.days);
  return it == in.injuries.end() ? nullptr : &it->second;
}

const std::vector<Offer>* offers_of(const MarketInputs& in, Date d, const std::string& player) {
  auto it = in.offers.find({d.days, player});
  return it == in.offers.end() ? nullptr : &it->second;
}

std::optional<SameDayLine> line_of(const MarketInputs& in, Date d, const std::string& player) {
  auto it = in.consensus.find({d.days, player});
  if (it == in.consensus.end()) return std::nullopt;
  return it->second;
}

// Adds one date's games (`games`, all of that date) to the histories of players, teams' games
// and what each team allowed.
void add_date(std::span<const PlayerGame> games, GamesByPlayer& players, GamesByTeam& teams,
              std::map<std::string, std::vector<TeamAllowed>>& allowed) {
  std::map<std::string, GameStats> day_allowed;
  std::map<std::string, std::vector<std::string>> day_players;
  for (const PlayerGame& g : games) {
    players[g.player].push_back(g);
    day_allowed[g.opponent] += g.stats;
    day_players[g.team].push_back(g.player);
  }
  const Date d = games.front().date;
  for (const auto& [team, stats] : day_allowed) allowed[team].push_back({d, stats});
  for (auto& [team, names] : day_players) {
    std::sort(names.begin(), names.end());
    teams[team].push_back({d, std::move(names)});
  }
}

// The rows of the players of one date, with histories of the dates before it.
MarketRow row_of(const MarketDef& market, const MarketInputs& in, Date d, const std::string& player,
                 const std::string& team, bool home, const GamesByPlayer& players,
                 const std::vector<TeamAllowed>& opp, SameDayBuilder& same_day) {
  static const std::vector<PlayerGame> kNone;
  auto mine = players.find(player);
  std::optional<SameDayLine> line = line_of(in, d, player);
  MarketRow row;
  row.date = d;
  row.player = player;
  row.x = market_features(market, d, home, mine == players.end() ? kNone : mine->second, opp, line,
                          same_day.of(player, team, offers_of(in, d, player)));
  if (line) {
    row.line = line->consensus_line;
    row.market_p = line->no_vig_over;
  }
  return row;
}

}  // namespace

std::vector<MarketRow> market_rows(const MarketDef& market, const MarketInputs& in) {
  // Per player, team (its games) and team (allowed), the games in date order, built as the
  // dates advance so that each row sees only earlier dates.
  GamesByPlayer players;
  GamesByTeam teams;
  std::map<std::string, std::vector<TeamAllowed>> allowed;
  std::vector<MarketRow> rows;
  rows.reserve(in.games.size());
  size_t i = 0;
  while (i < in.games.size()) {
    size_t end = i;
    while (end < in.games.size() && in.games[end].date == in.games[i].date) ++end;
    const Date d = in.games[i].date;
    SameDayBuilder same_day(market, d, players, teams, report_of(in, d));
    for (size_t k = i; k < end; ++k) {
      const PlayerGame& g = in.games[k];
      MarketRow row =
          row_of(market, in, d, g.player, g.team, g.home, players, allowed[g.opponent], same_day);
      row.label = static_cast<float>(market.stat(g.stats));
      rows.push_back(std::move(row));
    }
    add_date(std::span(in.games).subspan(i, end - i), players, teams, allowed);
    i = end;
  }
  return rows;
}

std::vector<MarketRow> market_rows_of_date(const MarketDef& market, const MarketInputs& in, Date d,
                                           std::span<const MarketCandidate> candidates) {
  // The games before d (in.games is in date order). Only what the rows read is gathered (a
  // daily run does this once per market): the candidates' teams' last games of d's season,
  // then in one pass the games of the candidates and of the teammates missing or reported,
  // and what each team allowed. market_rows sees the same (tested: the rows are equal).
  auto before = std::span(in.games).first(
      static_cast<size_t>(std::lower_bound(in.games.begin(), in.games.end(), d,
                                           [](const PlayerGame& g, Date x) { return g.date < x; }) -
                          in.games.begin()));
  std::set<std::string> teams_needed;
  for (const MarketCandidate& c : candidates) teams_needed.insert(c.team);
  GamesByTeam teams = last_team_games(before, d, teams_needed);
  // Whose games are read: the candidates', and those of the teammates missing or reported.
  GamesByPlayer players;
  for (const MarketCandidate& c : candidates) players[c.player];
  for (const auto& [team, games] : teams) {
    if (auto missing = missing_from_last_game(games, d)) {
      for (const std::string& p : *missing) players[p];
    }
  }
  if (const auto* report = report_of(in, d)) {
    for (const ReportedStatus& r : *report) players[r.player];
  }
  // What each candidate's opponent allowed, per date (only theirs: the other teams' is unread).
  std::unordered_map<std::string, std::map<int32_t, GameStats>> allowed_by_date;
  for (const MarketCandidate& c : candidates) allowed_by_date[c.opponent];
  for (const PlayerGame& g : before) {
    auto it = players.find(g.player);
    if (it != players.end()) it->second.push_back(g);
    auto allowed = allowed_by_date.find(g.opponent);
    if (allowed != allowed_by_date.end()) allowed->second[g.date.days] += g.stats;
  }
  std::unordered_map<std::string, std::vector<TeamAllowed>> allowed;
  for (const auto& [team, by_date] : allowed_by_date) {
    std::vector<TeamAllowed>& list = allowed[team];
    for (const auto& [days, stats] : by_date) list.push_back({Date{days}, stats});
  }
  SameDayBuilder same_day(market, d, players, teams, report_of(in, d));
  std::vector<MarketRow> rows;
  rows.reserve(candidates.size());
  for (const MarketCandidate& c : candidates) {
    rows.push_back(
        row_of(market, in, d, c.player, c.team, c.home, players, allowed[c.opponent], same_day));
  }
  return rows;
}

}  // namespace nbaprops::predict::markets
