#include "predict/grade_day.h"

#include <unordered_map>

#include "analytics/inputs.h"
#include "analytics/phase3_views.h"
#include "analytics/player_game_summary.h"
#include "analytics/rules.h"
#include "predict/aggregates.h"
#include "predict/prediction_record.h"
#include "predict/tables.h"
#include "store/partition_writer.h"

namespace nbaprops::predict {
namespace {

struct BoxRow {
  bool is_dnp = false;
  std::optional<double> minutes, points;
};

std::optional<double> close_line_of(const analytics::RawInputs& raw, Date d,
                                    const std::string& player, const std::string& bookmaker,
                                    const analytics::Game* game) {
  std::vector<const analytics::PropLine*> book;
  for (const auto* l : raw.prop_lines(d, player)) {
    if (l->bookmaker == bookmaker) book.push_back(l);
  }
  auto chosen = analytics::choose_prop_line(book, game);
  if (!chosen) return std::nullopt;
  return round_half_away(chosen->closing_line, 1);
}

GradeInput grade_input(const PredictionRecord& r) {
  return {r.recommendation, r.line,        r.edge,   r.predicted_points, r.confidence,
          r.over_price,     r.under_price, r.p_over, r.ev_over,          r.ev_under};
}

using Boxes = std::unordered_map<std::string, std::unordered_map<std::string, BoxRow>>;

// The outcome of the player's game, or nullopt while it is pending (§8 Voiding).
std::optional<Outcome> outcome(const analytics::Game* game, Date d, const Boxes& boxes,
                               const std::string& game_id, const std::string& player) {
  Outcome o;
  if (!game || game->game_date != d || game->status == "postponed" || game->status == "cancelled") {
    o.void_reason = "game_not_played";
    return o;
  }
  auto g = boxes.find(game_id);
  if (!game->is_final() || g == boxes.end()) return std::nullopt;
  auto b = g->second.find(player);
  if (b == g->second.end()) {
    o.void_reason = "no_box_score";
  } else if (b->second.is_dnp) {
    o.void_reason = "dnp";
  } else if (!b->second.minutes || *b->second.minutes == 0) {
    o.void_reason = "zero_minutes";
  } else if (!b->second.points) {
    o.void_reason = "no_box_score";  // minutes without points: no usable box score
  } else {
    o.actual_points = b->second.points;
    o.minutes = b->second.minutes;
  }
  return o;
}

Row grade_row(Date d, const PredictionRecord& r, const GradeInput& p, const Grade& g) {
  GradeRecord x;
  x.system_id = r.system_id;
  x.game_date = d;
  x.player_lookup = r.player_lookup;
  x.game_id = r.game_id;
  x.recommendation = p.recommendation;
  x.line = p.line;
  x.predicted_points = p.predicted_points;
  x.confidence = p.confidence;
  x.edge = p.edge;
  x.p_over = p.p_over;
  x.ev_taken = g.ev_taken;
  x.actual_points = g.actual_points;
  x.minutes = g.minutes;
  x.is_voided = g.is_voided;
  x.void_reason = g.void_reason;
  x.absolute_error = g.absolute_error;
  x.signed_error = g.signed_error;
  x.within_3 = g.within_3;
  x.within_5 = g.within_5;
  x.result = g.result;
  x.edge_side_result = g.edge_side_result;
  x.price = g.price;
  x.profit = g.profit;
  x.close_line = g.close_line;
  x.clv = g.clv;
  x.edge_bucket = g.edge_bucket;
  x.confidence_decile = g.confidence_decile;
  return grade_record().write(x);
}

}  // namespace

DayGrades grade_predictions(Store& store, Date d, const std::vector<Row>& predictions) {
  DayGrades out;
  const std::string day = format_date(d);
  auto raw = analytics::RawInputs::load(
      store, d, d, {.shots = false, .earlier_teams = false, .boxes = false});  // games, lines
  // D's box scores as player_game_summary rows: game_id -> player -> row.
  std::unordered_map<std::string, std::unordered_map<std::string, BoxRow>> boxes;
  const TableSchema& pgs_t = analytics::player_game_summary_table();
  const auto& view = analytics::player_box_view();
  const RowBinding box_binding = view.bind(pgs_t);
  store.scan_columns(pgs_t, view.wanted(pgs_t), {{"game_date", "=", day}}, [&](const Row& row) {
    analytics::PlayerBoxView v = view.read(box_binding, row);
    BoxRow b;
    b.is_dnp = v.is_dnp;
    b.minutes = v.minutes;
    if (v.pts) b.points = static_cast<double>(*v.pts);
    boxes[v.game_id][v.player_lookup] = b;
  });
  std::map<std::pair<std::string, std::string>, GradedRow> market;
  const TableSchema& pred_t = player_prop_predictions_table();
  const RowBinding binding = prediction_record().bind(pred_t);
  for (const Row& row : predictions) {
    PredictionRecord r = prediction_record().read(binding, row);
    const std::string &system = r.system_id, &player = r.player_lookup, &game_id = r.game_id;
    GradeInput p = grade_input(r);
    const analytics::Game* game = raw.game(game_id);
    auto o = outcome(game, d, boxes, game_id, player);
    if (!o) {
      ++out.pending[system];
      continue;
    }
    std::optional<double> close;
    if (r.bookmaker && p.line) close = close_line_of(raw, d, player, *r.bookmaker, game);
    Grade g = grade_prediction(p, *o, close);
    out.rows.push_back(grade_row(d, r, p, g));
    if (p.line && g.actual_points) {
      GradedRow m = market_row(*p.line, *g.actual_points, g.minutes);
      m.game_date = d;  // with the offered prices: the always-under bettor takes them
      m.prediction.over_price = p.over_price;
      m.prediction.under_price = p.under_price;
      market.try_emplace({player, game_id}, std::move(m));
    }
    out.by_system[system].push_back({p, g, d});
  }
  for (auto& [key, row] : market) out.market.push_back(std::move(row));
  return out;
}

DayGrades grade_date(Store& store, Date d) {
  std::vector<Row> predictions;
  store.scan(player_prop_predictions_table(), {{"game_date", "=", format_date(d)}},
             [&](const Row& row) { predictions.push_back(row); });
  return grade_predictions(store, d, predictions);
}

void write_grades(Store& store, Date d, std::vector<Row> rows, const std::string& processed_at,
                  const TableSchema* table) {
  const TableSchema& t = table ? *table : prediction_grades_table();
  write_partition(store, {&t, "game_date", d, t.name}, std::move(rows), {}, "grade-" + processed_at,
                  processed_at);
}

}  // namespace nbaprops::predict
