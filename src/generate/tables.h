// The synthetic league in memory: the rows of the eight canonical tables, compactly.
//
// Rows refer to players, teams and games by index: a team index is its position in
// all_teams() (code order), a player index its position in League::players, a game index
// its position in League::games. Decimals are held as scaled integers (minutes in
// hundredths, lines in halves, feet in tenths) so formatting is exact. Rows are kept in
// simulation order; writer.h sorts them into key order. Plain data, no invariants enforced
// here; generate_test.cpp checks them.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/box_stats.h"
#include "core/date.h"

namespace nbaprops::gen {

enum class SeasonType : uint8_t { kRegular, kPlayin, kPlayoffs };
enum class PlayerStatus : uint8_t { kActive, kDnp, kInactive };
enum class Zone : uint8_t { kPaint, kMidRange, kThree };
// Alphabetical, so enum order is the key order of the text values.
enum class Market : uint8_t { kAssists, kPoints, kRebounds, kThrees };
enum class Bookmaker : uint8_t { kBetmgm, kCaesars, kDraftkings, kFanduel };
enum class InjuryStatus : uint8_t { kOut, kDoubtful, kQuestionable, kProbable, kAvailable };
enum class GameMarket : uint8_t { kSpread, kTotal };

inline constexpr int kBookmakers = 4;

struct Player {
  int32_t player_id = 0;
  std::string player_lookup, player_name;
  Date birth_date;
  std::string position;  // G, F, C, G-F, F-C
  int debut_season = 0;  // first season the player is on a roster
};

struct Game {
  std::string game_id;
  Date game_date;
  int season = 0;
  SeasonType season_type = SeasonType::kRegular;
  int home = 0, away = 0;  // team indices
  Timestamp tipoff_utc;
  bool final = true;  // false only after as-of filtering
  int home_score = 0, away_score = 0;
  int overtimes = 0;
};

// Counting stats in the canonical column order (core/box_stats.h, without plus_minus).
using StatLine = std::array<int16_t, kCountingStats>;

struct PlayerBox {
  int32_t game = 0, player = 0;
  int8_t team = 0;
  PlayerStatus status = PlayerStatus::kActive;
  bool starter = false;
  std::string dnp_reason;    // empty unless dnp / inactive
  int32_t minutes_x100 = 0;  // hundredths of a minute
  StatLine stats{};
  int16_t plus_minus = 0;
};

struct TeamBox {
  int32_t game = 0;
  int8_t team = 0, opponent = 0;
  bool is_home = false;
  int16_t minutes = 240;
  StatLine stats{};
  int16_t plus_minus = 0;
};

struct Shot {
  int32_t game = 0, player = 0;
  int32_t assisted_by = -1, blocked_by = -1;  // player indices or -1
  int8_t team = 0;
  uint8_t period = 1;
  int16_t seconds_left = 0;
  uint8_t value = 2;
  bool made = false;
  Zone zone = Zone::kPaint;
  uint8_t action = 0;                                      // index into shot_action_names()
  int16_t distance_x10 = 0, loc_x_x10 = 0, loc_y_x10 = 0;  // tenths of a foot
};

struct PropLine {
  int32_t game = 0, player = 0;
  Market market = Market::kPoints;
  Bookmaker bookmaker = Bookmaker::kDraftkings;
  int16_t line_x2 = 0;  // the line in halves (an odd number: lines end in .5)
  int16_t over_price = -110, under_price = -110;
  Timestamp snapshot_utc;
};

struct GameLine {
  int32_t game = 0;
  Bookmaker bookmaker = Bookmaker::kDraftkings;
  GameMarket market = GameMarket::kSpread;
  int8_t team = -1;  // -1 = NULL (totals)
  int16_t line_x2 = 0;
  int16_t price = -110;
  Timestamp snapshot_utc;
};

struct InjuryRow {
  Timestamp report_utc;
  int32_t game = 0, player = 0;
  int8_t team = 0;
  InjuryStatus status = InjuryStatus::kOut;
  std::string reason;
};

struct League {
  std::vector<Player> players;
  std::vector<Game> games;
  std::vector<PlayerBox> player_boxscores;
  std::vector<TeamBox> team_boxscores;
  std::vector<Shot> shots;
  std::vector<PropLine> prop_lines;
  std::vector<GameLine> game_lines;
  std::vector<InjuryRow> injuries;
};

const char* season_type_name(SeasonType t);
const char* player_status_name(PlayerStatus s);
const char* zone_name(Zone z);
const char* market_name(Market m);
const char* bookmaker_name(Bookmaker b);
const char* injury_status_name(InjuryStatus s);
const char* game_market_name(GameMarket m);
// The action_type texts a Shot::action indexes; the first kPaintActions are paint shots.
const std::vector<const char*>& shot_action_names();

}  // namespace nbaprops::gen
