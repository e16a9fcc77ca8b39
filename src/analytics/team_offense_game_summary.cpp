#include "analytics/team_offense_game_summary.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "analytics/box_formulas.h"

namespace nbaprops::analytics {
namespace {

constexpr int kMinPlayersToReconstruct = 5;

TableSchema build_table() {
  return {"team_offense_game_summary",
          team_offense_game_summary_record().columns(),
          {"game_date", "team_abbr"},
          "game_date, team_abbr"};
}

// Active rows of the team with minutes > 0 (the rows a reconstruction sums).
std::vector<const PlayerBox*> appeared_players(const RawInputs& in, const Game& g,
                                               const std::string& team) {
  std::vector<const PlayerBox*> out;
  for (const PlayerBox* b : in.game_player_boxes(g.game_id)) {
    if (b->team_abbr == team && b->appeared()) out.push_back(b);
  }
  return out;
}

// The sum of the team's active players' minutes; NULL when none is known.
std::optional<double> players_minutes(const RawInputs& in, const Game& g, const std::string& team) {
  std::optional<double> sum;
  for (const PlayerBox* b : in.game_player_boxes(g.game_id)) {
    if (b->team_abbr != team || b->status != "active" || !b->minutes) continue;
    sum = sum.value_or(0) + *b->minutes;
  }
  return sum;
}

std::optional<int64_t> rounded_minutes(std::optional<double> m) {
  if (!m || *m <= 0) return std::nullopt;
  return static_cast<int64_t>(round_half_away(*m, 0));
}

// The team's counting stats and minutes from its box score, else summed from its players.
// false when the team has neither (too few players).
bool fill_team_line(const RawInputs& in, const Game& g, TeamOffenseLine& line) {
  if (const TeamBox* box = in.team_box(g.game_id, line.team_abbr)) {
    line.stats = box->stats;
    line.team_minutes =
        box->minutes ? box->minutes : rounded_minutes(players_minutes(in, g, line.team_abbr));
    return true;
  }
  auto players = appeared_players(in, g, line.team_abbr);
  if (players.size() < static_cast<size_t>(kMinPlayersToReconstruct)) return false;
  line.reconstructed = true;
  double minutes = 0;
  for (size_t k = 0; k < kPlusMinus; ++k) line.stats[k] = 0;
  for (const PlayerBox* b : players) {
    minutes += *b->minutes;
    for (size_t k = 0; k < kPlusMinus; ++k) line.stats[k] = plus(line.stats[k], b->stats[k]);
  }
  line.team_minutes = rounded_minutes(minutes);
  return true;
}

FailedEntity no_team_line(const RawInputs& in, const Game& g, const std::string& team) {
  size_t n = appeared_players(in, g, team).size();
  return {"team", team, "MISSING_UPSTREAM",
          "no team box score for game " + g.game_id + " and " + std::to_string(n) +
              " active players with minutes (need " + std::to_string(kMinPlayersToReconstruct) +
              " to reconstruct)",
          true};
}

void add_minutes(TeamOffenseLine& line) {
  if (line.team_minutes) {
    line.overtime_periods = overtime_periods(static_cast<double>(*line.team_minutes));
    line.normalised_minutes = normalised_team_minutes(static_cast<double>(*line.team_minutes));
  } else {
    line.overtime_periods = 0;
    line.normalised_minutes = 240;
    line.issues.add("team_minutes_assumed");
  }
}

void add_ratings(TeamOffenseLine& line) {
  const Stats& s = line.stats;
  line.possessions = possessions(s[kFga], s[kFta], s[kOreb], s[kTov]);
  line.offensive_rating = offensive_rating(s[kPts], line.possessions);
  line.pace = pace(line.possessions, line.normalised_minutes);
  line.ts_pct = true_shooting_pct(s[kPts], s[kFga], s[kFta]);
}

void add_result(TeamOffenseLine& line, const TeamOffenseLine* opponent) {
  line.opponent_pts = opponent ? opponent->stats[kPts] : std::nullopt;
  if (!line.opponent_pts) line.opponent_pts = game_score(*line.game, line.opponent_abbr);
  if (line.reconstructed) line.stats[kPlusMinus] = minus(line.stats[kPts], line.opponent_pts);
  line.margin = minus(line.stats[kPts], line.opponent_pts);
  if (line.margin) line.win_flag = *line.margin > 0;
}

void add_shots(const RawInputs& in, TeamOffenseLine& line) {
  const GameShots& shots = in.game_shots(line.game->game_id);
  auto it = shots.by_team.find(line.team_abbr);
  line.zones = zone_counts(shots, it == shots.by_team.end() ? nullptr : &it->second);
  if (!shots.has_shots) {
    line.issues.add("no_shots");
    return;
  }
  int64_t attempts = 0;
  for (auto a : line.zones.attempts) attempts += *a;
  if (line.stats[kFga] != attempts) line.issues.add("shot_zones_incomplete");
}

// player_totals_mismatch: the team's active player rows exist and their points do not add up.
void check_player_totals(const RawInputs& in, TeamOffenseLine& line) {
  bool any = false;
  int64_t sum = 0;
  for (const PlayerBox* b : in.game_player_boxes(line.game->game_id)) {
    if (b->team_abbr != line.team_abbr || b->status != "active") continue;
    any = true;
    sum += b->stats[kPts].value_or(0);
  }
  if (any && line.stats[kPts] != sum) line.issues.add("player_totals_mismatch");
}

void add_quality(const RawInputs& in, TeamOffenseLine& line) {
  if (line.reconstructed) line.issues.add("reconstructed");
  bool has_shots = in.game_shots(line.game->game_id).has_shots;
  line.quality_tier = (!line.reconstructed && has_shots) ? "gold" : "silver";
}

// The lines of one final game (0, 1 or 2), failures for the teams without one.
void game_lines(const RawInputs& in, const Game& g, TeamOffenseLines& out) {
  std::optional<TeamOffenseLine> lines[2];
  const std::string* teams[2] = {&g.home_team, &g.away_team};
  for (int k = 0; k < 2; ++k) {
    TeamOffenseLine line;
    line.game = &g;
    line.team_abbr = *teams[k];
    line.opponent_abbr = *teams[1 - k];
    line.home_game = k == 0;
    if (fill_team_line(in, g, line)) {
      lines[k] = std::move(line);
    } else {
      out.failed.push_back(no_team_line(in, g, *teams[k]));
    }
  }
  // Opponent points are read before a reconstructed plus_minus is filled (pts only).
  for (int k = 0; k < 2; ++k) {
    if (!lines[k]) continue;
    TeamOffenseLine& line = *lines[k];
    add_minutes(line);
    add_ratings(line);
    add_result(line, lines[1 - k] ? &*lines[1 - k] : nullptr);
    add_shots(in, line);
    check_player_totals(in, line);
    add_quality(in, line);
  }
  for (auto& l : lines) {
    if (l) out.lines.push_back(std::move(*l));
  }
}

Row to_row(const TeamOffenseLine& l) {
  const Game& g = *l.game;
  TeamOffenseGameSummaryRow r;
  r.game_id = g.game_id;
  r.game_date = g.game_date;
  r.season = g.season;
  r.season_type = g.season_type;
  r.team_abbr = l.team_abbr;
  r.opponent_abbr = l.opponent_abbr;
  r.home_game = l.home_game;
  r.stats = l.stats;
  r.team_minutes = l.team_minutes;
  r.overtime_periods = l.overtime_periods;
  r.possessions = l.possessions;
  r.offensive_rating = l.offensive_rating;
  r.pace = l.pace;
  r.ts_pct = l.ts_pct;
  r.opponent_pts = l.opponent_pts;
  r.win_flag = l.win_flag;
  r.margin = l.margin;
  r.zones = l.zones;
  r.points_in_paint = times(2, l.zones.makes[kPaint]);
  r.source = l.reconstructed ? "reconstructed" : "team_box";
  r.quality = {l.quality_tier, l.issues.text()};
  return team_offense_game_summary_record().write(std::move(r));
}

}  // namespace

std::optional<int64_t> game_score(const Game& game, const std::string& team) {
  return team == game.home_team ? game.home_score : game.away_score;
}

void game_not_final(const Game& game, std::vector<FailedEntity>& failed,
                    std::vector<std::string>& pending) {
  if (game.status == "scheduled") {
    pending.push_back(game.game_id);
    return;
  }
  std::string what =
      "game " + game.game_id + " on " + format_date(game.game_date) + " has status " + game.status;
  if (game.status == "postponed" || game.status == "cancelled") {
    failed.push_back({"game", game.game_id,
                      game.status == "postponed" ? "GAME_POSTPONED" : "GAME_CANCELLED",
                      what + ": no summary", false});
    return;
  }
  failed.push_back({"game", game.game_id, "MISSING_UPSTREAM", what + ", not final: skipped", true});
}

const TeamOffenseLine* TeamOffenseLines::find(const std::string& game_id,
                                              const std::string& team) const {
  for (const auto& l : lines) {
    if (l.team_abbr == team && l.game->game_id == game_id) return &l;
  }
  return nullptr;
}

TeamOffenseLines team_offense_lines(const RawInputs& in, Date d) {
  TeamOffenseLines out;
  for (const Game* g : in.games_on(d)) {
    if (!g->is_final()) {
      game_not_final(*g, out.failed, out.pending);
      continue;
    }
    game_lines(in, *g, out);
  }
  std::stable_sort(out.lines.begin(), out.lines.end(), [](const auto& a, const auto& b) {
    return std::tie(a.team_abbr, a.game->game_id) < std::tie(b.team_abbr, b.game->game_id);
  });
  return out;
}

const Record<TeamOffenseGameSummaryRow>& team_offense_game_summary_record() {
  using R = TeamOffenseGameSummaryRow;
  static const Record<R> record = [] {
    Record<R> r;
    r.field("game_id", &R::game_id)
        .field("game_date", &R::game_date)
        .field("season", &R::season)
        .field("season_type", &R::season_type)
        .field("team_abbr", &R::team_abbr)
        .field("opponent_abbr", &R::opponent_abbr)
        .field("home_game", &R::home_game);
    for (size_t k = 0; k < kBoxStats; ++k) r.element(std::string(kBoxStatColumns[k]), &R::stats, k);
    r.field("team_minutes", &R::team_minutes)
        .field("overtime_periods", &R::overtime_periods)
        .nullable()
        .dec("possessions", &R::possessions, 1)
        .dec("offensive_rating", &R::offensive_rating, 2)
        .dec("pace", &R::pace, 1)
        .dec("ts_pct", &R::ts_pct, 3)
        .field("opponent_pts", &R::opponent_pts)
        .field("win_flag", &R::win_flag)
        .field("margin", &R::margin)
        .append(&R::zones, zone_counts_record(""))
        .field("points_in_paint", &R::points_in_paint)
        .field("source", &R::source)
        .append(&R::quality, quality_block_record())
        .field("processed_at", &R::processed_at, ColumnType::kTs);
    return r;
  }();
  return record;
}

const TableSchema& team_offense_game_summary_table() {
  static const TableSchema table = build_table();
  return table;
}

ProcessorOutput team_offense_game_summary(const RawInputs& in, Date d) {
  TeamOffenseLines lines = team_offense_lines(in, d);
  ProcessorOutput out;
  out.rows.reserve(lines.lines.size());
  for (const auto& l : lines.lines) out.rows.push_back(to_row(l));
  out.failed = std::move(lines.failed);
  out.pending = std::move(lines.pending);
  return out;
}

}  // namespace nbaprops::analytics
