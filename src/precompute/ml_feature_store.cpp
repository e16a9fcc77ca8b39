#include "precompute/ml_feature_store.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "analytics/phase3_views.h"
#include "analytics/team_availability.h"
#include "precompute/feature_calculators.h"
#include "precompute/gates.h"
#include "precompute/ml_feature_store_record.h"
#include "precompute/phase4_views.h"

namespace nbaprops::precompute {
namespace {

using analytics::FailedEntity;
using FS = FeatureSource;

double round4(double x) {
  double r = round_half_away(x, 4);
  return r == 0.0 ? 0.0 : r;
}

namespace cat = ::nbaprops::features;
using F = Feature;

// The stored default of `x` from the catalog: a value, or nullopt (NULL, label missing).
std::optional<double> default_of(Feature x) {
  const cat::Default& d = cat::spec(x).default_value;
  if (d.kind == cat::Default::Kind::kValue) return d.value;
  return std::nullopt;
}

// Filling the array by feature: a value with the catalog's label, or the catalog's default
// (label default) or NULL (label missing).
struct Filler {
  FeatureArray& f;
  FeatureValue& operator[](Feature x) { return f[cat::index(x)]; }
  void set(Feature x, std::optional<double> v, FS label) {
    if (v) {
      (*this)[x] = {v, label};
    } else if (auto def = default_of(x)) {
      (*this)[x] = {def, FS::kDefault};
    } else {
      (*this)[x] = {std::nullopt, FS::kMissing};
    }
  }
  // A copied value (as stored).
  void copy(Feature x, std::optional<double> v) { set(x, v, cat::spec(x).source); }
  // A computed value (rounded to 4 decimals).
  void calc(Feature x, std::optional<double> v) {
    copy(x, v ? std::optional<double>(round4(*v)) : std::nullopt);
  }
  // The Phase 4 column of the same meaning.
  void phase4(Feature x, std::optional<double> v) { copy(x, v); }
};

// A member of a Phase 4 row read through its view (phase4_views.h) as a double; nullopt when
// there is no row or the cell is NULL.
template <class V, class M>
std::optional<double> value_of(const std::optional<V>& row, std::optional<M> V::*member) {
  if (!row || !((*row).*member)) return std::nullopt;
  return static_cast<double>(*((*row).*member));
}

// An integer cell as a double (what a by-name read of a dec gave for an int column).
std::optional<double> int_value(std::optional<int64_t> v) {
  return v ? std::optional<double>(static_cast<double>(*v)) : std::nullopt;
}

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

FeatureArray features_with_roster(const Phase4Inputs& in, const UpgcView& upgc,
                                  const analytics::TeamRoster& roster) {
  namespace fc = features;
  const std::string& player = upgc.player_lookup;
  const std::string& team = *upgc.team_abbr;
  const std::string& opponent = *upgc.opponent_abbr;
  const std::string& game_id = *upgc.game_id;
  const Date d = in.d;
  using Pdc = DailyCacheFeaturesView;
  using Pcf = CompositeFactorsView;
  auto pdc = in.pdc.read(daily_cache_features_view(), player);
  auto pcf = in.pcf.read(composite_factors_view(), player);
  auto psza = in.psza.read(shot_zone_features_view(), player);
  auto tdza = in.tdza.read(opponent_defense_view(), opponent);
  auto utgc = in.utgc.read(analytics::team_lines_view(), team);

  auto games_vec = fc::season_games(*in.history, player, d);
  fc::Games games(games_vec);

  FeatureArray f{};
  Filler fill{f};
  fill.phase4(F::kPointsAvgLast5, value_of(pdc, &Pdc::points_avg_last_5));
  fill.phase4(F::kPointsAvgLast10, value_of(pdc, &Pdc::points_avg_last_10));
  fill.phase4(F::kPointsAvgSeason, value_of(pdc, &Pdc::points_avg_season));
  fill.phase4(F::kPointsStdLast10, value_of(pdc, &Pdc::points_std_last_10));
  if (auto v = value_of(pdc, &Pdc::games_in_last_7_days)) {
    fill[F::kGamesInLast7Days] = {v, FS::kPhase4};
  } else {
    fill.set(F::kGamesInLast7Days, int_value(upgc.games_in_last_7_days), FS::kPhase3);
  }
  fill.phase4(F::kFatigueScore, value_of(pcf, &Pcf::fatigue_score));
  fill.phase4(F::kShotZoneMismatchScore, value_of(pcf, &Pcf::shot_zone_mismatch_score));
  fill.phase4(F::kPaceScore, value_of(pcf, &Pcf::pace_score));
  fill.phase4(F::kUsageSpikeScore, value_of(pcf, &Pcf::usage_spike_score));
  fill.calc(F::kRestAdvantage,
            fc::rest_advantage(int_value(upgc.days_rest),
                               value_of(utgc, &analytics::TeamLinesView::opponent_days_rest)));
  fill.calc(F::kInjuryRisk, fc::injury_risk(upgc.injury_status));
  fill.calc(F::kRecentTrend, fc::recent_trend(games));
  fill.calc(F::kMinutesChange, fc::minutes_change(games));
  fill.phase4(F::kOpponentDefRating,
              value_of(tdza, &OpponentDefenseView::defensive_rating_last_15));
  fill.phase4(F::kOpponentPace, value_of(tdza, &OpponentDefenseView::opponent_pace));
  fill.copy(F::kHomeAway, bool_value(upgc.home_game));
  fill.copy(F::kBackToBack, bool_value(upgc.back_to_back));
  const auto& phase = upgc.season_phase;
  fill.copy(F::kPlayoffGame,
            phase ? std::optional<double>(*phase == "playoffs" ? 1.0 : 0.0) : std::nullopt);
  using Psza = ShotZoneFeaturesView;
  const std::pair<Feature, std::optional<double> Psza::*> zones[] = {
      {F::kPctPaint, &Psza::paint_rate_last_10},
      {F::kPctMidRange, &Psza::mid_range_rate_last_10},
      {F::kPctThree, &Psza::three_pt_rate_last_10}};
  for (const auto& [feature, member] : zones) {
    auto rate = value_of(psza, member);
    fill.calc(feature, rate ? std::optional<double>(*rate / 100) : std::nullopt);
  }
  fill.calc(F::kPctFreeThrow, fc::pct_free_throw(games));
  fill.phase4(F::kTeamPace, value_of(pdc, &Pdc::team_pace_last_10));
  fill.phase4(F::kTeamOffRating, value_of(pdc, &Pdc::team_off_rating_last_10));
  auto togs = team_season(*in.history, team, d);
  fill.calc(F::kTeamWinPct, fc::team_win_pct(togs));
  auto line = upgc.current_points_line;
  auto opening = upgc.opening_points_line;
  fill.copy(F::kVegasPointsLine, line);
  fill.copy(F::kVegasOpeningLine, opening);
  fill.calc(F::kVegasLineMove,
            line && opening ? std::optional<double>(*line - *opening) : std::nullopt);
  fill[F::kHasVegasLine] = {line ? 1.0 : 0.0, FS::kCalculated};
  auto vs = fc::points_vs_opponent(in.history->player(player), opponent, d);
  if (vs.avg_points) {
    fill[F::kAvgPointsVsOpponent] = {round4(*vs.avg_points), FS::kCalculated};
  } else {  // its default is the value of points_avg_season
    fill[F::kAvgPointsVsOpponent] = {fill[F::kPointsAvgSeason].value, FS::kDefault};
  }
  fill[F::kGamesVsOpponent] = {static_cast<double>(vs.games), FS::kCalculated};
  fill.phase4(F::kMinutesAvgLast10, value_of(pdc, &Pdc::minutes_avg_last_10));
  fill.calc(F::kPpmAvgLast10, fc::ppm_avg_last_10(games));
  fill.calc(F::kDnpRate, fc::dnp_rate(*in.raw, player, d));
  fill.calc(F::kPtsSlope10g, fc::pts_slope_10g(games));
  const FeatureValue &f0 = fill[F::kPointsAvgLast5], &f2 = fill[F::kPointsAvgSeason],
                     &f3 = fill[F::kPointsStdLast10];
  bool p4 = f0.source == FS::kPhase4 && f2.source == FS::kPhase4 && f3.source == FS::kPhase4;
  double v0 = f0.value.value_or(0), v2 = f2.value.value_or(0), v3 = f3.value.value_or(0);
  fill.calc(F::kPtsVsSeasonZscore,
            p4 ? std::optional<double>(fc::pts_vs_season_zscore(v0, v2, v3)) : std::nullopt);
  fill.calc(F::kBreakoutFlag,
            p4 ? std::optional<double>(fc::breakout_flag(v0, v2, v3)) : std::nullopt);
  fill.copy(F::kStarTeammatesOut, int_value(upgc.star_teammates_out));
  auto total = value_of(utgc, &analytics::TeamLinesView::game_total);
  auto spread = value_of(utgc, &analytics::TeamLinesView::game_spread);
  fill.copy(F::kGameTotalLine, total);
  fill.copy(F::kDaysRest, int_value(upgc.days_rest));
  fill.copy(F::kMinutesLoadLast7d, upgc.minutes_in_last_7_days);
  fill.calc(F::kSpreadMagnitude, spread ? std::optional<double>(std::abs(*spread)) : std::nullopt);
  fill.calc(F::kImpliedTeamTotal,
            total && spread ? std::optional<double>((*total - *spread) / 2) : std::nullopt);
  fill.calc(F::kPointsAvgLast3, fc::points_avg_last_3(games));
  fill.calc(F::kScoringTrendSlope, fc::scoring_trend_slope(games));
  fill.calc(F::kDeviationFromAvgLast3, fc::deviation_from_avg_last3(games, d));
  fill.calc(F::kConsecutiveGamesBelowAvg, fc::consecutive_games_below_avg(games, d));
  auto out = out_teammates(roster, player);
  fill[F::kTeammateUsageAvailable] = {round4(fc::teammate_usage_available(*in.history, out, d)),
                                      FS::kCalculated};
  fill.calc(F::kUsageRateLast5, fc::usage_rate_last_5(games));
  fill.calc(F::kGamesSinceStructuralChange, fc::games_since_structural_change(games, d));
  fill.calc(F::kMultiBookLineStd,
            fc::multi_book_line_std(in.raw->prop_lines(d, player), in.raw->game(game_id)));
  fill.copy(F::kPropOverStreak, int_value(upgc.prop_over_streak));
  fill.copy(F::kPropUnderStreak, int_value(upgc.prop_under_streak));
  fill.calc(F::kLineVsSeasonAvg,
            line && f2.source == FS::kPhase4 ? std::optional<double>(*line - v2) : std::nullopt);
  fill.calc(F::kPropLineDelta, fc::prop_line_delta(line, games, d));
  fill.calc(F::kOverRateLast10, fc::over_rate_last_10(games));
  fill.calc(F::kMarginVsLineAvgLast5, fc::margin_vs_line_avg_last_5(games));
  fill.calc(F::kBlowoutMinutesRisk, fc::blowout_minutes_risk(togs));
  fill.calc(F::kMinutesVolatilityLast10, fc::minutes_volatility_last_10(games));
  const FeatureValue &team_pace = fill[F::kTeamPace], &opp_pace = fill[F::kOpponentPace];
  bool pace_p4 = team_pace.source == FS::kPhase4 && opp_pace.source == FS::kPhase4;
  fill.calc(F::kOpponentPaceMismatch,
            pace_p4 ? std::optional<double>(*team_pace.value - *opp_pace.value) : std::nullopt);
  return f;
}

bool entity(const UpgcView& upgc) {
  const auto& status = upgc.injury_status;
  if (status && (*status == "out" || *status == "doubtful")) return false;
  const auto& avg = upgc.avg_minutes_per_game_last_7_days;
  return (avg && *avg >= 15) || upgc.current_points_line.has_value();
}

// A Phase 4 row (read through its view) is there and production-ready.
template <class V>
std::optional<bool> ready(const std::optional<V>& row) {
  return row && row->is_production_ready.value_or(false);
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

// The completeness block, upstream flags and issues of a player's row (§7.4).
void fill_completeness(const Phase4Inputs& in, const std::string& player,
                       const std::string& opponent, MlFeatureStoreRecord& m) {
  m.bootstrap_mode = in.bootstrap_mode;
  const EntityCompleteness* ec = in.completeness ? in.completeness->player(player) : nullptr;
  if (!ec) return;  // unchecked: the rest stays NULL
  std::optional<bool> up[4] = {ready(in.pdc.read(daily_cache_features_view(), player)),
                               ready(in.pcf.read(composite_factors_view(), player)),
                               ready(in.psza.read(shot_zone_features_view(), player)),
                               ready(in.tdza.read(opponent_defense_view(), opponent))};
  bool all_up = *up[0] && *up[1] && *up[2] && *up[3];
  // The primary window of a player is l10 (§1).
  const WindowCompleteness* l10 = ec->window("l10");
  const WindowCompleteness& primary = l10 ? *l10 : ec->primary();
  m.completeness_checked = true;
  m.expected_games_count = primary.expected;
  m.actual_games_count = primary.actual;
  m.completeness_pct = primary.pct;
  auto pct = [&](const char* w) {
    const WindowCompleteness* wc = ec->window(w);
    return wc ? std::optional<double>(wc->pct) : std::nullopt;
  };
  m.l5_completeness_pct = pct("l5");
  m.l10_completeness_pct = pct("l10");
  m.l7d_completeness_pct = pct("l7d");
  m.l14d_completeness_pct = pct("l14d");
  m.l30d_completeness_pct = pct("l30d");
  m.all_windows_complete = ec->all_windows_complete;
  m.is_production_ready = ec->production_ready && all_up;
  m.upstream_daily_cache_ready = up[0];
  m.upstream_composite_ready = up[1];
  m.upstream_shot_zone_ready = up[2];
  m.upstream_team_defense_ready = up[3];
  const char* names[] = {"upstream_daily_cache_incomplete", "upstream_composite_incomplete",
                         "upstream_shot_zone_incomplete", "upstream_team_defense_incomplete"};
  std::string issues;
  for (size_t i = 0; i < 4; ++i) {
    if (*up[i]) continue;
    if (!issues.empty()) issues += ';';
    issues += names[i];
  }
  if (!issues.empty()) m.data_quality_issues = issues;
}

Row build_row(const Phase4Inputs& in, const UpgcView& upgc, const FeatureArray& f) {
  MlFeatureStoreRecord m;
  m.game_date = in.d;
  m.player_lookup = upgc.player_lookup;
  const std::string& opponent = *upgc.opponent_abbr;
  m.game_id = upgc.game_id;
  m.team_abbr = upgc.team_abbr;
  m.opponent_abbr = opponent;
  m.player_id = upgc.player_id;
  m.feature_version = kFeatureVersion;
  m.features = json_features(f);
  m.feature_sources = json_sources(f);
  FeatureQuality q = score_feature_quality(f);
  m.feature_quality_score = q.score;
  m.quality_tier = q.tier;
  m.matchup_quality_pct = q.matchup;
  m.player_history_quality_pct = q.player_history;
  m.team_context_quality_pct = q.team_context;
  m.vegas_quality_pct = q.vegas;
  m.game_context_quality_pct = q.game_context;
  m.quality_alert_level = q.alert_level;
  m.is_training_ready = q.training_ready;
  m.is_quality_ready = q.quality_ready;
  m.quality_alerts = nlohmann::json(q.alerts).dump();
  m.default_feature_count = q.default_feature_count;
  m.required_default_count = q.required_default_count;
  auto count = [&](FS label) { return q.label_counts[static_cast<size_t>(label)]; };
  m.phase4_count = count(FS::kPhase4);
  m.phase3_count = count(FS::kPhase3);
  m.calculated_count = count(FS::kCalculated);
  m.vegas_count = count(FS::kVegas);
  m.default_count = count(FS::kDefault);
  m.missing_count = count(FS::kMissing);
  m.has_vegas_line = f[cat::index(F::kHasVegasLine)].value == 1.0;
  fill_completeness(in, m.player_lookup, opponent, m);
  return ml_feature_store_record().write(m);
}

}  // namespace

const std::array<std::string_view, kFeatureCount>& feature_names() {
  static const std::array<std::string_view, kFeatureCount> names = [] {
    std::array<std::string_view, kFeatureCount> out{};
    for (size_t i = 0; i < kFeatureCount; ++i) out[i] = cat::catalog()[i].name;
    return out;
  }();
  return names;
}

const TableSchema& ml_feature_store_table() {
  static const TableSchema table{"ml_feature_store",
                                 ml_feature_store_record().columns(),
                                 {"game_date", "player_lookup"},
                                 "game_date, player_lookup"};
  return table;
}

FeatureArray compute_features(const Phase4Inputs& in, const UpgcView& upgc) {
  const std::string& team = *upgc.team_abbr;
  auto roster =
      analytics::team_roster(*in.raw, *in.history, team, in.raw->game(*upgc.game_id), in.d);
  return features_with_roster(in, upgc, roster);
}

std::optional<std::string> feature_range_violation(const FeatureArray& f) {
  for (size_t i = 0; i < kFeatureCount; ++i) {
    if (f[i].value && !std::isfinite(*f[i].value)) {
      return "feature " + std::to_string(i) + " (" + std::string(feature_names()[i]) +
             ") is not finite";
    }
  }
  // The bounded ranges of the catalog, in index order.
  for (const cat::FeatureSpec& spec : cat::catalog()) {
    const std::optional<double>& v = f[cat::index(spec.feature)].value;
    if (!spec.range.bounded() || !v || spec.range.contains(*v)) continue;
    size_t i = cat::index(spec.feature);
    return "feature " + std::to_string(i) + " (" + std::string(spec.name) +
           ") = " + std::to_string(*v) + " outside [" + std::to_string(spec.range.lo) + ", " +
           std::to_string(spec.range.hi) + "]";
  }
  return std::nullopt;
}

analytics::ProcessorOutput ml_feature_store(const Phase4Inputs& in) {
  const DayRows& upgc_rows = in.upgc;
  if (!upgc_rows.table()) return {};
  // Every UPGC row read through the view (bound once); a row it refuses throws.
  std::vector<UpgcView> entities = upgc_rows.read_all(analytics::feature_context_view());
  std::erase_if(entities, [](const UpgcView& u) { return !entity(u); });
  std::sort(entities.begin(), entities.end(),
            [](const UpgcView& a, const UpgcView& b) { return a.player_lookup < b.player_lookup; });
  // The rosters of the teams of D first (shared, read-only), then the players in parallel.
  std::map<std::string, analytics::TeamRoster> rosters;
  for (const UpgcView& upgc : entities) {
    const auto& team = upgc.team_abbr;
    const auto& game = upgc.game_id;
    if (!team || !upgc.opponent_abbr || !game || rosters.count(*team)) continue;
    try {
      rosters.emplace(
          *team, analytics::team_roster(*in.raw, *in.history, *team, in.raw->game(*game), in.d));
    } catch (const std::exception&) {
      // Its players fail below (PROCESSING_ERROR: no roster), the others go on.
    }
  }
  return analytics::collect_entities(
      in.parallel, entities.size(), [&](size_t i) -> analytics::EntityResult {
        const UpgcView& upgc = entities[i];
        const std::string& player = upgc.player_lookup;
        auto fail = [&player](std::string category, std::string reason, bool retry) {
          return FailedEntity{"player", player, std::move(category), std::move(reason), retry};
        };
        try {
          const auto& team = upgc.team_abbr;
          const auto& opp = upgc.opponent_abbr;
          const auto& game = upgc.game_id;
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
