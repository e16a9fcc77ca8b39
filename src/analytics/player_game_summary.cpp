#include "analytics/player_game_summary.h"

#include <algorithm>
#include <cstdlib>
#include <tuple>
#include <utility>

#include "analytics/box_formulas.h"
#include "analytics/prop_line_consensus.h"
#include "analytics/rules.h"
#include "analytics/summary_rows.h"
#include "analytics/team_offense_game_summary.h"

namespace nbaprops::analytics {
namespace {

constexpr double kMaxMinutes = 80, kStarterProxyMinutes = 24, kMaxUsage = 100;
constexpr int64_t kMaxPoints = 100, kMaxPlusMinus = 80;

TableSchema build_table() {
  return {"player_game_summary",
          player_game_summary_record().columns(),
          {"game_date", "player_lookup"},
          "game_date, player_lookup"};
}

// The box-score values of a row after the range checks of §1 (all NULL unless active).
struct CheckedBox {
  std::optional<double> minutes;
  Stats stats;
};

void set_null(Stats& s, BoxStat k, QualityIssues& issues) {
  s[k] = std::nullopt;
  issues.add("out_of_range:" + std::string(kBoxStatColumns[k]));
}

void check_single_values(CheckedBox& c, QualityIssues& issues) {
  if (c.minutes && (*c.minutes < 0 || *c.minutes > kMaxMinutes)) {
    c.minutes = std::nullopt;
    issues.add("out_of_range:minutes");
  }
  Stats& s = c.stats;
  for (size_t k = 0; k < kPlusMinus; ++k) {
    if (s[k] && *s[k] < 0) set_null(s, static_cast<BoxStat>(k), issues);
  }
  if (s[kPts] && *s[kPts] > kMaxPoints) set_null(s, kPts, issues);
  if (s[kPlusMinus] && std::llabs(*s[kPlusMinus]) > kMaxPlusMinus) {
    set_null(s, kPlusMinus, issues);
  }
}

// Pairs (smaller, larger) judged on the values before any pair is cleared; a broken pair
// makes both members NULL. Then reb = oreb + dreb, else reb NULL.
void check_pairs(CheckedBox& c, QualityIssues& issues) {
  static constexpr std::pair<BoxStat, BoxStat> kPairs[] = {
      {kFgm, kFga}, {kFg3m, kFg3a}, {kFtm, kFta}, {kFg3a, kFga}, {kFg3m, kFgm}};
  Stats& s = c.stats;
  std::vector<BoxStat> broken;
  for (auto [lo, hi] : kPairs) {
    if (s[lo] && s[hi] && *s[lo] > *s[hi]) {
      broken.push_back(lo);
      broken.push_back(hi);
    }
  }
  for (BoxStat k : broken) set_null(s, k, issues);
  if (s[kReb] && s[kOreb] && s[kDreb] && *s[kReb] != *s[kOreb] + *s[kDreb]) {
    set_null(s, kReb, issues);
  }
}

CheckedBox checked_box(const PlayerBox& b, QualityIssues& issues) {
  CheckedBox c;
  if (b.status != "active") return c;
  c.minutes = b.minutes;
  c.stats = b.stats;
  check_single_values(c, issues);
  check_pairs(c, issues);
  return c;
}

// What the row reads from its game beyond the box-score row.
struct GameContext {
  const RawInputs& in;
  Date d;
  const Game& game;
  const TeamOffenseLines& togs;
};

struct TeamTotals {
  const TeamOffenseLine* own = nullptr;
  std::optional<int64_t> team_pts, opponent_pts;
};

TeamTotals team_totals(const GameContext& ctx, const std::string& team) {
  TeamTotals t;
  const std::string& opponent = ctx.game.opponent_of(team);
  t.own = ctx.togs.find(ctx.game.game_id, team);
  const TeamOffenseLine* opp = ctx.togs.find(ctx.game.game_id, opponent);
  t.team_pts = t.own ? t.own->stats[kPts] : std::nullopt;
  if (!t.team_pts) t.team_pts = game_score(ctx.game, team);
  t.opponent_pts = opp ? opp->stats[kPts] : std::nullopt;
  if (!t.opponent_pts) t.opponent_pts = game_score(ctx.game, opponent);
  return t;
}

std::optional<double> checked_usage(const CheckedBox& c, const TeamOffenseLine* team,
                                    QualityIssues& issues) {
  if (!team) return std::nullopt;
  const Stats& s = c.stats;
  auto u = usage_rate({s[kFga], s[kFta], s[kTov], c.minutes, team->stats[kFga], team->stats[kFta],
                       team->stats[kTov], team->normalised_minutes});
  if (u && *u > kMaxUsage) {
    issues.add("out_of_range:usage_rate");
    return std::nullopt;
  }
  return u;
}

void set_starter(PlayerGameSummaryRow& r, const PlayerBox& b, bool is_dnp) {
  bool from_box = b.starter.has_value();
  bool flag = from_box ? *b.starter : (b.minutes && *b.minutes >= kStarterProxyMinutes);
  r.starter_flag = flag && !is_dnp;
  r.starter_source = from_box ? "box" : "minutes_proxy";
}

template <typename Map>
auto find_or_null(const Map& m, const std::string& key) -> decltype(&m.begin()->second) {
  auto it = m.find(key);
  return it == m.end() ? nullptr : &it->second;
}

// Zone, assist and block columns (NULL unless active), then has_complete_shot_zones.
void set_shot_columns(PlayerGameSummaryRow& r, const GameShots& shots, const PlayerBox& b,
                      const CheckedBox& c, bool is_dnp, QualityIssues& issues) {
  bool active = b.status == "active";
  const ShotCounts* mine = find_or_null(shots.by_player, b.player_lookup);
  r.zones = active ? zone_counts(shots, mine) : ZoneCounts{};
  if (active && shots.has_assist_data) {
    r.assisted_makes = mine ? mine->assisted_makes : 0;
    r.unassisted_makes = mine ? mine->unassisted_makes : 0;
  }
  const auto* blocks = find_or_null(shots.blocks_by_player, b.player_lookup);
  if (active && shots.has_block_data) {
    for (size_t k = 0; k < kZoneCount; ++k) r.blocks[k] = blocks ? (*blocks)[k] : 0;
  }
  bool complete = false;
  if (shots.has_shots && !is_dnp && c.stats[kFga]) {
    int64_t attempts = 0;
    for (auto a : r.zones.attempts) attempts += a.value_or(0);
    complete = attempts == *c.stats[kFga];
    if (!complete) issues.add("shot_zones_incomplete");
  }
  r.has_complete_shot_zones = complete;
}

// points_line ... margin (§0 "Prop line of a player for a game").
void set_prop_columns(PlayerGameSummaryRow& r, const GameContext& ctx, const PlayerBox& b,
                      std::optional<int64_t> pts, bool is_dnp, QualityIssues& issues) {
  auto lines = ctx.in.prop_lines(ctx.d, b.player_lookup);
  for (const PropLine* l : lines) {
    if (l->market == "points" && !ctx.game.tipoff_utc && !l->tipoff_utc) {
      issues.add("tipoff_unknown");
    }
  }
  auto chosen = consensus_points_line(lines, &ctx.game);
  if (!chosen) return;
  r.points_line = chosen->closing_line;
  r.opening_line = chosen->opening_line;
  r.line_movement = chosen->closing_line - chosen->opening_line;
  r.points_line_bookmaker = chosen->bookmaker;
  r.over_price = chosen->over_price;
  r.under_price = chosen->under_price;
  if (is_dnp || !pts) return;
  double margin = static_cast<double>(*pts) - chosen->closing_line;
  r.over_under_result = margin > 0 ? "OVER" : margin < 0 ? "UNDER" : "PUSH";
  r.margin = margin;
}

void set_identity(PlayerGameSummaryRow& r, const Game& g, const PlayerBox& b) {
  r.game_id = g.game_id;
  r.game_date = g.game_date;
  r.season = g.season;
  r.season_type = g.season_type;
  r.player_lookup = b.player_lookup;
  r.player_id = b.player_id;
  r.player_name = b.player_name;
  r.team_abbr = b.team_abbr;
  r.opponent_abbr = g.opponent_of(b.team_abbr);
  r.home_game = b.team_abbr == g.home_team;
}

void set_status(PlayerGameSummaryRow& r, const PlayerBox& b, bool is_dnp) {
  bool active = b.status == "active";
  r.player_status = b.status;
  r.is_dnp = is_dnp;
  if (!active) {
    r.dnp_reason = b.dnp_reason;
    r.dnp_reason_category = dnp_reason_category(b.dnp_reason);
  }
}

std::string add_team_quality(const TeamTotals& t, bool has_shots, QualityIssues& issues) {
  if (!has_shots) issues.add("no_shots");
  if (!t.own) {
    issues.add("no_team_totals");
    return "bronze";
  }
  if (t.own->reconstructed) issues.add("team_totals_reconstructed");
  return has_shots ? "gold" : "silver";
}

Row pgs_row(const GameContext& ctx, const PlayerBox& b) {
  QualityIssues issues;
  const Game& g = ctx.game;
  const GameShots& shots = ctx.in.game_shots(g.game_id);
  bool is_dnp = b.status != "active" || !b.minutes || *b.minutes == 0;
  CheckedBox c = checked_box(b, issues);
  TeamTotals team = team_totals(ctx, b.team_abbr);
  const Stats& s = c.stats;
  PlayerGameSummaryRow r;
  set_identity(r, g, b);
  set_status(r, b, is_dnp);
  r.minutes = c.minutes;
  r.stats = s;
  r.usage_rate = checked_usage(c, team.own, issues);
  r.ts_pct = true_shooting_pct(s[kPts], s[kFga], s[kFta]);
  r.efg_pct = effective_fg_pct(s[kFgm], s[kFg3m], s[kFga]);
  set_starter(r, b, is_dnp);
  auto margin = minus(team.team_pts, team.opponent_pts);
  if (margin) r.win_flag = *margin > 0;
  set_shot_columns(r, shots, b, c, is_dnp, issues);
  set_prop_columns(r, ctx, b, s[kPts], is_dnp, issues);
  std::string tier = add_team_quality(team, shots.has_shots, issues);
  r.quality = {tier, issues.text()};
  return player_game_summary_record().write(std::move(r));
}

}  // namespace

const Record<PlayerGameSummaryRow>& player_game_summary_record() {
  using R = PlayerGameSummaryRow;
  static const Record<R> record = [] {
    Record<R> r;
    r.field("game_id", &R::game_id)
        .field("game_date", &R::game_date)
        .field("season", &R::season)
        .field("season_type", &R::season_type)
        .field("player_lookup", &R::player_lookup)
        .field("player_id", &R::player_id)
        .field("player_name", &R::player_name)
        .field("team_abbr", &R::team_abbr)
        .field("opponent_abbr", &R::opponent_abbr)
        .field("home_game", &R::home_game)
        .field("player_status", &R::player_status)
        .field("is_dnp", &R::is_dnp)
        .field("dnp_reason", &R::dnp_reason)
        .field("dnp_reason_category", &R::dnp_reason_category)
        .dec("minutes", &R::minutes, 1);
    for (size_t k = 0; k < kBoxStats; ++k) r.element(std::string(kBoxStatColumns[k]), &R::stats, k);
    r.dec("usage_rate", &R::usage_rate, 1)
        .dec("ts_pct", &R::ts_pct, 3)
        .dec("efg_pct", &R::efg_pct, 3)
        .field("starter_flag", &R::starter_flag)
        .field("starter_source", &R::starter_source)
        .field("win_flag", &R::win_flag)
        .append(&R::zones, zone_counts_record(""))
        .field("assisted_makes", &R::assisted_makes)
        .field("unassisted_makes", &R::unassisted_makes)
        .element("paint_blocks", &R::blocks, kPaint)
        .element("mid_range_blocks", &R::blocks, kMidRange)
        .element("three_blocks", &R::blocks, kThree)
        .field("has_complete_shot_zones", &R::has_complete_shot_zones)
        .dec("points_line", &R::points_line, 1)
        .dec("opening_line", &R::opening_line, 1)
        .dec("line_movement", &R::line_movement, 1)
        .field("points_line_bookmaker", &R::points_line_bookmaker)
        .field("over_price", &R::over_price)
        .field("under_price", &R::under_price)
        .field("over_under_result", &R::over_under_result)
        .dec("margin", &R::margin, 1)
        .append(&R::quality, quality_block_record())
        .field("processed_at", &R::processed_at, ColumnType::kTs);
    return r;
  }();
  return record;
}

const TableSchema& player_game_summary_table() {
  static const TableSchema table = build_table();
  return table;
}

ProcessorOutput player_game_summary(const RawInputs& in, Date d) {
  ProcessorOutput out;
  TeamOffenseLines togs = team_offense_lines(in, d);
  std::vector<std::tuple<std::string, std::string, Row>> keyed;  // lookup, game_id, row
  for (const Game* g : in.games_on(d)) {
    if (!g->is_final()) {
      game_not_final(*g, out.failed, out.pending);
      continue;
    }
    GameContext ctx{in, d, *g, togs};
    for (const PlayerBox* b : in.game_player_boxes(g->game_id)) {
      keyed.emplace_back(b->player_lookup, g->game_id, pgs_row(ctx, *b));
    }
  }
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
  });
  out.rows.reserve(keyed.size());
  for (auto& k : keyed) out.rows.push_back(std::move(std::get<2>(k)));
  return out;
}

}  // namespace nbaprops::analytics
