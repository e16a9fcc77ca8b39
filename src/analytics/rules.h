// Rules shared by the Phase 3 processors (02-analytics.md §0): overtime and normalised team
// minutes, the tip-off cut-off, the bookmaker priority and the prop line of a player for a
// game, the latest injury status, quality issue lists, DNP reason categories.
// Pure functions of their arguments; thread-safe.
#pragma once

#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>

#include "analytics/inputs.h"

namespace nbaprops::analytics {

// max(0, round((team_minutes - 240) / 25)).
int overtime_periods(double team_minutes);
// M = 240 + 25 * overtime_periods: the normalised team minutes (M / 5 = game length).
int normalised_team_minutes(double team_minutes);

// The cut-off of a game: games.tipoff_utc, else 12:00 US Eastern on its date (then
// `assumed` is set: issue tipoff_unknown).
struct Cutoff {
  Timestamp at;
  bool assumed = false;
};
Cutoff game_cutoff(const Game& game);
// The cut-off of a prop line row (02-analytics.md §0): its game's tip-off when known (`game`
// may be nullptr), else the row's own tipoff_utc, else 12:00 ET on its date (`assumed`). Only
// rows with snapshot_utc before it count, for every reader of prop lines.
Cutoff prop_line_cutoff(const PropLine& line, const Game* game);

// Rank of a bookmaker: draftkings 0, fanduel 1, betmgm 2, caesars 3, then every other book
// after them in alphabetical order (compare ranks, then names).
int bookmaker_rank(std::string_view bookmaker);
bool bookmaker_before(std::string_view a, std::string_view b);

// The points line of a player for a game (§0 "Prop line of a player for a game").
struct ChosenLine {
  std::string bookmaker;                           // the chosen book
  double closing_line = 0;                         // its latest candidate snapshot
  double opening_line = 0;                         // its earliest candidate snapshot
  std::optional<int64_t> over_price, under_price;  // of the closing snapshot
  Timestamp closing_snapshot;
  int book_count = 0;           // books with at least one candidate
  bool tipoff_assumed = false;  // a candidate's cut-off fell back to 12:00 ET
};
// Candidates: `lines` rows with market points and snapshot_utc before the cut-off (the
// game's tip-off when known, else the row's own tipoff_utc, else 12:00 ET on its date).
// nullopt when there is none. Same-snapshot ties: lower line, then lower over_price.
std::optional<ChosenLine> choose_prop_line(std::span<const PropLine* const> lines,
                                           const Game* game);

// Severity of an injury status: out 4 > doubtful 3 > questionable 2 > probable 1 >
// available 0.
int injury_severity(std::string_view status);
// The player's latest report before `cutoff` (greatest report_utc; ties: most severe).
// nullptr when none ("not on any report").
const Injury* latest_injury(std::span<const Injury* const> reports, Timestamp cutoff);

// Sorted, distinct issue codes; text() joins them with ';' ("" when clean).
class QualityIssues {
 public:
  void add(std::string code) { codes_.insert(std::move(code)); }
  bool has(const std::string& code) const { return codes_.count(code) > 0; }
  bool empty() const { return codes_.empty(); }
  void merge(const QualityIssues& other) {
    codes_.insert(other.codes_.begin(), other.codes_.end());
  }
  std::string text() const;

 private:
  std::set<std::string> codes_;
};

// dnp_reason_category of PGS: NULL for an empty reason; else injury, rest, personal,
// coach_decision or other by whole-word (or whole-phrase) keyword match, in that order.
std::optional<std::string> dnp_reason_category(const std::optional<std::string>& reason);

}  // namespace nbaprops::analytics
