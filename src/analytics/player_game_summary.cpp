#include "analytics/player_game_summary.h"

#include <algorithm>
#include <cstdlib>
#include <tuple>

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
  std::vector<Column> c = {text_column("game_id", true),
                           date_column("game_date"),
                           int_column("season", true),
                           text_column("season_type", true),
                           text_column("player_lookup", true),
                           int_column("player_id"),
                           text_column("player_name", true),
                           text_column("team_abbr", true),
                           text_column("opponent_abbr", true),
                           bool_column("home_game", true),
                           text_column("player_status", true),
                           bool_column("is_dnp", true),
                           text_column("dnp_reason"),
                           text_column("dnp_reason_category"),
                           dec_column("minutes", 1)};
  for (std::string_view s : kBoxStatColumns) c.push_back(int_column(std::string(s)));
  c.push_back(dec_column("usage_rate", 1));
  c.push_back(dec_column("ts_pct", 3));
  c.push_back(dec_column("efg_pct", 3));
  c.push_back(bool_column("starter_flag", true));
  c.push_back(text_column("starter_source", true));
  c.push_back(bool_column("win_flag"));
  for (const char* s : {"paint_attempts", "paint_makes", "mid_range_attempts", "mid_range_makes",
                        "three_attempts_shots", "three_makes_shots", "assisted_makes",
                        "unassisted_makes", "paint_blocks", "mid_range_blocks", "three_blocks"}) {
    c.push_back(int_column(s));
  }
  c.push_back(bool_column("has_complete_shot_zones", true));
  for (const char* s : {"points_line", "opening_line", "line_movement"}) {
    c.push_back(dec_column(s, 1));
  }
  c.push_back(text_column("points_line_bookmaker"));
  c.push_back(int_column("over_price"));
  c.push_back(int_column("under_price"));
  c.push_back(text_column("over_under_result"));
  c.push_back(dec_column("margin", 1));
  add_quality_columns(c);
  return {"player_game_summary", c, {"game_date", "player_lookup"}, "game_date, player_lookup"};
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

void add_starter(RowBuilder& r, const PlayerBox& b, bool is_dnp) {
  bool from_box = b.starter.has_value();
  bool flag = from_box ? *b.starter : (b.minutes && *b.minutes >= kStarterProxyMinutes);
  r.boolean(flag && !is_dnp).text(std::string(from_box ? "box" : "minutes_proxy"));
}

template <typename Map>
auto find_or_null(const Map& m, const std::string& key) -> decltype(&m.begin()->second) {
  auto it = m.find(key);
  return it == m.end() ? nullptr : &it->second;
}

// Zone, assist and block columns (NULL unless active), then has_complete_shot_zones.
void add_shot_columns(RowBuilder& r, const GameShots& shots, const PlayerBox& b,
                      const CheckedBox& c, bool is_dnp, QualityIssues& issues) {
  bool active = b.status == "active";
  const ShotCounts* mine = find_or_null(shots.by_player, b.player_lookup);
  ZoneCounts z = active ? zone_counts(shots, mine) : ZoneCounts{};
  for (size_t k = 0; k < kZoneCount; ++k) r.integer(z.attempts[k]).integer(z.makes[k]);
  bool assists = active && shots.has_assist_data;
  r.integer(assists ? std::optional<int64_t>(mine ? mine->assisted_makes : 0) : std::nullopt);
  r.integer(assists ? std::optional<int64_t>(mine ? mine->unassisted_makes : 0) : std::nullopt);
  const auto* blocks = find_or_null(shots.blocks_by_player, b.player_lookup);
  for (size_t k = 0; k < kZoneCount; ++k) {
    bool known = active && shots.has_block_data;
    r.integer(known ? std::optional<int64_t>(blocks ? (*blocks)[k] : 0) : std::nullopt);
  }
  bool complete = false;
  if (shots.has_shots && !is_dnp && c.stats[kFga]) {
    int64_t attempts = 0;
    for (auto a : z.attempts) attempts += a.value_or(0);
    complete = attempts == *c.stats[kFga];
    if (!complete) issues.add("shot_zones_incomplete");
  }
  r.boolean(complete);
}

// points_line ... margin (§0 "Prop line of a player for a game").
void add_prop_columns(RowBuilder& r, const GameContext& ctx, const PlayerBox& b,
                      std::optional<int64_t> pts, bool is_dnp, QualityIssues& issues) {
  auto lines = ctx.in.prop_lines(ctx.d, b.player_lookup);
  for (const PropLine* l : lines) {
    if (l->market == "points" && !ctx.game.tipoff_utc && !l->tipoff_utc) {
      issues.add("tipoff_unknown");
    }
  }
  auto chosen = consensus_points_line(lines, &ctx.game);
  if (!chosen) {
    for (int k = 0; k < 8; ++k) r.integer(std::nullopt);
    return;
  }
  r.dec(chosen->closing_line, 1).dec(chosen->opening_line, 1);
  r.dec(chosen->closing_line - chosen->opening_line, 1);
  r.text(chosen->bookmaker).integer(chosen->over_price).integer(chosen->under_price);
  if (is_dnp || !pts) {
    r.text(std::optional<std::string>()).dec(std::nullopt, 1);
    return;
  }
  double margin = static_cast<double>(*pts) - chosen->closing_line;
  r.text(std::string(margin > 0 ? "OVER" : margin < 0 ? "UNDER" : "PUSH")).dec(margin, 1);
}

void add_identity(RowBuilder& r, const Game& g, const PlayerBox& b) {
  r.text(g.game_id).date(g.game_date).integer(g.season).text(g.season_type);
  r.text(b.player_lookup).integer(b.player_id).text(b.player_name);
  r.text(b.team_abbr).text(g.opponent_of(b.team_abbr)).boolean(b.team_abbr == g.home_team);
}

void add_status(RowBuilder& r, const PlayerBox& b, bool is_dnp) {
  bool active = b.status == "active";
  std::optional<std::string> reason = active ? std::nullopt : b.dnp_reason;
  r.text(b.status).boolean(is_dnp).text(reason).text(active ? std::nullopt
                                                            : dnp_reason_category(reason));
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
  RowBuilder r(player_game_summary_table().columns.size());
  add_identity(r, g, b);
  add_status(r, b, is_dnp);
  r.dec(c.minutes, 1);
  for (const auto& v : s) r.integer(v);
  r.dec(checked_usage(c, team.own, issues), 1);
  r.dec(true_shooting_pct(s[kPts], s[kFga], s[kFta]), 3);
  r.dec(effective_fg_pct(s[kFgm], s[kFg3m], s[kFga]), 3);
  add_starter(r, b, is_dnp);
  auto margin = minus(team.team_pts, team.opponent_pts);
  r.boolean(margin ? std::optional<bool>(*margin > 0) : std::nullopt);
  add_shot_columns(r, shots, b, c, is_dnp, issues);
  add_prop_columns(r, ctx, b, s[kPts], is_dnp, issues);
  std::string tier = add_team_quality(team, shots.has_shots, issues);
  r.quality(tier, issues);
  return r.take();
}

}  // namespace

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
