#include "precompute/player_composite_factors.h"

#include "precompute/gates.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <variant>

#include "analytics/phase3_views.h"
#include "precompute/completeness_record.h"
#include "precompute/composite_factor_context.h"
#include "precompute/composite_factor_formulas.h"
#include "precompute/phase4_views.h"
#include "precompute/player_composite_factors_record.h"

namespace nbaprops::precompute {
namespace {

using analytics::FailedEntity;
using analytics::ProcessorOutput;

TableSchema build_table() {
  return {"player_composite_factors",
          player_composite_factors_record().columns(),
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
template <class View>
bool ready(const std::optional<View>& r) {
  return r && r->is_production_ready.value_or(false);
}

double stored(double x, int decimals) {
  double r = round_half_away(x, decimals);
  return r == 0.0 ? 0.0 : r;
}

std::variant<Row, FailedEntity> pcf_row(const Phase4Inputs& in,
                                        const analytics::CompositeContextView& upgc) {
  const std::string& player = upgc.player_lookup;
  const auto& game_id = upgc.game_id;
  const auto& team = upgc.team_abbr;
  const auto& opponent = upgc.opponent_abbr;
  if (!team || !opponent || !game_id) {
    std::vector<std::string> missing;
    if (!team) missing.emplace_back("team_abbr");
    if (!opponent) missing.emplace_back("opponent_abbr");
    if (!game_id) missing.emplace_back("game_id");
    return missing_upgc_key(in, player, !team,
                            "upcoming_player_game_context row without " + *join(missing, ", "));
  }
  auto utgc = in.utgc.read(analytics::team_travel_view(), *team);
  auto psza = in.psza.read(shot_zone_rates_view(), player);
  auto tdza = in.tdza.read(defense_vs_league_view(), *opponent);

  FatigueInputs fi{upgc.days_rest,
                   upgc.back_to_back,
                   upgc.games_in_last_7_days,
                   upgc.minutes_in_last_7_days,
                   upgc.avg_minutes_per_game_last_7_days,
                   upgc.back_to_backs_last_14_days,
                   upgc.player_age};
  FatigueResult fatigue = fatigue_factor(fi);

  MismatchInputs mi;
  mi.has_shot_zone_row = psza.has_value();
  mi.has_team_defense_row = tdza.has_value();
  if (psza) {
    mi.primary_scoring_zone = psza->primary_scoring_zone;
    mi.paint_rate = psza->paint_rate_last_10;
    mi.mid_range_rate = psza->mid_range_rate_last_10;
    mi.three_pt_rate = psza->three_pt_rate_last_10;
  }
  std::optional<std::string> weakest_zone;
  if (tdza) {
    mi.paint_vs_league = tdza->paint_defense_vs_league_avg;
    mi.mid_range_vs_league = tdza->mid_range_defense_vs_league_avg;
    mi.three_pt_vs_league = tdza->three_pt_defense_vs_league_avg;
    weakest_zone = tdza->weakest_zone;
  }
  MismatchResult mismatch = shot_zone_mismatch(mi);

  auto pace_diff = upgc.pace_differential;
  double pace = pace_score(pace_diff);
  auto proj = upgc.projected_usage_rate;
  auto base = upgc.avg_usage_rate_last_7_days;
  auto stars = upgc.star_teammates_out;
  UsageResult usage = usage_spike(proj, base, stars);
  std::optional<int64_t> miles, zones;
  if (utgc) {
    miles = utgc->travel_miles;
    zones = utgc->time_zones_crossed;
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
  bool up_player = upgc.is_production_ready.value_or(false), up_team = ready(utgc),
       up_zone = ready(psza), up_defense = ready(tdza);
  bool all_up = up_player && up_team && up_zone && up_defense;
  std::vector<std::string> issues;
  if (!own_ready) issues.emplace_back("own_data_incomplete");
  if (!up_player) issues.emplace_back("upstream_player_context_incomplete");
  if (!up_team) issues.emplace_back("upstream_team_context_incomplete");
  if (!up_zone) issues.emplace_back("upstream_shot_zone_incomplete");
  if (!up_defense) issues.emplace_back("upstream_team_defense_incomplete");
  auto flag = [&](bool v) { return checked ? std::optional<bool>(v) : std::nullopt; };

  PlayerCompositeFactorsRecord r;
  static_cast<PlayerCompletenessColumns&>(r) =
      player_block_with_readiness(in, c, own_ready && all_up);
  r.game_date = in.d;
  r.player_lookup = player;
  r.game_id = *game_id;
  r.team_abbr = *team;
  r.opponent_abbr = *opponent;
  r.player_id = upgc.player_id;
  r.fatigue_score = fatigue.score;
  r.fatigue_adjustment = fatigue.adjustment;
  r.shot_zone_mismatch_score = mismatch.score;
  r.pace_score = pace;
  r.usage_spike_score = usage.score;
  r.travel_impact_score = travel;
  r.total_composite_adjustment = total;
  r.data_completeness_pct = completeness_pct;
  r.fatigue_context_json = fatigue_context_json(fi, fatigue);
  r.shot_zone_context_json = shot_zone_context_json(mi, mismatch, weakest_zone);
  r.pace_context_json = pace_context_json(pace_diff, upgc.opponent_pace_last_10, pace);
  r.usage_context_json = usage_context_json(proj, base, stars, usage);
  r.missing_data_fields = join(missing, ", ");
  r.has_warnings = !warnings.empty();
  r.warning_details = join(warnings, "; ");
  r.upstream_player_context_ready = flag(up_player);
  r.upstream_team_context_ready = flag(up_team);
  r.upstream_shot_zone_ready = flag(up_zone);
  r.upstream_team_defense_ready = flag(up_defense);
  r.all_upstreams_ready = flag(all_up);
  if (checked) r.data_quality_issues = join(issues, ", ");
  r.calculation_version = kPcfCalculationVersion;
  return player_composite_factors_record().write(r);
}

}  // namespace

const TableSchema& player_composite_factors_table() {
  static const TableSchema table = build_table();
  return table;
}

ProcessorOutput player_composite_factors(const Phase4Inputs& in) {
  using V = analytics::CompositeContextView;
  return for_each_upgc_player<V>(in, analytics::composite_context_view(),
                                 [&](const V& upgc) { return pcf_row(in, upgc); });
}

}  // namespace nbaprops::precompute
