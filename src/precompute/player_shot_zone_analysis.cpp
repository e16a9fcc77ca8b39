#include "precompute/player_shot_zone_analysis.h"

#include <algorithm>
#include <set>

#include "core/value.h"
#include "precompute/completeness_record.h"
#include "precompute/gates.h"
#include "precompute/player_shot_zone_analysis_record.h"

namespace nbaprops::precompute {
namespace {

namespace a = analytics;

TableSchema build_table() {
  return {"player_shot_zone_analysis",
          player_shot_zone_analysis_record().columns(),
          {"analysis_date", "player_lookup"},
          "analysis_date, player_lookup"};
}

bool has_shot_data(const a::PgsRecord& r) {
  return r.paint_attempts && r.mid_range_attempts && r.three_attempts_shots;
}

std::optional<double> div(double num, double den) {
  if (den == 0) return std::nullopt;
  return num / den;
}

// His raw appearances in S before D, and the player_id of his newest row that has one.
struct RawPlayer {
  int appearances = 0;
  std::optional<int64_t> player_id;
};

RawPlayer raw_player(const a::RawInputs& raw, const std::string& lookup, Date d) {
  RawPlayer out;
  int season = season_of(d);
  for (const a::PlayerBox* b : raw.player_boxes(lookup)) {  // date order
    if (b->game_date >= d) break;
    if (season_of(b->game_date) != season) continue;
    if (b->appeared()) ++out.appearances;
    if (b->player_id) out.player_id = b->player_id;
  }
  if (!out.player_id) {
    if (const a::Player* p = raw.player(lookup)) out.player_id = p->player_id;
  }
  return out;
}

// One player's row of D, or why he gets none.
std::variant<Row, a::FailedEntity> psza_entity(const Phase4Inputs& in, const std::string& player,
                                               int m, int season) {
  const EntityCompleteness* c = player_completeness(in, player);
  if (auto f = completeness_gate(in, c, "player", player)) return *f;
  // W20 newest first; W10 is its first 10.
  std::vector<const a::PgsRecord*> w20;
  auto rows = a::before(in.history->player(player), in.d);
  for (auto it = rows.rbegin(); it != rows.rend() && w20.size() < 20; ++it) {
    if (it->season == season && it->appeared()) w20.push_back(&*it);
  }
  std::span<const a::PgsRecord* const> w10(w20.data(), std::min<size_t>(w20.size(), 10));
  const RawPlayer raw = raw_player(*in.raw, player, in.d);
  if (static_cast<int>(w10.size()) < m) {
    return too_few_games("player", player, static_cast<int>(w10.size()), m, raw.appearances);
  }
  try {
    const ShotZoneWindow s10 = aggregate_shot_window(w10);
    std::optional<ShotZoneWindow> s20;
    if (w20.size() >= 15) s20 = aggregate_shot_window(w20);

    std::string problems;
    check_range(problems, "paint_rate_last_10", s10.paint_rate, 0, 100);
    check_range(problems, "mid_range_rate_last_10", s10.mid_range_rate, 0, 100);
    check_range(problems, "three_pt_rate_last_10", s10.three_rate, 0, 100);
    check_range(problems, "paint_pct_last_10", s10.paint_pct, 0, 1);
    check_range(problems, "mid_range_pct_last_10", s10.mid_range_pct, 0, 1);
    check_range(problems, "three_pt_pct_last_10", s10.three_pct, 0, 1);
    check_range(problems, "paint_attempts_per_game", s10.paint_per_game, 0, 40);
    check_range(problems, "mid_range_attempts_per_game", s10.mid_range_per_game, 0, 40);
    check_range(problems, "three_pt_attempts_per_game", s10.three_per_game, 0, 40);
    if (s20) {
      check_range(problems, "paint_rate_last_20", s20->paint_rate, 0, 100);
      check_range(problems, "paint_pct_last_20", s20->paint_pct, 0, 1);
    }
    if (!problems.empty()) {
      return a::FailedEntity{"player", player, "VALIDATION_ERROR", problems, false};
    }

    auto stored2 = [](std::optional<double> v) {
      return v ? std::optional<double>(round_half_away(*v, 2)) : std::nullopt;
    };
    PlayerShotZoneAnalysisRecord r;
    static_cast<PlayerCompletenessColumns&>(r) = player_block(in, c);
    r.analysis_date = in.d;
    r.player_lookup = player;
    r.player_id = raw.player_id;
    r.team_abbr = w10.front()->team_abbr;
    r.games_in_sample_10 = s10.games;
    r.shot_games_10 = s10.shot_games;
    r.paint_rate_last_10 = s10.paint_rate;
    r.mid_range_rate_last_10 = s10.mid_range_rate;
    r.three_pt_rate_last_10 = s10.three_rate;
    r.paint_pct_last_10 = s10.paint_pct;
    r.mid_range_pct_last_10 = s10.mid_range_pct;
    r.three_pt_pct_last_10 = s10.three_pct;
    r.paint_attempts_per_game = s10.paint_per_game;
    r.mid_range_attempts_per_game = s10.mid_range_per_game;
    r.three_pt_attempts_per_game = s10.three_per_game;
    r.total_shots_last_10 = s10.total_shots;
    r.assisted_rate_last_10 = s10.assisted_rate;
    r.unassisted_rate_last_10 = s10.unassisted_rate;
    r.games_in_sample_20 = static_cast<int64_t>(w20.size());
    if (s20) {
      r.paint_rate_last_20 = s20->paint_rate;
      r.paint_pct_last_20 = s20->paint_pct;
    }
    r.sample_quality_10 = sample_quality(s10.games, 10);
    r.sample_quality_20 = sample_quality(static_cast<int>(w20.size()), 20);
    r.primary_scoring_zone = primary_scoring_zone(
        stored2(s10.paint_rate), stored2(s10.mid_range_rate), stored2(s10.three_rate));
    r.data_quality_tier = s10.shot_games >= 10 ? "high" : s10.shot_games >= 7 ? "medium" : "low";
    r.early_season_flag = m < 10;
    r.min_games_required = m;
    return player_shot_zone_analysis_record().write(r);
  } catch (const std::exception& e) {
    return a::FailedEntity{"player", player, "PROCESSING_ERROR", e.what(), false};
  }
}

}  // namespace

const TableSchema& player_shot_zone_analysis_table() {
  static const TableSchema table = build_table();
  return table;
}

std::vector<std::string> psza_entities(const a::RawInputs& raw, Date d) {
  return raw.players_appeared_before(d);
}

int psza_min_games(int days) {
  return days <= 21 ? std::min(3 + days / 3, 9) : 10;
}

ShotZoneWindow aggregate_shot_window(std::span<const a::PgsRecord* const> games) {
  ShotZoneWindow w;
  w.games = static_cast<int>(games.size());
  int64_t att[3] = {}, mk[3] = {};
  int64_t assisted = 0, unassisted = 0, fgm = 0;
  bool assist_data = false;
  for (const a::PgsRecord* g : games) {
    if (has_shot_data(*g)) {
      ++w.shot_games;
      att[0] += *g->paint_attempts;
      att[1] += *g->mid_range_attempts;
      att[2] += *g->three_attempts_shots;
      mk[0] += g->paint_makes.value_or(0);
      mk[1] += g->mid_range_makes.value_or(0);
      mk[2] += g->three_makes_shots.value_or(0);
    }
    if (g->assisted_makes && g->unassisted_makes) {
      assist_data = true;
      assisted += *g->assisted_makes;
      unassisted += *g->unassisted_makes;
      fgm += g->fgm.value_or(0);
    }
  }
  if (w.shot_games > 0) {
    const int64_t total = att[0] + att[1] + att[2];
    w.total_shots = total;
    std::optional<double>* rates[] = {&w.paint_rate, &w.mid_range_rate, &w.three_rate};
    std::optional<double>* pcts[] = {&w.paint_pct, &w.mid_range_pct, &w.three_pct};
    std::optional<double>* per_game[] = {&w.paint_per_game, &w.mid_range_per_game,
                                         &w.three_per_game};
    for (int z = 0; z < 3; ++z) {
      if (total > 0) *rates[z] = 100.0 * static_cast<double>(att[z]) / static_cast<double>(total);
      *pcts[z] = div(static_cast<double>(mk[z]), static_cast<double>(att[z]));
      *per_game[z] = static_cast<double>(att[z]) / w.shot_games;
    }
  }
  if (assist_data && fgm > 0) {
    w.assisted_rate = 100.0 * static_cast<double>(assisted) / static_cast<double>(fgm);
    w.unassisted_rate = 100.0 * static_cast<double>(unassisted) / static_cast<double>(fgm);
  }
  return w;
}

std::optional<std::string> primary_scoring_zone(std::optional<double> paint,
                                                std::optional<double> mid_range,
                                                std::optional<double> three) {
  if (!paint || !mid_range || !three) return std::nullopt;
  if (*paint >= 40) return "paint";
  if (*three >= 40) return "perimeter";
  if (*mid_range >= 35) return "mid_range";
  return "balanced";
}

std::string sample_quality(int count, int target) {
  if (count >= target) return "excellent";
  if (count >= (7 * target) / 10) return "good";
  if (count >= target / 2) return "limited";
  return "insufficient";
}

a::ProcessorOutput player_shot_zone_analysis(const Phase4Inputs& in) {
  auto days = days_since_opening(in);
  if (!days || *days < 0 || in.raw->games_on(in.d).empty()) return {};
  const int m = psza_min_games(*days);
  const int season = season_of(in.d);
  const std::vector<std::string> players = psza_entities(*in.raw, in.d);
  return a::collect_entities(in.parallel, players.size(),
                             [&](size_t i) { return psza_entity(in, players[i], m, season); });
}

}  // namespace nbaprops::precompute
