#include "predict/predict_day.h"

#include <fmt/format.h>

#include <algorithm>

#include "analytics/history.h"
#include "analytics/inputs.h"
#include "analytics/phase3_views.h"
#include "analytics/player_game_summary.h"
#include "analytics/rules.h"
#include "analytics/upcoming_player_game_context.h"
#include "core/value.h"
#include "precompute/ml_feature_store.h"
#include "precompute/ml_feature_store_record.h"
#include "precompute/phase4_views.h"
#include "precompute/player_shot_zone_analysis.h"
#include "precompute/team_defense_zone_analysis.h"
#include "predict/ensemble.h"
#include "predict/estimate.h"
#include "predict/prediction_record.h"
#include "predict/systems.h"
#include "predict/tables.h"
#include "store/partition_writer.h"

namespace nbaprops::predict {
namespace {

LineInfo line_of(const analytics::RawInputs& raw, Date d,
                 const analytics::CandidateContextView& upgc) {
  LineInfo info;
  info.line = upgc.current_points_line;
  info.bookmaker = upgc.points_line_bookmaker;
  if (!info.line || !info.bookmaker) return info;
  std::vector<const analytics::PropLine*> book;
  for (const auto* l : raw.prop_lines(d, upgc.player_lookup)) {
    if (l->bookmaker == *info.bookmaker) book.push_back(l);
  }
  const auto& game_id = upgc.game_id;
  auto chosen = analytics::choose_prop_line(book, game_id ? raw.game(*game_id) : nullptr);
  if (chosen && round_half_away(chosen->closing_line, 1) == *info.line) {
    info.snapshot_at = format_timestamp(chosen->closing_snapshot);
    info.over_price = chosen->over_price;
    info.under_price = chosen->under_price;
  }
  return info;
}

SkipRecord skip_row(Date d, const std::string& player, const std::string& system,
                    const std::string& reason, const std::string& detail) {
  return {d, player, system, reason, detail, std::nullopt};
}

PredictionRecord prediction_row(const std::string& system, Date d, const Candidate& c,
                                const Estimate& e, const StoredPrediction& s,
                                const PointsCalibrators* calibrators) {
  PredictionRecord p;
  p.system_id = system;
  p.game_date = d;
  p.player_lookup = c.player_lookup;
  p.game_id = c.game_id.value_or("");
  p.team_abbr = c.team_abbr;
  p.opponent_abbr = c.opponent_abbr;
  p.line = c.line.line;
  p.bookmaker = c.line.bookmaker;
  p.line_snapshot_at = c.line.snapshot_at;
  p.over_price = c.line.over_price;
  p.under_price = c.line.under_price;
  p.predicted_points = s.predicted_points;
  p.confidence = s.confidence;
  p.edge = s.edge;
  p.recommendation = s.recommendation;
  p.feature_version = c.feature_version;
  p.feature_quality_score = c.feature_quality_score;
  p.quality_tier = c.quality_tier;
  p.model_version = e.model_version;  // gradient_boosting only
  if (e.similar_games) p.similar_games = *e.similar_games;
  p.mean_similarity = e.mean_similarity;
  if (e.members) p.members = *e.members;
  p.member_sd = e.member_sd;
  add_probability(p, calibrators ? calibrators->find(system) : nullptr);
  return p;
}

// The rows of `records` in key order.
template <class R>
std::vector<Row> sorted_rows(std::vector<R> records, const Record<R>& record) {
  std::sort(records.begin(), records.end(), [](const R& a, const R& b) { return key_less(a, b); });
  std::vector<Row> rows;
  rows.reserve(records.size());
  for (const R& r : records) rows.push_back(record.write(r));
  return rows;
}

// The player-level skip of §1 (first rule that applies), or nullopt when the player is predicted.
std::optional<SkipRecord> player_skip(Date d, const Candidate& c, double min_quality) {
  if (c.injury_status == std::optional<std::string>("out")) {
    return skip_row(d, c.player_lookup, "all", "player_out", "injury_status out");
  }
  if (!c.has_features || !c.features || !c.game_id) {
    return skip_row(d, c.player_lookup, "all", "no_features", "no ml_feature_store row for D");
  }
  if (min_quality > 0 && (!c.feature_quality_score || *c.feature_quality_score < min_quality)) {
    std::string q =
        c.feature_quality_score ? fmt::format("{:.2f}", *c.feature_quality_score) : "NULL";
    return skip_row(d, c.player_lookup, "all", "quality_too_low",
                    fmt::format("feature_quality_score {} < {:g}", q, min_quality));
  }
  return std::nullopt;
}

// A player's game as the systems read it, from the history's record of a summary row.
PlayerGame player_game(const analytics::PgsRecord& r) {
  PlayerGame g;
  g.game_date = r.game_date;
  g.game_id = r.game_id;
  g.team_abbr = r.team_abbr;
  g.opponent_abbr = r.opponent_abbr;
  g.home = r.home_game.value_or(false);
  g.appeared = r.appeared();
  if (r.pts) g.points = static_cast<double>(*r.pts);
  return g;
}

// The candidates' games in [from, d) from the stored player_game_summary rows, read through
// the history's record (analytics::pgs_history_record, a tested projection of the table's).
void history_from_store(Store& store, const std::map<std::string, Candidate>& candidates, Date from,
                        Date d, std::unordered_map<std::string, std::vector<PlayerGame>>& history) {
  const TableSchema& pgs_t = analytics::player_game_summary_table();
  const auto& record = analytics::pgs_history_record();
  const RowBinding binding = record.bind(pgs_t);
  store.scan_columns(pgs_t, record.wanted(pgs_t),
                     {{"game_date", ">=", format_date(from)}, {"game_date", "<", format_date(d)}},
                     [&](const Row& row) {
                       analytics::PgsRecord r = record.read(binding, row);
                       if (!candidates.count(r.player_lookup)) return;
                       history[r.player_lookup].push_back(player_game(r));
                     });
}

// The same from the run's in-memory summaries (the stored values).
void history_from_memory(const analytics::Phase3History& summaries,
                         const std::map<std::string, Candidate>& candidates, Date from, Date d,
                         std::unordered_map<std::string, std::vector<PlayerGame>>& history) {
  for (const auto& [player, c] : candidates) {
    for (const analytics::PgsRecord& r : analytics::before(summaries.player(player), d)) {
      if (r.game_date < from) continue;
      history[player].push_back(player_game(r));
    }
  }
}

}  // namespace

PredictInputs load_predict_inputs(Store& store, Date d, const PredictSources& sources) {
  PredictInputs in;
  in.d = d;
  const std::string day = format_date(d);
  auto raw = analytics::RawInputs::load(
      store, d, d, {.shots = false, .earlier_teams = false, .boxes = false});  // games, lines
  std::map<std::string, Candidate> by_player;
  const TableSchema& upgc_t = analytics::upcoming_player_game_context_table();
  const auto& context = analytics::candidate_context_view();
  const RowBinding upgc_binding = context.bind(upgc_t);
  store.scan_columns(upgc_t, context.wanted(upgc_t), {{"game_date", "=", day}},
                     [&](const Row& row) {
                       analytics::CandidateContextView r = context.read(upgc_binding, row);
                       Candidate& c = by_player[r.player_lookup];
                       c.player_lookup = r.player_lookup;
                       c.line = line_of(raw, d, r);
                       c.injury_status = std::move(r.injury_status);
                       c.game_id = std::move(r.game_id);
                       c.team_abbr = std::move(r.team_abbr);
                       c.opponent_abbr = std::move(r.opponent_abbr);
                     });
  const TableSchema& mlfs_t = precompute::ml_feature_store_table();
  const auto& mlfs = precompute::ml_feature_store_record();
  const RowBinding mlfs_binding = mlfs.bind(mlfs_t);
  store.scan_columns(mlfs_t, mlfs.wanted(mlfs_t), {{"game_date", "=", day}}, [&](const Row& row) {
    precompute::MlFeatureStoreRecord r = mlfs.read(mlfs_binding, row);
    Candidate& c = by_player[r.player_lookup];
    c.player_lookup = r.player_lookup;
    c.has_features = true;
    c.features = parse_features(r.features);
    c.feature_sources = parse_feature_sources(r.feature_sources);
    c.feature_quality_score = r.feature_quality_score;
    c.feature_version = r.feature_version;
    c.quality_tier = r.quality_tier;
    // The feature row names the game and teams; the context's are the same when both exist.
    c.game_id = r.game_id;
    c.team_abbr = r.team_abbr;
    c.opponent_abbr = r.opponent_abbr;
  });
  const TableSchema& psza_t = precompute::player_shot_zone_analysis_table();
  const auto& attempts = precompute::shot_attempts_view();
  const RowBinding psza_binding = attempts.bind(psza_t);
  store.scan_columns(psza_t, attempts.wanted(psza_t), {{"analysis_date", "=", day}},
                     [&](const Row& row) {
                       const precompute::ShotAttemptsView r = attempts.read(psza_binding, row);
                       auto it = by_player.find(r.player_lookup);
                       if (it == by_player.end()) return;
                       auto p = r.paint_attempts_per_game, m = r.mid_range_attempts_per_game,
                            t = r.three_pt_attempts_per_game;
                       if (p && m && t) it->second.attempts_per_game = *p + *m + *t;
                     });
  const TableSchema& tdza_t = precompute::team_defense_zone_analysis_table();
  const auto& defense = precompute::zone_defense_view();
  const RowBinding tdza_binding = defense.bind(tdza_t);
  store.scan_columns(tdza_t, defense.wanted(tdza_t),
                     {{"analysis_date", ">=", format_date(Date{d.days - kDefenseLookbackDays})},
                      {"analysis_date", "<=", day}},
                     [&](const Row& row) {
                       const precompute::ZoneDefenseView r = defense.read(tdza_binding, row);
                       in.defense.add(
                           r.analysis_date, r.team_abbr,
                           {r.paint_defense_vs_league_avg, r.mid_range_defense_vs_league_avg,
                            r.three_pt_defense_vs_league_avg, r.defensive_rating_last_15});
                     });
  Date from = season_start(Date{d.days - kDefenseLookbackDays});
  if (sources.history && !(from < sources.history_from)) {
    history_from_memory(*sources.history, by_player, from, d, in.history);
  } else {
    history_from_store(store, by_player, from, d, in.history);
  }
  auto in_order = [](const PlayerGame& a, const PlayerGame& b) {
    return a.game_date != b.game_date ? a.game_date < b.game_date : a.game_id < b.game_id;
  };
  for (auto& [player, games] : in.history) {
    // Read from the history in memory the games are in order already (a sort cost ~11 M).
    if (!std::is_sorted(games.begin(), games.end(), in_order)) {
      std::stable_sort(games.begin(), games.end(), in_order);
    }
  }
  for (auto& [player, c] : by_player) in.candidates.push_back(std::move(c));
  return in;
}

void attach_model(PredictInputs& in, const ModelForDate& model) {
  in.model = model.model;
  in.no_model_detail = model.model ? "" : model.no_model_detail;
}

PredictOutput predict_date(const PredictInputs& in, const std::vector<std::string>& requested,
                           const std::map<std::string, Thresholds>& thresholds) {
  const std::vector<std::string>& systems = requested.empty() ? all_systems() : requested;
  auto thresholds_of = [&](const std::string& id) {
    auto it = thresholds.find(id);
    return it == thresholds.end() ? default_thresholds(id) : it->second;
  };
  auto runs = [&](std::string_view id) {
    return std::find(systems.begin(), systems.end(), id) != systems.end();
  };
  std::vector<PredictionRecord> predictions;
  std::vector<SkipRecord> skips;
  std::vector<bool> eligible(in.candidates.size());
  for (size_t i = 0; i < in.candidates.size(); ++i) {
    auto skip = player_skip(in.d, in.candidates[i], in.min_quality);
    eligible[i] = !skip;
    if (skip) skips.push_back(std::move(*skip));
  }
  // The batched systems' results for every candidate, computed first (one call each).
  std::map<const SystemEntry*, std::vector<SystemResult>> batched;
  for (const std::string& id : systems) {
    const SystemEntry* e = find_system(id);
    if (e && e->kind == SystemKind::kBatched) batched[e] = e->batched(in, eligible);
  }
  static const std::vector<PlayerGame> kNoGames;
  for (size_t i = 0; i < in.candidates.size(); ++i) {
    if (!eligible[i]) continue;
    const Candidate& c = in.candidates[i];
    PlayerDay p;
    p.d = in.d;
    p.player_lookup = c.player_lookup;
    p.game_id = *c.game_id;
    p.team_abbr = c.team_abbr.value_or("");
    p.opponent_abbr = c.opponent_abbr.value_or("");
    p.features = *c.features;
    p.attempts_per_game = c.attempts_per_game;
    p.defense = &in.defense;
    auto h = in.history.find(c.player_lookup);
    p.history = h == in.history.end() ? std::span<const PlayerGame>(kNoGames)
                                      : std::span<const PlayerGame>(h->second);
    std::vector<Member> members;
    for (const std::string& id : systems) {
      const SystemEntry* e = find_system(id);
      if (!e || e->kind == SystemKind::kCombiner) continue;  // combiners run after the others
      SystemResult r =
          e->kind == SystemKind::kPerPlayer ? e->per_player(p) : std::move(batched[e][i]);
      if (!r.estimate) {
        skips.push_back(skip_row(in.d, c.player_lookup, id, r.reason, r.detail));
        continue;
      }
      StoredPrediction s = finish_prediction(r.estimate->raw, r.estimate->confidence, c.line.line,
                                             thresholds_of(id));
      members.push_back({s.predicted_points, s.confidence});
      predictions.push_back(prediction_row(id, in.d, c, *r.estimate, s, in.calibrators.get()));
    }
    std::vector<std::pair<std::string_view, Member>> combined;  // the combiners' stored values
    for (const SystemEntry& e : system_registry()) {
      if (e.kind != SystemKind::kCombiner || !runs(e.id)) continue;
      const std::string id(e.id);
      SystemResult r = e.combine({members, c.line.line, combined, in.calibrators.get()});
      if (!r.estimate) {
        skips.push_back(skip_row(in.d, c.player_lookup, id, r.reason, r.detail));
      } else {
        StoredPrediction s = finish_prediction(r.estimate->raw, r.estimate->confidence, c.line.line,
                                               thresholds_of(id));
        combined.push_back({e.id, {s.predicted_points, s.confidence}});
        predictions.push_back(prediction_row(id, in.d, c, *r.estimate, s, in.calibrators.get()));
      }
    }
  }
  PredictOutput out;
  out.predictions = sorted_rows(std::move(predictions), prediction_record());
  out.skips = sorted_rows(std::move(skips), skip_record());
  out.candidates = in.candidates.size();
  return out;
}

ModelForDate ModelCache::get(Store& store, Date d, const ModelOptions& options,
                             const std::string& processed_at) {
  Date cutoff = cutoff_for(store, d, options.retrain_every_days);
  std::lock_guard<std::mutex> lock(mutex_);
  auto key = std::make_pair(options.retrain_every_days, cutoff.days);
  auto it = by_cutoff_.find(key);
  if (it == by_cutoff_.end()) {
    it = by_cutoff_.emplace(key, get_or_train_model(store, d, options, processed_at)).first;
  }
  return it->second;
}

int retrain_every_days(const PredictSettings& settings) {
  return settings.models ? settings.models->retrain_every_days : kDefaultRetrainEveryDays;
}

bool runs_gradient_boosting(const std::vector<std::string>& systems) {
  return systems.empty() ||
         std::find(systems.begin(), systems.end(), "gradient_boosting") != systems.end();
}

std::optional<ModelForDate> resolve_model(Store& store, Date d, const PredictSettings& settings,
                                          const PredictRuntime& runtime) {
  if (!settings.models || !runs_gradient_boosting(settings.systems)) return std::nullopt;
  return runtime.model_cache
             ? runtime.model_cache->get(store, d, *settings.models, runtime.processed_at)
             : get_or_train_model(store, d, *settings.models, runtime.processed_at);
}

PredictInputs load_for_prediction(Store& store, Date d, const PredictSettings& settings,
                                  const std::optional<ModelForDate>& model,
                                  const PredictSources& sources) {
  PredictInputs in = load_predict_inputs(store, d, sources);
  in.min_quality = settings.min_quality;
  if (model) attach_model(in, *model);
  return in;
}

PredictOutput predict_from_store(Store& store, Date d, const PredictSettings& settings,
                                 const PredictRuntime& runtime, const PredictSources& sources) {
  // The model first (it may train and register), then the inputs, as the runner does.
  std::optional<ModelForDate> model = resolve_model(store, d, settings, runtime);
  PredictInputs in = load_for_prediction(store, d, settings, model, sources);
  if (runtime.fixed_calibrators) {
    in.calibrators = runtime.fixed_calibrators;
  } else if (runtime.calibrators) {
    in.calibrators = runtime.calibrators->get(store, d, retrain_every_days(settings));
  }
  return predict_date(in, settings.systems, settings.thresholds);
}

void write_predictions(Store& store, Date d, PredictOutput out, const std::string& processed_at,
                       const TableSchema* predictions_table, const TableSchema* skips_table) {
  const std::string run_id = "predict-" + processed_at;
  const TableSchema& preds =
      predictions_table ? *predictions_table : player_prop_predictions_table();
  const TableSchema& skips = skips_table ? *skips_table : prediction_skips_table();
  write_partition(store, {&preds, "game_date", d, preds.name}, std::move(out.predictions), {},
                  run_id, processed_at);
  write_partition(store, {&skips, "game_date", d, skips.name}, std::move(out.skips), {}, run_id,
                  processed_at);
}

}  // namespace nbaprops::predict
