// team_offense_game_summary (TOGS, 02-analytics.md §2): one row per team per final game on D,
// key (game_date, team_abbr). Reads games, team_boxscores, player_boxscores and shots of D.
//
// The team line is the team's box score, else (>= 5 active players with minutes) the sum of
// its players, flagged `reconstructed`; a team with neither gets no row and is reported, as
// is every game on D that is not final. Deterministic: rows in key order, no clock.
// Thread-safe: pure functions of read-only inputs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analytics/inputs.h"
#include "analytics/processor.h"
#include "analytics/rules.h"
#include "analytics/summary_rows.h"
#include "core/record.h"
#include "core/table_schema.h"

namespace nbaprops::analytics {

// One team's offensive line of one game, every value unrounded. TDGS reads these (not the
// stored rows) so that its defensive values equal the opponent's offensive values exactly.
struct TeamOffenseLine {
  const Game* game = nullptr;
  std::string team_abbr, opponent_abbr;
  bool home_game = false;
  bool reconstructed = false;  // source `reconstructed` (else `team_box`)
  Stats stats;                 // the team line, plus_minus included
  std::optional<int64_t> team_minutes;
  int overtime_periods = 0;
  int normalised_minutes = 240;  // M of 02-analytics.md §0
  std::optional<double> possessions, offensive_rating, pace, ts_pct;
  std::optional<int64_t> opponent_pts, margin;
  std::optional<bool> win_flag;
  ZoneCounts zones;  // NULL counts when the game has no shots
  std::string quality_tier;
  QualityIssues issues;
};

struct TeamOffenseLines {
  std::vector<TeamOffenseLine> lines;  // key order (team_abbr)
  std::vector<FailedEntity> failed;    // postponed/cancelled games, teams without a line
  std::vector<std::string> pending;    // scheduled games: summaries still to come
  // The line of a team in a game; nullptr when the team got none.
  const TeamOffenseLine* find(const std::string& game_id, const std::string& team) const;
};

// Every team line of the final games on D.
TeamOffenseLines team_offense_lines(const RawInputs& in, Date d);

// The stored row, declared once (core/record.h): the table's columns, writer and reader.
struct TeamOffenseGameSummaryRow {
  std::string game_id;
  Date game_date;
  int season = 0;
  std::string season_type, team_abbr, opponent_abbr;
  bool home_game = false;
  Stats stats;  // kBoxStatColumns
  std::optional<int64_t> team_minutes;
  int overtime_periods = 0;  // a nullable column, always filled
  std::optional<double> possessions, offensive_rating, pace, ts_pct;  // 1, 2, 1, 3 decimals
  std::optional<int64_t> opponent_pts;
  std::optional<bool> win_flag;
  std::optional<int64_t> margin;
  ZoneCounts zones;
  std::optional<int64_t> points_in_paint;
  std::string source;  // team_box or reconstructed
  QualityBlock quality;
  std::optional<std::string> processed_at;  // NULL: the writer stamps it
};
const Record<TeamOffenseGameSummaryRow>& team_offense_game_summary_record();

const TableSchema& team_offense_game_summary_table();
// The stored rows of D (rounded), in key order, and the failures.
ProcessorOutput team_offense_game_summary(const RawInputs& in, Date d);

// The final score of `team` in `game` from games (NULL when not given).
std::optional<int64_t> game_score(const Game& game, const std::string& team);
// A game on D that is not final (shared by the three summaries): a scheduled one is pending
// (its id goes to `pending`, not a failure); a postponed or cancelled one is an expected
// failure (GAME_POSTPONED, GAME_CANCELLED); any other status is MISSING_UPSTREAM.
void game_not_final(const Game& game, std::vector<FailedEntity>& failed,
                    std::vector<std::string>& pending);

}  // namespace nbaprops::analytics
