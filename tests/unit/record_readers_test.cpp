// The readers that read by column name until issue 15's last step, now reading through a
// record (core/record.h): each compact view is a projection of its table's declared record,
// reads the same cells as the by-name read it replaces (RowReader, on a hand-made row) and
// refuses a row whose width is not its table's.
#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "analytics/phase3_views.h"
#include "analytics/player_game_summary.h"
#include "analytics/upcoming_player_game_context.h"
#include "analytics/upcoming_team_game_context.h"
#include "core/box_stats.h"
#include "core/record.h"
#include "core/row_reader.h"
#include "picks/load.h"
#include "picks/pick_records.h"
#include "picks/tables.h"
#include "pipeline/backtest.h"
#include "precompute/ml_feature_store.h"
#include "precompute/ml_feature_store_record.h"
#include "precompute/phase4_inputs.h"
#include "precompute/phase4_views.h"
#include "precompute/player_composite_factors.h"
#include "precompute/player_composite_factors_record.h"
#include "precompute/player_daily_cache.h"
#include "precompute/player_shot_zone_analysis.h"
#include "precompute/player_shot_zone_analysis_record.h"
#include "predict/prediction_record.h"
#include "predict/tables.h"
#include "publish/documents.h"
#include "publish/reads.h"
#include "raw/schema.h"
#include "store/run_history.h"

