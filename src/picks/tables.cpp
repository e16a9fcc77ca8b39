#include "picks/tables.h"

#include <algorithm>

#include "picks/pick_records.h"

namespace nbaprops::picks {
namespace {

constexpr const char* kSeparator = " | ";

bool key_less(const Candidate& a, const Candidate& b) {
  return std::tie(a.game_date, a.player_lookup, a.market, a.system_id, a.game_id) <
         std::tie(b.game_date, b.player_lookup, b.market, b.system_id, b.game_id);
}

}  // namespace

const TableSchema& best_bets_table() {
  static const TableSchema t{"best_bets",
                             best_bet_record().columns(),
                             {"game_date", "player_lookup", "market", "system_id", "game_id"},
                             "game_date, player_lookup, market, system_id, game_id"};
  return t;
}

const TableSchema& best_bet_removals_table() {
  static const TableSchema t{"best_bet_removals",
                             best_bet_removal_record().columns(),
                             {"game_date", "player_lookup", "market", "system_id", "game_id"},
                             "game_date, player_lookup, market, system_id, game_id"};
  return t;
}

std::vector<const TableSchema*> picks_tables() {
  return {&best_bets_table(), &best_bet_removals_table()};
}

std::string join_reasons(const std::vector<std::string>& reasons) {
  std::string out;
  for (const auto& r : reasons) out += (out.empty() ? "" : kSeparator) + r;
  return out;
}

std::vector<std::string> split_reasons(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  const std::string sep = kSeparator;
  while (start <= text.size() && !text.empty()) {
    size_t end = text.find(sep, start);
    out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + sep.size();
  }
  return out;
}

std::vector<Row> best_bets_rows(const std::vector<Pick>& picks) {
  std::vector<const Pick*> sorted;
  for (const auto& p : picks) sorted.push_back(&p);
  std::sort(sorted.begin(), sorted.end(),
            [](const Pick* a, const Pick* b) { return key_less(a->c, b->c); });
  std::vector<Row> rows;
  for (const Pick* p : sorted) {
    BestBetRecord r;
    static_cast<CandidateColumns&>(r) = candidate_columns(p->c);
    r.player_name = p->c.player_name;
    r.tipoff_utc = p->c.tipoff_utc;
    r.strength = p->strength;
    r.reasons = join_reasons(p->reasons);
    r.status = p->status;
    r.void_reason = p->void_reason;
    r.first_published_at = p->first_published_at;
    rows.push_back(best_bet_record().write(r));
  }
  return rows;
}

std::vector<Row> removal_rows(const std::vector<Removal>& removed) {
  std::vector<const Removal*> sorted;
  for (const auto& x : removed) sorted.push_back(&x);
  std::sort(sorted.begin(), sorted.end(),
            [](const Removal* a, const Removal* b) { return key_less(a->c, b->c); });
  std::vector<Row> rows;
  for (const Removal* x : sorted) {
    BestBetRemovalRecord r;
    static_cast<CandidateColumns&>(r) = candidate_columns(x->c);
    r.removed_by = x->removed_by;
    std::string failed;
    for (const auto& f : x->failed) failed += (failed.empty() ? "" : ",") + f;
    if (!failed.empty()) r.failed_filters = failed;
    r.reason = x->reason;
    rows.push_back(best_bet_removal_record().write(r));
  }
  return rows;
}

Pick pick_from_row(const Row& row) {
  // Bound once: the table and the record are static.
  static const RowBinding binding = best_bet_record().bind(best_bets_table());
  const BestBetRecord r = best_bet_record().read(binding, row);
  Pick p;
  Candidate& c = p.c;
  c.game_date = r.game_date;
  c.player_lookup = r.player_lookup;
  c.market = r.market;
  c.system_id = r.system_id;
  c.game_id = r.game_id;
  c.player_name = r.player_name.value_or(c.player_lookup);
  c.tipoff_utc = r.tipoff_utc;
  c.team = r.team_abbr.value_or("");
  c.opponent = r.opponent_abbr.value_or("");
  c.home = r.home_game;
  c.line = r.line;
  c.bookmaker = r.bookmaker.value_or("");
  c.line_snapshot_at = r.line_snapshot_at;
  c.over_price = r.over_price;
  c.under_price = r.under_price;
  c.predicted = r.predicted_points;
  c.confidence = r.confidence;
  c.edge = r.edge;
  c.p_over = r.p_over;
  p.side = r.side;
  p.price = r.price;
  p.ev = r.expected_value;
  p.strength = r.strength;
  p.reasons = split_reasons(r.reasons);
  p.status = r.status;
  p.void_reason = r.void_reason;
  p.first_published_at = r.first_published_at;
  return p;
}

}  // namespace nbaprops::picks
