#include "precompute/ml_feature_store.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "analytics/completeness_block.h"
#include "analytics/row_builder.h"
#include "analytics/team_availability.h"
#include "precompute/feature_calculators.h"
#include "precompute/gates.h"

namespace nbaprops::precompute {
namespace {

using analytics::ColumnList;
using analytics::FailedEntity;
using analytics::RowBuilder;
using FS = FeatureSource;

const std::vector<std::string> kPlayerWindows = {"l5", "l10", "l7d", "l14d", "l30d"};

TableSchema build_table() {
  ColumnList c;
  c.date("game_date", false).text("player_lookup", false);
  c.text("game_id").text("team_abbr").text("opponent_abbr").integer("player_id");
  c.text("feature_version", false).text("features", false).text("feature_sources", false);
  c.dec("feature_quality_score", 2, false).text("quality_tier", false);
  for (const char* cat : {"matchup", "player_history", "team_context", "vegas", "game_context"}) {
    c.dec(std::string(cat) + "_quality_pct", 1, false);
  }
  c.text("quality_alert_level", false)
      .boolean("is_training_ready", false)
      .boolean("is_quality_ready", false);
  c.text("quality_alerts", false);
  c.integer("default_feature_count", false).integer("required_default_count", false);
  for (size_t i = 0; i < kFeatureSourceCount; ++i) {
    c.integer(std::string(feature_source_label(static_cast<FS>(i))) + "_count", false);
  }
  c.boolean("has_vegas_line", false);
  analytics::add_completeness_columns(c, kPlayerWindows);
  c.boolean("upstream_daily_cache_ready")
      .boolean("upstream_composite_ready")
      .boolean("upstream_shot_zone_ready")
      .boolean("upstream_team_defense_ready");
  c.text("data_quality_issues");
  c.ts("processed_at");
  return {"ml_feature_store", c.take(), {"game_date", "player_lookup"}, "game_date, player_lookup"};
}

double round4(double x) {
  double r = round_half_away(x, 4);
  return r == 0.0 ? 0.0 : r;
}

// Filling the array: a copied value (as stored) or its default / missing.
struct Filler {
  FeatureArray& f;
  void copy(size_t i, std::optional<double> v, FS label, std::optional<double> def) {
    if (v) {
      f[i] = {v, label};
    } else if (def) {
      f[i] = {def, FS::kDefault};
    } else {
      f[i] = {std::nullopt, FS::kMissing};
    }
  }
  // A computed value (rounded to 4 decimals) or its default / missing.
  void calc(size_t i, std::optional<double> v, FS label, std::optional<double> def) {
    copy(i, v ? std::optional<double>(round4(*v)) : std::nullopt, label, def);
  }
  void phase4(size_t i, const std::optional<RowReader>& row, const char* column, double def) {
    copy(i, row ? row->d(column) : std::nullopt, FS::kPhase4, def);
  }
};

std::optional<double> bool_value(std::optional<bool> b) {
  return b ? std::optional<double>(*b ? 1.0 : 0.0) : std::nullopt;
}

// The team's TOGS rows of season(D) before D, oldest first.
std::span<const analytics::TogsRecord> team_season(const analytics::Phase3History& h,
                                                   const std::string& team, Date d) {
  auto rows = analytics::before(h.team_offense(team), d);
  int season = season_of(d);
  size_t first = rows.size();
  while (first > 0 && rows[first - 1].season == season) --first;
  return rows.subspan(first);
}

// Teammates of `player` whose latest injury status is out or doubtful (UPGC team
// availability), from the team's roster for D.
std::vector<std::string> out_teammates(const analytics::TeamRoster& roster,
                                       const std::string& player) {
  std::vector<std::string> out;
  for (const auto& m : roster.members) {
    if (m.player_lookup != player && m.out_or_doubtful()) out.push_back(m.player_lookup);
  }
  return out;
}

FeatureArray features_with_roster(const Phase4Inputs& in, const RowReader& upgc,
                                  const analytics::TeamRoster& roster) {
  namespace fc = features;
  const std::string player = *upgc.s("player_lookup");
  const std::string team = *upgc.s("team_abbr");
  const std::string opponent = *upgc.s("opponent_abbr");
  const std::string game_id = *upgc.s("game_id");
  const Date d = in.d;
  auto pdc = in.pdc.find(player);
  auto pcf = in.pcf.find(player);
  auto psza = in.psza.find(player);
  auto tdza = in.tdza.find(opponent);
  auto utgc = in.utgc.find(team);
  auto utgc_d = [&](const char* col) { return utgc ? utgc->d(col) : std::nullopt; };

  auto games_vec = fc::season_games(*in.history, player, d);
  fc::Games games(games_vec);

  FeatureArray f{};
  Filler fill{f};
  fill.phase4(0, pdc, "points_avg_last_5", 10.0);
  fill.phase4(1, pdc, "points_avg_last_10", 10.0);
  fill.phase4(2, pdc, "points_avg_season", 10.0);
  fill.phase4(3, pdc, "points_std_last_10", 5.0);
  if (auto v = pdc ? pdc->d("games_in_last_7_days") : std::nullopt) {
    f[4] = {v, FS::kPhase4};
  } else {
    fill.copy(4, upgc.d("games_in_last_7_days"), FS::kPhase3, 3.0);
  }
  fill.phase4(5, pcf, "fatigue_score", 50.0);
  fill.phase4(6, pcf, "shot_zone_mismatch_score", 0.0);
  fill.phase4(7, pcf, "pace_score", 0.0);
  fill.phase4(8, pcf, "usage_spike_score", 0.0);
  fill.calc(9, fc::rest_advantage(upgc.d("days_rest"), utgc_d("opponent_days_rest")),
            FS::kCalculated, 0.0);
  fill.calc(10, fc::injury_risk(upgc.s("injury_status")), FS::kCalculated, std::nullopt);
  fill.calc(11, fc::recent_trend(games), FS::kCalculated, 0.0);
  fill.calc(12, fc::minutes_change(games), FS::kCalculated, 0.0);
  fill.phase4(13, tdza, "defensive_rating_last_15", 112.0);
  fill.phase4(14, tdza, "opponent_pace", 100.0);
  fill.copy(15, bool_value(upgc.b("home_game")), FS::kPhase3, 0.0);
  fill.copy(16, bool_value(upgc.b("back_to_back")), FS::kPhase3, 0.0);
  auto phase = upgc.s("season_phase");
  fill.copy(17, phase ? std::optional<double>(*phase == "playoffs" ? 1.0 : 0.0) : std::nullopt,
            FS::kPhase3, 0.0);
  const char* zones[] = {"paint_rate_last_10", "mid_range_rate_last_10", "three_pt_rate_last_10"};
  for (size_t z = 0; z < 3; ++z) {
    auto rate = psza ? psza->d(zones[z]) : std::nullopt;
    fill.calc(18 + z, rate ? std::optional<double>(*rate / 100) : std::nullopt, FS::kPhase4,
              std::nullopt);
  }
  fill.calc(21, fc::pct_free_throw(games), FS::kCalculated, 0.15);
  fill.phase4(22, pdc, "team_pace_last_10", 100.0);
  fill.phase4(23, pdc, "team_off_rating_last_10", 112.0);
  auto togs = team_season(*in.history, team, d);
  fill.calc(24, fc::team_win_pct(togs), FS::kCalculated, 0.5);
  auto line = upgc.d("current_points_line");
  auto opening = upgc.d("opening_points_line");
  fill.copy(25, line, FS::kVegas, std::nullopt);
  fill.copy(26, opening, FS::kVegas, std::nullopt);
  fill.calc(27, line && opening ? std::optional<double>(*line - *opening) : std::nullopt,
            FS::kVegas, std::nullopt);
  f[28] = {line ? 1.0 : 0.0, FS::kCalculated};
  auto vs = fc::points_vs_opponent(in.history->player(player), opponent, d);
  if (vs.avg_points) {
    f[29] = {round4(*vs.avg_points), FS::kCalculated};
  } else {
    f[29] = {f[2].value, FS::kDefault};
  }
  f[30] = {static_cast<double>(vs.games), FS::kCalculated};
  fill.phase4(31, pdc, "minutes_avg_last_10", 28.0);
  fill.calc(32, fc::ppm_avg_last_10(games), FS::kCalculated, 0.4);
  fill.calc(33, fc::dnp_rate(*in.raw, player, d), FS::kCalculated, 0.0);
  fill.calc(34, fc::pts_slope_10g(games), FS::kCalculated, 0.0);
  bool p4 = f[0].source == FS::kPhase4 && f[2].source == FS::kPhase4 && f[3].source == FS::kPhase4;
  double f0 = f[0].value.value_or(0), f2 = f[2].value.value_or(0), f3 = f[3].value.value_or(0);
  fill.calc(35, p4 ? std::optional<double>(fc::pts_vs_season_zscore(f0, f2, f3)) : std::nullopt,
            FS::kCalculated, 0.0);
  fill.calc(36, p4 ? std::optional<double>(fc::breakout_flag(f0, f2, f3)) : std::nullopt,
            FS::kCalculated, 0.0);
  fill.copy(37, upgc.d("star_teammates_out"), FS::kPhase3, 0.0);
  auto total = utgc_d("game_total");
  auto spread = utgc_d("game_spread");
  fill.copy(38, total, FS::kPhase3, std::nullopt);
  fill.copy(39, upgc.d("days_rest"), FS::kPhase3, std::nullopt);
  fill.copy(40, upgc.d("minutes_in_last_7_days"), FS::kPhase3, std::nullopt);
  fill.calc(41, spread ? std::optional<double>(std::abs(*spread)) : std::nullopt, FS::kPhase3,
            std::nullopt);
  fill.calc(42, total && spread ? std::optional<double>((*total - *spread) / 2) : std::nullopt,
            FS::kPhase3, std::nullopt);
  fill.calc(43, fc::points_avg_last_3(games), FS::kCalculated, std::nullopt);
  fill.calc(44, fc::scoring_trend_slope(games), FS::kCalculated, std::nullopt);
  fill.calc(45, fc::deviation_from_avg_last3(games, d), FS::kCalculated, std::nullopt);
  fill.calc(46, fc::consecutive_games_below_avg(games, d), FS::kCalculated, std::nullopt);
  auto out = out_teammates(roster, player);
  f[47] = {round4(fc::teammate_usage_available(*in.history, out, d)), FS::kCalculated};
  fill.calc(48, fc::usage_rate_last_5(games), FS::kCalculated, std::nullopt);
  fill.calc(49, fc::games_since_structural_change(games, d), FS::kCalculated, std::nullopt);
  fill.calc(50, fc::multi_book_line_std(in.raw->prop_lines(d, player), in.raw->game(game_id)),
            FS::kVegas, std::nullopt);
  fill.copy(51, upgc.d("prop_over_streak"), FS::kPhase3, std::nullopt);
  fill.copy(52, upgc.d("prop_under_streak"), FS::kPhase3, std::nullopt);
  fill.calc(53,
            line && f[2].source == FS::kPhase4 ? std::optional<double>(*line - f2) : std::nullopt,
            FS::kCalculated, std::nullopt);
  fill.calc(54, fc::prop_line_delta(line, games, d), FS::kVegas, std::nullopt);
  fill.calc(55, fc::over_rate_last_10(games), FS::kCalculated, std::nullopt);
  fill.calc(56, fc::margin_vs_line_avg_last_5(games), FS::kCalculated, std::nullopt);
  fill.calc(57, fc::blowout_minutes_risk(togs), FS::kCalculated, std::nullopt);
  fill.calc(58, fc::minutes_volatility_last_10(games), FS::kCalculated, std::nullopt);
  bool pace_p4 = f[22].source == FS::kPhase4 && f[14].source == FS::kPhase4;
  fill.calc(59, pace_p4 ? std::optional<double>(*f[22].value - *f[14].value) : std::nullopt,
            FS::kCalculated, std::nullopt);
  return f;
}

bool entity(const RowReader& upgc) {
  auto status = upgc.s("injury_status");
  if (status && (*status == "out" || *status == "doubtful")) return false;
  auto avg = upgc.d("avg_minutes_per_game_last_7_days");
  return (avg && *avg >= 15) || !upgc.null("current_points_line");
}

std::optional<bool> ready(const std::optional<RowReader>& row) {
  return row && row->b("is_production_ready").value_or(false);
}

// Compact JSON arrays written directly (the labels need no escaping; numbers in their
// shortest round-trip form, which nlohmann::json::parse reads back to the same double).
std::string json_features(const FeatureArray& f) {
  std::string out = "[";
  char buf[32];
  for (size_t i = 0; i < f.size(); ++i) {
    if (i) out += ',';
    if (!f[i].value) {
      out += "null";
      continue;
    }
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *f[i].value);
    out.append(buf, end);
  }
  out += ']';
  return out;
}

std::string json_sources(const FeatureArray& f) {
  std::string out = "[";
  for (size_t i = 0; i < f.size(); ++i) {
    if (i) out += ',';
    out += '"';
    out += feature_source_label(f[i].source);
    out += '"';
  }
  out += ']';
  return out;
}

Row build_row(const Phase4Inputs& in, const RowReader& upgc, const FeatureArray& f) {
  const std::string player = *upgc.s("player_lookup");
  const std::string opponent = *upgc.s("opponent_abbr");
  FeatureQuality q = score_feature_quality(f);
  RowBuilder b(ml_feature_store_table().columns.size());
  b.date(in.d).text(player).text(upgc.s("game_id")).text(upgc.s("team_abbr")).text(opponent);
  b.integer(upgc.i("player_id"));
  b.text(kFeatureVersion).text(json_features(f)).text(json_sources(f));
  b.dec(q.score, 2).text(q.tier);
  b.dec(q.matchup, 1).dec(q.player_history, 1).dec(q.team_context, 1).dec(q.vegas, 1);
  b.dec(q.game_context, 1);
  b.text(q.alert_level).boolean(q.training_ready).boolean(q.quality_ready);
  b.text(nlohmann::json(q.alerts).dump());
  b.integer(q.default_feature_count).integer(q.required_default_count);
  for (int n : q.label_counts) b.integer(n);
  b.boolean(f[28].value == 1.0);

  const EntityCompleteness* ec = in.completeness ? in.completeness->player(player) : nullptr;
  if (!ec) {
    analytics::add_unchecked_completeness(b, kPlayerWindows.size(), in.bootstrap_mode);
    b.null().null().null().null().null().null();  // upstream flags, issues, processed_at
    return b.take();
  }
  std::optional<bool> up[4] = {ready(in.pdc.find(player)), ready(in.pcf.find(player)),
                               ready(in.psza.find(player)), ready(in.tdza.find(opponent))};
  bool all_up = *up[0] && *up[1] && *up[2] && *up[3];
  // The primary window of a player is l10 (§1).
  const WindowCompleteness* l10 = ec->window("l10");
  const WindowCompleteness& primary = l10 ? *l10 : ec->primary();
  b.boolean(true).boolean(in.bootstrap_mode).integer(primary.expected).integer(primary.actual);
  b.dec(primary.pct, 1);
  for (const auto& w : kPlayerWindows) {
    const WindowCompleteness* wc = ec->window(w);
    b.dec(wc ? std::optional<double>(wc->pct) : std::nullopt, 1);
  }
  b.boolean(ec->all_windows_complete).boolean(ec->production_ready && all_up);
  for (auto u : up) b.boolean(u);
  const char* names[] = {"upstream_daily_cache_incomplete", "upstream_composite_incomplete",
                         "upstream_shot_zone_incomplete", "upstream_team_defense_incomplete"};
  std::string issues;
  for (size_t i = 0; i < 4; ++i) {
    if (*up[i]) continue;
    if (!issues.empty()) issues += ';';
    issues += names[i];
  }
  b.text(issues.empty() ? std::nullopt : std::optional<std::string>(issues));
  b.null();  // processed_at
  return b.take();
}

}  // namespace

