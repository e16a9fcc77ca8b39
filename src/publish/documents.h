// The JSON documents of `publish` (docs/publishing.md; their JSON Schemas are in web/schemas/
// and tests validate every file against them). Each is built from records already read, or
// (tonight, status, cards) reads the store for D itself. Deterministic for a given store and
// `generated_at`. Throws StoreError from the readers.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/record.h"
#include "core/table_schema.h"
#include "picks/best_bets.h"
#include "publish/publish.h"
#include "publish/reads.h"
#include "store/store.h"

namespace nbaprops::publish {

// "7:30 pm ET" of a UTC timestamp; "" when absent or unreadable.
std::string tipoff_et(const std::optional<std::string>& utc);

// One pick as published (picks/DATE.json and the board): rank 1 = strongest active pick.
nlohmann::json pick_json(const picks::Pick& p, int rank);
// The ranks of `picks`: active picks by strength 1..n, voided ones after them.
std::vector<int> pick_ranks(const std::vector<picks::Pick>& picks);

// picks/DATE.json.
nlohmann::json picks_json(Date d, const std::vector<picks::Pick>& picks);
// results/DATE.json: each pick's actual, result and profit, and the day's record.
nlohmann::json results_json(Date d, const std::vector<picks::Pick>& picks,
                            const std::map<PredictionKey, picks::GameOutcome>& outcomes);
// The day-by-day record of the picks (dates with picks, ascending) with cumulative profit.
nlohmann::json history_json(const std::vector<picks::Pick>& picks,
                            const std::map<PredictionKey, picks::GameOutcome>& outcomes);

// tonight.json: D's games, and every player with a context row of D: his game, line,
// prices, injury status and each system's prediction.
nlohmann::json tonight_json(Store& store, Date d);

// What tonight.json reads (compact records of the tables, bound once per scan, only their
// columns fetched; a row of another width is refused), cells as stored. D's games:
struct TonightGameView {
  std::string game_id, home_team, away_team, status;
  std::optional<std::string> tipoff_utc;
  std::optional<int64_t> home_score, away_score;
};
const Record<TonightGameView>& tonight_game_view();
// Each system's prediction of D, built from the table it reads (as grade_view): `market` and
// `p_over` declared only when the table has them (market "points", P(over) null otherwise).
struct TonightPredictionView {
  std::string system_id;
  std::optional<std::string> market;
  std::string player_lookup;
  double predicted_points = 0, confidence = 0;
  std::optional<double> edge, p_over;
  std::string recommendation;
};
Record<TonightPredictionView> tonight_prediction_view(const TableSchema& table);
// Each player's context of D (upcoming_player_game_context).
struct TonightPlayerView {
  std::string player_lookup;
  std::optional<std::string> game_id, team_abbr, opponent_abbr;
  std::optional<bool> home_game;
  std::optional<double> current_points_line, opening_points_line;
  std::optional<std::string> points_line_bookmaker, injury_status, injury_reason;
  std::optional<double> points_avg_last_10, minutes_avg_last_10;
};
const Record<TonightPlayerView>& tonight_player_view();

// status.json: per phase and processor, the latest date run, its status and when, and whether
// D itself has run; `generated_at` gives the ages in hours. `processors`: the pipeline's, in
// run order (ingest comes first by itself).
nlohmann::json status_json(Store& store, Date d, const std::string& generated_at,
                           const std::vector<ProcessorPhase>& processors);

// What status.json reads of a processor_runs row (a compact record of the table, bound once
// per scan, only its columns fetched; a row of another width is refused): the date as its
// text, as the JSON shows it.
struct RunStatusView {
  std::string processor, status, processed_at;
  std::optional<std::string> date;  // NULL: no date ("")
};
const Record<RunStatusView>& run_status_view();

// The page's player cards, one per active pick's player: his last 10 games before D against
// the line, his shot zones over the last 10 (player_shot_zone_analysis of D) and tonight's
// factors (player_composite_factors of D), with the pick's reasons.
nlohmann::json cards_json(Store& store, Date d, const std::vector<picks::Pick>& picks);

// What the cards read (compact records of the tables, bound once per scan, only their columns
// fetched; a row of another width is refused), cells as stored. A player's game before D
// (player_game_summary; the date as its text):
struct CardGameView {
  std::string game_date, player_lookup;
  std::optional<std::string> opponent_abbr, over_under_result;
  std::optional<bool> home_game, is_dnp;
  std::optional<double> minutes, points_line;
  std::optional<int64_t> pts;
};
const Record<CardGameView>& card_game_view();
// His shot zones over the last 10 (player_shot_zone_analysis of D):
struct CardZonesView {
  std::string player_lookup;
  std::optional<double> paint_rate_last_10, mid_range_rate_last_10, three_pt_rate_last_10,
      paint_pct_last_10, mid_range_pct_last_10, three_pt_pct_last_10;
};
const Record<CardZonesView>& card_zones_view();
// Tonight's factors (player_composite_factors of D); fatigue_score is an int column, shown as
// a number with a decimal point as before.
struct CardFactorsView {
  std::string player_lookup;
  std::optional<int64_t> fatigue_score;
  std::optional<double> shot_zone_mismatch_score, pace_score, usage_spike_score,
      travel_impact_score, total_composite_adjustment;
};
const Record<CardFactorsView>& card_factors_view();

}  // namespace nbaprops::publish
