#include "raw/game_merge.h"

#include <fmt/format.h>

#include "raw/row_access.h"

namespace nbaprops {
namespace {

const TableSchema& games_table() {
  return *find_table("games");
}

Value score_of(const GameObservation& obs, const std::string& team) {
  auto it = obs.team_scores.find(team);
  return it == obs.team_scores.end() ? Value{} : Value{it->second};
}

Row fresh_row(const GameObservation& obs) {
  Row row(games_table().columns.size());
  RowAccess r(games_table(), row);
  r["game_id"] = obs.game_id;
  r["game_date"] = format_date(obs.game_date);
  r["season"] = int64_t{obs.season};
  r["season_type"] = obs.season_type;
  r["home_team"] = obs.home_team;
  r["away_team"] = obs.away_team;
  if (obs.tipoff_utc) r["tipoff_utc"] = *obs.tipoff_utc;
  r["status"] = obs.status;
  r["home_score"] = score_of(obs, obs.home_team);
  r["away_score"] = score_of(obs, obs.away_team);
  if (obs.neutral_site) r["neutral_site"] = int64_t{*obs.neutral_site ? 1 : 0};
  r["source"] = obs.source;
  return row;
}

// Overwrites every field `obs` gives (rank >= stored).
void overwrite(RowAccess& r, const GameObservation& obs) {
  // Scores belong to teams: read them by team before home and away may swap.
  std::map<std::string, Value> by_team = {{r.s("home_team"), r["home_score"]},
                                          {r.s("away_team"), r["away_score"]}};
  for (const auto& [team, pts] : obs.team_scores) by_team[team] = Value{pts};
  if (obs.gives_all) {
    by_team = {{obs.home_team, score_of(obs, obs.home_team)},
               {obs.away_team, score_of(obs, obs.away_team)}};
  }
  r["game_date"] = format_date(obs.game_date);
  r["season"] = int64_t{obs.season};
  r["season_type"] = obs.season_type;
  r["home_team"] = obs.home_team;
  r["away_team"] = obs.away_team;
  r["home_score"] = by_team.count(obs.home_team) ? by_team[obs.home_team] : Value{};
  r["away_score"] = by_team.count(obs.away_team) ? by_team[obs.away_team] : Value{};
  if (obs.gives_all || obs.tipoff_utc) {
    r["tipoff_utc"] = obs.tipoff_utc ? Value{*obs.tipoff_utc} : Value{};
  }
  if (obs.gives_all || obs.neutral_site) {
    r["neutral_site"] = obs.neutral_site ? Value{int64_t{*obs.neutral_site ? 1 : 0}} : Value{};
  }
  r["status"] = obs.status;
  r["source"] = obs.source;
}

// Fills only the NULL fields (rank < stored).
void fill_nulls(RowAccess& r, const GameObservation& obs) {
  for (const char* side : {"home", "away"}) {
    std::string team = r.s(std::string(side) + "_team");
    std::string col = std::string(side) + "_score";
    if (r.null(col)) r[col] = score_of(obs, team);
  }
  if (r.null("tipoff_utc") && obs.tipoff_utc) r["tipoff_utc"] = *obs.tipoff_utc;
  if (r.null("neutral_site") && obs.neutral_site) {
    r["neutral_site"] = int64_t{*obs.neutral_site ? 1 : 0};
  }
  if (obs.status == "final" && r.s("status") == "scheduled") r["status"] = std::string("final");
}

}  // namespace

int source_rank(const std::string& source) {
  if (source == "schedule") return 4;
  if (source == "team_log") return 3;
  if (source == "shots") return 2;
  if (source == "player_log") return 1;
  return 0;
}

MergeResult merge_game(const Row* stored, const GameObservation& obs) {
  if (!stored) return {MergeOutcome::kInserted, fresh_row(obs), {}};
  Row row = *stored;
  RowAccess r(games_table(), row);
  std::string stored_date = r.s("game_date");
  if (!obs.gives_all && stored_date != format_date(obs.game_date)) {
    return {MergeOutcome::kConflict,
            {},
            fmt::format("conflicts_with_games: game_id '{}' (stored game is dated {}, this "
                        "source says {})",
                        obs.game_id, stored_date, format_date(obs.game_date))};
  }
  bool same_teams = (r.s("home_team") == obs.home_team && r.s("away_team") == obs.away_team) ||
                    (r.s("home_team") == obs.away_team && r.s("away_team") == obs.home_team);
  if (!obs.gives_all && !same_teams) {
    return {
        MergeOutcome::kConflict,
        {},
        fmt::format("conflicts_with_games: game_id '{}' (stored game is {} @ {}, this "
                    "source says {} @ {})",
                    obs.game_id, r.s("away_team"), r.s("home_team"), obs.away_team, obs.home_team)};
  }
  if (obs.status == "scheduled" && r.s("status") == "final") {
    return {MergeOutcome::kSkipped, {}, "stale scheduled row of a final game"};
  }
  if (obs.rank >= source_rank(r.s("source"))) {
    overwrite(r, obs);
  } else {
    fill_nulls(r, obs);
  }
  return {MergeOutcome::kUpdated, std::move(row), {}};
}

}  // namespace nbaprops
