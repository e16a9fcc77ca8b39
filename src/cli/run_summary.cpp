#include "cli/run_summary.h"

#include <fmt/format.h>

#include "analytics/prop_line_consensus.h"
#include "pipeline/catalog.h"

namespace nbaprops::cli {
namespace {

int64_t count_on(Store& store, const char* table, const char* date_column, Date d,
                 std::vector<Condition> more = {}) {
  more.push_back({date_column, "=", format_date(d)});
  return store.count(*catalog_table(table), more);
}

}  // namespace

RunDaySummary summarise_run_day(Store& store, Date d) {
  RunDaySummary s;
  s.games = count_on(store, "games", "game_date", d);
  s.players = count_on(store, "upcoming_player_game_context", "game_date", d);
  s.lines_rows = count_on(store, "prop_lines", "game_date", d);
  for (const std::string& m : analytics::consolidated_markets()) {
    s.lines.emplace_back(
        m, count_on(store, "prop_line_consensus", "game_date", d, {{"market", "=", m}}));
  }
  s.predictions = count_on(store, "player_prop_predictions", "game_date", d);
  for (const char* side : {"OVER", "UNDER"}) {
    s.picks += count_on(store, "player_prop_predictions", "game_date", d,
                        {{"recommendation", "=", std::string(side)}});
  }
  // Both within D's season (a store of ten seasons holds ~200,000 feature rows: counting them
  // all cost a daily run 70 M instructions).
  const std::vector<Condition> this_season = {
      {"game_date", ">=", format_date(make_date(season_of(d), 10, 1))},
      {"game_date", "<", format_date(d)}};
  s.feature_history = store.exists(*catalog_table("ml_feature_store"), this_season);
  std::vector<Condition> final_games = this_season;
  final_games.push_back({"status", "=", std::string("final")});
  s.earlier_games = store.exists(*catalog_table("games"), final_games);
  return s;
}

std::vector<std::string> run_day_warnings(const RunDaySummary& s, Date d) {
  std::vector<std::string> warnings;
  std::string date = format_date(d);
  if (s.games == 0) {
    warnings.push_back(fmt::format(
        "no games on {} in the store: load the schedule (nbaprops ingest SCHEDULE_FILE) or check "
        "the date",
        date));
  }
  if (s.games > 0 && s.lines_rows == 0) {
    warnings.push_back(fmt::format(
        "no prop lines for {}: load tonight's lines (nbaprops ingest LINES_FILE) and run again; "
        "without a line no pick is recommended",
        date));
  }
  if (s.games > 0 && !s.feature_history && s.earlier_games) {
    // From October 1 of D's season (backfill skips the dates without games) to D - 1.
    warnings.push_back(fmt::format(
        "the store has no feature history before {} (never backfilled): run nbaprops backfill "
        "--from {} --to {}, then this run again; models and recent-form features need it",
        date, format_date(make_date(season_of(d), 10, 1)), format_date(Date{d.days - 1})));
  }
  return warnings;
}

void print_run_day(const RunDaySummary& s, Date d, std::ostream& out, std::ostream& err) {
  for (const auto& w : run_day_warnings(s, d)) err << "warning: " << w << "\n";
  std::string lines;
  for (const auto& [market, n] : s.lines) {
    lines += fmt::format("{}{} {}", lines.empty() ? "" : ", ", market, n);
  }
  out << fmt::format(
      "{}: {} games, {} players; players with a line: {}; {} predictions, {} recommended picks\n",
      format_date(d), s.games, s.players, lines, s.predictions, s.picks);
}

nlohmann::json run_day_json(const RunDaySummary& s, Date d) {
  nlohmann::json lines = nlohmann::json::object();
  for (const auto& [market, n] : s.lines) lines[market] = n;
  return {{"date", format_date(d)},
          {"games", s.games},
          {"players", s.players},
          {"players_with_line", lines},
          {"predictions", s.predictions},
          {"recommended_picks", s.picks},
          {"warnings", run_day_warnings(s, d)}};
}

}  // namespace nbaprops::cli
