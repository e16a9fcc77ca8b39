#include "predict/tables.h"

#include "analytics/row_builder.h"

namespace nbaprops::predict {

using analytics::ColumnList;

const TableSchema& player_prop_predictions_table() {
  static const TableSchema t = [] {
    ColumnList c;
    c.text("system_id", false).date("game_date", false).text("player_lookup", false);
    c.text("game_id", false).text("team_abbr").text("opponent_abbr");
    c.dec("line", 1).text("bookmaker").ts("line_snapshot_at");
    c.integer("over_price").integer("under_price");
    c.dec("predicted_points", 2, false).dec("confidence", 1, false).dec("edge", 2);
    c.text("recommendation", false);
    c.text("feature_version").dec("feature_quality_score", 2).text("quality_tier");
    c.text("model_version").integer("similar_games").dec("mean_similarity", 2);
    c.integer("members").dec("member_sd", 2);
    c.ts("processed_at");
    return TableSchema{"player_prop_predictions",
                       c.take(),
                       {"system_id", "game_date", "player_lookup", "game_id"},
                       "system_id, game_date, player_lookup, game_id"};
  }();
  return t;
}

const TableSchema& prediction_skips_table() {
  static const TableSchema t = [] {
    ColumnList c;
    c.date("game_date", false).text("player_lookup", false).text("system_id", false);
    c.text("reason", false).text("detail").ts("processed_at");
    return TableSchema{"prediction_skips",
                       c.take(),
                       {"game_date", "player_lookup", "system_id"},
                       "game_date, player_lookup, system_id"};
  }();
  return t;
}

const TableSchema& prediction_grades_table() {
  static const TableSchema t = [] {
    ColumnList c;
    c.text("system_id", false).date("game_date", false).text("player_lookup", false);
    c.text("game_id", false).text("recommendation", false).dec("line", 1);
    c.dec("predicted_points", 2, false).dec("confidence", 1, false).dec("edge", 2);
    c.dec("actual_points", 0).dec("minutes", 1);
    c.boolean("is_voided", false).text("void_reason");
    c.dec("absolute_error", 2).dec("signed_error", 2).boolean("within_3").boolean("within_5");
    c.text("result").text("edge_side_result").integer("price").dec("profit", 4);
    c.dec("close_line", 1).dec("clv", 1).text("edge_bucket").integer("confidence_decile", false);
    c.ts("processed_at");
    return TableSchema{"prediction_grades",
                       c.take(),
                       {"system_id", "game_date", "player_lookup", "game_id"},
                       "system_id, game_date, player_lookup, game_id"};
  }();
  return t;
}

std::vector<const TableSchema*> prediction_tables() {
  return {&player_prop_predictions_table(), &prediction_skips_table(), &prediction_grades_table()};
}

}  // namespace nbaprops::predict
