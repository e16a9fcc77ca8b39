#include "analytics/rules.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "core/value.h"

namespace nbaprops::analytics {

int overtime_periods(double team_minutes) {
  double ot = round_half_away((team_minutes - 240.0) / 25.0, 0);
  return std::max(0, static_cast<int>(ot));
}

int normalised_team_minutes(double team_minutes) {
  return 240 + 25 * overtime_periods(team_minutes);
}

Cutoff game_cutoff(const Game& game) {
  if (game.tipoff_utc) return {*game.tipoff_utc, false};
  return {eastern_time_to_utc(game.game_date, 12, 0), true};
}

Cutoff prop_line_cutoff(const PropLine& line, const Game* game) {
  if (game && game->tipoff_utc) return {*game->tipoff_utc, false};
  if (line.tipoff_utc) return {*line.tipoff_utc, false};
  return {eastern_time_to_utc(line.game_date, 12, 0), true};
}

int bookmaker_rank(std::string_view bookmaker) {
  static constexpr std::array<std::string_view, 4> kPreferred = {"draftkings", "fanduel", "betmgm",
                                                                 "caesars"};
  for (size_t i = 0; i < kPreferred.size(); ++i) {
    if (kPreferred[i] == bookmaker) return static_cast<int>(i);
  }
  return static_cast<int>(kPreferred.size());
}

bool bookmaker_before(std::string_view a, std::string_view b) {
  int ra = bookmaker_rank(a), rb = bookmaker_rank(b);
  return ra != rb ? ra < rb : a < b;
}

std::optional<ChosenLine> choose_prop_line(std::span<const PropLine* const> lines,
                                           const Game* game) {
  std::vector<const PropLine*> candidates;
  bool assumed = false;
  for (const PropLine* l : lines) {
    if (l->market != "points") continue;
    Cutoff cutoff = prop_line_cutoff(*l, game);
    if (l->snapshot_utc < cutoff.at) {
      candidates.push_back(l);
      assumed |= cutoff.assumed;
    }
  }
  if (candidates.empty()) return std::nullopt;
  std::vector<std::string> books;
  for (const PropLine* l : candidates) books.push_back(l->bookmaker);
  std::sort(books.begin(), books.end(),
            [](const std::string& a, const std::string& b) { return bookmaker_before(a, b); });
  books.erase(std::unique(books.begin(), books.end()), books.end());
  const std::string& book = books.front();
  // Order of one book's candidates: snapshot, then lower line, then lower over_price.
  auto earlier = [](const PropLine* a, const PropLine* b) {
    if (a->snapshot_utc != b->snapshot_utc) return a->snapshot_utc < b->snapshot_utc;
    if (a->line != b->line) return a->line < b->line;
    return a->over_price.value_or(INT64_MAX) < b->over_price.value_or(INT64_MAX);
  };
  const PropLine* opening = nullptr;
  const PropLine* closing = nullptr;
  for (const PropLine* l : candidates) {
    if (l->bookmaker != book) continue;
    if (!opening || earlier(l, opening)) opening = l;
    // Latest snapshot; among equal snapshots the lower line (then price) wins.
    if (!closing || closing->snapshot_utc < l->snapshot_utc ||
        (closing->snapshot_utc == l->snapshot_utc && earlier(l, closing))) {
      closing = l;
    }
  }
  ChosenLine out;
  out.bookmaker = book;
  out.closing_line = closing->line;
  out.opening_line = opening->line;
  out.over_price = closing->over_price;
  out.under_price = closing->under_price;
  out.closing_snapshot = closing->snapshot_utc;
  out.book_count = static_cast<int>(books.size());
  out.tipoff_assumed = assumed;
  return out;
}

int injury_severity(std::string_view status) {
  if (status == "out") return 4;
  if (status == "doubtful") return 3;
  if (status == "questionable") return 2;
  if (status == "probable") return 1;
  return 0;
}

const Injury* latest_injury(std::span<const Injury* const> reports, Timestamp cutoff) {
  const Injury* best = nullptr;
  for (const Injury* r : reports) {
    if (!(r->report_utc < cutoff)) continue;
    if (!best || best->report_utc < r->report_utc ||
        (best->report_utc == r->report_utc &&
         injury_severity(r->status) > injury_severity(best->status))) {
      best = r;
    }
  }
  return best;
}

std::string QualityIssues::text() const {
  std::string out;
  for (const auto& c : codes_) out += (out.empty() ? "" : ";") + c;
  return out;
}

namespace {

// The reason lower-cased with every non-letter turned into a space, padded with spaces so
// that " word " finds whole words and whole phrases.
std::string normalise_reason(const std::string& reason) {
  std::string out = " ";
  for (char c : reason) {
    char l = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    out += (l >= 'a' && l <= 'z') ? l : ' ';
  }
  out += ' ';
  // Collapse runs of spaces so phrases match across punctuation.
  std::string collapsed;
  for (char c : out) {
    if (c == ' ' && !collapsed.empty() && collapsed.back() == ' ') continue;
    collapsed += c;
  }
  return collapsed;
}

}  // namespace

std::optional<std::string> dnp_reason_category(const std::optional<std::string>& reason) {
  if (!reason) return std::nullopt;
  std::string text = normalise_reason(*reason);
  if (text == " ") return std::nullopt;
  struct Class {
    const char* name;
    std::vector<const char*> keywords;
  };
  static const std::vector<Class> kClasses = {
      {"injury",
       {"injury", "injured",  "illness",       "ill",       "sick",       "sprain",   "strain",
        "sore",   "soreness", "pain",          "surgery",   "concussion", "fracture", "contusion",
        "knee",   "ankle",    "back",          "hamstring", "shoulder",   "hip",      "foot",
        "calf",   "quad",     "groin",         "wrist",     "elbow",      "hand",     "finger",
        "toe",    "achilles", "reconditioning"}},
      {"rest", {"rest", "load management", "recovery", "maintenance", "precautionary"}},
      {"personal", {"personal", "family", "birth", "funeral", "bereavement", "not with team"}},
      {"coach_decision",
       {"coach", "decision", "team decision", "suspension", "suspended", "disciplinary"}},
  };
  for (const auto& c : kClasses) {
    for (const char* k : c.keywords) {
      if (text.find(std::string(" ") + k + " ") != std::string::npos) return std::string(c.name);
    }
  }
  return std::string("other");
}

}  // namespace nbaprops::analytics
