// What the market models read from the store (issue 12 items 1-5), loaded once: every
// player-game of player_game_summary (active, minutes > 0; all seasons in the store), the
// market's consensus lines (prop_line_consensus) and each book's offer (prop_lines: the
// book's latest snapshot before the row's tip-off, or its latest when the tip-off is unknown)
// and the injury reports (each player's latest status before his game's tip-off, same_day.h).
// Then, pure: the model rows of every player-game (features from the games before its date).
//
// load_market_inputs reads the store (one thread, like every Store use); market_rows is pure.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"
#include "predict/markets/market.h"
#include "predict/markets/market_bet.h"
#include "predict/markets/market_features.h"
#include "predict/markets/market_model.h"
#include "predict/markets/same_day.h"
#include "store/store.h"

namespace nbaprops::predict::markets {

using PlayerDate = std::pair<int32_t, std::string>;  // (game_date days, player_lookup)

struct MarketInputs {
  std::vector<PlayerGame> games;  // (date, player) order
  std::map<PlayerDate, SameDayLine> consensus;
  std::map<PlayerDate, std::vector<Offer>> offers;  // books in name order
  InjuryReports injuries;
};

// Throws StoreError.
MarketInputs load_market_inputs(Store& store, const MarketDef& market);
// The player-games alone (the part every market shares; those dated `from` or later only, when
// given), and the inputs of a market with
// those games (what load_market_inputs returns, reading them once for several markets).
std::vector<PlayerGame> load_market_games(Store& store, std::optional<Date> from = {});
MarketInputs load_market_inputs(Store& store, const MarketDef& market,
                                std::vector<PlayerGame> games);
// The parts alone: the consensus lines and the offers of every date, or of the game dates in
// [first, last] only (the daily run: its dates', not the season's).
using DateRange = std::pair<Date, Date>;
std::map<PlayerDate, SameDayLine> load_market_consensus(Store& store, const MarketDef& market,
                                                        std::optional<DateRange> dates = {});
std::map<PlayerDate, std::vector<Offer>> load_market_offers(Store& store, const MarketDef& market,
                                                            std::optional<DateRange> dates = {});
// The injury reports of every date (or of the game dates in [first, last] only): per date and
// player the latest `injuries` row before his game's cut-off (the game of his team on that
// date: its tipoff_utc, else 12:00 ET; 02-analytics.md §0).
InjuryReports load_market_injuries(Store& store, std::optional<DateRange> dates = {});

// One model row per player-game of `in.games`, in the same order: the features of that date
// from his, his teammates' and his opponent's earlier games, the day's consensus line, offers
// and injury report; label = the stat.
std::vector<MarketRow> market_rows(const MarketDef& market, const MarketInputs& in);

// A player with a game on D, before it is played (the daily run's candidates: a line of D and
// his team, opponent and venue from the schedule).
struct MarketCandidate {
  std::string player, team, opponent;
  bool home = false;
};

// The pre-game model row of each candidate on `d` (candidate order): the features from his and
// his opponent's games of `in.games` dated before d and d's consensus line, exactly as
// market_rows builds the row of a player-game of d; label 0 (not played yet). Pure.
std::vector<MarketRow> market_rows_of_date(const MarketDef& market, const MarketInputs& in, Date d,
                                           std::span<const MarketCandidate> candidates);

}  // namespace nbaprops::predict::markets
