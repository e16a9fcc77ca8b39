// The market models in the daily run on the real 2024-25 season (issue 12, docs/markets.md §5):
// Phase 3 to 2024-12-09, then the daily runs of 2024-12-10 (the cutoff: the week's market
// models are trained and registered) and 2024-12-11 (same week: reused, not retrained). The
// DFS lines of those dates give three markets (points, rebounds, assists). Skips without the
// shared data.
#include <gtest/gtest.h>

#include <string>

#include "predict/model_registry.h"
#include "support/real_season_fixture.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

using testing::sql_value;

class MarketsDailyRealSeason : public testing::RealSeasonRawStore<MarketsDailyRealSeason> {};

// The rows of a date, processed_at aside, in key order.
std::string rows_of(const std::string& db, const std::string& day) {
  return sql_value(db,
                   "select group_concat(r, ';') from (select game_date || player_lookup || market "
                   "|| bookmaker || line || coalesce(predicted_value, '') || p_over || "
                   "recommendation || model_id || coalesce(actual_value, 'null') || "
                   "coalesce(profit, '') as r from market_predictions where game_date = '" +
                       day + "' order by game_date, player_lookup, market, bookmaker)");
}

TEST_F(MarketsDailyRealSeason, TheWeeksModelsAreTrainedOnceAndEachLinedMarketIsPredicted) {
  std::string db = copy("markets.db");
  pipeline::RunOptions phase3;
  phase3.phases = {3};
  run_with(db, make_date(2024, 10, 22), make_date(2024, 12, 9), phase3);
  pipeline::RunOptions daily;
  daily.mode = analytics::RunMode::kDaily;
  daily.phases = {3, 4, 5};
  daily.markets = true;  // as `run` does
  daily.predict.models = predict::ModelOptions{predict::default_models_dir(db)};
  const std::string registry =
      "select group_concat(system_id || ' ' || cutoff_date, ',') from (select * from "
      "model_registry where system_id like '%_model' order by system_id)";
  run_with(db, make_date(2024, 12, 10), make_date(2024, 12, 10), daily);
  EXPECT_EQ(sql_value(db, registry),
            "assists_model 2024-12-10,points_model 2024-12-10,rebounds_model 2024-12-10");
  EXPECT_EQ(sql_value(db,
                      "select group_concat(market) from (select distinct market from "
                      "market_predictions where game_date = '2024-12-10' order by market)"),
            "assists,points,rebounds");
  const std::string first = rows_of(db, "2024-12-10");
  // The next day, same week: the registered models, no new registry row; D's rows written and
  // the day before's rows graded again, unchanged (its games were already summarised).
  run_with(db, make_date(2024, 12, 11), make_date(2024, 12, 11), daily);
  EXPECT_EQ(sql_value(db, registry),
            "assists_model 2024-12-10,points_model 2024-12-10,rebounds_model 2024-12-10");
  EXPECT_EQ(rows_of(db, "2024-12-10"), first);
  EXPECT_EQ(sql_value(db,
                      "select count(*) from processor_runs where processor = "
                      "'market_predictions' and date = '2024-12-10'"),
            "2");
  // At most one bet per player, date and market; every lined player with a game is predicted
  // at each of his books.
  EXPECT_EQ(sql_value(db,
                      "select count(*) from (select 1 from market_predictions where "
                      "recommendation != 'PASS' group by game_date, player_lookup, market "
                      "having count(*) > 1)"),
            "0");
  EXPECT_NE(sql_value(db, "select count(*) from market_predictions where game_date = '2024-12-11'"),
            "0");
  EXPECT_EQ(sql_value(db,
                      "select count(*) from market_predictions m where game_date = '2024-12-11' "
                      "and model_id != m.market || '-2024-12-10'"),
            "0");
}

// With more than one thread and a store location (as `run` runs), the market stage of a
// one-date run runs beside the other stages on a second connection, its models trained and
// registered there while the calling thread trains the gradient_boosting model (runner.cpp,
// markets_beside). Its rows and models are those of the run that computes it in line.
TEST_F(MarketsDailyRealSeason, TheMarketStageBesideTheOtherStagesWritesWhatItWritesInLine) {
  std::string in_line = copy("markets-in-line.db"), beside = copy("markets-beside.db");
  pipeline::RunOptions phase3;
  phase3.phases = {3};
  for (const std::string& db : {in_line, beside}) {
    run_with(db, make_date(2024, 10, 22), make_date(2024, 12, 9), phase3);
  }
  auto daily = [](const std::string& db, int threads) {
    pipeline::RunOptions o;
    o.mode = analytics::RunMode::kDaily;
    o.phases = {3, 4, 5};
    o.markets = true;
    o.threads = threads;
    if (threads > 1) o.store_location = db;
    o.predict.models = predict::ModelOptions{predict::default_models_dir(db)};
    return o;
  };
  const std::string registry =
      "select group_concat(system_id || ' ' || cutoff_date || ' ' || model_version, ',') from "
      "(select * from model_registry order by system_id)";
  const std::string runs =
      "select group_concat(processor || ' ' || date || ' ' || status || ' ' || rows_written, ',') "
      "from (select * from processor_runs where processor != 'ingest' order by rowid)";
  for (Date d : {make_date(2024, 12, 10), make_date(2024, 12, 11)}) {
    run_with(in_line, d, d, daily(in_line, 1));
    run_with(beside, d, d, daily(beside, 2));
    for (const char* day : {"2024-12-10", "2024-12-11"}) {
      EXPECT_EQ(rows_of(beside, day), rows_of(in_line, day)) << format_date(d) << " " << day;
    }
    EXPECT_EQ(sql_value(beside, registry), sql_value(in_line, registry));
    // The same partitions, written in the same order.
    EXPECT_EQ(sql_value(beside, runs), sql_value(in_line, runs));
  }
  EXPECT_NE(sql_value(beside,
                      "select count(*) from market_predictions where game_date = "
                      "'2024-12-11'"),
            "0");
}

}  // namespace
}  // namespace nbaprops
