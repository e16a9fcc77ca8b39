#include "precompute/player_composite_factors.h"

#include "precompute/gates.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <variant>

#include "analytics/completeness_block.h"
#include "analytics/row_builder.h"
#include "precompute/composite_factor_context.h"
#include "precompute/composite_factor_formulas.h"
#include "precompute/player_completeness_block.h"

namespace nbaprops::precompute {
namespace {

using analytics::ColumnList;
using analytics::FailedEntity;
using analytics::ProcessorOutput;
using analytics::RowBuilder;

TableSchema build_table() {
  ColumnList c;
  c.date("game_date", false).text("player_lookup", false);
  c.text("game_id", false).text("team_abbr", false).text("opponent_abbr", false);
  c.integer("player_id");
  c.integer("fatigue_score", false).dec("fatigue_adjustment", 2, false);
  c.dec("shot_zone_mismatch_score", 2, false).dec("pace_score", 2, false);
  c.dec("usage_spike_score", 2, false).dec("travel_impact_score", 2, false);
  c.dec("total_composite_adjustment", 2, false).dec("data_completeness_pct", 2, false);
  c.text("fatigue_context_json", false).text("shot_zone_context_json", false);
  c.text("pace_context_json", false).text("usage_context_json", false);
  c.text("missing_data_fields").boolean("has_warnings", false).text("warning_details");
  c.boolean("upstream_player_context_ready").boolean("upstream_team_context_ready");
  c.boolean("upstream_shot_zone_ready").boolean("upstream_team_defense_ready");
  c.boolean("all_upstreams_ready").text("data_quality_issues");
  c.text("calculation_version", false);
  analytics::add_completeness_columns(c, player_completeness_windows());
  c.ts("processed_at");
  return {"player_composite_factors",
          c.take(),
          {"game_date", "player_lookup"},
          "game_date, player_lookup"};
}

std::optional<std::string> join(const std::vector<std::string>& parts, const char* sep) {
  if (parts.empty()) return std::nullopt;
  std::string s;
  for (const auto& p : parts) {
    if (!s.empty()) s += sep;
    s += p;
  }
  return s;
}

// A row's is_production_ready is true (a missing row or a NULL / false value: not ready).
bool ready(const std::optional<RowReader>& r) {
  return r && r->b("is_production_ready").value_or(false);
}

double stored(double x, int decimals) {
  double r = round_half_away(x, decimals);
  return r == 0.0 ? 0.0 : r;
}

std::variant<Row, FailedEntity> pcf_row(const Phase4Inputs& in, const RowReader& upgc) {
  std::string player = *upgc.s("player_lookup");
  auto game_id = upgc.s("game_id");
  auto team = upgc.s("team_abbr");
  auto opponent = upgc.s("opponent_abbr");
  if (!team || !opponent || !game_id) {
    std::vector<std::string> missing;
    if (!team) missing.emplace_back("team_abbr");
    if (!opponent) missing.emplace_back("opponent_abbr");
    if (!game_id) missing.emplace_back("game_id");
    return missing_upgc_key(in, player, !team,
                            "upcoming_player_game_context row without " + *join(missing, ", "));
  }
  auto utgc = in.utgc.find(*team);
  auto psza = in.psza.find(player);
  auto tdza = in.tdza.find(*opponent);

  FatigueInputs fi{upgc.i("days_rest"),
                   upgc.b("back_to_back"),
                   upgc.i("games_in_last_7_days"),
                   upgc.d("minutes_in_last_7_days"),
                   upgc.d("avg_minutes_per_game_last_7_days"),
                   upgc.i("back_to_backs_last_14_days"),
                   upgc.i("player_age")};
  FatigueResult fatigue = fatigue_factor(fi);

  MismatchInputs mi;
  mi.has_shot_zone_row = psza.has_value();
  mi.has_team_defense_row = tdza.has_value();
  if (psza) {
    mi.primary_scoring_zone = psza->s("primary_scoring_zone");
    mi.paint_rate = psza->d("paint_rate_last_10");
    mi.mid_range_rate = psza->d("mid_range_rate_last_10");
    mi.three_pt_rate = psza->d("three_pt_rate_last_10");
  }
  std::optional<std::string> weakest_zone;
  if (tdza) {
    mi.paint_vs_league = tdza->d("paint_defense_vs_league_avg");
    mi.mid_range_vs_league = tdza->d("mid_range_defense_vs_league_avg");
    mi.three_pt_vs_league = tdza->d("three_pt_defense_vs_league_avg");
    weakest_zone = tdza->s("weakest_zone");
  }
  MismatchResult mismatch = shot_zone_mismatch(mi);

  auto pace_diff = upgc.d("pace_differential");
  double pace = pace_score(pace_diff);
  auto proj = upgc.d("projected_usage_rate");
  auto base = upgc.d("avg_usage_rate_last_7_days");
  auto stars = upgc.i("star_teammates_out");
  UsageResult usage = usage_spike(proj, base, stars);
  std::optional<int64_t> miles, zones;
  if (utgc) {
    miles = utgc->i("travel_miles");
    zones = utgc->i("time_zones_crossed");
  }
  double travel = travel_impact(miles, zones);
  double total = fatigue.adjustment + mismatch.score + pace + usage.score + travel;

  // Hard ranges (§5.4).
  auto outside = [](double x, double lo, double hi) { return !(x >= lo && x <= hi); };
  std::string bad;
  if (outside(fatigue.score, 0, 100)) bad = "fatigue_score " + std::to_string(fatigue.score);
  if (outside(mismatch.score, -10, 10)) bad = "shot_zone_mismatch_score out of [-10, 10]";
  if (outside(pace, -3, 3)) bad = "pace_score out of [-3, 3]";
  if (outside(usage.score, -3, 3)) bad = "usage_spike_score out of [-3, 3]";
  if (outside(travel, -3, 0)) bad = "travel_impact_score out of [-3, 0]";
  if (!bad.empty()) return FailedEntity{"player", player, "VALIDATION_ERROR", bad, false};

  // Quality fields (§5.3).
  std::vector<std::string> missing;
  if (!fi.days_rest) missing.emplace_back("days_rest");
  if (!proj) missing.emplace_back("projected_usage_rate");
  if (!pace_diff) missing.emplace_back("pace_differential");
  if (!psza) missing.emplace_back("player_shot_zone");
  if (!tdza) missing.emplace_back("team_defense_zone");
  if (!miles) missing.emplace_back("team_travel");
  double completeness_pct = 100.0 * static_cast<double>(6 - missing.size()) / 6.0;
  double mismatch_stored = stored(mismatch.score, 2);
  double total_stored = stored(total, 2);
  std::vector<std::string> warnings;
  if (fatigue.score < 50) warnings.emplace_back("EXTREME_FATIGUE");
  if (std::abs(mismatch_stored) > 8) warnings.emplace_back("EXTREME_MATCHUP");
  if (std::abs(total_stored) > 12) warnings.emplace_back("EXTREME_ADJUSTMENT");

  // Readiness (§5.4): only when completeness is checked.
  const EntityCompleteness* c = player_completeness(in, player);
  bool checked = in.completeness != nullptr;
  bool own_ready = c && c->production_ready;
  bool up_player = ready(upgc), up_team = ready(utgc), up_zone = ready(psza),
       up_defense = ready(tdza);
  bool all_up = up_player && up_team && up_zone && up_defense;
  std::vector<std::string> issues;
  if (!own_ready) issues.emplace_back("own_data_incomplete");
  if (!up_player) issues.emplace_back("upstream_player_context_incomplete");
  if (!up_team) issues.emplace_back("upstream_team_context_incomplete");
  if (!up_zone) issues.emplace_back("upstream_shot_zone_incomplete");
  if (!up_defense) issues.emplace_back("upstream_team_defense_incomplete");
  auto flag = [&](bool v) { return checked ? std::optional<bool>(v) : std::nullopt; };

  RowBuilder b(player_composite_factors_table().columns.size());
  b.date(in.d).text(player).text(*game_id).text(*team).text(*opponent);
  b.integer(upgc.i("player_id"));
  b.integer(fatigue.score).dec(fatigue.adjustment, 2).dec(mismatch.score, 2).dec(pace, 2);
  b.dec(usage.score, 2).dec(travel, 2).dec(total, 2).dec(completeness_pct, 2);
  b.text(fatigue_context_json(fi, fatigue));
  b.text(shot_zone_context_json(mi, mismatch, weakest_zone));
  b.text(pace_context_json(pace_diff, upgc.d("opponent_pace_last_10"), pace));
  b.text(usage_context_json(proj, base, stars, usage));
  b.text(join(missing, ", ")).boolean(!warnings.empty()).text(join(warnings, "; "));
  b.boolean(flag(up_player)).boolean(flag(up_team)).boolean(flag(up_zone));
  b.boolean(flag(up_defense)).boolean(flag(all_up));
  b.text(checked ? join(issues, ", ") : std::nullopt);
  b.text(kPcfCalculationVersion);
  put_player_completeness(b, in, c, own_ready && all_up);
  b.null();  // processed_at: the writer fills it
  return b.take();
}

}  // namespace

const TableSchema& player_composite_factors_table() {
  static const TableSchema table = build_table();
  return table;
}

ProcessorOutput player_composite_factors(const Phase4Inputs& in) {
  return for_each_upgc_player(in, [&](const RowReader& upgc) { return pcf_row(in, upgc); });
}

}  // namespace nbaprops::precompute