const std::array<std::string_view, kFeatureCount>& feature_names() {
  static const std::array<std::string_view, kFeatureCount> names = {
      "points_avg_last_5",
      "points_avg_last_10",
      "points_avg_season",
      "points_std_last_10",
      "games_in_last_7_days",
      "fatigue_score",
      "shot_zone_mismatch_score",
      "pace_score",
      "usage_spike_score",
      "rest_advantage",
      "injury_risk",
      "recent_trend",
      "minutes_change",
      "opponent_def_rating",
      "opponent_pace",
      "home_away",
      "back_to_back",
      "playoff_game",
      "pct_paint",
      "pct_mid_range",
      "pct_three",
      "pct_free_throw",
      "team_pace",
      "team_off_rating",
      "team_win_pct",
      "vegas_points_line",
      "vegas_opening_line",
      "vegas_line_move",
      "has_vegas_line",
      "avg_points_vs_opponent",
      "games_vs_opponent",
      "minutes_avg_last_10",
      "ppm_avg_last_10",
      "dnp_rate",
      "pts_slope_10g",
      "pts_vs_season_zscore",
      "breakout_flag",
      "star_teammates_out",
      "game_total_line",
      "days_rest",
      "minutes_load_last_7d",
      "spread_magnitude",
      "implied_team_total",
      "points_avg_last_3",
      "scoring_trend_slope",
      "deviation_from_avg_last3",
      "consecutive_games_below_avg",
      "teammate_usage_available",
      "usage_rate_last_5",
      "games_since_structural_change",
      "multi_book_line_std",
      "prop_over_streak",
      "prop_under_streak",
      "line_vs_season_avg",
      "prop_line_delta",
      "over_rate_last_10",
      "margin_vs_line_avg_last_5",
      "blowout_minutes_risk",
      "minutes_volatility_last_10",
      "opponent_pace_mismatch",
  };
  return names;
}

