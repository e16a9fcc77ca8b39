#include "publish/reads.h"

#include <algorithm>

#include "core/row_reader.h"
#include "picks/tables.h"
#include "predict/tables.h"

namespace nbaprops::publish {
namespace {

bool has_column(const TableSchema& t, std::string_view name) {
  return std::any_of(t.columns.begin(), t.columns.end(),
                     [&](const Column& c) { return c.name == name; });
}

std::vector<Condition> range(const std::string& column, Date from, Date to) {
  return {{column, ">=", format_date(from)}, {column, "<=", format_date(to)}};
}

}  // namespace

PredictionKey key_of(const picks::Candidate& c) {
  return {c.system_id, c.market, c.game_date.days, c.player_lookup, c.game_id};
}

PredictionKey key_of(const GradedPrediction& g) {
  return {g.system_id, g.market, g.game_date.days, g.player_lookup, g.game_id};
}

std::vector<GradedPrediction> read_grades(Store& store, Date from, Date to) {
  const auto& t = predict::prediction_grades_table();
  bool has_market = has_column(t, "market"), has_p_over = has_column(t, "p_over");
  std::vector<GradedPrediction> out;
  store.scan(t, range("game_date", from, to), [&](const Row& row) {
    RowReader r(t, row);
    GradedPrediction g;
    g.system_id = *r.s("system_id");
    if (has_market) g.market = r.s("market").value_or("points");
    g.player_lookup = *r.s("player_lookup");
    g.game_id = *r.s("game_id");
    g.game_date = *r.date("game_date");
    g.recommendation = *r.s("recommendation");
    g.line = r.d("line");
    g.edge = r.d("edge");
    if (has_p_over) g.p_over = r.d("p_over");
    g.predicted = *r.d("predicted_points");
    g.confidence = *r.d("confidence");
    g.voided = r.b("is_voided").value_or(false);
    g.void_reason = r.s("void_reason");
    g.actual = r.d("actual_points");
    g.result = r.s("result");
    g.profit = r.d("profit");
    g.confidence_decile = static_cast<int>(r.i("confidence_decile").value_or(1));
    out.push_back(std::move(g));
  });
  return out;
}

std::map<PredictionKey, picks::GameOutcome> outcomes(const std::vector<GradedPrediction>& grades) {
  std::map<PredictionKey, picks::GameOutcome> out;
  for (const auto& g : grades) out[key_of(g)] = {true, g.voided, g.void_reason, g.actual};
  return out;
}

picks::GameOutcome outcome_of(const std::map<PredictionKey, picks::GameOutcome>& outcomes,
                              const picks::Candidate& c) {
  auto it = outcomes.find(key_of(c));
  return it == outcomes.end() ? picks::GameOutcome{} : it->second;
}

std::vector<picks::Pick> read_picks(Store& store, Date from, Date to) {
  std::vector<picks::Pick> out;
  store.scan(picks::best_bets_table(), range("game_date", from, to),
             [&](const Row& row) { out.push_back(picks::pick_from_row(row)); });
  return out;
}

std::vector<picks::Removal> read_removals(Store& store, Date from, Date to) {
  const auto& t = picks::best_bet_removals_table();
  std::vector<bool> wanted(t.columns.size(), false);
  for (const char* c : {"game_date", "player_lookup", "market", "system_id", "game_id", "line",
                        "price", "over_price", "under_price", "edge", "removed_by"}) {
    wanted[t.column_index(c)] = true;
  }
  std::vector<picks::Removal> out;
  store.scan_columns(t, wanted, range("game_date", from, to), [&](const Row& row) {
    RowReader r(t, row);
    picks::Removal x;
    x.c.game_date = *r.date("game_date");
    x.c.player_lookup = *r.s("player_lookup");
    x.c.market = *r.s("market");
    x.c.system_id = *r.s("system_id");
    x.c.game_id = *r.s("game_id");
    x.c.line = *r.d("line");
    x.c.over_price = r.i("over_price");
    x.c.under_price = r.i("under_price");
    x.c.edge = *r.d("edge");
    x.removed_by = *r.s("removed_by");
    out.push_back(std::move(x));
  });
  return out;
}

}  // namespace nbaprops::publish
