#include "analytics/completeness_block.h"

#include "core/teams.h"

namespace nbaprops::analytics {

std::optional<Date> opening_night(const RawInputs& inputs, int season) {
  std::optional<Date> first;
  for (const TeamInfo& team : all_teams()) {
    for (const Game* g : inputs.team_games(std::string(team.abbr))) {
      if (g->season != season || g->season_type != "regular") continue;
      if (!first || g->game_date < *first) first = g->game_date;
      break;  // date order: the team's first regular game of the season
    }
  }
  return first;
}

bool bootstrap_mode(const RawInputs& inputs, Date d) {
  auto open = opening_night(inputs, season_of(d));
  if (!open) return false;
  int days = d.days - open->days;
  return days >= 0 && days < kBootstrapDays;
}

CompletenessBlock CompletenessBlock::unchecked(bool bootstrap) {
  CompletenessBlock b;
  b.bootstrap_mode = bootstrap;
  return b;
}

CompletenessBlock CompletenessBlock::checked(const EntityCompleteness& entity, bool bootstrap) {
  const WindowCompleteness& p = entity.primary();
  CompletenessBlock b;
  b.completeness_checked = true;
  b.bootstrap_mode = bootstrap;
  b.expected_games_count = p.expected;
  b.actual_games_count = p.actual;
  b.completeness_pct = p.pct;
  for (size_t i = 0; i < entity.windows.size() && i < kMaxCompletenessWindows; ++i) {
    b.window_pct[i] = entity.windows[i].pct;
  }
  b.all_windows_complete = entity.all_windows_complete;
  b.is_production_ready = entity.production_ready;
  return b;
}

Record<CompletenessBlock> completeness_block_record(const std::vector<std::string>& windows) {
  using B = CompletenessBlock;
  Record<B> r;
  r.field("completeness_checked", &B::completeness_checked)
      .field("bootstrap_mode", &B::bootstrap_mode)
      .field("expected_games_count", &B::expected_games_count)
      .field("actual_games_count", &B::actual_games_count)
      .dec("completeness_pct", &B::completeness_pct, 1);
  for (size_t i = 0; i < windows.size(); ++i) {
    r.element(windows[i] + "_completeness_pct", &B::window_pct, i, 1);
  }
  r.field("all_windows_complete", &B::all_windows_complete)
      .field("is_production_ready", &B::is_production_ready);
  return r;
}

void add_completeness_columns(ColumnList& columns, const std::vector<std::string>& windows) {
  columns.boolean("completeness_checked", false)
      .boolean("bootstrap_mode", false)
      .integer("expected_games_count")
      .integer("actual_games_count")
      .dec("completeness_pct", 1);
  for (const auto& w : windows) columns.dec(w + "_completeness_pct", 1);
  columns.boolean("all_windows_complete").boolean("is_production_ready");
}

void add_unchecked_completeness(RowBuilder& row, size_t window_count, bool bootstrap) {
  row.boolean(false).boolean(bootstrap);
  for (size_t i = 0; i < 3 + window_count + 2; ++i) row.null();
}

void add_checked_completeness(RowBuilder& row, const EntityCompleteness& entity, bool bootstrap) {
  const WindowCompleteness& p = entity.primary();
  row.boolean(true).boolean(bootstrap).integer(p.expected).integer(p.actual).dec(p.pct, 1);
  for (const auto& w : entity.windows) row.dec(w.pct, 1);
  row.boolean(entity.all_windows_complete).boolean(entity.production_ready);
}

}  // namespace nbaprops::analytics
