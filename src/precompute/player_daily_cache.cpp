#include "precompute/player_daily_cache.h"

#include "precompute/gates.h"

#include <algorithm>
#include <exception>
#include <variant>

#include "analytics/phase3_views.h"
#include "analytics/window_stats.h"
#include "precompute/completeness_record.h"
#include "precompute/phase4_views.h"
#include "precompute/player_daily_cache_record.h"

namespace nbaprops::precompute {
namespace {

using analytics::FailedEntity;
using analytics::PgsRecord;
using analytics::ProcessorOutput;
using analytics::TogsRecord;

TableSchema build_table() {
  return {"player_daily_cache",
          player_daily_cache_record().columns(),
          {"cache_date", "player_lookup"},
          "cache_date, player_lookup"};
}

// Mean of a member over the first n records (NULLs skipped).
template <typename R, typename F>
std::optional<double> mean_over(const std::vector<const R*>& rows, size_t n, F value) {
  std::vector<std::optional<double>> v;
  for (size_t i = 0; i < std::min(n, rows.size()); ++i) v.push_back(value(*rows[i]));
  return analytics::mean_of(v);
}

std::optional<double> as_double(const std::optional<int64_t>& v) {
  return v ? std::optional<double>(static_cast<double>(*v)) : std::nullopt;
}

// His raw appearances (active, minutes > 0) in season S before D.
int raw_appearances(const Phase4Inputs& in, const std::string& player, int season) {
  if (!in.raw) return 0;
  int n = 0;
  for (const analytics::PlayerBox* b : in.raw->player_boxes(player)) {
    if (!(b->game_date < in.d) || !b->appeared()) continue;
    const analytics::Game* g = in.raw->game(b->game_id);
    int s = g ? g->season : season_of(b->game_date);
    if (s == season) ++n;
  }
  return n;
}

std::variant<Row, FailedEntity> pdc_row(const Phase4Inputs& in,
                                        const analytics::DailyCacheContextView& upgc) {
  const std::string& player = upgc.player_lookup;
  const auto& team = upgc.team_abbr;
  if (!team) {
    return missing_upgc_key(in, player, true, "upcoming_player_game_context row without team_abbr");
  }
  int season = season_of(in.d);
  // His games of S before D, newest first.
  std::vector<const PgsRecord*> games;
  for (const PgsRecord& r : analytics::before(in.history->player(player), in.d)) {
    if (r.season == season && r.appeared()) games.push_back(&r);
  }
  std::reverse(games.begin(), games.end());
  int n = static_cast<int>(games.size());
  if (n < kPdcMinGames) {
    int raw = raw_appearances(in, player, season);
    std::string reason =
        "Only " + std::to_string(n) + " games, need " + std::to_string(kPdcMinGames);
    if (raw < kPdcMinGames) {
      return FailedEntity{"player", player, "EXPECTED_INCOMPLETE",
                          reason + " (" + std::to_string(raw) + " raw appearances)", false};
    }
    return FailedEntity{
        "player", player, "INSUFFICIENT_DATA",
        reason + " but the raw box scores show " + std::to_string(raw) + " appearances", true};
  }
  Date last = games.front()->game_date;
  int since = in.d.days - last.days;
  if (since > kPdcStaleDays) {
    return FailedEntity{"player", player, "STALE_DATA",
                        "Last game " + format_date(last) + ", " + std::to_string(since) +
                            " days before " + format_date(in.d) + " (more than " +
                            std::to_string(kPdcStaleDays) + ")",
                        false};
  }

  auto pts = [](const PgsRecord& r) { return as_double(r.pts); };
  std::vector<std::optional<double>> pts10;
  for (size_t i = 0; i < std::min<size_t>(10, games.size()); ++i) pts10.push_back(pts(*games[i]));
  std::optional<double> assisted;
  {
    int64_t a = 0, fgm = 0;
    bool any = false;
    for (size_t i = 0; i < std::min<size_t>(10, games.size()); ++i) {
      const PgsRecord& r = *games[i];
      if (!r.assisted_makes || !r.fgm) continue;
      any = true;
      a += *r.assisted_makes;
      fgm += *r.fgm;
    }
    if (any && fgm > 0) assisted = 100.0 * static_cast<double>(a) / static_cast<double>(fgm);
  }
  std::vector<const TogsRecord*> team_games;
  for (const TogsRecord& r : analytics::before(in.history->team_offense(*team), in.d)) {
    if (r.season == season) team_games.push_back(&r);
  }
  std::reverse(team_games.begin(), team_games.end());

  auto psza = in.psza.read(shot_zone_rates_view(), player);
  const EntityCompleteness* c = player_completeness(in, player);

  PlayerDailyCacheRecord r;
  static_cast<PlayerCompletenessColumns&>(r) =
      player_block_with_readiness(in, c, c && c->production_ready);
  r.cache_date = in.d;
  r.player_lookup = player;
  r.player_id = upgc.player_id;
  r.team_abbr = *team;
  r.points_avg_last_5 = mean_over(games, 5, pts);
  r.points_avg_last_10 = mean_over(games, 10, pts);
  r.points_avg_season = mean_over(games, games.size(), pts);
  r.points_std_last_10 = analytics::sample_std_of(pts10);
  r.minutes_avg_last_10 = mean_over(games, 10, [](const PgsRecord& g) { return g.minutes; });
  auto usage = [](const PgsRecord& g) { return g.usage_rate; };
  r.usage_rate_last_10 = mean_over(games, 10, usage);
  r.player_usage_rate_season = mean_over(games, games.size(), usage);
  r.ts_pct_last_10 = mean_over(games, 10, [](const PgsRecord& g) { return g.ts_pct; });
  r.assisted_rate_last_10 = assisted;
  r.games_played_season = n;
  r.last_game_date = last;
  r.team_pace_last_10 = mean_over(team_games, 10, [](const TogsRecord& g) { return g.pace; });
  r.team_off_rating_last_10 =
      mean_over(team_games, 10, [](const TogsRecord& g) { return g.offensive_rating; });
  r.games_in_last_7_days = upgc.games_in_last_7_days;
  r.games_in_last_14_days = upgc.games_in_last_14_days;
  r.minutes_in_last_7_days = upgc.minutes_in_last_7_days;
  r.minutes_in_last_14_days = upgc.minutes_in_last_14_days;
  r.back_to_backs_last_14_days = upgc.back_to_backs_last_14_days;
  r.avg_minutes_per_game_last_7_days = upgc.avg_minutes_per_game_last_7_days;
  r.player_age = upgc.player_age;
  if (psza) {
    r.primary_scoring_zone = psza->primary_scoring_zone;
    r.paint_rate_last_10 = psza->paint_rate_last_10;
    r.mid_range_rate_last_10 = psza->mid_range_rate_last_10;
    r.three_pt_rate_last_10 = psza->three_pt_rate_last_10;
    r.shot_zone_data_available =
        r.paint_rate_last_10 && r.mid_range_rate_last_10 && r.three_pt_rate_last_10;
  }
  r.early_season_flag = n < kPdcEarlySeasonGames;
  if (r.early_season_flag) {
    r.insufficient_data_reason =
        "Only " + std::to_string(n) + " games played, need " + std::to_string(kPdcEarlySeasonGames);
  }
  r.cache_version = kPdcCacheVersion;
  return player_daily_cache_record().write(r);
}

}  // namespace

const TableSchema& player_daily_cache_table() {
  static const TableSchema table = build_table();
  return table;
}

ProcessorOutput player_daily_cache(const Phase4Inputs& in) {
  using V = analytics::DailyCacheContextView;
  return for_each_upgc_player<V>(in, analytics::daily_cache_context_view(),
                                 [&](const V& upgc) { return pdc_row(in, upgc); });
}

}  // namespace nbaprops::precompute
