#include "predict/tables.h"

#include "predict/performance_record.h"
#include "predict/prediction_record.h"

namespace nbaprops::predict {

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

const TableSchema& system_performance_table() {
  static const TableSchema t{"system_performance",
                             system_performance_record().columns(),
                             {"system_id", "game_date"},
                             "system_id, game_date"};
  return t;
}

const TableSchema& system_performance_buckets_table() {
  static const TableSchema t{"system_performance_buckets",
                             system_performance_bucket_record().columns(),
                             {"system_id", "game_date", "kind", "bucket"},
                             "system_id, game_date, kind, bucket"};
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
  static const TableSchema t{"backtest_summary",
                             backtest_summary_record().columns(),
                             {"from_date", "to_date", "system_id"},
                             "from_date, to_date, system_id"};
  return t;
}

std::vector<const TableSchema*> performance_and_backtest_tables() {
  return {&system_performance_table(),   &system_performance_buckets_table(),
          &backtest_predictions_table(), &backtest_skips_table(),
          &backtest_grades_table(),      &backtest_summary_table()};
}

}  // namespace nbaprops::predict
