#include "analytics/game_line_consensus.h"

#include <map>
#include <vector>

#include "analytics/window_stats.h"

namespace nbaprops::analytics {
namespace {

// One book's value of a market at one snapshot, seen from the team.
struct Snapshot {
  std::optional<double> team_row, opponent_row, total_row;
};

// A book's opening and current value of one market.
struct BookValue {
  std::optional<double> opening, current;
};

// The team's spread at one snapshot: its own row, else the negated opponent row.
std::optional<double> team_spread(const Snapshot& s) {
  if (s.team_row) return s.team_row;
  if (s.opponent_row) return -*s.opponent_row;
  return std::nullopt;
}

// Opening (earliest) and current (latest) values over a book's snapshots in time order.
template <typename F>
BookValue book_value(const std::map<Timestamp, Snapshot>& snaps, F value) {
  BookValue out;
  for (const auto& [at, s] : snaps) {
    auto v = value(s);
    if (!v) continue;
    if (!out.opening) out.opening = v;
    out.current = v;
  }
  return out;
}

// Medians over books of current and opening values, and the count behind the current one.
void medians(const std::vector<BookValue>& books, std::optional<double>& current,
             std::optional<double>& opening, std::optional<double>& movement, int& count) {
  std::vector<double> cur, open;
  for (const auto& b : books) {
    if (b.current) cur.push_back(*b.current);
    if (b.opening) open.push_back(*b.opening);
  }
  count = static_cast<int>(cur.size());
  current = median_of(cur);
  opening = median_of(open);
  if (current && opening) movement = *current - *opening;
}

}  // namespace

ConsensusLines consensus_lines(std::span<const GameLine* const> lines, const std::string& team,
                               const std::string& opponent, Timestamp cutoff) {
  // book -> snapshot -> values (std::map: deterministic order).
  std::map<std::string, std::map<Timestamp, Snapshot>> books;
  for (const GameLine* l : lines) {
    if (!(l->snapshot_utc < cutoff)) continue;
    Snapshot& s = books[l->bookmaker][l->snapshot_utc];
    if (l->market == "total") {
      s.total_row = l->line;
    } else if (l->market == "spread" && l->team_abbr) {
      if (*l->team_abbr == team) s.team_row = l->line;
      if (*l->team_abbr == opponent) s.opponent_row = l->line;
    }
  }
  std::vector<BookValue> spreads, totals;
  for (const auto& [book, snaps] : books) {
    spreads.push_back(book_value(snaps, team_spread));
    totals.push_back(book_value(snaps, [](const Snapshot& s) { return s.total_row; }));
  }
  ConsensusLines out;
  medians(spreads, out.spread, out.opening_spread, out.spread_movement, out.spread_books);
  medians(totals, out.total, out.opening_total, out.total_movement, out.total_books);
  return out;
}

}  // namespace nbaprops::analytics
