// The row-level validation rules of 01-raw-data.md §5 that depend only on the row itself,
// and the shot-zone rule of §1. Each throws RowError with the spec's reason code on the
// first failed rule; some also complete the row (derived zone, shot value). Pure functions.
#pragma once

#include <optional>
#include <string>

#include "core/value.h"
#include "raw/schema.h"

namespace nbaprops {

// The stored zone of a shot: value 3 -> three; value 2 -> paint at <= 8 ft, else mid_range;
// distance from distance_ft, else from loc, else from the source's zone label; else nullopt.
std::optional<std::string> shot_zone(int shot_value, std::optional<double> distance_ft,
                                     std::optional<double> loc_x, std::optional<double> loc_y,
                                     std::optional<std::string> zone_label);

// player_boxscores: status, minutes, stats present/absent by status, ranges, identities.
void check_player_boxscore(const TableSchema& t, Row& row);
// team_boxscores: minutes and the counting stats present, minutes 0-400, stats ranges and
// identities, team != opponent.
void check_team_boxscore(const TableSchema& t, Row& row);
// shots: ranges; derives shot_value (from distance when missing) and zone; a given zone
// that differs from the derived one is rejected. `zone_label` is the source's zone text.
void check_shot(const TableSchema& t, Row& row, const std::optional<std::string>& zone_label);
// prop_lines: market enum, line 0-100, American prices.
void check_prop_line(const TableSchema& t, Row& row);
// game_lines: market enum, spread -50..50 with a team, total 100-350 without, price.
void check_game_line(const TableSchema& t, Row& row);
// player_boxscores from a source without every stat (raw/parse_profile.cpp): an active row
// needs minutes and points; the stats given are checked for range, and each identity of
// check_player_boxscore is checked when all its stats are given.
void check_partial_player_boxscore(const TableSchema& t, Row& row);
// injuries: status enum.
void check_injury(const TableSchema& t, Row& row);
// games (canonical): enums, teams, scores present iff final, game id form, season.
void check_game(const TableSchema& t, Row& row);
// The contract between the row checks and the store: every NOT NULL column of `t` holds a
// value and every value has its column's type (int/bool: integer, dec: number, others: text).
// Throws RowError (missing_value / bad_value) naming the first column that breaks it. Run on
// every staged row before it is written, so a bad row is rejected, never a store error.
void check_fits_schema(const TableSchema& t, const Row& row);
// An American price: -100000..-100 or +100..+100000.
bool is_american_price(int64_t price);
// A source price as American odds: a value p with 1 < p < 100 is decimal odds
// (+100(p - 1) when p >= 2, else -100/(p - 1)); rounded half away from zero. A value past
// +-1e12 or NaN gives +-1e12, which is_american_price rejects (never an undefined cast).
int64_t american_price_of(double p);

}  // namespace nbaprops
