// The box-score statistics of 01-raw-data.md §1, in the spec's column order: the fifteen
// counting stats (pts ... pf) and then plus_minus. One definition for every layer that
// reads or writes box scores.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace nbaprops {

enum BoxStat : size_t {
  kPts,
  kFgm,
  kFga,
  kFg3m,
  kFg3a,
  kFtm,
  kFta,
  kOreb,
  kDreb,
  kReb,
  kAst,
  kStl,
  kBlk,
  kTov,
  kPf,
  kPlusMinus
};

inline constexpr size_t kCountingStats = 15;  // pts ... pf
inline constexpr size_t kBoxStats = 16;       // the counting stats and plus_minus

inline constexpr std::array<std::string_view, kBoxStats> kBoxStatColumns = {
    "pts",  "fgm", "fga", "fg3m", "fg3a", "ftm", "fta", "oreb",
    "dreb", "reb", "ast", "stl",  "blk",  "tov", "pf",  "plus_minus"};

}  // namespace nbaprops
