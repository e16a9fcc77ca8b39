// The prop markets the market models predict (issue 12 item 3), as a table: one entry per
// market with its id (prop_lines.market), the stat it settles on and the distribution its
// P(over) is read from. Adding a market is one entry in market.cpp. Immutable; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nbaprops::predict::markets {

// The box-score values of one player-game a market can settle on.
struct GameStats {
  double pts = 0, reb = 0, ast = 0, fg3m = 0, fg3a = 0, minutes = 0;
  // Adds another game's (or player's) stats, field by field: a team's allowed sums.
  GameStats& operator+=(const GameStats& o) {
    pts += o.pts;
    reb += o.reb;
    ast += o.ast;
    fg3m += o.fg3m;
    fg3a += o.fg3a;
    minutes += o.minutes;
    return *this;
  }
};

// How P(over) is read from a predicted mean (market_probability.h).
enum class Distribution { kNormal, kNegativeBinomial };

struct MarketDef {
  std::string id;  // prop_lines.market: points, rebounds, assists, threes, pra
  Distribution distribution = Distribution::kNormal;
  double (*stat)(const GameStats&) = nullptr;  // the value the market settles on
  bool three_point_features = false;           // threes: attempts and make rate as features
};

// Every market, in a fixed order: points, rebounds, assists, threes, pra.
const std::vector<MarketDef>& all_markets();
// The market with `id`, or nullptr.
const MarketDef* find_market(std::string_view id);

}  // namespace nbaprops::predict::markets
