#include "analytics/upcoming_team_game_context.h"

#include <algorithm>
#include <set>

#include "analytics/completeness_block.h"
#include "analytics/player_window.h"
#include "analytics/travel.h"

namespace nbaprops::analytics {
namespace {

Record<ConsensusLines> consensus_lines_record() {
  using C = ConsensusLines;
  return Record<C>()
      .dec("game_spread", &C::spread, 2)
      .dec("opening_spread", &C::opening_spread, 2)
      .dec("spread_movement", &C::spread_movement, 2)
      .dec("game_total", &C::total, 2)
      .dec("opening_total", &C::opening_total, 2)
      .dec("total_movement", &C::total_movement, 2)
      .field("spread_books", &C::spread_books)
      .field("total_books", &C::total_books);
}

TableSchema build_table() {
  return {"upcoming_team_game_context",
          upcoming_team_game_context_record().columns(),
          {"game_date", "team_abbr"},
          "game_date, team_abbr"};
}

// Own and opponent points of a final game for `team`; nullopt when a score is missing.
std::optional<std::pair<int64_t, int64_t>> score_for(const Game& g, const std::string& team) {
  if (!g.home_score || !g.away_score) return std::nullopt;
  bool home = g.home_team == team;
  return std::make_pair(home ? *g.home_score : *g.away_score, home ? *g.away_score : *g.home_score);
}

// The team's prior games (final, same season, before D), newest first.
std::vector<const Game*> prior_games(const RawInputs& in, const Game& game, const std::string& team,
                                     Date d, QualityIssues& issues) {
  std::vector<const Game*> out;
  for (const Game* g : in.team_games(team)) {
    if (g->season != game.season || !(g->game_date < d)) continue;
    if (g->is_final()) {
      out.push_back(g);
    } else {
      issues.add("prior_game_not_final");
    }
  }
  std::reverse(out.begin(), out.end());
  return out;
}

void fill_schedule(UtgcRecord& r, const std::vector<const Game*>& prior, Date d) {
  r.game_number_in_season = 1 + static_cast<int64_t>(prior.size());
  for (const Game* g : prior) {
    int ago = d.days - g->game_date.days;
    if (ago <= 7) ++r.games_in_last_7_days;
    if (ago <= 14) ++r.games_in_last_14_days;
  }
  if (prior.empty()) return;
  r.days_since_last_game = d.days - prior.front()->game_date.days;
  r.team_days_rest = *r.days_since_last_game - 1;
  r.is_back_to_back = *r.team_days_rest == 0;
}

void fill_results(UtgcRecord& r, const std::vector<const Game*>& prior) {
  for (const Game* g : prior) {
    auto s = score_for(*g, r.team_abbr);
    if (!s || s->first == s->second) break;  // unknown result: the walk stops
    bool win = s->first > s->second;
    if (win && r.loss_streak_entering == 0) {
      ++r.win_streak_entering;
    } else if (!win && r.win_streak_entering == 0) {
      ++r.loss_streak_entering;
    } else {
      break;
    }
  }
  if (prior.empty()) return;
  if (auto s = score_for(*prior.front(), r.team_abbr)) {
    r.last_game_margin = s->first - s->second;
    if (s->first != s->second) r.last_game_result = s->first > s->second ? "W" : "L";
  }
}

void fill_travel(UtgcRecord& r, const std::vector<const Game*>& prior) {
  const Game& g = *r.game;
  const Game* last = prior.empty() ? nullptr : prior.front();
  if (g.neutral_site.value_or(false) || (last && last->neutral_site.value_or(false))) {
    r.issues.add("neutral_site");
    return;
  }
  const std::string& from = last ? last->home_team : r.team_abbr;
  if (auto t = travel_between(from, g.home_team, game_cutoff(g).at)) {
    r.travel_miles = t->miles;
    r.time_zones_crossed = t->zones_crossed;
  }
}

ConsensusLines rounded(ConsensusLines c) {
  for (auto* v : {&c.spread, &c.opening_spread, &c.spread_movement, &c.total, &c.opening_total,
                  &c.total_movement}) {
    if (*v) *v = round_half_away(**v, 2);
  }
  return c;
}

void fill_injuries(UtgcRecord& r, const RawInputs& in, const Phase3History& history, Date d) {
  Timestamp cutoff = game_cutoff(*r.game).at;
  std::set<std::string> players;
  for (const Injury* i : in.injuries_on(d)) {
    if (i->team_abbr == r.team_abbr) players.insert(i->player_lookup);
  }
  for (const std::string& p : players) {
    const Injury* latest = latest_injury(in.injuries(d, p), cutoff);
    if (!latest || latest->team_abbr != r.team_abbr) continue;
    if (latest->status == "out") {
      ++r.players_out_count;
      if (is_regular_starter(history, p, r.team_abbr, d)) ++r.starters_out_count;
    } else if (latest->status == "doubtful") {
      ++r.doubtful_count;
    } else if (latest->status == "questionable") {
      ++r.questionable_count;
    }
  }
}

UtgcRecord team_view(const RawInputs& in, const Phase3History& history, const Game& game, bool home,
                     Date d, bool bootstrap) {
  UtgcRecord r;
  r.game = &game;
  r.game_id = game.game_id;
  r.game_date = d;
  r.season = game.season;
  r.season_type = game.season_type;
  r.neutral_site = game.neutral_site;
  r.home_game = home;
  r.team_abbr = home ? game.home_team : game.away_team;
  r.opponent_abbr = game.opponent_of(r.team_abbr);
  r.completeness = team_completeness(nullptr, bootstrap);
  if (!game.tipoff_utc) r.issues.add("tipoff_unknown");
  auto prior = prior_games(in, game, r.team_abbr, d, r.issues);
  fill_schedule(r, prior, d);
  fill_results(r, prior);
  fill_travel(r, prior);
  r.lines = rounded(consensus_lines(in.game_lines(game.game_id), r.team_abbr, r.opponent_abbr,
                                    game_cutoff(game).at));
  if (!r.lines.has_lines()) r.issues.add("no_game_lines");
  fill_injuries(r, in, history, d);
  return r;
}

// The quality columns, once every issue is known.
void fill_quality(UtgcRecord& r) {
  r.quality = {r.lines.has_lines() ? "gold" : "silver", r.issues.text()};
}

}  // namespace

const Record<UtgcRecord>& upcoming_team_game_context_record() {
  using R = UtgcRecord;
  static const Record<R> record = Record<R>()
                                      .field("game_id", &R::game_id)
                                      .field("game_date", &R::game_date)
                                      .field("season", &R::season)
                                      .field("season_type", &R::season_type)
                                      .field("team_abbr", &R::team_abbr)
                                      .field("opponent_abbr", &R::opponent_abbr)
                                      .field("home_game", &R::home_game)
                                      .field("neutral_site", &R::neutral_site)
                                      .field("days_since_last_game", &R::days_since_last_game)
                                      .field("team_days_rest", &R::team_days_rest)
                                      .field("is_back_to_back", &R::is_back_to_back)
                                      .field("games_in_last_7_days", &R::games_in_last_7_days)
                                      .field("games_in_last_14_days", &R::games_in_last_14_days)
                                      .field("game_number_in_season", &R::game_number_in_season)
                                      .field("win_streak_entering", &R::win_streak_entering)
                                      .field("loss_streak_entering", &R::loss_streak_entering)
                                      .field("last_game_result", &R::last_game_result)
                                      .field("last_game_margin", &R::last_game_margin)
                                      .field("travel_miles", &R::travel_miles)
                                      .field("time_zones_crossed", &R::time_zones_crossed)
                                      .append(&R::lines, consensus_lines_record())
                                      .field("players_out_count", &R::players_out_count)
                                      .field("doubtful_count", &R::doubtful_count)
                                      .field("questionable_count", &R::questionable_count)
                                      .field("starters_out_count", &R::starters_out_count)
                                      .field("opponent_days_rest", &R::opponent_days_rest)
                                      .field("rest_advantage", &R::rest_advantage)
                                      .append(&R::quality, quality_block_record())
                                      .append(&R::completeness, team_completeness_record())
                                      .field("processed_at", &R::processed_at, ColumnType::kTs);
  return record;
}

const TableSchema& upcoming_team_game_context_table() {
  static const TableSchema table = build_table();
  return table;
}

bool is_regular_starter(const Phase3History& history, const std::string& player_lookup,
                        const std::string& team, Date d) {
  PlayerWindow w = player_window(history, player_lookup, d);
  if (!w.latest() || w.latest()->team_abbr != team) return false;
  size_t n = std::min<size_t>(10, w.appearances.size());
  size_t starts = 0;
  for (size_t i = 0; i < n; ++i) starts += w.appearances[i]->starter_flag.value_or(false) ? 1 : 0;
  return n > 0 && 2 * starts >= n;
}

std::vector<UtgcRecord> team_game_contexts(const RawInputs& in, const Phase3History& history,
                                           Date d, const CompletenessResult* completeness) {
  bool bootstrap = bootstrap_mode(in, d);
  std::vector<UtgcRecord> out;
  for (const Game* g : in.games_on(d)) {
    UtgcRecord home = team_view(in, history, *g, true, d, bootstrap);
    UtgcRecord away = team_view(in, history, *g, false, d, bootstrap);
    home.opponent_days_rest = away.team_days_rest;
    away.opponent_days_rest = home.team_days_rest;
    for (UtgcRecord* r : {&home, &away}) {
      if (const auto* c = completeness ? completeness->team(r->team_abbr) : nullptr) {
        r->completeness = team_completeness(c, bootstrap);
      }
      if (r->team_days_rest && r->opponent_days_rest) {
        r->rest_advantage = *r->team_days_rest - *r->opponent_days_rest;
      }
      fill_quality(*r);
    }
    out.push_back(std::move(home));
    out.push_back(std::move(away));
  }
  std::stable_sort(out.begin(), out.end(), [](const UtgcRecord& a, const UtgcRecord& b) {
    return a.team_abbr < b.team_abbr;
  });
  return out;
}

Row utgc_row(const UtgcRecord& r) {
  return upcoming_team_game_context_record().write(r);
}

ProcessorOutput upcoming_team_game_context(const RawInputs& in, const Phase3History& history,
                                           Date d) {
  ProcessorOutput out;
  for (const UtgcRecord& r : team_game_contexts(in, history, d)) out.rows.push_back(utgc_row(r));
  return out;
}

const UtgcRecord* find_team_context(std::span<const UtgcRecord> records, const std::string& team) {
  auto it =
      std::lower_bound(records.begin(), records.end(), team,
                       [](const UtgcRecord& r, const std::string& t) { return r.team_abbr < t; });
  return it != records.end() && it->team_abbr == team ? &*it : nullptr;
}

}  // namespace nbaprops::analytics
