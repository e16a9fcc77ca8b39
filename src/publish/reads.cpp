#include "publish/reads.h"

#include <algorithm>

#include "picks/tables.h"
#include "predict/tables.h"

namespace nbaprops::publish {
namespace {

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

Record<GradeView> grade_view(const TableSchema& table) {
  using V = GradeView;
  Record<V> r;
  r.field("system_id", &V::system_id)
      .field_if_present(table, "market", &V::market)
      .field("player_lookup", &V::player_lookup)
      .field("game_id", &V::game_id)
      .field("game_date", &V::game_date)
      .field("recommendation", &V::recommendation)
      .dec("line", &V::line, 1)
      .dec("edge", &V::edge, 2)
      .dec_if_present(table, "p_over", &V::p_over)
      .dec("predicted_points", &V::predicted_points, 2)
      .dec("confidence", &V::confidence, 1)
      .field("is_voided", &V::is_voided)
      .field("void_reason", &V::void_reason)
      .dec("actual_points", &V::actual_points, 0)
      .field("result", &V::result)
      .dec("profit", &V::profit, 4)
      .field("confidence_decile", &V::confidence_decile);
  return r;
}

GradedPrediction graded_prediction(GradeView v) {
  GradedPrediction g;
  g.system_id = std::move(v.system_id);
  g.market = v.market.value_or("points");
  g.player_lookup = std::move(v.player_lookup);
  g.game_id = std::move(v.game_id);
  g.game_date = v.game_date;
  g.recommendation = std::move(v.recommendation);
  g.line = v.line;
  g.edge = v.edge;
  g.p_over = v.p_over;
  g.predicted = v.predicted_points;
  g.confidence = v.confidence;
  g.voided = v.is_voided;
  g.void_reason = std::move(v.void_reason);
  g.actual = v.actual_points;
  g.result = std::move(v.result);
  g.profit = v.profit;
  g.confidence_decile = static_cast<int>(v.confidence_decile.value_or(1));
  return g;
}

std::vector<GradedPrediction> read_grades(Store& store, Date from, Date to) {
  const auto& t = predict::prediction_grades_table();
  const Record<GradeView> view = grade_view(t);
  const RowBinding binding = view.bind(t);
  std::vector<GradedPrediction> out;
  store.scan_columns(t, view.wanted(t), range("game_date", from, to), [&](const Row& row) {
    out.push_back(graded_prediction(view.read(binding, row)));
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

const Record<RemovalView>& removal_view() {
  using V = RemovalView;
  static const Record<V> r = Record<V>()
                                 .field("game_date", &V::game_date)
                                 .field("player_lookup", &V::player_lookup)
                                 .field("market", &V::market)
                                 .field("system_id", &V::system_id)
                                 .field("game_id", &V::game_id)
                                 .dec("line", &V::line, 1)
                                 .field("over_price", &V::over_price)
                                 .field("under_price", &V::under_price)
                                 .dec("edge", &V::edge, 2)
                                 .field("removed_by", &V::removed_by);
  return r;
}

std::vector<picks::Removal> read_removals(Store& store, Date from, Date to) {
  const auto& t = picks::best_bet_removals_table();
  const auto& view = removal_view();
  const RowBinding binding = view.bind(t);
  std::vector<picks::Removal> out;
  store.scan_columns(t, view.wanted(t), range("game_date", from, to), [&](const Row& row) {
    RemovalView r = view.read(binding, row);
    picks::Removal x;
    x.c.game_date = r.game_date;
    x.c.player_lookup = std::move(r.player_lookup);
    x.c.market = std::move(r.market);
    x.c.system_id = std::move(r.system_id);
    x.c.game_id = std::move(r.game_id);
    x.c.line = r.line;
    x.c.over_price = r.over_price;
    x.c.under_price = r.under_price;
    x.c.edge = r.edge;
    x.removed_by = std::move(r.removed_by);
    out.push_back(std::move(x));
  });
  return out;
}

}  // namespace nbaprops::publish
