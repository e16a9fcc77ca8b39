// The market models' features (issue 12 items 1 and 3): per player and date D, from his games
// and his opponent's games strictly before D (any season in the store), plus the same-day line
// of the market from prop_line_consensus. Declared once: the enum gives the index of each
// feature in the model's row, market_feature_names() its name (the model's column names).
//
// Formulas (the market's stat s, e.g. rebounds; "last N" = his last N games before D, at most
// 365 days back; a window without a game is missing, NaN):
//   stat_avg_last_5 / _10     mean of s over the last 5 / 10 games
//   stat_avg_season           mean of s over his games of D's season (season_of) before D
//   stat_sd_last_10           sample standard deviation of s over the last 10 (>= 2 games)
//   minutes_avg_last_5 / _10  mean minutes over the last 5 / 10 games
//   fg3a_avg_last_10          threes only: mean three-point attempts over the last 10
//   fg3_rate_last_10          threes only: sum fg3m / sum fg3a over the last 10 (NaN if no
//                             attempt)
//   opp_allowed_last_10       the opponent's mean of s allowed per game (the sum of s of the
//                             players who faced it) over its last 10 games before D
//   home                      1 home, 0 away
//   rest_days                 D - date of his last game (NaN without one in 365 days), max 30
//   games_season              his games of D's season before D
//   line_consensus, line_movement, line_books   the consensus line (median over books), its
//                             movement opening -> latest, the number of books (NaN without a
//                             line)
// Same-day information (issue 12 item 4; the SameDay context, see same_day.h):
//   minutes_trend_last_10     least-squares slope of minutes on 0, 1, ..., n-1 over the last
//                             10 (oldest first; NaN below 3 games)
//   minutes_projection        sum 0.7^k m_k / sum 0.7^k over the last 10, k = 0 the newest
//   teammates_missing_stat / _minutes   the box-score absence proxy: over the rotation
//                             teammates absent from his team's last game, the sum of their
//                             mean s / mean minutes over their last 10 games
//   injury_risk               his latest injury status before tip-off: none or available 0,
//                             probable 1, questionable 2, doubtful or out 3 (feature 10's
//                             scale); NaN when no injury report of D is in the store
//   teammates_out_stat        over the teammates whose latest status is doubtful or out, the
//                             sum of their mean s over their last 10 (NaN: no report of D)
//   line_spread               max - min of the books' lines of D (NaN without an offer)
//   market_no_vig_over        the consensus's no-vig P(over) (NaN when not priced)
// Pure functions; thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/date.h"
#include "predict/markets/market.h"

namespace nbaprops::predict::markets {

enum class MarketFeature : size_t {
  kStatAvgLast5,
  kStatAvgLast10,
  kStatAvgSeason,
  kStatSdLast10,
  kMinutesAvgLast5,
  kMinutesAvgLast10,
  kFg3aAvgLast10,
  kFg3RateLast10,
  kOppAllowedLast10,
  kHome,
  kRestDays,
  kGamesSeason,
  kLineConsensus,
  kLineMovement,
  kLineBooks,
  kMinutesTrendLast10,
  kMinutesProjection,
  kTeammatesMissingStat,
  kTeammatesMissingMinutes,
  kInjuryRisk,
  kTeammatesOutStat,
  kLineSpread,
  kMarketNoVigOver,
  kCount
};
inline constexpr size_t kMarketFeatureCount = static_cast<size_t>(MarketFeature::kCount);
// "At most 365 days back": the player windows' look-back (see above).
inline constexpr int kMarketLookBackDays = 365;
using MarketFeatures = std::array<float, kMarketFeatureCount>;

// The feature names in index order.
const std::array<std::string_view, kMarketFeatureCount>& market_feature_names();

// One player-game of the history (player_game_summary, active with minutes > 0).
struct PlayerGame {
  Date date;
  std::string player, team, opponent;
  bool home = false;
  GameStats stats;
};

// What one team allowed in one game: the sums over the players who faced it.
struct TeamAllowed {
  Date date;
  GameStats stats;
};

// The market's line of the player on D (prop_line_consensus).
struct SameDayLine {
  double consensus_line = 0, movement = 0;
  int books = 0;
  std::optional<double> no_vig_over;  // mean over the books of their no-vig P(over), if priced
};

// What is known of D itself before tip-off besides the consensus (same_day.h builds it; each
// nullopt is a missing feature).
struct SameDay {
  std::optional<double> teammates_missing_stat, teammates_missing_minutes;
  std::optional<double> injury_risk, teammates_out_stat;
  std::optional<double> line_spread;
};

// The features of a player on `d`. `player_games`: his games before d, in date order;
// `opponent_allowed`: the opponent's games before d, in date order.
// REQUIRES: every date in both spans < d.
MarketFeatures market_features(const MarketDef& market, Date d, bool home,
                               std::span<const PlayerGame> player_games,
                               std::span<const TeamAllowed> opponent_allowed,
                               const std::optional<SameDayLine>& line,
                               const SameDay& same_day = {});

inline float feature(const MarketFeatures& f, MarketFeature k) {
  return f[static_cast<size_t>(k)];
}

}  // namespace nbaprops::predict::markets