namespace nbaprops {
namespace {

// Every column `view` reads is declared by `table` with the same type and decimals.
template <class V, class T>
void expect_projection(const Record<V>& view, const Record<T>& table, const TableSchema& t) {
  EXPECT_EQ(view.mismatches(t), std::vector<std::string>{});
  const std::vector<Column> declared = table.columns();
  for (const Column& c : view.columns()) {
    const Column* d = nullptr;
    for (const Column& x : declared) {
      if (x.name == c.name) d = &x;
    }
    ASSERT_NE(d, nullptr) << c.name;
    EXPECT_EQ(d->type, c.type) << c.name;
    if (c.type == ColumnType::kDec) {
      EXPECT_EQ(d->decimals, c.decimals) << c.name;
    }
  }
}

// The view's read of `row` holds the cells a by-name read finds: written back through the view
// (its decimals are the table's), each column's cell equals RowReader's cell of that name.
template <class V>
void expect_same_cells(const Record<V>& view, const TableSchema& t, const Row& row) {
  V v = view.read(t, row);
  Row back = view.write(v);
  std::vector<Column> columns = view.columns();
  ASSERT_EQ(back.size(), columns.size());
  RowReader by_name(t, row);
  for (size_t i = 0; i < columns.size(); ++i) {
    EXPECT_EQ(back[i], by_name.cell(columns[i].name)) << columns[i].name;
  }
}

// A row of `t` one cell short.
Row short_row(Row row) {
  row.pop_back();
  return row;
}

// A hand-made UPGC row: a player with his game, fatigue, a line, some cells NULL.
Row upgc_row(const std::string& player) {
  analytics::UpcomingPlayerGameContextRow r;
  r.game_date = *parse_iso_date("2025-01-15");
  r.player_lookup = player;
  r.player_id = 1629029;
  r.game_id = "0022400600";
  r.team_abbr = "DAL";
  r.opponent_abbr = "BOS";
  r.home_game = true;
  r.fatigue.days_rest = 2;
  r.fatigue.back_to_back = false;
  r.fatigue.games_in_last_7_days = 3;
  r.fatigue.games_in_last_14_days = 6;
  r.fatigue.minutes_in_last_7_days = 104.26;  // stored 104.3
  r.fatigue.minutes_in_last_14_days = 210.0;
  r.fatigue.avg_minutes_per_game_last_7_days = 34.75;  // stored 34.8
  r.fatigue.avg_usage_rate_last_7_days = std::nullopt;
  r.fatigue.back_to_backs_last_14_days = 1;
  r.current_points_line = 28.5;
  r.opening_points_line = 27.5;
  r.points_line_bookmaker = "draftkings";
  r.prop_over_streak = 2;
  r.prop_under_streak = 0;
  r.season_phase = "mid";
  r.opponent_pace_last_10 = 99.123;  // stored 99.12
  r.pace_differential = -1.5;
  r.star_teammates_out = 1;
  r.projected_usage_rate = std::nullopt;
  r.injury_status = "probable";
  r.player_age = 25;
  r.completeness.is_production_ready = true;
  return analytics::upcoming_player_game_context_record().write(r);
}

Row utgc_row(const std::string& team) {
  analytics::UtgcRecord r;
  r.game_id = "0022400600";
  r.game_date = *parse_iso_date("2025-01-15");
  r.season = 2024;
  r.season_type = "regular";
  r.team_abbr = team;
  r.opponent_abbr = "BOS";
  r.travel_miles = 1550;
  r.time_zones_crossed = std::nullopt;
  r.lines.spread = -3.456;  // stored -3.46
  r.lines.total = 228.5;
  r.opponent_days_rest = 1;
  r.completeness.is_production_ready = false;
  return analytics::upcoming_team_game_context_record().write(r);
}

TEST(RecordReaders, Phase4ContextViewsAreProjectionsOfTheContextRecords) {
  const TableSchema& upgc = analytics::upcoming_player_game_context_table();
  const TableSchema& utgc = analytics::upcoming_team_game_context_table();
  const auto& upgc_record = analytics::upcoming_player_game_context_record();
  const auto& utgc_record = analytics::upcoming_team_game_context_record();
  expect_projection(analytics::composite_context_view(), upgc_record, upgc);
  expect_projection(analytics::daily_cache_context_view(), upgc_record, upgc);
  expect_projection(analytics::feature_context_view(), upgc_record, upgc);
  expect_projection(analytics::candidate_context_view(), upgc_record, upgc);
  expect_projection(analytics::team_travel_view(), utgc_record, utgc);
  expect_projection(analytics::team_lines_view(), utgc_record, utgc);
}

TEST(RecordReaders, Phase4ContextViewsReadWhatTheByNameReadsRead) {
  const TableSchema& upgc = analytics::upcoming_player_game_context_table();
  const TableSchema& utgc = analytics::upcoming_team_game_context_table();
  Row u = upgc_row("lukadoncic");
  Row t = utgc_row("DAL");
  expect_same_cells(analytics::composite_context_view(), upgc, u);
  expect_same_cells(analytics::daily_cache_context_view(), upgc, u);
  expect_same_cells(analytics::feature_context_view(), upgc, u);
  expect_same_cells(analytics::candidate_context_view(), upgc, u);
  expect_same_cells(analytics::team_travel_view(), utgc, t);
  expect_same_cells(analytics::team_lines_view(), utgc, t);

  // The typed values the processors used: RowReader's i / d / b / s of the same columns.
  RowReader r(upgc, u);
  auto pcf = analytics::composite_context_view().read(upgc, u);
  EXPECT_EQ(pcf.player_lookup, "lukadoncic");
  EXPECT_EQ(pcf.days_rest, r.i("days_rest"));
  EXPECT_EQ(pcf.back_to_back, r.b("back_to_back"));
  EXPECT_EQ(pcf.minutes_in_last_7_days, r.d("minutes_in_last_7_days"));
  EXPECT_EQ(pcf.minutes_in_last_7_days, 104.3);
  EXPECT_EQ(pcf.avg_usage_rate_last_7_days, std::nullopt);
  EXPECT_EQ(pcf.projected_usage_rate, r.d("projected_usage_rate"));
  EXPECT_EQ(pcf.opponent_pace_last_10, 99.12);
  EXPECT_EQ(pcf.is_production_ready, std::optional<bool>(true));
  auto mlfs = analytics::feature_context_view().read(upgc, u);
  EXPECT_EQ(mlfs.home_game, r.b("home_game"));
  EXPECT_EQ(mlfs.season_phase, r.s("season_phase"));
  EXPECT_EQ(mlfs.current_points_line, r.d("current_points_line"));
  ASSERT_TRUE(mlfs.prop_over_streak);
  EXPECT_EQ(static_cast<double>(*mlfs.prop_over_streak), r.d("prop_over_streak"));
  RowReader rt(utgc, t);
  auto lines = analytics::team_lines_view().read(utgc, t);
  EXPECT_EQ(lines.game_spread, rt.d("game_spread"));
  EXPECT_EQ(lines.game_spread, -3.46);
  ASSERT_TRUE(lines.opponent_days_rest);
  EXPECT_EQ(static_cast<double>(*lines.opponent_days_rest), rt.d("opponent_days_rest"));
  auto travel = analytics::team_travel_view().read(utgc, t);
  EXPECT_EQ(travel.travel_miles, rt.i("travel_miles"));
  EXPECT_EQ(travel.time_zones_crossed, std::nullopt);
  EXPECT_EQ(travel.is_production_ready, std::optional<bool>(false));
}

TEST(RecordReaders, Phase4ContextViewsRefuseARowOfAnotherWidth) {
  const TableSchema& upgc = analytics::upcoming_player_game_context_table();
  Row bad = short_row(upgc_row("lukadoncic"));
  EXPECT_THROW(analytics::composite_context_view().read(upgc, bad), std::invalid_argument);
  EXPECT_THROW(analytics::feature_context_view().read(upgc, bad), std::invalid_argument);
  EXPECT_THROW(analytics::candidate_context_view().read(upgc, bad), std::invalid_argument);
  const TableSchema& utgc = analytics::upcoming_team_game_context_table();
  EXPECT_THROW(analytics::team_lines_view().read(utgc, short_row(utgc_row("DAL"))),
               std::invalid_argument);

  // Through the processors' inputs: DayRows::read and the Phase 4 processors refuse it (the
  // by-name reads would have read past a short row's end or a wide row's wrong cells).
  precompute::Phase4Inputs in;
  in.d = *parse_iso_date("2025-01-15");
  in.upgc = precompute::DayRows(upgc, {bad}, "player_lookup");
  EXPECT_THROW(in.upgc.read(analytics::daily_cache_context_view(), "lukadoncic"),
               std::invalid_argument);
  EXPECT_THROW(precompute::player_composite_factors(in), std::invalid_argument);
  EXPECT_THROW(precompute::player_daily_cache(in), std::invalid_argument);
  EXPECT_THROW(precompute::ml_feature_store(in), std::invalid_argument);
  in.upgc = precompute::DayRows(upgc, {upgc_row("lukadoncic")}, "player_lookup");
  in.utgc = precompute::DayRows(utgc, {short_row(utgc_row("DAL"))}, "team_abbr");
  EXPECT_THROW(in.utgc.read(analytics::team_travel_view(), "DAL"), std::invalid_argument);
}

// The training set's reads: an appearance's points (player_game_summary) and a feature row.
TEST(RecordReaders, TrainingSetViewsReadWhatTheByNameReadsRead) {
  const TableSchema& pgs = analytics::player_game_summary_table();
  expect_projection(analytics::appearance_points_view(), analytics::player_game_summary_record(),
                    pgs);
  analytics::PlayerGameSummaryRow g;
  g.game_id = "0022400600";
  g.game_date = *parse_iso_date("2025-01-10");
  g.season = 2024;
  g.player_lookup = "lukadoncic";
  g.player_status = "active";
  g.minutes = 36.25;  // stored 36.3
  g.stats[kPts] = 31;
  Row row = analytics::player_game_summary_record().write(g);
  expect_same_cells(analytics::appearance_points_view(), pgs, row);
  auto a = analytics::appearance_points_view().read(pgs, row);
  RowReader r(pgs, row);
  EXPECT_EQ(a.game_date, r.date("game_date"));
  EXPECT_EQ(a.player_status, r.s("player_status"));
  EXPECT_EQ(a.minutes, r.d("minutes"));
  ASSERT_TRUE(a.pts);
  EXPECT_EQ(static_cast<double>(*a.pts), r.d("pts"));
  EXPECT_EQ(*a.pts, 31);
  EXPECT_THROW(analytics::appearance_points_view().read(pgs, short_row(row)),
               std::invalid_argument);

  const TableSchema& mlfs = precompute::ml_feature_store_table();
  expect_projection(precompute::feature_row_view(), precompute::ml_feature_store_record(), mlfs);
  precompute::MlFeatureStoreRecord m;
  m.game_date = *parse_iso_date("2025-01-10");
  m.player_lookup = "lukadoncic";
  m.feature_version = "v2_60features";
  m.features = "[1.5,null]";
  m.feature_sources = "[\"phase4\",\"missing\"]";
  Row frow = precompute::ml_feature_store_record().write(m);
  expect_same_cells(precompute::feature_row_view(), mlfs, frow);
  auto f = precompute::feature_row_view().read(mlfs, frow);
  EXPECT_EQ(f.features, std::optional<std::string>("[1.5,null]"));
  EXPECT_EQ(f.game_date, RowReader(mlfs, frow).date("game_date"));
  EXPECT_THROW(precompute::feature_row_view().read(mlfs, short_row(frow)), std::invalid_argument);
}

predict::GradeRecord hand_made_grade() {
  predict::GradeRecord g;
  g.system_id = "ensemble_v1";
  g.game_date = *parse_iso_date("2025-01-10");
  g.player_lookup = "lukadoncic";
  g.game_id = "0022400600";
  g.recommendation = "OVER";
  g.line = 28.5;
  g.predicted_points = 31.256;  // stored 31.26
  g.confidence = 64.04;         // stored 64.0
  g.edge = 2.756;               // stored 2.76
  g.actual_points = 33;
  g.is_voided = false;
  g.result = "WIN";
  g.profit = 0.90909;  // stored 0.9091
  g.confidence_decile = 7;
  return g;
}

// A prediction_grades table with the columns another branch adds (market after system_id,
// p_over after edge): the view reads them when the table has them.
// prediction_grades as a store of version 10 has it: without p_over and ev_taken (schema
// version 11 adds them).
TableSchema grades_before_p_over() {
  TableSchema t = predict::prediction_grades_table();
  t.name = "prediction_grades_v10";
  for (const char* c : {"p_over", "ev_taken"}) {
    t.columns.erase(t.columns.begin() + static_cast<long>(t.column_index(c)));
  }
  return t;
}

// The current prediction_grades with a market column (the markets' grades carry one).
TableSchema grades_with_market() {
  TableSchema t = predict::prediction_grades_table();
  t.name = "prediction_grades_wider";
  t.columns.insert(t.columns.begin() + static_cast<long>(t.column_index("system_id")) + 1,
                   Column{"market", ColumnType::kText, false, -1});
  return t;
}

TEST(RecordReaders, PublishGradeViewReadsTheColumnsTheTableHas) {
  // A version-10 table: neither market nor p_over.
  const TableSchema& full = predict::prediction_grades_table();
  const TableSchema t = grades_before_p_over();
  const Record<publish::GradeView> view = publish::grade_view(t);
  expect_projection(view, predict::grade_record(), t);
  predict::GradeRecord graded = hand_made_grade();
  graded.p_over = 0.5812;
  const Row full_row = predict::grade_record().write(graded);
  Row row = full_row;
  row.erase(row.begin() + static_cast<long>(full.column_index("ev_taken")));
  row.erase(row.begin() + static_cast<long>(full.column_index("p_over")));
  ASSERT_EQ(row.size(), t.columns.size());
  expect_same_cells(view, t, row);
  RowReader r(t, row);
  publish::GradedPrediction g = publish::graded_prediction(view.read(t, row));
  EXPECT_EQ(g.market, "points");  // the table has no market column
  EXPECT_EQ(g.p_over, std::nullopt);
  EXPECT_EQ(g.system_id, *r.s("system_id"));
  EXPECT_EQ(g.game_date, *r.date("game_date"));
  EXPECT_EQ(g.line, r.d("line"));
  EXPECT_EQ(g.predicted, *r.d("predicted_points"));
  EXPECT_EQ(g.predicted, 31.26);
  EXPECT_EQ(g.confidence, 64.0);
  EXPECT_EQ(g.edge, 2.76);
  EXPECT_EQ(g.voided, false);
  EXPECT_EQ(g.actual, 33.0);
  EXPECT_EQ(g.result, r.s("result"));
  EXPECT_EQ(g.profit, 0.9091);
  EXPECT_EQ(g.confidence_decile, 7);
  EXPECT_THROW(view.read(t, short_row(row)), std::invalid_argument);

  // The current table reads p_over, with the table's decimals.
  const Record<publish::GradeView> current = publish::grade_view(full);
  EXPECT_EQ(current.mismatches(full), std::vector<std::string>{});
  EXPECT_EQ(current.size(), view.size() + 1);
  expect_same_cells(current, full, full_row);
  EXPECT_EQ(publish::graded_prediction(current.read(full, full_row)).p_over, 0.5812);

  // A table that has market too: both read.
  TableSchema wider = grades_with_market();
  const Record<publish::GradeView> wide_view = publish::grade_view(wider);
  EXPECT_EQ(wide_view.mismatches(wider), std::vector<std::string>{});
  EXPECT_EQ(wide_view.size(), view.size() + 2);
  Row wide_row = full_row;
  wide_row.insert(wide_row.begin() + static_cast<long>(wider.column_index("market")),
                  Value{std::string("threes")});
  ASSERT_EQ(wide_row.size(), wider.columns.size());
  expect_same_cells(wide_view, wider, wide_row);
  publish::GradedPrediction w = publish::graded_prediction(wide_view.read(wider, wide_row));
  EXPECT_EQ(w.market, "threes");
  EXPECT_EQ(w.p_over, 0.5812);
  EXPECT_EQ(w.predicted, 31.26);
  // The narrower row is refused by the wider table's view (and the reverse).
  EXPECT_THROW(wide_view.read(wider, row), std::invalid_argument);
  EXPECT_THROW(view.read(t, wide_row), std::invalid_argument);
}

TEST(RecordReaders, PublishRemovalViewReadsWhatTheByNameReadsRead) {
  const TableSchema& t = picks::best_bet_removals_table();
  expect_projection(publish::removal_view(), picks::best_bet_removal_record(), t);
  picks::BestBetRemovalRecord x;
  x.game_date = *parse_iso_date("2025-01-10");
  x.player_lookup = "lukadoncic";
  x.market = "points";
  x.system_id = "ensemble_v1";
  x.game_id = "0022400600";
  x.side = "OVER";
  x.line = 28.5;
  x.over_price = -115;
  x.under_price = std::nullopt;
  x.predicted_points = 31.26;
  x.confidence = 64.0;
  x.edge = 2.76;
  x.removed_by = "min_edge";
  x.reason = "edge below 3";
  Row row = picks::best_bet_removal_record().write(x);
  expect_same_cells(publish::removal_view(), t, row);
  RowReader r(t, row);
  publish::RemovalView v = publish::removal_view().read(t, row);
  EXPECT_EQ(v.game_date, *r.date("game_date"));
  EXPECT_EQ(v.line, *r.d("line"));
  EXPECT_EQ(v.over_price, r.i("over_price"));
  EXPECT_EQ(v.under_price, std::nullopt);
  EXPECT_EQ(v.edge, 2.76);
  EXPECT_EQ(v.removed_by, "min_edge");
  EXPECT_THROW(publish::removal_view().read(t, short_row(row)), std::invalid_argument);
}

// Publish's picks: best_bets read through the whole record, bound once.
TEST(RecordReaders, PublishPicksReadWhatTheByNameReadsReadAndRefuseAnotherWidth) {
  const TableSchema& t = picks::best_bets_table();
  picks::BestBetRecord b;
  b.game_date = *parse_iso_date("2025-01-10");
  b.player_lookup = "lukadoncic";
  b.market = "points";
  b.system_id = "ensemble_v1";
  b.game_id = "0022400600";
  b.team_abbr = "DAL";
  b.opponent_abbr = "BOS";
  b.home_game = true;
  b.side = "OVER";
  b.line = 28.5;
  b.price = -110;
  b.over_price = -110;
  b.predicted_points = 31.26;
  b.confidence = 64.0;
  b.edge = 2.76;
  b.p_over = 0.5812;
  b.strength = 0.75;
  b.reasons = "edge | form";
  b.status = "ACTIVE";
  b.first_published_at = "2025-01-10T22:00:00Z";
  Row row = picks::best_bet_record().write(b);
  RowReader r(t, row);
  picks::Pick p = picks::pick_from_row(row);
  EXPECT_EQ(p.c.player_lookup, *r.s("player_lookup"));
  EXPECT_EQ(p.c.game_date, *r.date("game_date"));
  EXPECT_EQ(p.c.line, *r.d("line"));
  EXPECT_EQ(p.c.edge, *r.d("edge"));
  EXPECT_EQ(p.c.p_over, r.d("p_over"));
  EXPECT_EQ(p.c.over_price, r.i("over_price"));
  EXPECT_EQ(p.c.under_price, std::nullopt);
  EXPECT_EQ(p.side, *r.s("side"));
  EXPECT_EQ(p.price, r.i("price"));
  EXPECT_EQ(p.status, *r.s("status"));
  EXPECT_EQ(p.first_published_at, *r.s("first_published_at"));
  EXPECT_THROW(picks::pick_from_row(short_row(row)), std::invalid_argument);
}

// A row of `t` from (column, cell) pairs; every other cell NULL.
Row row_of(const TableSchema& t, const std::vector<std::pair<std::string, Value>>& cells) {
  Row row(t.columns.size());
  for (const auto& [name, v] : cells) row[t.column_index(name)] = v;
  return row;
}

// The backtest's dates with games: the game_date of a games row, NULL skipped.
TEST(RecordReaders, BacktestGameDateViewReadsWhatTheByNameReadRead) {
  const TableSchema& t = *find_table("games");
  const auto& view = pipeline::game_date_view();
  EXPECT_EQ(view.mismatches(t), std::vector<std::string>{});
  ASSERT_EQ(view.columns().size(), 1u);
  EXPECT_EQ(view.columns()[0].type, ColumnType::kDate);
  Row row = row_of(t, {{"game_id", std::string("0022400600")},
                       {"game_date", std::string("2025-01-10")},
                       {"season", int64_t{2024}},
                       {"home_team", std::string("DAL")},
                       {"status", std::string("final")}});
  expect_same_cells(view, t, row);
  EXPECT_EQ(view.read(t, row).game_date, *parse_iso_date("2025-01-10"));
  EXPECT_EQ(view.read(t, row).game_date, RowReader(t, row).date("game_date"));
  Row null_date = row_of(t, {{"game_id", std::string("0022400601")}});
  EXPECT_EQ(view.read(t, null_date).game_date, std::nullopt);
  std::vector<bool> wanted = view.wanted(t);
  for (size_t i = 0; i < t.columns.size(); ++i) {
    EXPECT_EQ(wanted[i], t.columns[i].name == "game_date") << t.columns[i].name;
  }
  EXPECT_THROW(view.read(t, short_row(row)), std::invalid_argument);
}

// A processor_runs row: a PCF run of 2025-01-10, some counts NULL.
Row run_row(const TableSchema& t) {
  return row_of(t, {{"run_id", std::string("r-7")},
                    {"processor", std::string("player_composite_factors")},
                    {"date", std::string("2025-01-10")},
                    {"mode", std::string("backfill")},
                    {"status", std::string("partial")},
                    {"entities_failed", int64_t{2}},
                    {"rows_written", int64_t{431}},
                    {"processed_at", std::string("2025-01-11T03:04:05Z")}});
}

// status.json's read of processor_runs: processor, date (its text), status, processed_at.
TEST(RecordReaders, PublishRunStatusViewReadsWhatTheByNameReadRead) {
  const TableSchema& t = *find_table("processor_runs");
  const auto& view = publish::run_status_view();
  EXPECT_EQ(view.mismatches(t), std::vector<std::string>{});
  Row row = run_row(t);
  expect_same_cells(view, t, row);
  RowReader r(t, row);
  publish::RunStatusView v = view.read(t, row);
  EXPECT_EQ(v.processor, *r.s("processor"));
  EXPECT_EQ(v.date.value_or(""), r.s("date").value_or(""));
  EXPECT_EQ(v.date.value_or(""), "2025-01-10");
  EXPECT_EQ(v.status, *r.s("status"));
  EXPECT_EQ(v.processed_at, *r.s("processed_at"));
  Row no_date = row;
  no_date[t.column_index("date")] = Value{};
  EXPECT_EQ(view.read(t, no_date).date.value_or(""), "");
  EXPECT_EQ(view.wanted(t)[t.column_index("mode")], false);
  EXPECT_THROW(view.read(t, short_row(row)), std::invalid_argument);
}

// `nbaprops status`'s read of processor_runs: NULL text as "", NULL counts as 0 where shown.
TEST(RecordReaders, StatusRunListViewReadsWhatTheByNameReadRead) {
  const TableSchema& t = *find_table("processor_runs");
  EXPECT_EQ(t.columns.size(), processor_runs_table().columns.size());
  const auto& view = run_list_view();
  EXPECT_EQ(view.mismatches(t), std::vector<std::string>{});
  Row row = run_row(t);
  expect_same_cells(view, t, row);
  row[t.column_index("mode")] = Value{};  // read as "", as value_or("") did
  RowReader r(t, row);
  RunListView v = view.read(t, row);
  EXPECT_EQ(v.run_id, r.s("run_id").value_or(""));
  EXPECT_EQ(v.processor, *r.s("processor"));
  EXPECT_EQ(v.date, r.s("date").value_or(""));
  EXPECT_EQ(v.mode, r.s("mode").value_or(""));
  EXPECT_EQ(v.mode, "");
  EXPECT_EQ(v.status, r.s("status").value_or(""));
  EXPECT_EQ(v.rows_written.value_or(0), r.i("rows_written").value_or(0));
  EXPECT_EQ(v.rows_written.value_or(0), 431);
  EXPECT_EQ(v.entities_failed.value_or(0), r.i("entities_failed").value_or(0));
  EXPECT_EQ(v.total_ms.value_or(0), r.i("total_ms").value_or(0));
  EXPECT_EQ(v.total_ms, std::nullopt);
  EXPECT_EQ(v.processed_at, r.s("processed_at").value_or(""));
  EXPECT_EQ(view.wanted(t)[t.column_index("threads")], false);
  EXPECT_THROW(view.read(t, short_row(row)), std::invalid_argument);
}

// `nbaprops failures`'s read of failed_entities.
TEST(RecordReaders, FailuresViewReadsWhatTheByNameReadRead) {
  const TableSchema& t = *find_table("failed_entities");
  const auto& view = failure_view();
  EXPECT_EQ(view.mismatches(t), std::vector<std::string>{});
  Row row = row_of(t, {{"run_id", std::string("r-7")},
                       {"processor", std::string("player_composite_factors")},
                       {"date", std::string("2025-01-10")},
                       {"entity_type", std::string("player")},
                       {"entity_id", std::string("lukadoncic")},
                       {"category", std::string("INSUFFICIENT_DATA")},
                       {"reason", std::string("3 games")},
                       {"can_retry", int64_t{1}}});
  expect_same_cells(view, t, row);
  RowReader r(t, row);
  FailureView v = view.read(t, row);
  EXPECT_EQ(v.processor, r.s("processor").value_or(""));
  EXPECT_EQ(v.date, r.s("date").value_or(""));
  EXPECT_EQ(v.entity_type, r.s("entity_type").value_or(""));
  EXPECT_EQ(v.entity_id, r.s("entity_id").value_or(""));
  EXPECT_EQ(v.category, r.s("category").value_or(""));
  EXPECT_EQ(v.reason, r.s("reason").value_or(""));
  EXPECT_EQ(v.can_retry, r.b("can_retry").value_or(false));
  EXPECT_TRUE(v.can_retry);
  EXPECT_EQ(view.wanted(t)[t.column_index("run_id")], false);
  EXPECT_THROW(view.read(t, short_row(row)), std::invalid_argument);
}

// Best bets' candidates: a player_prop_predictions row of D (no market column in the declared
// table: market "points"; p_over with the table's 4 decimals), read as the by-name read did.
TEST(RecordReaders, PicksCandidatePredictionViewReadsWhatTheByNameReadRead) {
  const TableSchema& t = predict::player_prop_predictions_table();
  const Record<picks::CandidatePredictionView> view = picks::candidate_prediction_view(t);
  expect_projection(view, predict::prediction_record(), t);
  bool has_market = false;
  for (const Column& c : view.columns()) has_market = has_market || c.name == "market";
  EXPECT_EQ(has_market, false);
  predict::PredictionRecord x;
  x.system_id = "ensemble_v1";
  x.game_date = *parse_iso_date("2025-01-10");
  x.player_lookup = "lukadoncic";
  x.game_id = "0022400600";
  x.team_abbr = "DAL";
  x.opponent_abbr = std::nullopt;
  x.line = 28.5;
  x.bookmaker = "draftkings";
  x.line_snapshot_at = "2025-01-10T20:00:00Z";
  x.over_price = -115;
  x.under_price = std::nullopt;
  x.predicted_points = 31.26;
  x.confidence = 64.0;
  x.edge = 2.76;
  x.p_over = 0.5812;
  x.recommendation = "OVER";
  Row row = predict::prediction_record().write(x);
  expect_same_cells(view, t, row);
  RowReader r(t, row);
  picks::CandidatePredictionView v = view.read(t, row);
  EXPECT_EQ(v.system_id, *r.s("system_id"));
  EXPECT_EQ(v.market.value_or("points"), "points");
  EXPECT_EQ(v.player_lookup, *r.s("player_lookup"));
  EXPECT_EQ(v.game_id, *r.s("game_id"));
  EXPECT_EQ(v.team_abbr.value_or(""), r.s("team_abbr").value_or(""));
  EXPECT_EQ(v.opponent_abbr.value_or(""), "");
  EXPECT_EQ(*v.line, *r.d("line"));
  EXPECT_EQ(v.bookmaker.value_or(""), r.s("bookmaker").value_or(""));
  EXPECT_EQ(v.line_snapshot_at, r.s("line_snapshot_at"));
  EXPECT_EQ(v.over_price, r.i("over_price"));
  EXPECT_EQ(v.under_price, std::nullopt);
  EXPECT_EQ(v.predicted_points, *r.d("predicted_points"));
  EXPECT_EQ(v.confidence, *r.d("confidence"));
  EXPECT_EQ(*v.edge, *r.d("edge"));
  EXPECT_EQ(v.recommendation, *r.s("recommendation"));
  EXPECT_EQ(v.p_over, r.d("p_over"));
  EXPECT_EQ(v.p_over, 0.5812);
  EXPECT_EQ(view.wanted(t)[t.column_index("ev_over")], false);
  x.edge = std::nullopt;  // the loader skips it, as r.null("edge") did
  EXPECT_EQ(view.read(t, predict::prediction_record().write(x)).edge, std::nullopt);
  EXPECT_THROW(view.read(t, short_row(row)), std::invalid_argument);

  // A table with a market column reads it.
  TableSchema with_market = t;
  with_market.columns.insert(with_market.columns.begin() + 1, {"market", ColumnType::kText});
  Row mrow;
  for (size_t i = 0; i < row.size(); ++i) {
    if (i == 1) mrow.emplace_back(std::in_place_type<std::string>, "threes");
    mrow.push_back(row[i]);
  }
  EXPECT_EQ(picks::candidate_prediction_view(with_market).read(with_market, mrow).market,
            std::optional<std::string>("threes"));
}

// Best bets' tip-offs (games) and player names (players).
TEST(RecordReaders, PicksTipoffAndNameViewsReadWhatTheByNameReadsRead) {
  const TableSchema& g = *find_table("games");
  const auto& tip = picks::game_tipoff_view();
  EXPECT_EQ(tip.mismatches(g), std::vector<std::string>{});
  Row game = row_of(g, {{"game_id", std::string("0022400600")},
                        {"game_date", std::string("2025-01-10")},
                        {"tipoff_utc", std::string("2025-01-11T00:30:00Z")},
                        {"status", std::string("scheduled")}});
  expect_same_cells(tip, g, game);
  EXPECT_EQ(tip.read(g, game).game_id, *RowReader(g, game).s("game_id"));
  EXPECT_EQ(tip.read(g, game).tipoff_utc, RowReader(g, game).s("tipoff_utc"));
  game[g.column_index("tipoff_utc")] = Value{};
  EXPECT_EQ(tip.read(g, game).tipoff_utc, std::nullopt);
  EXPECT_THROW(tip.read(g, short_row(game)), std::invalid_argument);

  const TableSchema& p = *find_table("players");
  const auto& name = picks::player_name_view();
  EXPECT_EQ(name.mismatches(p), std::vector<std::string>{});
  Row player = row_of(p, {{"player_id", int64_t{1629029}},
                          {"player_lookup", std::string("lukadoncic")},
                          {"player_name", std::string("Luka Dončić")}});
  expect_same_cells(name, p, player);
  EXPECT_EQ(name.read(p, player).player_lookup, *RowReader(p, player).s("player_lookup"));
  EXPECT_EQ(name.read(p, player).player_name, *RowReader(p, player).s("player_name"));
  EXPECT_EQ(name.wanted(p)[p.column_index("player_id")], false);
  EXPECT_THROW(name.read(p, short_row(player)), std::invalid_argument);
}

// tonight.json: D's games, each system's prediction and each player's context.
TEST(RecordReaders, TonightViewsReadWhatTheByNameReadsRead) {
  const TableSchema& g = *find_table("games");
  const auto& games = publish::tonight_game_view();
  EXPECT_EQ(games.mismatches(g), std::vector<std::string>{});
  Row game = row_of(g, {{"game_id", std::string("0022400600")},
                        {"game_date", std::string("2025-01-10")},
                        {"home_team", std::string("DAL")},
                        {"away_team", std::string("BOS")},
                        {"tipoff_utc", std::string("2025-01-11T00:30:00Z")},
                        {"status", std::string("final")},
                        {"home_score", int64_t{118}}});
  expect_same_cells(games, g, game);
  RowReader gr(g, game);
  publish::TonightGameView gv = games.read(g, game);
  EXPECT_EQ(gv.game_id, *gr.s("game_id"));
  EXPECT_EQ(gv.home_team, *gr.s("home_team"));
  EXPECT_EQ(gv.away_team, *gr.s("away_team"));
  EXPECT_EQ(gv.tipoff_utc, gr.s("tipoff_utc"));
  EXPECT_EQ(gv.status, *gr.s("status"));
  EXPECT_EQ(gv.home_score, gr.i("home_score"));
  EXPECT_EQ(gv.away_score, std::nullopt);
  EXPECT_EQ(games.wanted(g)[g.column_index("season")], false);
  EXPECT_THROW(games.read(g, short_row(game)), std::invalid_argument);

  const TableSchema& pt = predict::player_prop_predictions_table();
  const Record<publish::TonightPredictionView> preds = publish::tonight_prediction_view(pt);
  expect_projection(preds, predict::prediction_record(), pt);
  predict::PredictionRecord x;
  x.system_id = "ensemble_v1";
  x.game_date = *parse_iso_date("2025-01-10");
  x.player_lookup = "lukadoncic";
  x.game_id = "0022400600";
  x.line = 28.5;
  x.predicted_points = 31.26;
  x.confidence = 64.0;
  x.edge = std::nullopt;
  x.p_over = 0.5812;
  x.recommendation = "PASS";
  Row prow = predict::prediction_record().write(x);
  expect_same_cells(preds, pt, prow);
  RowReader pr(pt, prow);
  publish::TonightPredictionView pv = preds.read(pt, prow);
  EXPECT_EQ(pv.system_id, *pr.s("system_id"));
  EXPECT_EQ(pv.market.value_or("points"), "points");
  EXPECT_EQ(pv.player_lookup, *pr.s("player_lookup"));
  EXPECT_EQ(pv.predicted_points, *pr.d("predicted_points"));
  EXPECT_EQ(pv.confidence, *pr.d("confidence"));
  EXPECT_EQ(pv.edge, pr.d("edge"));
  EXPECT_EQ(pv.edge, std::nullopt);
  EXPECT_EQ(pv.p_over, pr.d("p_over"));
  EXPECT_EQ(pv.recommendation, *pr.s("recommendation"));
  EXPECT_THROW(preds.read(pt, short_row(prow)), std::invalid_argument);

  const TableSchema& ut = analytics::upcoming_player_game_context_table();
  const auto& players = publish::tonight_player_view();
  expect_projection(players, analytics::upcoming_player_game_context_record(), ut);
  Row urow = upgc_row("lukadoncic");
  expect_same_cells(players, ut, urow);
  RowReader ur(ut, urow);
  publish::TonightPlayerView uv = players.read(ut, urow);
  EXPECT_EQ(uv.player_lookup, *ur.s("player_lookup"));
  EXPECT_EQ(uv.game_id, ur.s("game_id"));
  EXPECT_EQ(uv.team_abbr, ur.s("team_abbr"));
  EXPECT_EQ(uv.opponent_abbr, ur.s("opponent_abbr"));
  EXPECT_EQ(uv.home_game, ur.b("home_game"));
  EXPECT_EQ(uv.injury_status, ur.s("injury_status"));
  EXPECT_EQ(uv.injury_reason, ur.s("injury_reason"));
  EXPECT_EQ(uv.points_avg_last_10, ur.d("points_avg_last_10"));
  EXPECT_EQ(uv.minutes_avg_last_10, ur.d("minutes_avg_last_10"));
  EXPECT_EQ(uv.current_points_line, ur.d("current_points_line"));
  EXPECT_EQ(uv.current_points_line, 28.5);
  EXPECT_EQ(uv.opening_points_line, ur.d("opening_points_line"));
  EXPECT_EQ(uv.points_line_bookmaker, ur.s("points_line_bookmaker"));
  EXPECT_THROW(players.read(ut, short_row(urow)), std::invalid_argument);
}

// The cards: a player's games before D, his shot zones and tonight's factors.
TEST(RecordReaders, CardViewsReadWhatTheByNameReadsRead) {
  const TableSchema& gt = analytics::player_game_summary_table();
  const auto& games = publish::card_game_view();
  expect_projection(games, analytics::player_game_summary_record(), gt);
  analytics::PlayerGameSummaryRow g;
  g.game_id = "0022400590";
  g.game_date = *parse_iso_date("2025-01-11");
  g.player_lookup = "lukadoncic";
  g.opponent_abbr = "PHX";
  g.home_game = false;
  g.is_dnp = false;
  g.minutes = 29.04;  // stored 29.0
  g.stats[0] = 20;    // pts
  g.points_line = 20.5;
  g.over_under_result = "UNDER";
  Row grow = analytics::player_game_summary_record().write(g);
  expect_same_cells(games, gt, grow);
  RowReader gr(gt, grow);
  publish::CardGameView gv = games.read(gt, grow);
  EXPECT_EQ(gv.game_date, *gr.s("game_date"));
  EXPECT_EQ(gv.player_lookup, *gr.s("player_lookup"));
  EXPECT_EQ(gv.opponent_abbr, gr.s("opponent_abbr"));
  EXPECT_EQ(gv.home_game, gr.b("home_game"));
  EXPECT_EQ(gv.is_dnp, gr.b("is_dnp"));
  EXPECT_EQ(gv.minutes, gr.d("minutes"));
  EXPECT_EQ(gv.minutes, 29.0);
  EXPECT_EQ(gv.pts, gr.i("pts"));
  EXPECT_EQ(gv.points_line, gr.d("points_line"));
  EXPECT_EQ(gv.over_under_result, gr.s("over_under_result"));
  EXPECT_THROW(games.read(gt, short_row(grow)), std::invalid_argument);

  const TableSchema& zt = precompute::player_shot_zone_analysis_table();
  const auto& zones = publish::card_zones_view();
  expect_projection(zones, precompute::player_shot_zone_analysis_record(), zt);
  precompute::PlayerShotZoneAnalysisRecord z;
  z.analysis_date = *parse_iso_date("2025-01-12");
  z.player_lookup = "lukadoncic";
  z.paint_rate_last_10 = 41.234;    // stored 41.23
  z.three_pt_pct_last_10 = 0.3456;  // stored 0.346
  Row zrow = precompute::player_shot_zone_analysis_record().write(z);
  expect_same_cells(zones, zt, zrow);
  RowReader zr(zt, zrow);
  publish::CardZonesView zv = zones.read(zt, zrow);
  EXPECT_EQ(zv.player_lookup, *zr.s("player_lookup"));
  EXPECT_EQ(zv.paint_rate_last_10, zr.d("paint_rate_last_10"));
  EXPECT_EQ(zv.paint_rate_last_10, 41.23);
  EXPECT_EQ(zv.mid_range_rate_last_10, std::nullopt);
  EXPECT_EQ(zv.three_pt_pct_last_10, zr.d("three_pt_pct_last_10"));
  EXPECT_THROW(zones.read(zt, short_row(zrow)), std::invalid_argument);

  const TableSchema& ft = precompute::player_composite_factors_table();
  const auto& factors = publish::card_factors_view();
  expect_projection(factors, precompute::player_composite_factors_record(), ft);
  precompute::PlayerCompositeFactorsRecord f;
  f.game_date = *parse_iso_date("2025-01-12");
  f.player_lookup = "lukadoncic";
  f.fatigue_score = 70;
  f.pace_score = 0.874;  // stored 0.87
  f.total_composite_adjustment = 0.1;
  Row frow = precompute::player_composite_factors_record().write(f);
  expect_same_cells(factors, ft, frow);
  RowReader fr(ft, frow);
  publish::CardFactorsView fv = factors.read(ft, frow);
  EXPECT_EQ(fv.player_lookup, *fr.s("player_lookup"));
  // The by-name read took the int cell as a double (r.d): the card converts it the same way.
  EXPECT_EQ(static_cast<double>(*fv.fatigue_score), *fr.d("fatigue_score"));
  EXPECT_EQ(fv.pace_score, fr.d("pace_score"));
  EXPECT_EQ(fv.pace_score, 0.87);
  EXPECT_EQ(fv.shot_zone_mismatch_score, fr.d("shot_zone_mismatch_score"));
  EXPECT_EQ(fv.usage_spike_score, fr.d("usage_spike_score"));
  EXPECT_EQ(fv.travel_impact_score, fr.d("travel_impact_score"));
  EXPECT_EQ(fv.total_composite_adjustment, fr.d("total_composite_adjustment"));
  EXPECT_THROW(factors.read(ft, short_row(frow)), std::invalid_argument);
}

}  // namespace
}  // namespace nbaprops
