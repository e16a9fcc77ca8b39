#include "predict/tables.h"

#include "analytics/row_builder.h"
#include "predict/prediction_record.h"

namespace nbaprops::predict {

using analytics::ColumnList;

const TableSchema& player_prop_predictions_table() {
  static const TableSchema t{"player_prop_predictions",
                             prediction_record().columns(),
                             {"system_id", "game_date", "player_lookup", "game_id"},
                             "system_id, game_date, player_lookup, game_id"};
  return t;
}

const TableSchema& prediction_skips_table() {
  static const TableSchema t{"prediction_skips",
                             skip_record().columns(),
                             {"game_date", "player_lookup", "system_id"},
                             "game_date, player_lookup, system_id"};
  return t;
}

const TableSchema& prediction_grades_table() {
  static const TableSchema t{"prediction_grades",
                             grade_record().columns(),
                             {"system_id", "game_date", "player_lookup", "game_id"},
                             "system_id, game_date, player_lookup, game_id"};
  return t;
}

std::vector<const TableSchema*> prediction_tables() {
  return {&player_prop_predictions_table(), &prediction_skips_table(), &prediction_grades_table()};
}

void performance_columns(ColumnList& c) {
  c.integer("predictions", false).integer("graded", false).integer("voided", false);
  c.integer("pending", false).integer("recommendations", false);
  c.integer("wins", false).integer("losses", false).integer("pushes", false);
  c.dec("win_rate", 2).dec("profit", 4, false).dec("roi", 2).dec("mae", 3).dec("bias", 3);
  c.dec("within_3_pct", 2).dec("within_5_pct", 2);
  c.dec("lined_mae", 3).dec("market_mae", 3).dec("mae_vs_market", 3);
  c.dec("avg_confidence", 2).dec("avg_clv", 3);
}

void bucket_columns(ColumnList& c) {
  c.integer("n", false).integer("wins", false).integer("losses", false);
  c.integer("pushes", false).dec("win_rate", 2);
  c.integer("rec_n", false).integer("rec_wins", false).integer("rec_losses", false);
  c.integer("rec_pushes", false).dec("rec_win_rate", 2);
}

const TableSchema& system_performance_table() {
  static const TableSchema t = [] {
    ColumnList c;
    c.text("system_id", false).date("game_date", false);
    performance_columns(c);
    c.ts("processed_at");
    return TableSchema{
        "system_performance", c.take(), {"system_id", "game_date"}, "system_id, game_date"};
  }();
  return t;
}

const TableSchema& system_performance_buckets_table() {
  static const TableSchema t = [] {
    ColumnList c;
    c.text("system_id", false).date("game_date", false).text("kind", false);
    c.text("bucket", false);
    bucket_columns(c);
    c.ts("processed_at");
    return TableSchema{"system_performance_buckets",
                       c.take(),
                       {"system_id", "game_date", "kind", "bucket"},
                       "system_id, game_date, kind, bucket"};
  }();
  return t;
}

namespace {

TableSchema renamed(const TableSchema& live, std::string name) {
  TableSchema t = live;
  t.name = std::move(name);
  return t;
}

}  // namespace

const TableSchema& backtest_predictions_table() {
  static const TableSchema t = renamed(player_prop_predictions_table(), "backtest_predictions");
  return t;
}

const TableSchema& backtest_skips_table() {
  static const TableSchema t = renamed(prediction_skips_table(), "backtest_skips");
  return t;
}

const TableSchema& backtest_grades_table() {
  static const TableSchema t = renamed(prediction_grades_table(), "backtest_grades");
  return t;
}

const TableSchema& backtest_summary_table() {
  static const TableSchema t = [] {
    ColumnList c;
    c.date("from_date", false).date("to_date", false).text("system_id", false);
    c.dec("edge_threshold", 1).dec("confidence_threshold", 1);
    performance_columns(c);
    c.ts("processed_at");
    return TableSchema{"backtest_summary",
                       c.take(),
                       {"from_date", "to_date", "system_id"},
                       "from_date, to_date, system_id"};
  }();
  return t;
}

std::vector<const TableSchema*> performance_and_backtest_tables() {
  return {&system_performance_table(),   &system_performance_buckets_table(),
          &backtest_predictions_table(), &backtest_skips_table(),
          &backtest_grades_table(),      &backtest_summary_table()};
}

}  // namespace nbaprops::predict
