#include "analytics/team_defense_game_summary.h"

#include <algorithm>
#include <tuple>

#include "analytics/summary_rows.h"
#include "analytics/team_offense_game_summary.h"

namespace nbaprops::analytics {
namespace {

TableSchema build_table() {
  std::vector<Column> c = {text_column("game_id", true),
                           date_column("game_date"),
                           int_column("season", true),
                           text_column("season_type", true),
                           text_column("defending_team_abbr", true),
                           text_column("opponent_abbr", true),
                           bool_column("home_game", true)};
  for (const char* s : {"points_allowed", "opp_fgm", "opp_fga", "opp_fg3m", "opp_fg3a", "opp_ftm",
                        "opp_fta", "opp_oreb", "opp_reb", "opp_ast", "turnovers_forced"}) {
    c.push_back(int_column(s));
  }
  c.push_back(dec_column("opp_possessions", 1));
  c.push_back(dec_column("defensive_rating", 2));
  c.push_back(dec_column("opponent_pace", 1));
  c.push_back(dec_column("opponent_ts_pct", 3));
  for (const char* s :
       {"opp_paint_attempts", "opp_paint_makes", "opp_mid_range_attempts", "opp_mid_range_makes",
        "opp_three_attempts_shots", "opp_three_makes_shots", "points_in_paint_allowed",
        "mid_range_points_allowed", "three_pt_points_allowed", "paint_blocks", "mid_range_blocks",
        "three_blocks", "steals", "defensive_rebounds", "blocks", "fouls_committed",
        "overtime_periods"}) {
    c.push_back(int_column(s));
  }
  c.push_back(bool_column("win_flag"));
  c.push_back(int_column("margin"));
  add_quality_columns(c);
  return {"team_defense_game_summary",
          c,
          {"game_date", "defending_team_abbr"},
          "game_date, defending_team_abbr"};
}

int tier_rank(const std::string& tier) {
  if (tier == "gold") return 0;
  if (tier == "silver") return 1;
  return 2;
}

// The opponent's offence, seen from the defender's bench: the same unrounded values.
void add_opponent_offense(RowBuilder& r, const TeamOffenseLine& opp) {
  const Stats& s = opp.stats;
  for (BoxStat k : {kPts, kFgm, kFga, kFg3m, kFg3a, kFtm, kFta, kOreb, kReb, kAst, kTov}) {
    r.integer(s[k]);
  }
  // 100·points_allowed/opp_possessions and opp_possessions·48/(M_opp/5) are, by definition,
  // the opponent's offensive_rating and pace: the same line through the same computation.
  r.dec(opp.possessions, 1).dec(opp.offensive_rating, 2).dec(opp.pace, 1).dec(opp.ts_pct, 3);
  for (size_t z = 0; z < kZoneCount; ++z) {
    r.integer(opp.zones.attempts[z]).integer(opp.zones.makes[z]);
  }
  r.integer(times(2, opp.zones.makes[kPaint])).integer(times(2, opp.zones.makes[kMidRange]));
  r.integer(times(3, s[kFg3m]));
}

// Shots of the opponent's with a blocker, by zone; NULL without block data.
void add_blocks_by_zone(RowBuilder& r, const GameShots& shots, const std::string& opponent) {
  auto it = shots.blocked_by_shooting_team.find(opponent);
  for (size_t z = 0; z < kZoneCount; ++z) {
    if (!shots.has_block_data) {
      r.integer(std::nullopt);
    } else {
      r.integer(it == shots.blocked_by_shooting_team.end() ? 0 : it->second[z]);
    }
  }
}

void add_own_view(RowBuilder& r, const TeamOffenseLine* own) {
  if (!own) {
    for (int k = 0; k < 7; ++k) r.integer(std::nullopt);
    return;
  }
  const Stats& s = own->stats;
  r.integer(s[kStl]).integer(s[kDreb]).integer(s[kBlk]).integer(s[kPf]);
  r.integer(own->overtime_periods).boolean(own->win_flag).integer(own->margin);
}

Row tdgs_row(const RawInputs& in, const Game& g, const std::string& defender,
             const TeamOffenseLine& opp, const TeamOffenseLine* own) {
  RowBuilder r(team_defense_game_summary_table().columns.size());
  r.text(g.game_id).date(g.game_date).integer(g.season).text(g.season_type);
  r.text(defender).text(opp.team_abbr).boolean(defender == g.home_team);
  add_opponent_offense(r, opp);
  add_blocks_by_zone(r, in.game_shots(g.game_id), opp.team_abbr);
  add_own_view(r, own);
  QualityIssues issues = opp.issues;
  std::string tier = opp.quality_tier;
  if (own) {
    issues.merge(own->issues);
    if (tier_rank(own->quality_tier) > tier_rank(tier)) tier = own->quality_tier;
  } else {
    issues.add("no_own_line");
    tier = "bronze";
  }
  r.quality(tier, issues);
  return r.take();
}

FailedEntity no_opponent_line(const Game& g, const std::string& defender) {
  return {"team", defender, "MISSING_UPSTREAM",
          "opponent " + g.opponent_of(defender) +
              " has no team_offense_game_summary line in game " + g.game_id,
          true};
}

}  // namespace

const TableSchema& team_defense_game_summary_table() {
  static const TableSchema table = build_table();
  return table;
}

ProcessorOutput team_defense_game_summary(const RawInputs& in, Date d) {
  ProcessorOutput out;
  TeamOffenseLines togs = team_offense_lines(in, d);
  std::vector<std::tuple<std::string, std::string, Row>> keyed;  // defender, game_id, row
  for (const Game* g : in.games_on(d)) {
    if (!g->is_final()) {
      game_not_final(*g, out.failed, out.pending);
      continue;
    }
    for (const std::string* defender : {&g->home_team, &g->away_team}) {
      const TeamOffenseLine* opp = togs.find(g->game_id, g->opponent_of(*defender));
      if (!opp) {
        out.failed.push_back(no_opponent_line(*g, *defender));
        continue;
      }
      keyed.emplace_back(*defender, g->game_id,
                         tdgs_row(in, *g, *defender, *opp, togs.find(g->game_id, *defender)));
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
