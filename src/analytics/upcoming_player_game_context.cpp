#include "analytics/upcoming_player_game_context.h"

#include <algorithm>
#include <set>

#include "analytics/completeness_block.h"
#include "analytics/player_context_features.h"
#include "analytics/player_window.h"
#include "analytics/prop_line_consensus.h"
#include "analytics/row_builder.h"
#include "analytics/rules.h"

namespace nbaprops::analytics {
namespace {

const std::vector<std::string> kPlayerWindows = {"l5", "l10", "l7d", "l14d", "l30d"};

void add_performance_columns(ColumnList& c) {
  for (const char* stat : {"points", "minutes", "usage"}) {
    for (const char* w : {"last_5", "last_10", "last_30_days"}) {
      c.dec(std::string(stat) + "_avg_" + w, 1);
    }
  }
  c.dec("points_std_last_5", 2).dec("points_std_last_10", 2).dec("points_trend_slope", 3);
  c.integer("l5_games_used", false).integer("l10_games_used", false);
  c.text("l5_sample_quality", false).text("l10_sample_quality", false);
}

void add_fatigue_columns(ColumnList& c) {
  c.integer("days_rest").boolean("back_to_back", false);
  c.integer("games_in_last_7_days", false).integer("games_in_last_14_days", false);
  c.dec("minutes_in_last_7_days", 1, false).dec("minutes_in_last_14_days", 1, false);
  c.dec("avg_minutes_per_game_last_7_days", 1).dec("avg_usage_rate_last_7_days", 1);
  c.integer("back_to_backs_last_14_days", false).integer("days_rest_before_last_game");
  c.integer("days_since_2_plus_days_rest");
}

void add_prop_columns(ColumnList& c) {
  c.dec("current_points_line", 1).dec("opening_points_line", 1).dec("line_movement", 1);
  c.text("points_line_bookmaker").integer("points_line_book_count", false);
  c.boolean("has_prop_line", false).integer("prop_over_streak").integer("prop_under_streak");
}

void add_game_columns(ColumnList& c) {
  c.text("game_id").text("team_abbr").text("opponent_abbr").boolean("home_game");
  for (const char* n : {"game_spread", "opening_spread", "spread_movement", "game_total",
                        "opening_total", "total_movement"}) {
    c.dec(n, 2);
  }
  c.integer("travel_miles").integer("time_zones_crossed").text("season_phase");
  c.dec("opponent_pace_last_10", 2).dec("opponent_pace_std_last_10", 2);
  c.dec("opponent_off_rating_last_10", 2).dec("opponent_off_rating_std_last_10", 2);
  c.dec("opponent_def_rating_last_10", 2).dec("opponent_def_rating_std_last_10", 2);
  c.dec("opponent_rebounding_rate", 3).dec("opponent_rebounding_rate_std", 3);
  c.dec("opponent_ft_rate_allowed", 2).dec("opponent_ft_rate_allowed_std", 2);
  c.integer("opponent_games_used").dec("pace_differential", 2);
}

void add_availability_columns(ColumnList& c) {
  c.integer("star_teammates_out").integer("star_teammates_out_weighted");
  c.dec("projected_usage_rate", 1).text("injury_status").text("injury_reason");
  c.integer("player_age");
}

TableSchema build_table() {
  ColumnList c;
  c.date("game_date", false).text("player_lookup", false).integer("player_id");
  add_performance_columns(c);
  add_fatigue_columns(c);
  add_prop_columns(c);
  add_game_columns(c);
  add_availability_columns(c);
  c.text("quality_tier", false).text("quality_issues", false);
  add_completeness_columns(c, kPlayerWindows);
  c.ts("processed_at");
  return {"upcoming_player_game_context",
          c.take(),
          {"game_date", "player_lookup"},
          "game_date, player_lookup"};
}

void put_performance(RowBuilder& b, const RecentPerformance& p) {
  b.dec(p.points_avg_last_5, 1).dec(p.points_avg_last_10, 1).dec(p.points_avg_last_30_days, 1);
  b.dec(p.minutes_avg_last_5, 1).dec(p.minutes_avg_last_10, 1);
  b.dec(p.minutes_avg_last_30_days, 1);
  b.dec(p.usage_avg_last_5, 1).dec(p.usage_avg_last_10, 1).dec(p.usage_avg_last_30_days, 1);
  b.dec(p.points_std_last_5, 2).dec(p.points_std_last_10, 2).dec(p.points_trend_slope, 3);
  b.integer(p.l5_games_used).integer(p.l10_games_used);
  b.text(p.l5_sample_quality).text(p.l10_sample_quality);
}

void put_fatigue(RowBuilder& b, const Fatigue& f) {
  b.integer(f.days_rest).boolean(f.back_to_back);
  b.integer(f.games_in_last_7_days).integer(f.games_in_last_14_days);
  b.dec(f.minutes_in_last_7_days, 1).dec(f.minutes_in_last_14_days, 1);
  b.dec(f.avg_minutes_per_game_last_7_days, 1).dec(f.avg_usage_rate_last_7_days, 1);
  b.integer(f.back_to_backs_last_14_days).integer(f.days_rest_before_last_game);
  b.integer(f.days_since_2_plus_days_rest);
}

void put_prop(RowBuilder& b, const std::optional<ChosenLine>& line, const PlayerWindow& w) {
  if (!line) {
    b.null().null().null().null().integer(0).boolean(false).null().null();
    return;
  }
  // Stored values: movement is the difference of the stored (1-decimal) lines.
  double current = round_half_away(line->closing_line, 1);
  double opening = round_half_away(line->opening_line, 1);
  PropStreaks s = prop_streaks(w.season_rows, line->closing_line);
  b.dec(current, 1).dec(opening, 1).dec(current - opening, 1).text(line->bookmaker);
  b.integer(line->book_count).boolean(true).integer(s.over).integer(s.under);
}

}  // namespace

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

void put_game_context(RowBuilder& b, const UpgcEntity& e, const UtgcRecord* u, const TeamForm* own,
                      const TeamForm* opp, Date d) {
  if (!u) {
    for (int i = 0; i < 4 + 6 + 3 + 10 + 2; ++i) b.null();
    return;
  }
  const ConsensusLines& l = u->lines;
  b.text(e.game->game_id).text(u->team_abbr).text(u->opponent_abbr).boolean(u->home_game);
  b.dec(l.spread, 2).dec(l.opening_spread, 2).dec(l.spread_movement, 2);
  b.dec(l.total, 2).dec(l.opening_total, 2).dec(l.total_movement, 2);
  b.integer(u->travel_miles).integer(u->time_zones_crossed);
  b.text(season_phase(e.game->season_type, d));
  b.dec(opp->pace, 2).dec(opp->pace_std, 2).dec(opp->off_rating, 2).dec(opp->off_rating_std, 2);
  b.dec(opp->def_rating, 2).dec(opp->def_rating_std, 2);
  b.dec(opp->rebounding_rate, 3).dec(opp->rebounding_rate_std, 3);
  b.dec(opp->ft_rate_allowed, 2).dec(opp->ft_rate_allowed_std, 2);
  b.integer(opp->games_used);
  std::optional<double> diff;
  if (own->pace && opp->pace) diff = *own->pace - *opp->pace;
  b.dec(diff, 2);
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
  RowBuilder b(upcoming_player_game_context_table().columns.size());
  b.date(d_).text(e.player_lookup).integer(player ? player->player_id : std::nullopt);
  RecentPerformance perf = recent_performance(w, d_);
  put_performance(b, perf);
  put_fatigue(b, fatigue(w, d_));
  put_prop(b, line, w);
  put_game_context(b, e, team ? team->utgc : nullptr, team ? &team->own_form : nullptr,
                   team ? &team->opponent_form : nullptr, d_);
  if (team) {
    LastGames own{perf.l10_games_used, perf.points_avg_last_10, perf.minutes_avg_last_10,
                  perf.usage_avg_last_10};
    Availability a = team_availability(team->roster, e.player_lookup, own);
    b.integer(a.star_teammates_out).integer(a.star_teammates_out_weighted);
    b.dec(a.projected_usage_rate, 1);
  } else {
    b.null().null().null();
  }
  b.text(injury ? std::optional<std::string>(injury->status) : std::nullopt);
  b.text(injury ? injury->reason : std::nullopt);
  b.integer(player_age(player ? player->birth_date : std::nullopt, d_));
  int n = appearances_last_30_days(w, d_);
  if (n < 3) issues.add("thin_sample");
  if (!team) issues.add("team_unknown");
  if (team && team->utgc->issues.has("no_game_lines")) issues.add("no_game_lines");
  if ((e.game && !e.game->tipoff_utc) || (line && line->tipoff_assumed)) {
    issues.add("tipoff_unknown");
  }
  b.text(quality_tier(n)).text(issues.text());
  const EntityCompleteness* checked =
      completeness_ ? completeness_->player(e.player_lookup) : nullptr;
  if (checked) {
    add_checked_completeness(b, *checked, bootstrap_);
  } else {
    add_unchecked_completeness(b, kPlayerWindows.size(), bootstrap_);
  }
  b.null();  // processed_at: the writer fills it
  return b.take();
}

ProcessorOutput upcoming_player_game_context(const RawInputs& in, const Phase3History& history,
                                             Date d, RunMode mode, std::span<const UtgcRecord> utgc,
                                             const CompletenessResult* completeness,
                                             const EntityParallel* parallel) {
  UpgcDate date(in, history, d, mode, utgc, completeness);
  return collect_entities(parallel, date.entities().size(), [&](size_t i) { return date.row(i); });
}

}  // namespace nbaprops::analytics
