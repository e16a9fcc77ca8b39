#include "precompute/player_daily_cache.h"

#include "precompute/gates.h"

#include <algorithm>
#include <exception>
#include <variant>

#include "analytics/completeness_block.h"
#include "analytics/row_builder.h"
#include "analytics/window_stats.h"
#include "precompute/player_completeness_block.h"

namespace nbaprops::precompute {
namespace {

using analytics::ColumnList;
using analytics::FailedEntity;
using analytics::PgsRecord;
using analytics::ProcessorOutput;
using analytics::RowBuilder;
using analytics::TogsRecord;

TableSchema build_table() {
  ColumnList c;
  c.date("cache_date", false).text("player_lookup", false).integer("player_id");
  c.text("team_abbr", false);
  c.dec("points_avg_last_5", 1).dec("points_avg_last_10", 1).dec("points_avg_season", 1);
  c.dec("points_std_last_10", 2).dec("minutes_avg_last_10", 1);
  c.dec("usage_rate_last_10", 2).dec("player_usage_rate_season", 2);
  c.dec("ts_pct_last_10", 3).dec("assisted_rate_last_10", 2);
  c.integer("games_played_season", false).date("last_game_date", false);
  c.dec("team_pace_last_10", 1).dec("team_off_rating_last_10", 2);
  // Copies from UPGC, as UPGC declares them.
  c.integer("games_in_last_7_days").integer("games_in_last_14_days");
  c.dec("minutes_in_last_7_days", 1).dec("minutes_in_last_14_days", 1);
  c.integer("back_to_backs_last_14_days").dec("avg_minutes_per_game_last_7_days", 1);
  c.integer("player_age");
  // Copies from PSZA.
  c.text("primary_scoring_zone").dec("paint_rate_last_10", 2).dec("mid_range_rate_last_10", 2);
  c.dec("three_pt_rate_last_10", 2).boolean("shot_zone_data_available", false);
  c.boolean("early_season_flag", false).text("insufficient_data_reason");
  c.text("cache_version", false);
  analytics::add_completeness_columns(c, player_completeness_windows());
  c.ts("processed_at");
  return {
      "player_daily_cache", c.take(), {"cache_date", "player_lookup"}, "cache_date, player_lookup"};
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

std::variant<Row, FailedEntity> pdc_row(const Phase4Inputs& in, const RowReader& upgc) {
  std::string player = *upgc.s("player_lookup");
  auto team = upgc.s("team_abbr");
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

  auto psza = in.psza.find(player);
  const EntityCompleteness* c = player_completeness(in, player);

  RowBuilder b(player_daily_cache_table().columns.size());
  b.date(in.d).text(player).integer(upgc.i("player_id")).text(*team);
  b.dec(mean_over(games, 5, pts), 1).dec(mean_over(games, 10, pts), 1);
  b.dec(mean_over(games, games.size(), pts), 1);
  b.dec(analytics::sample_std_of(pts10), 2);
  b.dec(mean_over(games, 10, [](const PgsRecord& r) { return r.minutes; }), 1);
  auto usage = [](const PgsRecord& r) { return r.usage_rate; };
  b.dec(mean_over(games, 10, usage), 2).dec(mean_over(games, games.size(), usage), 2);
  b.dec(mean_over(games, 10, [](const PgsRecord& r) { return r.ts_pct; }), 3);
  b.dec(assisted, 2);
  b.integer(n).date(last);
  b.dec(mean_over(team_games, 10, [](const TogsRecord& r) { return r.pace; }), 1);
  b.dec(mean_over(team_games, 10, [](const TogsRecord& r) { return r.offensive_rating; }), 2);
  b.integer(upgc.i("games_in_last_7_days")).integer(upgc.i("games_in_last_14_days"));
  b.dec(upgc.d("minutes_in_last_7_days"), 1).dec(upgc.d("minutes_in_last_14_days"), 1);
  b.integer(upgc.i("back_to_backs_last_14_days"));
  b.dec(upgc.d("avg_minutes_per_game_last_7_days"), 1).integer(upgc.i("player_age"));
  if (psza) {
    auto paint = psza->d("paint_rate_last_10");
    auto mid = psza->d("mid_range_rate_last_10");
    auto three = psza->d("three_pt_rate_last_10");
    b.text(psza->s("primary_scoring_zone")).dec(paint, 2).dec(mid, 2).dec(three, 2);
    b.boolean(paint && mid && three);
  } else {
    b.null().null().null().null().boolean(false);
  }
  bool early = n < kPdcEarlySeasonGames;
  b.boolean(early);
  b.text(early ? std::optional<std::string>("Only " + std::to_string(n) + " games played, need " +
                                            std::to_string(kPdcEarlySeasonGames))
               : std::nullopt);
  b.text(kPdcCacheVersion);
  put_player_completeness(b, in, c, c && c->production_ready);
  b.null();  // processed_at: the writer fills it
  return b.take();
}

}  // namespace

const TableSchema& player_daily_cache_table() {
  static const TableSchema table = build_table();
  return table;
}

ProcessorOutput player_daily_cache(const Phase4Inputs& in) {
  return for_each_upgc_player(in, [&](const RowReader& upgc) { return pdc_row(in, upgc); });
}

}  // namespace nbaprops::precompute