const TableSchema& ml_feature_store_table() {
  static const TableSchema table = build_table();
  return table;
}

FeatureArray compute_features(const Phase4Inputs& in, const RowReader& upgc) {
  const std::string team = *upgc.s("team_abbr");
  auto roster =
      analytics::team_roster(*in.raw, *in.history, team, in.raw->game(*upgc.s("game_id")), in.d);
  return features_with_roster(in, upgc, roster);
}

std::optional<std::string> feature_range_violation(const FeatureArray& f) {
  for (size_t i = 0; i < kFeatureCount; ++i) {
    if (f[i].value && !std::isfinite(*f[i].value)) {
      return "feature " + std::to_string(i) + " (" + std::string(feature_names()[i]) +
             ") is not finite";
    }
  }
  auto out_of = [&](size_t i, double lo, double hi) -> std::optional<std::string> {
    if (!f[i].value || (*f[i].value >= lo && *f[i].value <= hi)) return std::nullopt;
    return "feature " + std::to_string(i) + " (" + std::string(feature_names()[i]) +
           ") = " + std::to_string(*f[i].value) + " outside [" + std::to_string(lo) + ", " +
           std::to_string(hi) + "]";
  };
  const double kInf = std::numeric_limits<double>::infinity();
  if (auto v = out_of(5, 0, 100)) return v;
  for (size_t i : {18, 19, 20, 21, 24, 33, 55, 57}) {
    if (auto v = out_of(i, 0, 1)) return v;
  }
  for (size_t i : {4, 30, 37, 46, 49, 51, 52}) {
    if (auto v = out_of(i, 0, kInf)) return v;
  }
  return std::nullopt;
}

