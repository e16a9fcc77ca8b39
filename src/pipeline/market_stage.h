// The Phase 5 stage market_predictions (issue 12, the daily run): for each market of the
// systems table (predict::market_model_systems) with offers on D, the pre-game rows of D's
// candidates (players with an offer on D and an upcoming_player_game_context row of D),
// predicted by the market's model of C(D), priced at every book's offer with the one bet
// (predict/markets/market_day.h), and graded where D's games are already summarised.
// The date before a daily run's first date is graded only: its stored rows get the stat each
// player made (the predictions made before the games are not recomputed).
//
// Like the other stages: the runner resolves the market inputs and models once before its
// date loop (resolve_market_run: reads the store, trains and registers missing models,
// markets/market_registry.h), the stage's `load` reads D's upcoming_player_game_context (and,
// for grading, D's stored rows), and the stage is a pure function of them.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/date.h"
#include "pipeline/phase5.h"
#include "predict/markets/market.h"
#include "predict/markets/market_inputs.h"
#include "predict/markets/market_model.h"
#include "store/store.h"

namespace nbaprops::pipeline {

// A market's inputs in a run (every player-game of the store; the consensus lines of the dates
// it has offers on, and of every date when a model must be trained or its training rows
// checked; the offers of the run's dates) and the model of each date it predicts.
struct MarketOfRun {
  const predict::markets::MarketDef* market = nullptr;
  predict::markets::MarketInputs inputs;
  std::map<Date, std::shared_ptr<const predict::markets::MarketModel>> models;  // by date
  int64_t trained = 0, reused = 0;  // models trained / reused from the registry
};

struct MarketRun {
  std::vector<MarketOfRun> markets;  // systems table order (no model: no offer on the dates)
};

// Where the market models live and how often they are retrained.
struct MarketRunOptions {
  std::filesystem::path models_dir;
  int retrain_every = 7;
  std::string processed_at;  // stamped on registry rows written
  // Reuse a registered model without reading and hashing its training rows when the run
  // history says none changed (find_current_market_model): `run` and `backfill`.
  bool trust_run_history = false;
};

// The market run of `dates` (in order): every market of the systems table with its inputs from
// the store, and the model of C(D) for each date with an offer of the market (market_cutoff;
// registered or trained and registered once per cutoff). Throws StoreError, XgbError,
// ModelFileError.
MarketRun resolve_market_run(Store& store, const std::vector<Date>& dates,
                             const MarketRunOptions& options);

// The games resolve_market_run reads when the run history is trusted: those dated
// look_back_start(first) or later (the players' 365-day look-back before the run's first date,
// and a day more for grading the date before it). They give the rows of `first` and later dates
// the same features as every game would when window_is_complete: the player windows look back
// 365 days at most, D's season began less than a year before D (so market_cutoff finds the
// same opening day), and the opponent's last 10 games, which have no such bound, are in the
// window when every team in it has 10 game dates before `first` (always, in the NBA). Else,
// or when a model must be trained or its training rows hashed, every game is read.
Date look_back_start(Date first);
bool window_is_complete(const std::vector<predict::markets::PlayerGame>& games, Date first);

// market_predictions of D.
StageInputs load_market_predictions(Store& store, Date d, const StageContext& context);
StageOutput market_predictions_stage(StageInputs in, const StageContext& context);

// The pure part of the stage: D's rows of every market of `run` (key order), predicted from
// `upcoming`; graded where `run`'s games hold D's player-games.
std::vector<Row> market_rows_of_run(const MarketRun& run, Date d,
                                    const std::vector<predict::markets::UpcomingPlayer>& upcoming);

// `nbaprops predict`'s market step: the stage of D alone (resolve_market_run for D, load, stage)
// in one call, its rows replacing D's market_predictions partition in one transaction, stamped
// `options.processed_at`. Returns the run (each market's models trained / reused) and the
// number of rows written. Throws StoreError, XgbError, ModelFileError.
struct MarketDayResult {
  MarketRun run;
  int64_t rows = 0;
};
MarketDayResult write_market_predictions_of_date(Store& store, Date d,
                                                 const MarketRunOptions& options);

}  // namespace nbaprops::pipeline
