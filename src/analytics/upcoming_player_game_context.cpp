#include "analytics/upcoming_player_game_context.h"

#include <algorithm>
#include <set>
#include <utility>

#include "analytics/completeness_block.h"
#include "analytics/player_context_features.h"
#include "analytics/player_window.h"
#include "analytics/prop_line_consensus.h"
#include "analytics/rules.h"

namespace nbaprops::analytics {
namespace {

Record<RecentPerformance> performance_record() {
  using P = RecentPerformance;
  return Record<P>()
      .dec("points_avg_last_5", &P::points_avg_last_5, 1)
      .dec("points_avg_last_10", &P::points_avg_last_10, 1)
      .dec("points_avg_last_30_days", &P::points_avg_last_30_days, 1)
      .dec("minutes_avg_last_5", &P::minutes_avg_last_5, 1)
      .dec("minutes_avg_last_10", &P::minutes_avg_last_10, 1)
      .dec("minutes_avg_last_30_days", &P::minutes_avg_last_30_days, 1)
      .dec("usage_avg_last_5", &P::usage_avg_last_5, 1)
      .dec("usage_avg_last_10", &P::usage_avg_last_10, 1)
      .dec("usage_avg_last_30_days", &P::usage_avg_last_30_days, 1)
      .dec("points_std_last_5", &P::points_std_last_5, 2)
      .dec("points_std_last_10", &P::points_std_last_10, 2)
      .dec("points_trend_slope", &P::points_trend_slope, 3)
      .field("l5_games_used", &P::l5_games_used)
      .field("l10_games_used", &P::l10_games_used)
      .field("l5_sample_quality", &P::l5_sample_quality)
      .field("l10_sample_quality", &P::l10_sample_quality);
}

Record<Fatigue> fatigue_record() {
  using F = Fatigue;
  return Record<F>()
      .field("days_rest", &F::days_rest)
      .field("back_to_back", &F::back_to_back)
      .field("games_in_last_7_days", &F::games_in_last_7_days)
      .field("games_in_last_14_days", &F::games_in_last_14_days)
      .dec("minutes_in_last_7_days", &F::minutes_in_last_7_days, 1)
      .dec("minutes_in_last_14_days", &F::minutes_in_last_14_days, 1)
      .dec("avg_minutes_per_game_last_7_days", &F::avg_minutes_per_game_last_7_days, 1)
      .dec("avg_usage_rate_last_7_days", &F::avg_usage_rate_last_7_days, 1)
      .field("back_to_backs_last_14_days", &F::back_to_backs_last_14_days)
      .field("days_rest_before_last_game", &F::days_rest_before_last_game)
      .field("days_since_2_plus_days_rest", &F::days_since_2_plus_days_rest);
}

Record<UpcomingPlayerGameContextRow> build_record() {
  using R = UpcomingPlayerGameContextRow;
  Record<R> r;
  r.field("game_date", &R::game_date)
      .field("player_lookup", &R::player_lookup)
      .field("player_id", &R::player_id)
      .append(&R::performance, performance_record())
      .append(&R::fatigue, fatigue_record())
      // prop context
      .dec("current_points_line", &R::current_points_line, 1)
      .dec("opening_points_line", &R::opening_points_line, 1)
      .dec("line_movement", &R::line_movement, 1)
      .field("points_line_bookmaker", &R::points_line_bookmaker)
      .field("points_line_book_count", &R::points_line_book_count)
      .field("has_prop_line", &R::has_prop_line)
      .field("prop_over_streak", &R::prop_over_streak)
      .field("prop_under_streak", &R::prop_under_streak)
      // game context
      .field("game_id", &R::game_id)
      .field("team_abbr", &R::team_abbr)
      .field("opponent_abbr", &R::opponent_abbr)
      .field("home_game", &R::home_game)
      .dec("game_spread", &R::game_spread, 2)
      .dec("opening_spread", &R::opening_spread, 2)
      .dec("spread_movement", &R::spread_movement, 2)
      .dec("game_total", &R::game_total, 2)
      .dec("opening_total", &R::opening_total, 2)
      .dec("total_movement", &R::total_movement, 2)
      .field("travel_miles", &R::travel_miles)
      .field("time_zones_crossed", &R::time_zones_crossed)
      .field("season_phase", &R::season_phase)
      .dec("opponent_pace_last_10", &R::opponent_pace_last_10, 2)
      .dec("opponent_pace_std_last_10", &R::opponent_pace_std_last_10, 2)
      .dec("opponent_off_rating_last_10", &R::opponent_off_rating_last_10, 2)
      .dec("opponent_off_rating_std_last_10", &R::opponent_off_rating_std_last_10, 2)
      .dec("opponent_def_rating_last_10", &R::opponent_def_rating_last_10, 2)
      .dec("opponent_def_rating_std_last_10", &R::opponent_def_rating_std_last_10, 2)
      .dec("opponent_rebounding_rate", &R::opponent_rebounding_rate, 3)
      .dec("opponent_rebounding_rate_std", &R::opponent_rebounding_rate_std, 3)
      .dec("opponent_ft_rate_allowed", &R::opponent_ft_rate_allowed, 2)
      .dec("opponent_ft_rate_allowed_std", &R::opponent_ft_rate_allowed_std, 2)
      .field("opponent_games_used", &R::opponent_games_used)
      .dec("pace_differential", &R::pace_differential, 2)
      // availability
      .field("star_teammates_out", &R::star_teammates_out)
      .field("star_teammates_out_weighted", &R::star_teammates_out_weighted)
      .dec("projected_usage_rate", &R::projected_usage_rate, 1)
      .field("injury_status", &R::injury_status)
      .field("injury_reason", &R::injury_reason)
      .field("player_age", &R::player_age)
      .append(&R::quality, quality_block_record())
      .append(&R::completeness, player_completeness_record())
      .field("processed_at", &R::processed_at, ColumnType::kTs);
  return r;
}

TableSchema build_table() {
  return {"upcoming_player_game_context",
          upcoming_player_game_context_record().columns(),
          {"game_date", "player_lookup"},
          "game_date, player_lookup"};
}

void set_prop(UpcomingPlayerGameContextRow& r, const std::optional<ChosenLine>& line,
              const PlayerWindow& w) {
  if (!line) return;
  // Stored values: movement is the difference of the stored (1-decimal) lines.
  double current = round_half_away(line->closing_line, 1);
  double opening = round_half_away(line->opening_line, 1);
  PropStreaks s = prop_streaks(w.season_rows, line->closing_line);
  r.current_points_line = current;
  r.opening_points_line = opening;
  r.line_movement = current - opening;
  r.points_line_bookmaker = line->bookmaker;
  r.points_line_book_count = line->book_count;
  r.has_prop_line = true;
  r.prop_over_streak = s.over;
  r.prop_under_streak = s.under;
}

}  // namespace

const Record<UpcomingPlayerGameContextRow>& upcoming_player_game_context_record() {
  static const Record<UpcomingPlayerGameContextRow> record = build_record();
  return record;
}

const TableSchema& upcoming_player_game_context_table() {
  static const TableSchema table = build_table();
  return table;
}

UpgcDate::UpgcDate(const RawInputs& in, const Phase3History& history, Date d, RunMode mode,
                   std::span<const UtgcRecord> utgc, const CompletenessResult* completeness)
    : in_(in),
      history_(history),
      d_(d),
      utgc_(utgc),
      bootstrap_(bootstrap_mode(in, d)),
      completeness_(completeness) {
  build_teams();
  build_entities(mode);
}

void UpgcDate::build_teams() {
  for (const Game* g : in_.games_on(d_)) {
    if (g->status == "postponed" || g->status == "cancelled") {
      not_played_.push_back(g);
      continue;
    }
    for (const std::string* t : {&g->home_team, &g->away_team}) {
      if (!teams_.count(*t)) teams_[*t].game = g;  // first game of the team on D
    }
  }
  for (auto& [team, shared] : teams_) {
    shared.utgc = find_team_context(utgc_, team);
    shared.roster = team_roster(in_, history_, team, shared.game, d_);
    shared.own_form = team_form_last_10(history_, team, d_);
    shared.opponent_form = team_form_last_10(history_, shared.game->opponent_of(team), d_);
  }
}

// DAILY team rule: the latest team when it plays on D; with no game this season, his team of
// an earlier season when it plays in his lines' game; else the team of the latest injury
// report for D (before its game's cut-off) when that team plays on D; else, with no game
// this season, his lines' game when only one side fits (team_from_lines_game); else unknown.
std::optional<std::string> UpgcDate::daily_team(const std::string& p) const {
  PlayerWindow w = player_window(history_, p, d_);
  if (w.latest() && teams_.count(w.latest()->team_abbr)) return w.latest()->team_abbr;
  const Game* lines_game = w.latest() ? nullptr : game_of_lines(p);
  if (auto earlier = in_.earlier_team(p);
      lines_game && earlier &&
      (*earlier == lines_game->home_team || *earlier == lines_game->away_team) &&
      teams_.count(*earlier)) {
    return earlier;
  }
  const Injury* best = nullptr;
  for (const Injury* i : in_.injuries(d_, p)) {
    auto it = teams_.find(i->team_abbr);
    if (it == teams_.end() || !(i->report_utc < game_cutoff(*it->second.game).at)) continue;
    if (!best || best->report_utc < i->report_utc ||
        (best->report_utc == i->report_utc &&
         injury_severity(i->status) > injury_severity(best->status))) {
      best = i;
    }
  }
  if (best) return best->team_abbr;
  if (!w.latest()) return team_from_lines_game(p);
  return std::nullopt;
}

// Opening-night rule for a player with no game this season and no other source: of his lines'
// two teams, a side fits when it has played no final game this season before D (had he been
// on a team that has played, its box scores would have shown him). One side fits: that team.
std::optional<std::string> UpgcDate::team_from_lines_game(const std::string& p) const {
  const Game* g = game_of_lines(p);
  if (!g) return std::nullopt;
  std::vector<std::string> fits;
  for (const std::string* team : {&g->away_team, &g->home_team}) {
    bool played = false;
    for (const Game* other : in_.team_games(*team)) {
      played = played || (other->season == g->season && other->game_date < d_ && other->is_final());
    }
    if (!played && teams_.count(*team)) fits.push_back(*team);
  }
  if (fits.size() == 1) return fits.front();
  return std::nullopt;
}

// When his lines name a game that is not played on D: a postponed or cancelled game of D, or
// a game id `..._AWAY_HOME` whose two teams have no game on D at all (the schedule moved it).
std::optional<FailedEntity> UpgcDate::lines_game_not_played(const std::string& p) const {
  auto lines = in_.prop_lines(d_, p);
  if (lines.empty() || game_of_lines(p)) return std::nullopt;
  for (const PropLine* l : lines) {
    for (const Game* g : not_played_) {
      bool named = l->game_id == g->game_id ||
                   l->game_id.ends_with("_" + g->away_team + "_" + g->home_team) ||
                   l->game_id.ends_with("_" + g->home_team + "_" + g->away_team);
      if (!named) continue;
      bool cancelled = g->status == "cancelled";
      return FailedEntity{
          "player", p, cancelled ? "GAME_CANCELLED" : "GAME_POSTPONED",
          "his lines' game " + g->game_id + " on " + format_date(d_) + " has status " + g->status,
          false};
    }
  }
  const std::string& id = lines.front()->game_id;
  size_t second = id.rfind('_');
  size_t first = second == std::string::npos ? std::string::npos : id.rfind('_', second - 1);
  if (first == std::string::npos) return std::nullopt;
  std::string away = id.substr(first + 1, second - first - 1), home = id.substr(second + 1);
  bool plays = false;
  for (const Game* g : in_.games_on(d_)) {
    for (const std::string* t : {&g->home_team, &g->away_team}) {
      plays = plays || *t == away || *t == home;
    }
  }
  if (plays) return std::nullopt;
  return FailedEntity{"player", p, "GAME_POSTPONED",
                      "his lines' game " + id + " (" + away + " at " + home +
                          ") is not on the schedule of " + format_date(d_) + ": postponed or moved",
                      false};
}

// The game played on D that a player's lines name by id or by teams (either order); nullptr
// if none (a postponed or cancelled game is not played).
const Game* UpgcDate::game_of_lines(const std::string& p) const {
  const Game* g = game_of_prop_lines(in_, d_, in_.prop_lines(d_, p));
  if (g && std::find(not_played_.begin(), not_played_.end(), g) != not_played_.end()) {
    return nullptr;
  }
  return g;
}

bool UpgcDate::has_points_line(const std::string& p, const Game* game) const {
  return consensus_points_line(in_.prop_lines(d_, p), game ? game : game_of_lines(p)).has_value();
}

void UpgcDate::build_entities(RunMode mode) {
  std::map<std::string, std::optional<std::string>> set;  // player -> team
  if (mode == RunMode::kBackfill) {
    for (const Game* g : in_.games_on(d_)) {
      for (const PlayerBox* b : in_.game_player_boxes(g->game_id)) {
        if (b->status == "active" || b->status == "dnp") set[b->player_lookup] = b->team_abbr;
      }
    }
  } else {
    Date from{d_.days - 30};
    for (const auto& [team, shared] : teams_) {
      Timestamp cutoff = game_cutoff(*shared.game).at;
      for (const RosterMember& m : shared.roster.members) {
        PlayerWindow w = player_window(history_, m.player_lookup, d_);
        if (w.latest()->game_date < from) continue;  // not recently with the team
        const Injury* i = latest_injury(in_.injuries(d_, m.player_lookup), cutoff);
        if (i && i->status == "out") continue;
        set[m.player_lookup] = team;
      }
    }
  }
  std::map<std::string, FailedEntity> not_played;
  for (const std::string& p : in_.players_with_points_line(d_)) {
    if (set.count(p)) continue;
    if (auto off = lines_game_not_played(p)) {
      not_played.emplace(p, std::move(*off));
      continue;
    }
    auto team = daily_team(p);
    if (has_points_line(p, team ? teams_.at(*team).game : nullptr)) set[p] = team;
  }
  for (auto& [p, off] : not_played) set.try_emplace(p, std::nullopt);
  for (auto& [p, team] : set) {
    const Game* g = team ? teams_.at(*team).game : nullptr;
    auto off = not_played.find(p);
    entities_.push_back(
        {p, team, g, off == not_played.end() ? std::nullopt : std::optional(off->second)});
  }
}

namespace {

void set_game_context(UpcomingPlayerGameContextRow& r, const UpgcEntity& e, const UtgcRecord* u,
                      const TeamForm* own, const TeamForm* opp, Date d) {
  if (!u) return;
  const ConsensusLines& l = u->lines;
  r.game_id = e.game->game_id;
  r.team_abbr = u->team_abbr;
  r.opponent_abbr = u->opponent_abbr;
  r.home_game = u->home_game;
  r.game_spread = l.spread;
  r.opening_spread = l.opening_spread;
  r.spread_movement = l.spread_movement;
  r.game_total = l.total;
  r.opening_total = l.opening_total;
  r.total_movement = l.total_movement;
  r.travel_miles = u->travel_miles;
  r.time_zones_crossed = u->time_zones_crossed;
  r.season_phase = season_phase(e.game->season_type, d);
  r.opponent_pace_last_10 = opp->pace;
  r.opponent_pace_std_last_10 = opp->pace_std;
  r.opponent_off_rating_last_10 = opp->off_rating;
  r.opponent_off_rating_std_last_10 = opp->off_rating_std;
  r.opponent_def_rating_last_10 = opp->def_rating;
  r.opponent_def_rating_std_last_10 = opp->def_rating_std;
  r.opponent_rebounding_rate = opp->rebounding_rate;
  r.opponent_rebounding_rate_std = opp->rebounding_rate_std;
  r.opponent_ft_rate_allowed = opp->ft_rate_allowed;
  r.opponent_ft_rate_allowed_std = opp->ft_rate_allowed_std;
  r.opponent_games_used = opp->games_used;
  if (own->pace && opp->pace) r.pace_differential = *own->pace - *opp->pace;
}

std::string quality_tier(int n) {
  return n >= 10 ? "gold" : n >= 5 ? "silver" : "bronze";
}

}  // namespace

std::variant<Row, FailedEntity> UpgcDate::row(size_t i) const {
  const UpgcEntity& e = entities_[i];
  if (e.not_played) return *e.not_played;
  const TeamShared* team = e.team_abbr ? &teams_.at(*e.team_abbr) : nullptr;
  if (team && !team->utgc) {
    return FailedEntity{"player", e.player_lookup, "MISSING_UPSTREAM",
                        "no upcoming_team_game_context row for " + *e.team_abbr, true};
  }
  PlayerWindow w = player_window(history_, e.player_lookup, d_);
  QualityIssues issues;
  auto line = consensus_points_line(in_.prop_lines(d_, e.player_lookup),
                                    e.game ? e.game : game_of_lines(e.player_lookup));
  const Injury* injury =
      e.game ? latest_injury(in_.injuries(d_, e.player_lookup), game_cutoff(*e.game).at) : nullptr;
  const Player* player = in_.player(e.player_lookup);
  UpcomingPlayerGameContextRow r;
  r.game_date = d_;
  r.player_lookup = e.player_lookup;
  r.player_id = player ? player->player_id : std::nullopt;
  r.performance = recent_performance(w, d_);
  const RecentPerformance& perf = r.performance;
  r.fatigue = fatigue(w, d_);
  set_prop(r, line, w);
  set_game_context(r, e, team ? team->utgc : nullptr, team ? &team->own_form : nullptr,
                   team ? &team->opponent_form : nullptr, d_);
  if (team) {
    LastGames own{perf.l10_games_used, perf.points_avg_last_10, perf.minutes_avg_last_10,
                  perf.usage_avg_last_10};
    Availability a = team_availability(team->roster, e.player_lookup, own);
    r.star_teammates_out = a.star_teammates_out;
    r.star_teammates_out_weighted = a.star_teammates_out_weighted;
    r.projected_usage_rate = a.projected_usage_rate;
  }
  if (injury) {
    r.injury_status = injury->status;
    r.injury_reason = injury->reason;
  }
  r.player_age = player_age(player ? player->birth_date : std::nullopt, d_);
  int n = appearances_last_30_days(w, d_);
  if (n < 3) issues.add("thin_sample");
  if (!team) issues.add("team_unknown");
  if (team && team->utgc->issues.has("no_game_lines")) issues.add("no_game_lines");
  if ((e.game && !e.game->tipoff_utc) || (line && line->tipoff_assumed)) {
    issues.add("tipoff_unknown");
  }
  r.quality = {quality_tier(n), issues.text()};
  const EntityCompleteness* checked =
      completeness_ ? completeness_->player(e.player_lookup) : nullptr;
  r.completeness = player_completeness(checked, bootstrap_);
  return upcoming_player_game_context_record().write(std::move(r));
}

ProcessorOutput upcoming_player_game_context(const RawInputs& in, const Phase3History& history,
                                             Date d, RunMode mode, std::span<const UtgcRecord> utgc,
                                             const CompletenessResult* completeness,
                                             const EntityParallel* parallel) {
  UpgcDate date(in, history, d, mode, utgc, completeness);
  return collect_entities(parallel, date.entities().size(), [&](size_t i) { return date.row(i); });
}

}  // namespace nbaprops::analytics
