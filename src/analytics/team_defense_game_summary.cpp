#include "analytics/team_defense_game_summary.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "analytics/summary_rows.h"
#include "analytics/team_offense_game_summary.h"

namespace nbaprops::analytics {
namespace {

constexpr BoxStat kOpponentStatOrder[kOpponentStats] = {kPts, kFgm,  kFga, kFg3m, kFg3a, kFtm,
                                                        kFta, kOreb, kReb, kAst,  kTov};

TableSchema build_table() {
  return {"team_defense_game_summary",
          team_defense_game_summary_record().columns(),
          {"game_date", "defending_team_abbr"},
          "game_date, defending_team_abbr"};
}

int tier_rank(const std::string& tier) {
  if (tier == "gold") return 0;
  if (tier == "silver") return 1;
  return 2;
}

// The opponent's offence, seen from the defender's bench: the same unrounded values.
void set_opponent_offense(TeamDefenseGameSummaryRow& r, const TeamOffenseLine& opp) {
  const Stats& s = opp.stats;
  for (size_t i = 0; i < kOpponentStats; ++i) r.opp_stats[i] = s[kOpponentStatOrder[i]];
  // 100·points_allowed/opp_possessions and opp_possessions·48/(M_opp/5) are, by definition,
  // the opponent's offensive_rating and pace: the same line through the same computation.
  r.opp_possessions = opp.possessions;
  r.defensive_rating = opp.offensive_rating;
  r.opponent_pace = opp.pace;
  r.opponent_ts_pct = opp.ts_pct;
  r.opp_zones = opp.zones;
  r.points_in_paint_allowed = times(2, opp.zones.makes[kPaint]);
  r.mid_range_points_allowed = times(2, opp.zones.makes[kMidRange]);
  r.three_pt_points_allowed = times(3, s[kFg3m]);
}

// Shots of the opponent's with a blocker, by zone; NULL without block data.
void set_blocks_by_zone(TeamDefenseGameSummaryRow& r, const GameShots& shots,
                        const std::string& opponent) {
  if (!shots.has_block_data) return;
  auto it = shots.blocked_by_shooting_team.find(opponent);
  for (size_t z = 0; z < kZoneCount; ++z) {
    r.blocks[z] = it == shots.blocked_by_shooting_team.end() ? 0 : it->second[z];
  }
}

void set_own_view(TeamDefenseGameSummaryRow& r, const TeamOffenseLine* own) {
  if (!own) return;
  const Stats& s = own->stats;
  r.steals = s[kStl];
  r.defensive_rebounds = s[kDreb];
  r.blocks_total = s[kBlk];
  r.fouls_committed = s[kPf];
  r.overtime_periods = own->overtime_periods;
  r.win_flag = own->win_flag;
  r.margin = own->margin;
}

Row tdgs_row(const RawInputs& in, const Game& g, const std::string& defender,
             const TeamOffenseLine& opp, const TeamOffenseLine* own) {
  TeamDefenseGameSummaryRow r;
  r.game_id = g.game_id;
  r.game_date = g.game_date;
  r.season = g.season;
  r.season_type = g.season_type;
  r.defending_team_abbr = defender;
  r.opponent_abbr = opp.team_abbr;
  r.home_game = defender == g.home_team;
  set_opponent_offense(r, opp);
  set_blocks_by_zone(r, in.game_shots(g.game_id), opp.team_abbr);
  set_own_view(r, own);
  QualityIssues issues = opp.issues;
  std::string tier = opp.quality_tier;
  if (own) {
    issues.merge(own->issues);
    if (tier_rank(own->quality_tier) > tier_rank(tier)) tier = own->quality_tier;
  } else {
    issues.add("no_own_line");
    tier = "bronze";
  }
  r.quality = {tier, issues.text()};
  return team_defense_game_summary_record().write(std::move(r));
}

FailedEntity no_opponent_line(const Game& g, const std::string& defender) {
  return {"team", defender, "MISSING_UPSTREAM",
          "opponent " + g.opponent_of(defender) +
              " has no team_offense_game_summary line in game " + g.game_id,
          true};
}

}  // namespace

const Record<TeamDefenseGameSummaryRow>& team_defense_game_summary_record() {
  using R = TeamDefenseGameSummaryRow;
  static const Record<R> record = [] {
    Record<R> r;
    r.field("game_id", &R::game_id)
        .field("game_date", &R::game_date)
        .field("season", &R::season)
        .field("season_type", &R::season_type)
        .field("defending_team_abbr", &R::defending_team_abbr)
        .field("opponent_abbr", &R::opponent_abbr)
        .field("home_game", &R::home_game);
    size_t i = 0;
    for (const char* name :
         {"points_allowed", "opp_fgm", "opp_fga", "opp_fg3m", "opp_fg3a", "opp_ftm", "opp_fta",
          "opp_oreb", "opp_reb", "opp_ast", "turnovers_forced"}) {
      r.element(name, &R::opp_stats, i++);
    }
    r.dec("opp_possessions", &R::opp_possessions, 1)
        .dec("defensive_rating", &R::defensive_rating, 2)
        .dec("opponent_pace", &R::opponent_pace, 1)
        .dec("opponent_ts_pct", &R::opponent_ts_pct, 3)
        .append(&R::opp_zones, zone_counts_record("opp_"))
        .field("points_in_paint_allowed", &R::points_in_paint_allowed)
        .field("mid_range_points_allowed", &R::mid_range_points_allowed)
        .field("three_pt_points_allowed", &R::three_pt_points_allowed)
        .element("paint_blocks", &R::blocks, kPaint)
        .element("mid_range_blocks", &R::blocks, kMidRange)
        .element("three_blocks", &R::blocks, kThree)
        .field("steals", &R::steals)
        .field("defensive_rebounds", &R::defensive_rebounds)
        .field("blocks", &R::blocks_total)
        .field("fouls_committed", &R::fouls_committed)
        .field("overtime_periods", &R::overtime_periods)
        .field("win_flag", &R::win_flag)
        .field("margin", &R::margin)
        .append(&R::quality, quality_block_record())
        .field("processed_at", &R::processed_at, ColumnType::kTs);
    return r;
  }();
  return record;
}

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
