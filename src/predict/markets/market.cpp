#include "predict/markets/market.h"

namespace nbaprops::predict::markets {

const std::vector<MarketDef>& all_markets() {
  using D = Distribution;
  static const std::vector<MarketDef> markets = {
      {"points", D::kNormal, [](const GameStats& s) { return s.pts; }, false},
      {"rebounds", D::kNormal, [](const GameStats& s) { return s.reb; }, false},
      {"assists", D::kNormal, [](const GameStats& s) { return s.ast; }, false},
      {"threes", D::kNegativeBinomial, [](const GameStats& s) { return s.fg3m; }, true},
      {"pra", D::kNormal, [](const GameStats& s) { return s.pts + s.reb + s.ast; }, false},
  };
  return markets;
}

const MarketDef* find_market(std::string_view id) {
  for (const MarketDef& m : all_markets()) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

}  // namespace nbaprops::predict::markets
