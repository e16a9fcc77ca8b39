#include "precompute/team_defense_zone_analysis.h"

#include <algorithm>
#include <limits>
#include <map>

#include "core/teams.h"
#include "precompute/completeness_record.h"
#include "precompute/gates.h"
#include "precompute/team_defense_zone_analysis_record.h"

namespace nbaprops::precompute {
namespace {

namespace a = analytics;

constexpr size_t kWindowGames = 15;
constexpr int kMinLeagueTeams = 10;

TableSchema build_table() {
  return {"team_defense_zone_analysis",
          team_defense_zone_analysis_record().columns(),
          {"analysis_date", "team_abbr"},
          "analysis_date, team_abbr"};
}

std::optional<double> ratio(int64_t num, int64_t den, bool any) {
  if (!any || den == 0) return std::nullopt;
  return static_cast<double>(num) / static_cast<double>(den);
}

// Σmakes / Σattempts over the games where both are non-NULL.
template <typename Get>
std::optional<double> zone_pct(std::span<const a::TdgsRecord> w, Get makes_attempts) {
  int64_t m = 0, att = 0;
  bool any = false;
  for (const auto& r : w) {
    auto [mk, at] = makes_attempts(r);
    if (!mk || !at) continue;
    m += *mk;
    att += *at;
    any = true;
  }
  return ratio(m, att, any);
}

// Mean over the games where the value is non-NULL.
template <typename Get>
std::optional<double> mean_of(std::span<const a::TdgsRecord> w, Get get) {
  double sum = 0;
  int n = 0;
  for (const auto& r : w) {
    auto v = get(r);
    if (!v) continue;
    sum += static_cast<double>(*v);
    ++n;
  }
  if (n == 0) return std::nullopt;
  return sum / n;
}

// The team's window W: TDGS rows of S before D, newest first, at most 15.
std::vector<a::TdgsRecord> defense_window(const a::Phase3History& h, const std::string& team,
                                          Date d) {
  std::vector<a::TdgsRecord> w;
  auto rows = a::before(h.team_defense(team), d);
  int season = season_of(d);
  for (auto it = rows.rbegin(); it != rows.rend() && w.size() < kWindowGames; ++it) {
    if (it->season == season) w.push_back(*it);
  }
  return w;
}

// The team's final games of S before D in the schedule.
int final_games_before(const a::RawInputs& raw, const std::string& team, Date d) {
  int n = 0, season = season_of(d);
  for (const a::Game* g : raw.team_games(team)) {
    if (g->game_date < d && g->season == season && g->is_final()) ++n;
  }
  return n;
}

const char* const kZoneNames[] = {"paint", "mid_range", "perimeter"};

}  // namespace

const TableSchema& team_defense_zone_analysis_table() {
  static const TableSchema table = build_table();
  return table;
}

int tdza_min_games(int days) {
  return days <= 21 ? std::min(5 + days / 3, 14) : 15;
}

DefenseWindow aggregate_defense_window(std::span<const a::TdgsRecord> w) {
  DefenseWindow out;
  out.games = static_cast<int>(w.size());
  out.paint_pct = zone_pct(
      w, [](const a::TdgsRecord& r) { return std::pair(r.opp_paint_makes, r.opp_paint_attempts); });
  out.mid_range_pct = zone_pct(w, [](const a::TdgsRecord& r) {
    return std::pair(r.opp_mid_range_makes, r.opp_mid_range_attempts);
  });
  out.three_pct = zone_pct(w, [](const a::TdgsRecord& r) {
    return std::pair(r.opp_three_makes_shots, r.opp_three_attempts_shots);
  });
  out.paint_attempts = mean_of(w, [](const a::TdgsRecord& r) { return r.opp_paint_attempts; });
  out.mid_range_attempts =
      mean_of(w, [](const a::TdgsRecord& r) { return r.opp_mid_range_attempts; });
  out.three_attempts =
      mean_of(w, [](const a::TdgsRecord& r) { return r.opp_three_attempts_shots; });
  out.paint_points = mean_of(w, [](const a::TdgsRecord& r) { return r.points_in_paint_allowed; });
  out.paint_blocks = mean_of(w, [](const a::TdgsRecord& r) { return r.paint_blocks; });
  out.mid_range_blocks = mean_of(w, [](const a::TdgsRecord& r) { return r.mid_range_blocks; });
  out.three_blocks = mean_of(w, [](const a::TdgsRecord& r) { return r.three_blocks; });
  out.points_allowed = mean_of(w, [](const a::TdgsRecord& r) { return r.points_allowed; });
  out.defensive_rating = mean_of(w, [](const a::TdgsRecord& r) { return r.defensive_rating; });
  out.opponent_pace = mean_of(w, [](const a::TdgsRecord& r) { return r.opponent_pace; });
  return out;
}

LeagueZoneAverages league_zone_averages(std::span<const DefenseWindow> windows, int m) {
  double paint = 0, mid = 0, three = 0;
  int n = 0;
  for (const auto& w : windows) {
    if (w.games < m || !w.paint_pct || !w.mid_range_pct || !w.three_pct) continue;
    paint += *w.paint_pct;
    mid += *w.mid_range_pct;
    three += *w.three_pct;
    ++n;
  }
  LeagueZoneAverages out;
  out.teams_in_sample = n;
  if (n >= kMinLeagueTeams) {
    out.paint = paint / n;
    out.mid_range = mid / n;
    out.three = three / n;
    out.computed = true;
  }
  return out;
}

ZoneComparison compare_to_league(const DefenseWindow& w, const LeagueZoneAverages& league) {
  const std::optional<double> pcts[] = {w.paint_pct, w.mid_range_pct, w.three_pct};
  const double league_pcts[] = {league.paint, league.mid_range, league.three};
  std::optional<double> vs[3];
  int strongest = -1, weakest = -1;
  for (int z = 0; z < 3; ++z) {
    if (!pcts[z]) continue;
    vs[z] = (*pcts[z] - league_pcts[z]) * 100.0;
    if (strongest < 0 || *vs[z] < *vs[strongest]) strongest = z;
    if (weakest < 0 || *vs[z] > *vs[weakest]) weakest = z;
  }
  ZoneComparison out{vs[0], vs[1], vs[2], std::nullopt, std::nullopt};
  if (strongest >= 0) out.strongest_zone = kZoneNames[strongest];
  if (weakest >= 0) out.weakest_zone = kZoneNames[weakest];
  return out;
}

std::optional<std::string> calculation_notes(const DefenseWindow& w) {
  const std::optional<double> pcts[] = {w.paint_pct, w.mid_range_pct, w.three_pct};
  const char* const kNotes[] = {"No paint attempts", "No mid-range attempts",
                                "No three-point attempts"};
  std::string notes;
  for (int z = 0; z < 3; ++z) {
    if (pcts[z]) continue;
    if (!notes.empty()) notes += "; ";
    notes += kNotes[z];
  }
  if (notes.empty()) return std::nullopt;
  return notes;
}

a::ProcessorOutput team_defense_zone_analysis(const Phase4Inputs& in) {
  a::ProcessorOutput out;
  auto days = days_since_opening(in);
  if (!days || *days < 0 || in.raw->games_on(in.d).empty()) return out;
  const int m = tdza_min_games(*days);
  const int season = season_of(in.d);

  // Entities (sorted: key order) and their windows, once.
  std::map<std::string, DefenseWindow> windows;
  for (const TeamInfo& info : all_teams()) {
    std::string team(info.abbr);
    bool in_season = false;
    for (const a::Game* g : in.raw->team_games(team)) in_season = in_season || g->season == season;
    if (!in_season) continue;
    windows.emplace(team, aggregate_defense_window(defense_window(*in.history, team, in.d)));
  }
  std::vector<DefenseWindow> all;
  for (const auto& [team, w] : windows) all.push_back(w);
  const LeagueZoneAverages league = league_zone_averages(all, m);

  for (const auto& [team, w] : windows) {
    const EntityCompleteness* c = team_completeness(in, team);
    if (auto f = completeness_gate(in, c, "team", team)) {
      out.failed.push_back(*f);
      continue;
    }
    if (w.games < m) {
      out.failed.push_back(
          too_few_games("team", team, w.games, m, final_games_before(*in.raw, team, in.d)));
      continue;
    }
    try {
      std::string problems;
      check_range(problems, "paint_pct_allowed_last_15", w.paint_pct, 0, 1);
      check_range(problems, "mid_range_pct_allowed_last_15", w.mid_range_pct, 0, 1);
      check_range(problems, "three_pt_pct_allowed_last_15", w.three_pct, 0, 1);
      for (auto [name, v] : {std::pair{"paint_attempts_allowed_per_game", w.paint_attempts},
                             {"mid_range_attempts_allowed_per_game", w.mid_range_attempts},
                             {"three_pt_attempts_allowed_per_game", w.three_attempts},
                             {"paint_points_allowed_per_game", w.paint_points},
                             {"paint_blocks_per_game", w.paint_blocks},
                             {"mid_range_blocks_per_game", w.mid_range_blocks},
                             {"three_pt_blocks_per_game", w.three_blocks},
                             {"opponent_points_per_game", w.points_allowed},
                             {"opponent_pace", w.opponent_pace}}) {
        check_range(problems, name, v, 0, std::numeric_limits<double>::infinity());
      }
      check_range(problems, "defensive_rating_last_15", w.defensive_rating, 50, 200);
      if (!problems.empty()) {
        out.failed.push_back({"team", team, "VALIDATION_ERROR", problems, false});
        continue;
      }

      const ZoneComparison cmp = compare_to_league(w, league);
      TeamDefenseZoneAnalysisRecord r;
      static_cast<TeamCompletenessColumns&>(r) = team_block(in, c);
      r.analysis_date = in.d;
      r.team_abbr = team;
      r.games_in_sample = w.games;
      r.paint_pct_allowed_last_15 = w.paint_pct;
      r.mid_range_pct_allowed_last_15 = w.mid_range_pct;
      r.three_pt_pct_allowed_last_15 = w.three_pct;
      r.paint_attempts_allowed_per_game = w.paint_attempts;
      r.mid_range_attempts_allowed_per_game = w.mid_range_attempts;
      r.three_pt_attempts_allowed_per_game = w.three_attempts;
      r.paint_points_allowed_per_game = w.paint_points;
      r.paint_blocks_per_game = w.paint_blocks;
      r.mid_range_blocks_per_game = w.mid_range_blocks;
      r.three_pt_blocks_per_game = w.three_blocks;
      r.opponent_points_per_game = w.points_allowed;
      r.defensive_rating_last_15 = w.defensive_rating;
      r.opponent_pace = w.opponent_pace;
      r.league_paint_pct = league.paint;
      r.league_mid_range_pct = league.mid_range;
      r.league_three_pt_pct = league.three;
      r.league_teams_in_sample = league.teams_in_sample;
      r.league_avg_source = league.computed ? "computed" : "default";
      r.paint_defense_vs_league_avg = cmp.paint_vs;
      r.mid_range_defense_vs_league_avg = cmp.mid_range_vs;
      r.three_pt_defense_vs_league_avg = cmp.three_vs;
      r.strongest_zone = cmp.strongest_zone;
      r.weakest_zone = cmp.weakest_zone;
      r.data_quality_tier = w.games >= 15 ? "high" : w.games >= 10 ? "medium" : "low";
      r.early_season_flag = m < 15;
      r.min_games_required = m;
      r.calculation_notes = calculation_notes(w);
      out.rows.push_back(team_defense_zone_analysis_record().write(r));
    } catch (const std::exception& e) {
      out.failed.push_back({"team", team, "PROCESSING_ERROR", e.what(), false});
    }
  }
  return out;
}

}  // namespace nbaprops::precompute
