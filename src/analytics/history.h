// The Phase 3 history that the context processors read: the stored game summaries of dates
// before D (player_game_summary, team_offense_game_summary, team_defense_game_summary), as
// typed records indexed by player and by team, sorted by date (README "as stored": values are
// the rounded stored values).
//
// Built once per run (from the store, and from rows the same run computes), then read-only:
// safe to read from any number of threads.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "core/record.h"
#include "core/table_schema.h"
#include "core/value.h"

namespace nbaprops::analytics {

// The player_game_summary columns that later processors read.
struct PgsRecord {
  Date game_date;
  std::string game_id;
  int season = 0;
  std::string season_type, player_lookup, team_abbr, opponent_abbr;
  std::string player_status;  // active / dnp / inactive
  bool is_dnp = false;
  std::optional<double> minutes, usage_rate, ts_pct;
  std::optional<int64_t> pts, fgm, fga, ftm;
  std::optional<bool> starter_flag, home_game;
  // Shot zones (NULL without shot data) and assisted makes (NULL without assist data).
  std::optional<int64_t> paint_attempts, paint_makes, mid_range_attempts, mid_range_makes,
      three_attempts_shots, three_makes_shots, assisted_makes, unassisted_makes;
  std::optional<double> points_line;  // the closing points line of the game (02 §0)
  // An appearance: status active and minutes > 0 (02-analytics.md §0).
  bool appeared() const { return player_status == "active" && minutes && *minutes > 0; }
};

// The team_offense_game_summary columns that later processors read.
struct TogsRecord {
  Date game_date;
  std::string game_id;
  int season = 0;
  std::string team_abbr, opponent_abbr;
  std::optional<int64_t> pts, reb, opponent_pts;
  std::optional<double> possessions, offensive_rating, pace;
  std::optional<bool> win_flag;
  std::optional<int64_t> margin;
};

// The team_defense_game_summary columns that later processors read.
struct TdgsRecord {
  Date game_date;
  std::string game_id;
  int season = 0;
  std::string defending_team_abbr, opponent_abbr;
  std::optional<int64_t> opp_fta;
  std::optional<double> opp_possessions, defensive_rating, opponent_pace;
  // What team_defense_zone_analysis reads (NULL without shot / block data). Default member
  // initialisers keep shorter aggregate initialisers valid.
  std::optional<int64_t> opp_paint_attempts = {}, opp_paint_makes = {}, opp_mid_range_attempts = {},
                         opp_mid_range_makes = {}, opp_three_attempts_shots = {},
                         opp_three_makes_shots = {}, points_in_paint_allowed = {},
                         paint_blocks = {}, mid_range_blocks = {}, three_blocks = {},
                         points_allowed = {};
};

// The records of the summary columns the history reads (core/record.h): each is a projection
// of its table's declared record (player_game_summary_record() and the others), which a test
// checks with Record::mismatches.
const Record<PgsRecord>& pgs_history_record();
const Record<TogsRecord>& togs_history_record();
const Record<TdgsRecord>& tdgs_history_record();

class Phase3History {
 public:
  // Adds one stored row of the named table (player_game_summary, team_offense_game_summary
  // or team_defense_game_summary), read by the spec's column names. Other tables: ignored.
  // Throws std::invalid_argument when `row` is not as wide as `table` (core/record.h).
  void add_row(const TableSchema& table, const Row& row);
  // add_row for the many rows of one table, its columns found once (add_row finds them per
  // row). REQUIRES: the history outlives the adder. Same contract as add_row per row.
  class Adder {
   public:
    void operator()(const Row& row);

   private:
    friend class Phase3History;
    enum class Kind { kNone, kPgs, kTogs, kTdgs };
    Adder(Phase3History& into, Kind kind, RowBinding binding)
        : into_(into), kind_(kind), binding_(std::move(binding)) {}
    Phase3History& into_;
    Kind kind_;
    RowBinding binding_;
  };
  Adder adder(const TableSchema& table);
  // The columns of `table` that add_row reads (one flag per column; all false for other
  // tables): a reader of stored summaries scans only these (Store::scan_columns).
  static std::vector<bool> columns_read(const TableSchema& table);
  void add(PgsRecord r);
  void add(TogsRecord r);
  void add(TdgsRecord r);
  // Moves every record of `other` into this history (both not yet finished).
  void absorb(Phase3History&& other);
  // Drops the records whose game_date `keep` refuses (before finish).
  void retain(const std::function<bool(Date)>& keep);
  // Sorts every list by (game_date, game_id). Call once after the last add.
  void finish();

  // A player's PGS rows in date order (all statuses).
  std::span<const PgsRecord> player(const std::string& player_lookup) const;
  // A team's PGS rows (its players) in date order.
  std::span<const PgsRecord* const> team_players(const std::string& team_abbr) const;
  std::span<const TogsRecord> team_offense(const std::string& team_abbr) const;
  std::span<const TdgsRecord> team_defense(const std::string& team_abbr) const;
  // The players with a PGS row for `team_abbr` in `season` dated before `d`, sorted.
  std::vector<std::string> team_season_players(const std::string& team_abbr, int season,
                                               Date d) const;
  // Every player with PGS rows, sorted.
  std::vector<std::string> players() const;

 private:
  std::unordered_map<std::string, std::vector<PgsRecord>> pgs_;
  std::unordered_map<std::string, std::vector<const PgsRecord*>> pgs_by_team_;
  std::unordered_map<std::string, std::vector<TogsRecord>> togs_;
  std::unordered_map<std::string, std::vector<TdgsRecord>> tdgs_;
  // Per team: each player's first PGS row with it in each season (season, date, player).
  struct FirstRow {
    int season;
    Date game_date;
    const std::string* player_lookup;
  };
  std::unordered_map<std::string, std::vector<FirstRow>> team_firsts_;
};

// Rows of a sorted list dated before D: the prefix [begin, first row with game_date >= D).
// T has a game_date member. Binary search.
template <typename T>
std::span<const T> before(std::span<const T> rows, Date d) {
  size_t lo = 0, hi = rows.size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (rows[mid].game_date < d) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return rows.subspan(0, lo);
}

}  // namespace nbaprops::analytics
