#include "analytics/prop_line_consensus.h"

#include <algorithm>
#include <map>

#include "analytics/rules.h"
#include "analytics/window_stats.h"

namespace nbaprops::analytics {
namespace {

// Order of one book's rows: snapshot, then lower line, then lower over_price (§0 ties).
bool earlier(const PropLine* a, const PropLine* b) {
  if (a->snapshot_utc != b->snapshot_utc) return a->snapshot_utc < b->snapshot_utc;
  if (a->line != b->line) return a->line < b->line;
  return a->over_price.value_or(INT64_MAX) < b->over_price.value_or(INT64_MAX);
}

// One book's earliest and latest pre-tip rows.
struct BookRows {
  const PropLine* opening = nullptr;
  const PropLine* latest = nullptr;
};

// A better price for the bettor: higher American odds; equal: the book first in priority.
void take_best(std::optional<int64_t> price, const PropLine& l, std::optional<int64_t>& best,
               std::optional<std::string>& book, std::optional<double>& line) {
  if (!price) return;
  if (best && (*price < *best || (*price == *best && !bookmaker_before(l.bookmaker, *book)))) {
    return;
  }
  best = price;
  book = l.bookmaker;
  line = l.line;
}

TableSchema build_table() {
  return {"prop_line_consensus",
          prop_line_consensus_record().columns(),
          {"game_date", "player_lookup", "market"},
          "game_date, player_lookup, market"};
}

PropLineConsensusRow consensus_row(Date d, const std::string& player, const Game* game,
                                   const MarketConsensus& c) {
  PropLineConsensusRow r;
  r.game_date = d;
  r.player_lookup = player;
  r.market = c.market;
  if (game) r.game_id = game->game_id;
  r.consensus_line = c.consensus_line;
  r.opening_line = c.opening_line;
  r.line_movement = c.line_movement;
  r.books_count = c.books;
  r.best_over_price = c.best_over_price;
  r.best_over_book = c.best_over_book;
  r.best_over_line = c.best_over_line;
  r.best_under_price = c.best_under_price;
  r.best_under_book = c.best_under_book;
  r.best_under_line = c.best_under_line;
  r.no_vig_over_prob = c.no_vig_over_prob;
  r.no_vig_books_count = c.no_vig_books;
  r.first_snapshot_utc = format_timestamp(c.first_snapshot);
  r.last_snapshot_utc = format_timestamp(c.last_snapshot);
  r.quality_issues = c.tipoff_assumed ? "tipoff_unknown" : "";
  return r;
}

}  // namespace

const std::vector<std::string>& consolidated_markets() {
  static const std::vector<std::string> markets = {"assists", "points", "pra", "rebounds",
                                                   "threes"};
  return markets;
}

double implied_probability(int64_t american) {
  double a = static_cast<double>(american);
  return american > 0 ? 100.0 / (a + 100.0) : -a / (-a + 100.0);
}

double no_vig_over_probability(int64_t over_price, int64_t under_price) {
  double over = implied_probability(over_price), under = implied_probability(under_price);
  return over / (over + under);
}

std::optional<MarketConsensus> consolidate_market(std::span<const PropLine* const> lines,
                                                  const Game* game, const std::string& market) {
  std::map<std::string, BookRows> books;
  MarketConsensus out;
  out.market = market;
  bool any = false;
  for (const PropLine* l : lines) {
    if (l->market != market) continue;
    Cutoff cutoff = prop_line_cutoff(*l, game);
    if (!(l->snapshot_utc < cutoff.at)) continue;  // point in time: after tip-off never counts
    out.tipoff_assumed |= cutoff.assumed;
    if (!any || l->snapshot_utc < out.first_snapshot) out.first_snapshot = l->snapshot_utc;
    if (!any || out.last_snapshot < l->snapshot_utc) out.last_snapshot = l->snapshot_utc;
    any = true;
    BookRows& b = books[l->bookmaker];
    if (!b.opening || earlier(l, b.opening)) b.opening = l;
    // Latest snapshot; among equal snapshots the lower line (then price) wins.
    if (!b.latest || b.latest->snapshot_utc < l->snapshot_utc ||
        (b.latest->snapshot_utc == l->snapshot_utc && earlier(l, b.latest))) {
      b.latest = l;
    }
  }
  if (!any) return std::nullopt;
  std::vector<double> latest, opening;
  double no_vig_sum = 0;
  for (const auto& [book, rows] : books) {
    const PropLine& l = *rows.latest;
    latest.push_back(l.line);
    opening.push_back(rows.opening->line);
    take_best(l.over_price, l, out.best_over_price, out.best_over_book, out.best_over_line);
    take_best(l.under_price, l, out.best_under_price, out.best_under_book, out.best_under_line);
    if (l.over_price && l.under_price) {
      no_vig_sum += no_vig_over_probability(*l.over_price, *l.under_price);
      ++out.no_vig_books;
    }
  }
  out.books = static_cast<int>(books.size());
  out.consensus_line = *median_of(latest);
  out.opening_line = *median_of(opening);
  out.line_movement = out.consensus_line - out.opening_line;
  if (out.no_vig_books > 0) out.no_vig_over_prob = no_vig_sum / out.no_vig_books;
  return out;
}

std::optional<ChosenLine> consensus_points_line(std::span<const PropLine* const> lines,
                                                const Game* game) {
  auto chosen = choose_prop_line(lines, game);
  if (!chosen) return chosen;
  auto consensus = consolidate_market(lines, game, "points");  // same candidates
  chosen->closing_line = consensus->consensus_line;
  chosen->opening_line = consensus->opening_line;
  return chosen;
}

const Game* game_of_prop_lines(const RawInputs& in, Date d,
                               std::span<const PropLine* const> lines) {
  auto ends_with = [](const std::string& id, const std::string& s) {
    return id.size() >= s.size() && id.compare(id.size() - s.size(), s.size(), s) == 0;
  };
  for (const PropLine* l : lines) {
    if (const Game* g = in.game(l->game_id); g && g->game_date == d) return g;
    for (const Game* g : in.games_on(d)) {
      if (ends_with(l->game_id, "_" + g->away_team + "_" + g->home_team) ||
          ends_with(l->game_id, "_" + g->home_team + "_" + g->away_team)) {
        return g;
      }
    }
  }
  return nullptr;
}

const Record<PropLineConsensusRow>& prop_line_consensus_record() {
  using R = PropLineConsensusRow;
  static const Record<R> r =
      Record<R>()
          .field("game_date", &R::game_date)
          .field("player_lookup", &R::player_lookup)
          .field("market", &R::market)
          .field("game_id", &R::game_id)
          .dec("consensus_line", &R::consensus_line, 2)
          .dec("opening_line", &R::opening_line, 2)
          .dec("line_movement", &R::line_movement, 2)
          .field("books_count", &R::books_count)
          .field("best_over_price", &R::best_over_price)
          .field("best_over_book", &R::best_over_book)
          .dec("best_over_line", &R::best_over_line, 1)
          .field("best_under_price", &R::best_under_price)
          .field("best_under_book", &R::best_under_book)
          .dec("best_under_line", &R::best_under_line, 1)
          .dec("no_vig_over_prob", &R::no_vig_over_prob, 4)
          .field("no_vig_books_count", &R::no_vig_books_count)
          .field("first_snapshot_utc", &R::first_snapshot_utc, ColumnType::kTs)
          .field("last_snapshot_utc", &R::last_snapshot_utc, ColumnType::kTs)
          .field("quality_issues", &R::quality_issues)
          .field("processed_at", &R::processed_at, ColumnType::kTs);
  return r;
}

const TableSchema& prop_line_consensus_table() {
  static const TableSchema table = build_table();
  return table;
}

ProcessorOutput prop_line_consensus(const RawInputs& in, Date d, const EntityParallel* parallel) {
  std::vector<std::string> players = in.players_with_lines(d);
  ProcessorOutput per_player =
      collect_entities(parallel, players.size(), [&](size_t i) -> EntityResult {
        // One "row" per player: the rows of his markets packed one after the other.
        auto lines = in.prop_lines(d, players[i]);
        const Game* game = game_of_prop_lines(in, d, lines);
        Row packed;
        for (const std::string& market : consolidated_markets()) {
          auto c = consolidate_market(lines, game, market);
          if (!c) continue;
          Row r = prop_line_consensus_record().write(consensus_row(d, players[i], game, *c));
          packed.insert(packed.end(), std::make_move_iterator(r.begin()),
                        std::make_move_iterator(r.end()));
        }
        return packed;
      });
  // Unpack: players in key order, markets in consolidated_markets() (alphabetical) order.
  ProcessorOutput out;
  size_t width = prop_line_consensus_table().columns.size();
  for (Row& packed : per_player.rows) {
    for (size_t at = 0; at < packed.size(); at += width) {
      out.rows.emplace_back(std::make_move_iterator(packed.begin() + at),
                            std::make_move_iterator(packed.begin() + at + width));
    }
  }
  return out;
}

}  // namespace nbaprops::analytics