analytics::ProcessorOutput ml_feature_store(const Phase4Inputs& in) {
  const DayRows& upgc_rows = in.upgc;
  if (!upgc_rows.table()) return {};
  std::vector<std::pair<std::string, RowReader>> entities;
  for (const Row& row : upgc_rows.rows()) {
    RowReader r(*upgc_rows.table(), row);
    if (entity(r)) entities.emplace_back(*r.s("player_lookup"), r);
  }
  std::sort(entities.begin(), entities.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  // The rosters of the teams of D first (shared, read-only), then the players in parallel.
  std::map<std::string, analytics::TeamRoster> rosters;
  for (const auto& [player, upgc] : entities) {
    auto team = upgc.s("team_abbr");
    auto game = upgc.s("game_id");
    if (!team || !upgc.s("opponent_abbr") || !game || rosters.count(*team)) continue;
    try {
      rosters.emplace(
          *team, analytics::team_roster(*in.raw, *in.history, *team, in.raw->game(*game), in.d));
    } catch (const std::exception&) {
      // Its players fail below (PROCESSING_ERROR: no roster), the others go on.
    }
  }
  return analytics::collect_entities(
      in.parallel, entities.size(), [&](size_t i) -> analytics::EntityResult {
        const auto& [player, upgc] = entities[i];
        // An init-capture: clang 14 (the fuzz build) cannot capture a structured binding.
        auto fail = [&player = player](std::string category, std::string reason, bool retry) {
          return FailedEntity{"player", player, std::move(category), std::move(reason), retry};
        };
        try {
          auto team = upgc.s("team_abbr");
          auto opp = upgc.s("opponent_abbr");
          auto game = upgc.s("game_id");
          if (!team || !opp || !game) {
            std::string missing = !team ? "team_abbr" : !opp ? "opponent_abbr" : "game_id";
            return missing_upgc_key(in, player, !team, "UPGC row without " + missing);
          }
          FeatureArray f = features_with_roster(in, upgc, rosters.at(*team));
          if (auto v = feature_range_violation(f)) return fail("VALIDATION_ERROR", *v, false);
          return build_row(in, upgc, f);
        } catch (const std::exception& e) {
          return fail("PROCESSING_ERROR", e.what(), false);
        }
      });
}

}  // namespace nbaprops::precompute
