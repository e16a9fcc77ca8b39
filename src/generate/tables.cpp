#include "generate/tables.h"

namespace nbaprops::gen {

const char* season_type_name(SeasonType t) {
  switch (t) {
    case SeasonType::kRegular:
      return "regular";
    case SeasonType::kPlayin:
      return "playin";
    case SeasonType::kPlayoffs:
      return "playoffs";
  }
  return "regular";
}

const char* player_status_name(PlayerStatus s) {
  switch (s) {
    case PlayerStatus::kActive:
      return "active";
    case PlayerStatus::kDnp:
      return "dnp";
    case PlayerStatus::kInactive:
      return "inactive";
  }
  return "active";
}

const char* zone_name(Zone z) {
  switch (z) {
    case Zone::kPaint:
      return "paint";
    case Zone::kMidRange:
      return "mid_range";
    case Zone::kThree:
      return "three";
  }
  return "paint";
}

const char* market_name(Market m) {
  switch (m) {
    case Market::kAssists:
      return "assists";
    case Market::kPoints:
      return "points";
    case Market::kRebounds:
      return "rebounds";
    case Market::kThrees:
      return "threes";
  }
  return "points";
}

const char* bookmaker_name(Bookmaker b) {
  switch (b) {
    case Bookmaker::kBetmgm:
      return "betmgm";
    case Bookmaker::kCaesars:
      return "caesars";
    case Bookmaker::kDraftkings:
      return "draftkings";
    case Bookmaker::kFanduel:
      return "fanduel";
  }
  return "draftkings";
}

const char* injury_status_name(InjuryStatus s) {
  switch (s) {
    case InjuryStatus::kOut:
      return "out";
    case InjuryStatus::kDoubtful:
      return "doubtful";
    case InjuryStatus::kQuestionable:
      return "questionable";
    case InjuryStatus::kProbable:
      return "probable";
    case InjuryStatus::kAvailable:
      return "available";
  }
  return "out";
}

const char* game_market_name(GameMarket m) {
  return m == GameMarket::kSpread ? "spread" : "total";
}

const std::vector<const char*>& shot_action_names() {
  static const std::vector<const char*> names = {
      // paint
      "Driving Layup Shot", "Layup Shot", "Dunk Shot", "Cutting Layup Shot", "Tip Layup Shot",
      "Driving Floating Jump Shot", "Hook Shot",
      // jump shots (mid-range and threes)
      "Jump Shot", "Pullup Jump shot", "Step Back Jump shot", "Turnaround Fadeaway shot",
      "Running Jump Shot"};
  return names;
}

}  // namespace nbaprops::gen
