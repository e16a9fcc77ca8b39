#include "predict/grade_day.h"

#include <unordered_map>

#include "analytics/inputs.h"
#include "analytics/player_game_summary.h"
#include "analytics/row_builder.h"
#include "analytics/rules.h"
#include "core/row_reader.h"
#include "predict/aggregates.h"
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

GradeInput grade_input(const RowReader& r) {
  GradeInput p;
  p.recommendation = *r.s("recommendation");
  p.line = r.d("line");
  p.edge = r.d("edge");
  p.predicted_points = *r.d("predicted_points");
  p.confidence = *r.d("confidence");
  p.over_price = r.i("over_price");
  p.under_price = r.i("under_price");
  return p;
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

Row grade_row(const std::string& system, Date d, const std::string& player,
              const std::string& game_id, const GradeInput& p, const Grade& g) {
  analytics::RowBuilder b(27);
  b.text(system).date(d).text(player).text(game_id).text(p.recommendation).dec(p.line, 1);
  b.dec(p.predicted_points, 2).dec(p.confidence, 1).dec(p.edge, 2);
  b.dec(g.actual_points, 0).dec(g.minutes, 1).boolean(g.is_voided).text(g.void_reason);
  b.dec(g.absolute_error, 2).dec(g.signed_error, 2).boolean(g.within_3).boolean(g.within_5);
  b.text(g.result).text(g.edge_side_result).integer(g.price).dec(g.profit, 4);
  b.dec(g.close_line, 1).dec(g.clv, 1).text(g.edge_bucket).integer(g.confidence_decile);
  b.null();
  return b.take();
}

}  // namespace

DayGrades grade_predictions(Store& store, Date d, const std::vector<Row>& predictions) {
  DayGrades out;
  const std::string day = format_date(d);
  auto raw = analytics::RawInputs::load(store, d, d);
  // D's box scores as player_game_summary rows: game_id -> player -> row.
  std::unordered_map<std::string, std::unordered_map<std::string, BoxRow>> boxes;
  const TableSchema& pgs_t = analytics::player_game_summary_table();
  store.scan(pgs_t, {{"game_date", "=", day}}, [&](const Row& row) {
    RowReader r(pgs_t, row);
    BoxRow b;
    b.is_dnp = r.b("is_dnp").value_or(false);
    b.minutes = r.d("minutes");
    b.points = r.d("pts");
    boxes[r.s("game_id").value_or("")][r.s("player_lookup").value_or("")] = b;
  });
  std::map<std::pair<std::string, std::string>, GradedRow> market;
  const TableSchema& pred_t = player_prop_predictions_table();
  for (const Row& row : predictions) {
    RowReader r(pred_t, row);
    std::string system = *r.s("system_id"), player = *r.s("player_lookup"),
                game_id = *r.s("game_id");
    GradeInput p = grade_input(r);
    const analytics::Game* game = raw.game(game_id);
    auto o = outcome(game, d, boxes, game_id, player);
    if (!o) {
      ++out.pending[system];
      continue;
    }
    auto book = r.s("bookmaker");
    std::optional<double> close;
    if (book && p.line) close = close_line_of(raw, d, player, *book, game);
    Grade g = grade_prediction(p, *o, close);
    out.rows.push_back(grade_row(system, d, player, game_id, p, g));
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
  pipeline::write_partition(store, {&t, "game_date", d, t.name}, std::move(rows), {},
                            "grade-" + processed_at, processed_at);
}

}  // namespace nbaprops::predict
