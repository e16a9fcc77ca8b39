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
#include "analytics/upcoming_player_game_context.h"
#include "analytics/upcoming_team_game_context.h"
#include "core/record.h"
#include "core/row_reader.h"
#include "precompute/ml_feature_store.h"
#include "precompute/phase4_inputs.h"
#include "precompute/player_composite_factors.h"
#include "precompute/player_daily_cache.h"

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

}  // namespace
}  // namespace nbaprops
