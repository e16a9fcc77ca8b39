// upcoming_player_game_context (UPGC, 02-analytics.md §5): the pre-game view of each player
// expected in a game on D.
//
// Grain: one row per player of D's player set. Key: (game_date, player_lookup); rows are
// returned in key order.
// Player set: DAILY, the players recently with (§0) a team playing on D, minus those whose
// latest injury status is `out`, plus every player with a points line (a pre-tip candidate, §0)
// on D. BACKFILL, the players with an active or dnp row in D's box scores, plus every player
// with a points line.
// Reads: games, prop_lines, injuries and players; player_boxscores of D in BACKFILL only, to
// decide the player set and teams; PGS, TOGS and TDGS rows before D; the UTGC records of D.
// Point in time: every value uses only data before D (appearances, team form) and snapshots or
// reports before the game's cut-off. D's box scores never reach a value.
// Completeness: the block of 03-precompute.md §1 over l5, l10, l7d, l14d, l30d, written
// unchecked (see completeness_block.h).
// Parallel use: build one UpgcDate (serial), then call row() for its entities from any number
// of threads; a UpgcDate is immutable after construction. Output is deterministic.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "analytics/completeness_block.h"
#include "analytics/history.h"
#include "analytics/inputs.h"
#include "analytics/opponent_metrics.h"
#include "analytics/player_context_features.h"
#include "analytics/processor.h"
#include "analytics/run_mode.h"
#include "analytics/summary_rows.h"
#include "analytics/team_availability.h"
#include "analytics/upcoming_team_game_context.h"
#include "core/record.h"
#include "core/table_schema.h"

namespace nbaprops::analytics {

// The table: key columns, player_id, then the columns of §5 in spec order (recent performance,
// fatigue, prop context, game context, team availability), quality_tier, quality_issues, the
// completeness block (l5, l10, l7d, l14d, l30d), processed_at.
const TableSchema& upcoming_player_game_context_table();

// The stored row, declared once (core/record.h): the table's columns, writer and reader.
// Values are held unrounded; the record rounds them as stored.
struct UpcomingPlayerGameContextRow {
  Date game_date;
  std::string player_lookup;
  std::optional<int64_t> player_id;
  RecentPerformance performance;
  Fatigue fatigue;
  // Prop context (NULL, count 0 and false without a points line).
  std::optional<double> current_points_line, opening_points_line, line_movement;
  std::optional<std::string> points_line_bookmaker;
  int64_t points_line_book_count = 0;
  bool has_prop_line = false;
  std::optional<int64_t> prop_over_streak, prop_under_streak;
  // Game context (NULL when the team is unknown).
  std::optional<std::string> game_id, team_abbr, opponent_abbr;
  std::optional<bool> home_game;
  std::optional<double> game_spread, opening_spread, spread_movement, game_total, opening_total,
      total_movement;
  std::optional<int64_t> travel_miles, time_zones_crossed;
  std::optional<std::string> season_phase;
  std::optional<double> opponent_pace_last_10, opponent_pace_std_last_10,
      opponent_off_rating_last_10, opponent_off_rating_std_last_10, opponent_def_rating_last_10,
      opponent_def_rating_std_last_10, opponent_rebounding_rate, opponent_rebounding_rate_std,
      opponent_ft_rate_allowed, opponent_ft_rate_allowed_std;
  std::optional<int64_t> opponent_games_used;
  std::optional<double> pace_differential;
  // Team availability and the player.
  std::optional<int64_t> star_teammates_out, star_teammates_out_weighted;
  std::optional<double> projected_usage_rate;
  std::optional<std::string> injury_status, injury_reason;
  std::optional<int64_t> player_age;
  QualityBlock quality;
  PlayerCompletenessColumns completeness;
  std::optional<std::string> processed_at;  // NULL: the writer stamps it
};
const Record<UpcomingPlayerGameContextRow>& upcoming_player_game_context_record();

// One player of D's set with his team and game (nullopt / nullptr: team_unknown).
struct UpgcEntity {
  std::string player_lookup;
  std::optional<std::string> team_abbr;
  const Game* game = nullptr;
  // Set when his lines name a game that is not played on D (postponed or cancelled, or not
  // on D's schedule at all): an expected failure, no row (docs/tonight.md).
  std::optional<FailedEntity> not_played;
};

class UpgcDate {
 public:
  // REQUIRES: inputs, history and utgc (D's records, sorted by team) outlive this object.
  // With `completeness` (D's checked result, which must outlive this object) rows carry each
  // player's windows; without it their block is unchecked.
  UpgcDate(const RawInputs& inputs, const Phase3History& history, Date d, RunMode mode,
           std::span<const UtgcRecord> utgc, const CompletenessResult* completeness = nullptr);
  UpgcDate(const UpgcDate&) = delete;
  UpgcDate& operator=(const UpgcDate&) = delete;

  // D's player set in key order (player_lookup).
  const std::vector<UpgcEntity>& entities() const { return entities_; }
  // The stored row of entities()[i], or the failure that kept it from being built
  // (MISSING_UPSTREAM: the team plays on D but has no UTGC record). Thread-safe.
  std::variant<Row, FailedEntity> row(size_t i) const;

 private:
  // What every player of one team shares.
  struct TeamShared {
    const Game* game = nullptr;
    const UtgcRecord* utgc = nullptr;
    TeamRoster roster;
    TeamForm own_form, opponent_form;
  };
  void build_teams();
  void build_entities(RunMode mode);
  std::optional<std::string> daily_team(const std::string& player_lookup) const;
  std::optional<std::string> team_from_lines_game(const std::string& player_lookup) const;
  std::optional<FailedEntity> lines_game_not_played(const std::string& player_lookup) const;
  bool has_points_line(const std::string& player_lookup, const Game* game) const;
  const Game* game_of_lines(const std::string& player_lookup) const;

  const RawInputs& in_;
  const Phase3History& history_;
  Date d_;
  std::span<const UtgcRecord> utgc_;
  bool bootstrap_ = false;
  const CompletenessResult* completeness_ = nullptr;
  std::map<std::string, TeamShared> teams_;  // teams playing on D
  std::vector<const Game*> not_played_;      // D's postponed and cancelled games
  std::vector<UpgcEntity> entities_;
};

ProcessorOutput upcoming_player_game_context(
    const RawInputs& inputs, const Phase3History& history, Date d, RunMode mode,
    std::span<const UtgcRecord> utgc, const CompletenessResult* completeness = nullptr,
    const EntityParallel* parallel = nullptr);  // entities spread over threads (null: one)

}  // namespace nbaprops::analytics
