#include "picks/tables.h"

#include <algorithm>

#include "analytics/row_builder.h"
#include "core/row_reader.h"

namespace nbaprops::picks {
namespace {

using analytics::ColumnList;
using analytics::RowBuilder;

constexpr const char* kSeparator = " | ";

void key_columns(ColumnList& c) {
  c.date("game_date", false).text("player_lookup", false).text("market", false);
  c.text("system_id", false).text("game_id", false);
}

void prediction_columns(ColumnList& c) {
  c.text("team_abbr").text("opponent_abbr").boolean("home_game").text("side", false);
  c.dec("line", 1, false);
  c.text("bookmaker").ts("line_snapshot_at").integer("price").integer("over_price");
  c.integer("under_price").dec("predicted_points", 2, false).dec("confidence", 1, false);
  c.dec("edge", 2, false).dec("p_over", 4).dec("expected_value", 4);
}

void key_cells(RowBuilder& r, const Candidate& c) {
  r.date(c.game_date).text(c.player_lookup).text(c.market).text(c.system_id).text(c.game_id);
}

void prediction_cells(RowBuilder& r, const Candidate& c) {
  r.text(c.team).text(c.opponent).boolean(c.home).text(side_of(c)).dec(c.line, 1);
  r.text(c.bookmaker);
  r.text(c.line_snapshot_at).integer(price_of(c)).integer(c.over_price).integer(c.under_price);
  r.dec(c.predicted, 2).dec(c.confidence, 1).dec(c.edge, 2).dec(c.p_over, 4);
  r.dec(expected_value(c), 4);
}

bool key_less(const Candidate& a, const Candidate& b) {
  return std::tie(a.game_date, a.player_lookup, a.market, a.system_id, a.game_id) <
         std::tie(b.game_date, b.player_lookup, b.market, b.system_id, b.game_id);
}

}  // namespace

const TableSchema& best_bets_table() {
  static const TableSchema t = [] {
    ColumnList c;
    key_columns(c);
    c.text("player_name").ts("tipoff_utc");
    prediction_columns(c);
    c.dec("strength", 4, false).text("reasons", false).text("status", false).text("void_reason");
    c.ts("first_published_at", false).ts("processed_at");
    return TableSchema{"best_bets",
                       c.take(),
                       {"game_date", "player_lookup", "market", "system_id", "game_id"},
                       "game_date, player_lookup, market, system_id, game_id"};
  }();
  return t;
}

const TableSchema& best_bet_removals_table() {
  static const TableSchema t = [] {
    ColumnList c;
    key_columns(c);
    prediction_columns(c);
    c.text("removed_by", false).text("failed_filters").text("reason", false).ts("processed_at");
    return TableSchema{"best_bet_removals",
                       c.take(),
                       {"game_date", "player_lookup", "market", "system_id", "game_id"},
                       "game_date, player_lookup, market, system_id, game_id"};
  }();
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
    RowBuilder r(best_bets_table().columns.size());
    key_cells(r, p->c);
    r.text(p->c.player_name).text(p->c.tipoff_utc);
    prediction_cells(r, p->c);
    r.dec(p->strength, 4).text(join_reasons(p->reasons)).text(p->status).text(p->void_reason);
    r.text(p->first_published_at).null();
    rows.push_back(r.take());
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
    RowBuilder r(best_bet_removals_table().columns.size());
    key_cells(r, x->c);
    prediction_cells(r, x->c);
    std::string failed;
    for (const auto& f : x->failed) failed += (failed.empty() ? "" : ",") + f;
    r.text(x->removed_by).text(failed.empty() ? std::nullopt : std::optional(failed));
    r.text(x->reason).null();
    rows.push_back(r.take());
  }
  return rows;
}

Pick pick_from_row(const Row& row) {
  RowReader r(best_bets_table(), row);
  Pick p;
  Candidate& c = p.c;
  c.game_date = *r.date("game_date");
  c.player_lookup = *r.s("player_lookup");
  c.market = *r.s("market");
  c.system_id = *r.s("system_id");
  c.game_id = *r.s("game_id");
  c.player_name = r.s("player_name").value_or(c.player_lookup);
  c.tipoff_utc = r.s("tipoff_utc");
  c.team = r.s("team_abbr").value_or("");
  c.opponent = r.s("opponent_abbr").value_or("");
  c.home = r.b("home_game");
  c.line = *r.d("line");
  c.bookmaker = r.s("bookmaker").value_or("");
  c.line_snapshot_at = r.s("line_snapshot_at");
  c.over_price = r.i("over_price");
  c.under_price = r.i("under_price");
  c.predicted = *r.d("predicted_points");
  c.confidence = *r.d("confidence");
  c.edge = *r.d("edge");
  c.p_over = r.d("p_over");
  p.side = *r.s("side");
  p.price = r.i("price");
  p.ev = r.d("expected_value");
  p.strength = *r.d("strength");
  p.reasons = split_reasons(*r.s("reasons"));
  p.status = *r.s("status");
  p.void_reason = r.s("void_reason");
  p.first_published_at = *r.s("first_published_at");
  return p;
}

}  // namespace nbaprops::picks
