// What the prediction systems read for one player on a date D (04-predictions.md §1): the 60
// features of his ml_feature_store row, the opponent's zone defence, his shot volume, and his
// own past games. Plain read-only values, built once per date and shared by every system on
// any number of threads.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "core/date.h"
#include "features/catalog.h"

namespace nbaprops::predict {

// The feature catalog (features/catalog.h): the count and the features by name.
using ::nbaprops::features::Feature;
using ::nbaprops::features::kFeatureCount;

// The 60 values of an ml_feature_store row (NULL: missing), read by Feature (or by index).
struct Features : std::array<std::optional<double>, kFeatureCount> {
  using array::operator[];
  std::optional<double>& operator[](Feature x) { return (*this)[features::index(x)]; }
  const std::optional<double>& operator[](Feature x) const { return (*this)[features::index(x)]; }
};

// Parses the `features` column (a JSON array of 60 numbers or nulls). nullopt when it is not
// such an array.
std::optional<Features> parse_features(const std::string& json);

// Where each feature came from: the `feature_sources` labels (phase4, phase3, calculated, vegas,
// default, missing; 03-precompute.md §7), in index order.
using FeatureSources = std::array<std::string, kFeatureCount>;

// Parses the `feature_sources` column (a JSON array of 60 strings). nullopt when it is not such
// an array.
std::optional<FeatureSources> parse_feature_sources(const std::string& json);

// True for the labels of a value that is not the player's own: `default` (a default stored) and
// `missing` (NULL stored).
bool is_default_like(std::string_view label);

// One past game of a player (a player_game_summary row, as stored).
struct PlayerGame {
  Date game_date;
  std::string game_id, team_abbr, opponent_abbr;
  bool home = false;
  bool appeared = false;  // active with minutes > 0
  std::optional<double> points;
};

// A team's row of team_defense_zone_analysis on one analysis date.
struct TeamDefense {
  std::optional<double> paint_vs, mid_range_vs, three_vs;  // percentage points vs league
  std::optional<double> defensive_rating;                  // defensive_rating_last_15
};

// team_defense_zone_analysis rows by (analysis_date, team_abbr).
class DefenseByDate {
 public:
  void add(Date d, std::string team, TeamDefense row) {
    rows_[{d, std::move(team)}] = std::move(row);
  }
  // nullptr when there is no row.
  const TeamDefense* find(Date d, const std::string& team) const {
    auto it = rows_.find({d, team});
    return it == rows_.end() ? nullptr : &it->second;
  }

 private:
  std::map<std::pair<Date, std::string>, TeamDefense> rows_;
};

// The inputs of one player on D. `history` holds his games dated before D in date order.
struct PlayerDay {
  Date d;
  std::string player_lookup, game_id, team_abbr, opponent_abbr;
  Features features;
  std::optional<double> attempts_per_game;  // A: PSZA of D, sum of the three zones
  const DefenseByDate* defense = nullptr;   // REQUIRES: not null
  std::span<const PlayerGame> history;
};

}  // namespace nbaprops::predict
