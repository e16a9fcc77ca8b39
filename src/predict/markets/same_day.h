// The same-day context of the market features (issue 12 item 4; market_features.h lists the
// features). Pure; built per date, from what is known before that date's tip-offs:
//
// - The box-score absence proxy. A team's *rotation* before D: the players who appeared
//   (active, minutes > 0) for it in at least 3 of its last 5 games of D's season before D. Those
//   of them absent from its last game are *missing* (hurt, resting or gone: a player traded away
//   stays missing until he leaves the window). Unknown (nullopt) when the team has fewer than 3
//   games of D's season before D.
// - The injury report of D: each reported player's latest status before his game's tip-off
//   (02-analytics.md §0, load_market_injuries). A date without a pre-tip report row has no
//   report: its injury features are missing, not "nobody is hurt".
// - The books' lines of D for the player.
//
// An absent or reported teammate counts with his means over his last 10 games before D within
// 365 days (zero without one): the stat of the market and his minutes: what he leaves to share.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "predict/markets/market.h"
#include "predict/markets/market_bet.h"
#include "predict/markets/market_features.h"

namespace nbaprops::predict::markets {

// One game of a team: its date and the players who appeared for it, in name order.
struct TeamGame {
  Date date;
  std::vector<std::string> players;
};

// A player's latest status on an injury report of one date (before his game's tip-off).
struct ReportedStatus {
  std::string player, team, status;
};
// The reports by date (days); a date is a key only when it has a pre-tip report row.
using InjuryReports = std::map<int32_t, std::vector<ReportedStatus>>;

using GamesByPlayer = std::unordered_map<std::string, std::vector<PlayerGame>>;
using GamesByTeam = std::unordered_map<std::string, std::vector<TeamGame>>;

// The rotation players missing from the team's last game (name order). `games`: the team's
// games before d, date order. nullopt below 3 games of d's season.
std::optional<std::vector<std::string>> missing_from_last_game(std::span<const TeamGame> games,
                                                               Date d);

// The last games of d's season of each team of `teams` (at most the rotation window's 5, what
// missing_from_last_game reads), from `games`: player-games before d in date order.
GamesByTeam last_team_games(std::span<const PlayerGame> games, Date d,
                            const std::set<std::string>& teams);

// max - min of the offers' lines; nullopt without an offer.
std::optional<double> line_spread(std::span<const Offer> offers);

// The same-day context of the players of one date. `players` and `teams` hold the games before
// d only (date order); `report`: d's injury report, nullptr without one. Not thread-safe (it
// caches per team); the maps must outlive it.
class SameDayBuilder {
 public:
  SameDayBuilder(const MarketDef& market, Date d, const GamesByPlayer& players,
                 const GamesByTeam& teams, const std::vector<ReportedStatus>* report);
  // `offers`: the player's books' offers of d (nullptr without one).
  SameDay of(const std::string& player, const std::string& team, const std::vector<Offer>* offers);

 private:
  struct Absent {
    std::string player;
    double stat = 0, minutes = 0;
  };
  Absent absent(const std::string& player) const;
  const std::optional<std::vector<Absent>>& missing(const std::string& team);
  const std::vector<Absent>& out(const std::string& team);

  const MarketDef& market_;
  Date d_;
  const GamesByPlayer& players_;
  const GamesByTeam& teams_;
  const std::vector<ReportedStatus>* report_;
  std::map<std::string, std::optional<std::vector<Absent>>> missing_;
  std::map<std::string, std::vector<Absent>> out_;
};

}  // namespace nbaprops::predict::markets
