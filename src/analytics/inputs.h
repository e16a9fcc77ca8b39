// The raw inputs of Phase 3, loaded once per run from the store into typed, indexed,
// read-only tables (05-pipeline.md §3): "the games of D", "a team's box score of a game",
// "a player's prop lines on D" are lookups, never scans.
//
// RawInputs::load() reads every raw row whose game_date is in [from, to]; a run over dates
// [A, B] loads from the start of A's season so that every "before D" window is present.
// After loading a RawInputs is immutable and may be read from any number of threads.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/box_stats.h"
#include "core/date.h"
#include "store/store.h"

namespace nbaprops::analytics {

// A box-score line: the counting stats and plus_minus (core/box_stats.h order).
using Stats = std::array<std::optional<int64_t>, kBoxStats>;

struct Game {
  std::string game_id;
  Date game_date;
  int season = 0;
  std::string season_type, home_team, away_team, status;
  std::optional<Timestamp> tipoff_utc;
  std::optional<int64_t> home_score, away_score;
  std::optional<bool> neutral_site;
  bool is_final() const { return status == "final"; }
  // The other team of the game. REQUIRES: team is home_team or away_team.
  const std::string& opponent_of(const std::string& team) const {
    return team == home_team ? away_team : home_team;
  }
};

struct TeamBox {
  std::string game_id, team_abbr, opponent_abbr;
  bool is_home = false;
  std::optional<int64_t> minutes;
  Stats stats;
};

struct PlayerBox {
  std::string game_id;
  Date game_date;
  std::string team_abbr;
  std::optional<int64_t> player_id;
  std::string player_lookup, player_name, status;
  std::optional<std::string> dnp_reason;
  std::optional<bool> starter;
  std::optional<double> minutes;
  Stats stats;
  bool appeared() const { return status == "active" && minutes && *minutes > 0; }
};

enum Zone : size_t { kPaint, kMidRange, kThree, kZoneCount };

// Shot counts of one shooter (player or team) in one game.
struct ShotCounts {
  std::array<int64_t, kZoneCount> attempts{}, makes{};
  int64_t assisted_makes = 0, unassisted_makes = 0;
};

// What the shots of one game say (02-analytics.md §0 "Shot data per game").
struct GameShots {
  bool has_shots = false, has_assist_data = false, has_block_data = false;
  std::unordered_map<std::string, ShotCounts> by_player;  // player_lookup
  std::unordered_map<std::string, ShotCounts> by_team;    // shooter's team
  // Blocked shots by zone of the blocked shot: per blocker (player_lookup in blocked_by),
  // and per *shooting* team (the blocks its opponent made against it).
  std::unordered_map<std::string, std::array<int64_t, kZoneCount>> blocks_by_player;
  std::unordered_map<std::string, std::array<int64_t, kZoneCount>> blocked_by_shooting_team;
};

struct PropLine {
  Date game_date;
  std::string player_lookup, market, bookmaker;
  double line = 0;
  std::optional<int64_t> over_price, under_price;
  Timestamp snapshot_utc;
  std::optional<Timestamp> tipoff_utc;
  std::string game_id;  // as stored (teams of the line), for joining by teams
};

struct GameLine {
  std::string game_id, bookmaker, market;
  std::optional<std::string> team_abbr;
  double line = 0;
  std::optional<int64_t> price;
  Timestamp snapshot_utc;
};

struct Injury {
  Timestamp report_utc;
  Date game_date;
  std::string team_abbr, player_lookup, status;
  std::optional<std::string> reason;
};

struct Player {
  std::optional<int64_t> player_id;
  std::string player_lookup, player_name;
  std::optional<Date> birth_date;
};

class RawInputs {
 public:
  // What load() reads besides the raw rows of [from, to] and the players.
  struct LoadOptions {
    bool shots = true;          // the shots of [from, to] (game_shots)
    bool earlier_teams = true;  // earlier_team(): box scores of the kEarlierTeamDays before from
    bool lines = true;          // prop lines, game lines and injuries (else see load_lines)
    bool boxes = true;          // team and player box scores and the players table
  };
  // Loads raw rows with game_date in [from, to] (players: all) and what `options` asks for;
  // what it does not ask for reads as absent (no shots, no earlier team, no box scores or
  // players). Throws StoreError.
  static RawInputs load(Store& store, Date from, Date to, LoadOptions options);
  // Same, with the earlier teams; the shots too unless `with_shots` is false.
  static RawInputs load(Store& store, Date from, Date to, bool with_shots = true);
  // The shots of [from, to] per game_id (any thread, its own Store). Throws StoreError.
  using ShotsByGame = std::unordered_map<std::string, GameShots>;
  static ShotsByGame read_shots(Store& store, Date from, Date to);
  // Sets the shots (only the game summaries read shots: a run that reads the stored summaries
  // of earlier dates loads the shots of the dates it summarises). Call before the inputs are
  // shared between threads.
  void set_shots(ShotsByGame shots) { shots_ = std::move(shots); }
  // Adds the shots of other games (those of a disjoint date range) to the shots set.
  void add_shots(ShotsByGame shots) { shots_.merge(shots); }
  void load_shots(Store& store, Date from, Date to) { set_shots(read_shots(store, from, to)); }
  // Loads the prop lines, game lines and injuries of [from, to()] in place of those loaded
  // (a run that reads the stored summaries of earlier dates reads the lines of the dates it
  // computes). Call before the inputs are shared between threads. Throws StoreError.
  void load_lines(Store& store, Date from);
  // The first date whose lines and injuries are loaded: asking for those of a date in
  // [from(), lines_from()) (prop_lines, players_with_points_line, players_with_lines, injuries,
  // injuries_on) throws std::logic_error, a programming error, rather than answering "none".
  Date lines_from() const { return lines_from_; }

