// Test and bench support: a stand-in Phase 3 history built straight from the raw box scores,
// for exercising the context processors before the game summaries exist (they are written in
// parallel). PGS rows carry the box-score status, minutes (1 decimal, as stored), pts, fgm, fga,
// starter flag, team and opponent; usage_rate is NULL. TOGS/TDGS rows carry possessions,
// offensive/defensive rating and pace from the team lines (02-analytics.md §2-3 formulas,
// rounded as stored). Not the game summaries themselves: no range checks, no reconstruction.
#pragma once

#include "analytics/history.h"
#include "analytics/inputs.h"
#include "analytics/rules.h"
#include "core/value.h"

namespace nbaprops::testing {

inline analytics::PgsRecord pgs_from_box(const analytics::Game& g, const analytics::PlayerBox& b) {
  analytics::PgsRecord r;
  r.game_date = g.game_date;
  r.game_id = g.game_id;
  r.season = g.season;
  r.season_type = g.season_type;
  r.player_lookup = b.player_lookup;
  r.team_abbr = b.team_abbr;
  r.opponent_abbr = g.opponent_of(b.team_abbr);
  r.player_status = b.status;
  bool active = b.status == "active";
  r.is_dnp = !active || !b.minutes || *b.minutes == 0;
  if (active && b.minutes) r.minutes = round_half_away(*b.minutes, 1);
  if (active) {
    r.pts = b.stats[nbaprops::kPts];
    r.fgm = b.stats[nbaprops::kFgm];
    r.fga = b.stats[nbaprops::kFga];
  }
  r.starter_flag = r.is_dnp ? false : b.starter.value_or(r.minutes.value_or(0) >= 24);
  return r;
}

struct TeamLineFigures {
  double possessions = 0, rating = 0, pace = 0;
};

inline TeamLineFigures team_line_figures(const analytics::TeamBox& t) {
  using namespace analytics;
  double poss = static_cast<double>(*t.stats[kFga]) + 0.44 * static_cast<double>(*t.stats[kFta]) -
                static_cast<double>(*t.stats[kOreb]) + static_cast<double>(*t.stats[kTov]);
  double m = normalised_team_minutes(static_cast<double>(t.minutes.value_or(240)));
  return {poss, 100.0 * static_cast<double>(*t.stats[kPts]) / poss, poss * 48.0 / (m / 5.0)};
}

inline void add_team_rows(analytics::Phase3History& h, const analytics::Game& g,
                          const analytics::TeamBox& own, const analytics::TeamBox* opp) {
  using namespace analytics;
  TeamLineFigures f = team_line_figures(own);
  std::optional<int64_t> opp_pts = opp ? opp->stats[kPts] : std::nullopt;
  std::optional<bool> win;
  if (opp_pts) win = *own.stats[kPts] > *opp_pts;
  h.add(TogsRecord{g.game_date, g.game_id, g.season, own.team_abbr, own.opponent_abbr,
                   own.stats[kPts], own.stats[kReb], opp_pts, round_half_away(f.possessions, 1),
                   round_half_away(f.rating, 2), round_half_away(f.pace, 1), win,
                   opp_pts ? std::optional<int64_t>(*own.stats[kPts] - *opp_pts) : std::nullopt});
  if (!opp) return;
  TeamLineFigures o = team_line_figures(*opp);
  h.add(TdgsRecord{g.game_date, g.game_id, g.season, own.team_abbr, opp->team_abbr,
                   opp->stats[kFta], round_half_away(o.possessions, 1),
                   round_half_away(o.rating, 2), round_half_away(o.pace, 1)});
}

// Every final game of the loaded range (all dates: the processors must read only before D).
inline analytics::Phase3History history_from_raw(const analytics::RawInputs& in) {
  analytics::Phase3History h;
  for (Date d = in.from(); d <= in.to(); d = Date{d.days + 1}) {
    for (const analytics::Game* g : in.games_on(d)) {
      if (!g->is_final()) continue;
      for (const analytics::PlayerBox* b : in.game_player_boxes(g->game_id)) {
        h.add(pgs_from_box(*g, *b));
      }
      for (const std::string* team : {&g->home_team, &g->away_team}) {
        const analytics::TeamBox* own = in.team_box(g->game_id, *team);
        if (own) add_team_rows(h, *g, *own, in.team_box(g->game_id, g->opponent_of(*team)));
      }
    }
  }
  h.finish();
  return h;
}

}  // namespace nbaprops::testing
