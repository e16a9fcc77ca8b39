// Every market's prop lines of a player on D, consolidated across bookmakers (issue 11 item
// 5; docs/tonight.md "Consolidated lines").
//
// Per bookmaker, only snapshots before the cut-off count (the game's tip-off when known, else
// the row's own tipoff_utc, else 12:00 ET on its date: 02-analytics.md §0). A book's *latest*
// snapshot is its current offer, its *earliest* its opening one; two rows of one book at one
// snapshot: the lower line, then the lower over_price (the §0 tie rule). Then:
//   consensus_line = median over books of each book's latest line (even count: mean of the
//                    middle two); opening_line = the same median of each book's earliest line;
//                    line_movement = consensus_line - opening_line;
//   best over / under price = the highest American price among the books' latest snapshots
//                    (the most a bettor is paid), ties to the book first in priority order,
//                    with that book's line;
//   no_vig_over_prob = mean over the books whose latest snapshot has both prices of
//                    p_over / (p_over + p_under), p = the implied probability of each price.
// Pure functions of their arguments; thread-safe. Values are unrounded.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analytics/inputs.h"
#include "analytics/processor.h"
#include "analytics/rules.h"
#include "core/entity_parallel.h"
#include "core/record.h"
#include "core/table_schema.h"

namespace nbaprops::analytics {

// The markets consolidated, in key (alphabetical) order.
const std::vector<std::string>& consolidated_markets();

// Implied probability of an American price: 100 / (A + 100) for A > 0, -A / (-A + 100) for
// A < 0. REQUIRES: |A| >= 100.
double implied_probability(int64_t american);
// The over's share of the two implied probabilities (the multiplicative no-vig reading).
double no_vig_over_probability(int64_t over_price, int64_t under_price);

struct MarketConsensus {
  std::string market;
  double consensus_line = 0, opening_line = 0, line_movement = 0;
  int books = 0;  // books with a pre-tip snapshot
  std::optional<int64_t> best_over_price, best_under_price;
  std::optional<std::string> best_over_book, best_under_book;
  std::optional<double> best_over_line, best_under_line;
  std::optional<double> no_vig_over_prob;
  int no_vig_books = 0;                     // books whose latest snapshot has both prices
  Timestamp first_snapshot, last_snapshot;  // over every pre-tip snapshot counted
  bool tipoff_assumed = false;              // a counted row's cut-off fell back to 12:00 ET
};

// The consensus of `market` over `lines` (one player's lines of one date, any markets);
// `game` gives the cut-off when known (may be null). nullopt when no pre-tip snapshot.
std::optional<MarketConsensus> consolidate_market(std::span<const PropLine* const> lines,
                                                  const Game* game, const std::string& market);

// The points line of a player for a game as Phase 3 (PGS, UPGC) and so the feature store read
// it: choose_prop_line's book, prices, book count and tip-off flag, with closing_line and
// opening_line replaced by the consensus and opening medians across books (with one book,
// identical to choose_prop_line). nullopt when there is no pre-tip candidate.
std::optional<ChosenLine> consensus_points_line(std::span<const PropLine* const> lines,
                                                const Game* game);

// The game on D that lines name by id or by their teams (either order); nullptr if none.
const Game* game_of_prop_lines(const RawInputs& in, Date d, std::span<const PropLine* const> lines);

// prop_line_consensus: key (game_date, player_lookup, market); one row per player and market
// with a pre-tip line on D. Reads prop_lines and games of D only: no history, no clock.
// Its row, declared once (core/record.h): the table's columns, writer and reader.
struct PropLineConsensusRow {
  Date game_date;
  std::string player_lookup, market;
  std::optional<std::string> game_id;
  double consensus_line = 0, opening_line = 0, line_movement = 0;  // 2 decimals
  int64_t books_count = 0;
  std::optional<int64_t> best_over_price;
  std::optional<std::string> best_over_book;
  std::optional<double> best_over_line;  // 1 decimal
  std::optional<int64_t> best_under_price;
  std::optional<std::string> best_under_book;
  std::optional<double> best_under_line;   // 1 decimal
  std::optional<double> no_vig_over_prob;  // 4 decimals
  int64_t no_vig_books_count = 0;
  std::string first_snapshot_utc, last_snapshot_utc;  // timestamps
  std::string quality_issues;                         // tipoff_unknown or empty
  std::optional<std::string> processed_at;            // NULL: the writer stamps it
};
const Record<PropLineConsensusRow>& prop_line_consensus_record();
const TableSchema& prop_line_consensus_table();
ProcessorOutput prop_line_consensus(const RawInputs& in, Date d,
                                    const EntityParallel* parallel = nullptr);

}  // namespace nbaprops::analytics