  // Games of a date, in game_id order (empty span when none).
  std::span<const Game* const> games_on(Date d) const;
  const Game* game(const std::string& game_id) const;
  // A team's games in date order (all statuses).
  std::span<const Game* const> team_games(const std::string& team) const;
  const TeamBox* team_box(const std::string& game_id, const std::string& team) const;
  // Box-score rows of a game, in player_lookup order.
  std::span<const PlayerBox* const> game_player_boxes(const std::string& game_id) const;
  // The players who appeared (box score active, minutes > 0) in a game of the games table
  // dated in [from(), d) and in d's season, sorted. One pass over an index, not the boxes.
  std::vector<std::string> players_appeared_before(Date d) const;
  // A player's box-score rows in date order.
  std::span<const PlayerBox* const> player_boxes(const std::string& player_lookup) const;
  // The shots of a game (has_shots false when none).
  const GameShots& game_shots(const std::string& game_id) const;
  // Prop lines of a player on a date, all markets, in snapshot order.
  std::span<const PropLine* const> prop_lines(Date d, const std::string& player_lookup) const;
  // Players with a points line on D, sorted.
  const std::vector<std::string>& players_with_points_line(Date d) const;
  // Players with a line of any market on D, sorted.
  std::vector<std::string> players_with_lines(Date d) const;
  std::span<const GameLine* const> game_lines(const std::string& game_id) const;
  // Injury rows of a player for a date, in report order.
  std::span<const Injury* const> injuries(Date d, const std::string& player_lookup) const;
  // Injury rows of a date (all players), in report order.
  std::span<const Injury* const> injuries_on(Date d) const;
  const Player* player(const std::string& player_lookup) const;
  // His team in his latest box-score row dated before from(), within kEarlierTeamDays (an
  // earlier season's team, for a player with no game yet this season); nullopt when none.
  std::optional<std::string> earlier_team(const std::string& player_lookup) const;
  static constexpr int kEarlierTeamDays = 400;

  Date from() const { return from_; }
  Date to() const { return to_; }

 private:
  void build_indexes();
  void load_earlier_teams(Store& store);     // earlier_teams_, from from_
  void read_lines(Store& store, Date from);  // the line tables of [from, to_], unindexed
  void index_lines();
  void check_lines_loaded(Date d) const;

  Date from_, to_;
  Date lines_from_;
  std::vector<Game> games_;
  std::vector<TeamBox> team_boxes_;
  std::vector<PlayerBox> player_boxes_;
  std::vector<PropLine> prop_lines_;
  std::vector<GameLine> game_lines_;
  std::vector<Injury> injuries_;
  std::vector<Player> players_;
  std::unordered_map<std::string, GameShots> shots_;

  std::map<Date, std::vector<const Game*>> games_by_date_;
  // Each player's first appearance of each season: (season, game_date, player), sorted.
  struct FirstAppearance {
    int season;
    Date game_date;
    const std::string* player_lookup;
  };
  std::vector<FirstAppearance> first_appearances_;
  std::unordered_map<std::string, const Game*> game_by_id_;
  std::unordered_map<std::string, std::vector<const Game*>> games_by_team_;
  std::unordered_map<std::string, const TeamBox*> team_box_by_key_;
  std::unordered_map<std::string, std::vector<const PlayerBox*>> boxes_by_game_;
  std::unordered_map<std::string, std::vector<const PlayerBox*>> boxes_by_player_;
  std::map<std::pair<Date, std::string>, std::vector<const PropLine*>> props_by_key_;
  std::map<Date, std::vector<std::string>> points_players_by_date_;
  std::unordered_map<std::string, std::vector<const GameLine*>> lines_by_game_;
  std::map<std::pair<Date, std::string>, std::vector<const Injury*>> injuries_by_key_;
  std::map<Date, std::vector<const Injury*>> injuries_by_date_;
  std::unordered_map<std::string, const Player*> player_by_lookup_;
  std::unordered_map<std::string, std::pair<Date, std::string>> earlier_teams_;
};

}  // namespace nbaprops::analytics
