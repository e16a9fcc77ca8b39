#include "precompute/phase4_loader.h"

#include "analytics/completeness_block.h"
#include "analytics/player_game_summary.h"
#include "analytics/team_defense_game_summary.h"
#include "analytics/team_offense_game_summary.h"
#include "analytics/upcoming_player_game_context.h"
#include "analytics/upcoming_team_game_context.h"
#include "precompute/player_shot_zone_analysis.h"

namespace nbaprops::precompute {
namespace {

std::vector<Row> rows_of(Store& store, const TableSchema& t, Date d) {
  std::vector<Row> rows;
  store.scan(t, {{"game_date", "=", format_date(d)}}, [&](const Row& r) { rows.push_back(r); });
  return rows;
}

}  // namespace

Phase4Context load_phase4_context(Store& store, Date d, bool check_completeness_too) {
  namespace a = analytics;
  Phase4Context ctx;
  Date from = season_start(d);
  ctx.raw = std::make_unique<a::RawInputs>(a::RawInputs::load(store, from, d));
  ctx.history = std::make_unique<a::Phase3History>();
  for (const TableSchema* t :
       {&a::team_offense_game_summary_table(), &a::player_game_summary_table(),
        &a::team_defense_game_summary_table()}) {
    // Only the columns the history's records read (as the runner's loader does).
    store.scan_columns(*t, a::Phase3History::columns_read(*t),
                       {{"game_date", ">=", format_date(from)}, {"game_date", "<", format_date(d)}},
                       [&](const Row& r) { ctx.history->add_row(*t, r); });
  }
  ctx.history->finish();
  Phase4Inputs& in = ctx.inputs;
  in.d = d;
  in.raw = ctx.raw.get();
  in.history = ctx.history.get();
  in.bootstrap_mode = a::bootstrap_mode(*ctx.raw, d);
  in.upgc = DayRows(a::upcoming_player_game_context_table(),
                    rows_of(store, a::upcoming_player_game_context_table(), d), "player_lookup");
  in.utgc = DayRows(a::upcoming_team_game_context_table(),
                    rows_of(store, a::upcoming_team_game_context_table(), d), "team_abbr");
  if (check_completeness_too) {
    std::vector<std::string> players;
    size_t col = a::upcoming_player_game_context_table().column_index("player_lookup");
    for (const Row& r : in.upgc.rows()) players.push_back(std::get<std::string>(r[col]));
    for (auto& p : psza_entities(*ctx.raw, d)) players.push_back(std::move(p));
    ctx.completeness = std::make_unique<CompletenessResult>(
        check_completeness(*ctx.raw, *ctx.history, d, players));
    in.completeness = ctx.completeness.get();
  }
  return ctx;
}

}  // namespace nbaprops::precompute
