// The backtest (04-predictions.md §9) on the real season: Phases 3-4 stored up to 2024-12-04,
// then `nbaprops backtest --from 2024-12-01 --to 2024-12-07`. It builds the missing dates,
// writes only the backtest tables, reports one line per system plus market, pools exactly
// what it stored, predicts as `predict` does, and gives the same bytes with 1 and 2 threads.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "predict/backtest_report.h"
#include "predict/performance.h"
#include "predict/tables.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

using testing::sql_rows;
using testing::sql_value;

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string backtest_tables(Store& store) {
  std::string out;
  for (const char* t :
       {"backtest_predictions", "backtest_skips", "backtest_grades", "backtest_summary"}) {
    out += std::string("== ") + t + "\n" + testing::export_csv(store, t);
  }
  return out;
}

class BacktestRealSeason : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::real_season_dir().empty()) {
      GTEST_SKIP() << "real season data not found at " << NBAPROPS_SHARED_DATA_DIR << "; skipping";
    }
    db_ = (dir_.path() / "store.db").string();
    store_ = testing::open_real_season_store(db_, make_date(2024, 12, 4));
  }
  int backtest(const std::string& extra, std::string* out = nullptr) {
    return testing::run_command(std::string(NBAPROPS_BINARY) + " backtest --db " + db_ +
                                    " --from 2024-12-01 --to 2024-12-07 --quiet " + extra,
                                out);
  }
  testing::TempDir dir_;
  std::string db_;
  std::unique_ptr<Store> store_;
};

TEST_F(BacktestRealSeason, FirstWeekOfDecember) {
  const std::string range = " where game_date between '2024-12-01' and '2024-12-07'";
  EXPECT_EQ(sql_value(db_, "select count(*) from ml_feature_store where game_date = '2024-12-07'"),
            "0");
  std::string out;
  auto dir1 = dir_.path() / "t1";
  ASSERT_EQ(backtest("--threads 1 --out " + dir1.string(), &out), 0) << out;
  std::cout << out;
  // The missing dates were built first; the live Phase 5 tables are untouched.
  EXPECT_NE(sql_value(db_, "select count(*) from ml_feature_store where game_date = '2024-12-07'"),
            "0");
  EXPECT_NE(out.find("(3 built with Phases 3-4)"), std::string::npos) << out;
  for (const char* live : {"player_prop_predictions", "prediction_skips", "prediction_grades",
                           "system_performance", "system_performance_buckets"}) {
    EXPECT_EQ(sql_value(db_, std::string("select count(*) from ") + live), "0") << live;
  }
  // Every prediction of these past dates is graded, on every date with games.
  auto preds = sql_value(db_, "select count(*) from backtest_predictions" + range);
  EXPECT_GT(std::stoi(preds), 1000);
  EXPECT_EQ(sql_value(db_, "select count(*) from backtest_grades" + range), preds);
  EXPECT_EQ(sql_value(db_, "select count(distinct game_date) from backtest_predictions"),
            sql_value(db_, "select count(distinct game_date) from games" + range));
  EXPECT_NE(sql_value(db_, "select count(*) from backtest_skips" + range), "0");

  // One line per system, by system_id, then market; in the table, the file and the output.
  // gradient_boosting has models from November: it trains on every feature row (issue 12).
  const std::vector<std::string> systems = {"ensemble",       "gradient_boosting", "line_anchored",
                                            "moving_average", "similarity",        "zone_matchup",
                                            "market"};
  auto summary = lines_of(read_file(dir1 / "summary.csv"));
  ASSERT_EQ(summary.size(), systems.size() + 1);
  EXPECT_EQ(summary[0].rfind("from_date,to_date,system_id,edge_threshold,confidence_threshold,"
                             "predictions,graded,voided,pending,recommendations,wins,losses,",
                             0),
            0u)
      << summary[0];
  for (size_t i = 0; i < systems.size(); ++i) {
    EXPECT_EQ(summary[i + 1].rfind("2024-12-01,2024-12-07," + systems[i] + ",", 0), 0u)
        << summary[i + 1];
    EXPECT_NE(out.find("\n" + systems[i] + " "), std::string::npos) << systems[i];
  }
  EXPECT_EQ(sql_value(db_, "select count(*) from backtest_summary"), "7");
  // Money at the prices taken (issue 12), not the -110 rule: every DFS price is -137.
  EXPECT_EQ(out.find("break-even at -110"), std::string::npos);
  EXPECT_NE(out.find("\nalways_under "), std::string::npos) << out;
  EXPECT_NE(out.find(" 57.81 "), std::string::npos) << out;  // always-under's break-even
  auto money = lines_of(read_file(dir1 / "money.csv"));
  ASSERT_GT(money.size(), 6u);
  EXPECT_EQ(money[0].rfind("system,kind,bin_lo,bin_hi,lined,calibrated,brier,market_brier,", 0),
            0u);
  EXPECT_NE(out.find("E 2.0  C 46.0"), std::string::npos) << out;
  auto buckets = lines_of(read_file(dir1 / "buckets.csv"));
  ASSERT_GT(buckets.size(), 8u);
  EXPECT_EQ(buckets[0],
            "from_date,to_date,system_id,kind,bucket,n,wins,losses,pushes,win_rate,rec_n,"
            "rec_wins,rec_losses,rec_pushes,rec_win_rate");
  for (const auto& system : {"ensemble", "moving_average", "similarity", "zone_matchup"}) {
    for (const auto& kind : {",edge,", ",confidence,"}) {
      bool found = false;
      for (const auto& line : buckets) found |= line.find(std::string(system) + kind) != line.npos;
      EXPECT_TRUE(found) << system << kind;
    }
  }
  auto models = lines_of(read_file(dir1 / "models.csv"));
  ASSERT_GT(models.size(), 1u);
  EXPECT_EQ(models[0],
            "model_version,cutoff_date,training_rows,validation_mae,validation_line_mae");

  // The pooled figures are summarize() over the stored grade rows, read back.
  auto back = predict::read_pooled_grades(*store_, predict::backtest_grades_table(),
                                          make_date(2024, 12, 1), make_date(2024, 12, 7));
  auto again = dir_.path() / "again.csv";
  predict::write_summary_csv(
      predict::backtest_summary_rows(make_date(2024, 12, 1), make_date(2024, 12, 7), back, {}),
      again);
  EXPECT_EQ(read_file(again), read_file(dir1 / "summary.csv"));
  // ... and agree with plain SQL counts.
  EXPECT_EQ(
      sql_rows(db_,
               "select system_id, predictions, recommendations, wins, losses, pushes from "
               "backtest_summary where system_id != 'market' order by system_id"),
      sql_rows(
          db_,
          "select system_id, count(*), sum(result is not null), sum(ifnull(result = 'WIN', 0)), "
          "sum(ifnull(result = 'LOSS', 0)), sum(ifnull(result = 'PUSH', 0)) from backtest_grades" +
              range + " group by system_id order by system_id"));
  EXPECT_EQ(sql_value(db_, "select predictions from backtest_summary where system_id = 'market'"),
            sql_value(db_,
                      "select count(*) from (select distinct game_date, player_lookup, game_id "
                      "from backtest_grades where line is not null and actual_points is not "
                      "null)"));

  // Two threads and a rerun: the same tables and files.
  std::string first = backtest_tables(*store_);
  auto dir2 = dir_.path() / "t2";
  ASSERT_EQ(backtest("--threads 2 --out " + dir2.string(), &out), 0) << out;
  EXPECT_NE(out.find("(0 built with Phases 3-4)"), std::string::npos) << out;
  EXPECT_EQ(backtest_tables(*store_), first);
  for (const char* f : {"summary.csv", "buckets.csv", "models.csv", "money.csv"}) {
    EXPECT_EQ(read_file(dir2 / f), read_file(dir1 / f)) << f;
  }

  // The backtest predicts a date exactly as `predict` does, line_anchored aside: its shrinkage
  // is fitted on the graded rows before the cutoff, the backtest's own for the backtest and
  // prediction_grades (empty here) for `predict`.
  ASSERT_EQ(testing::run_command(std::string(NBAPROPS_BINARY) + " predict --db " + db_ +
                                 " --date 2024-12-05"),
            0);
  const std::string cols =
      "system_id, player_lookup, game_id, line, over_price, predicted_points, confidence, edge, "
      "recommendation, similar_games, members";
  const std::string dec5 = " where game_date = '2024-12-05' and system_id != 'line_anchored'";
  EXPECT_EQ(sql_rows(db_, "select " + cols + " from backtest_predictions" + dec5),
            sql_rows(db_, "select " + cols + " from player_prop_predictions" + dec5));
  // line_anchored, walk-forward (issue 12): without grades before the cutoff, a = 1, the
  // ensemble's value: `predict` (no prediction_grades) and the backtest's Dec 1-2 (cutoff
  // Nov 26, before any backtest grade). From the cutoff Dec 3 on, the backtest fits a on its
  // ensemble grades of Dec 1-2 and the values move toward the line.
  auto pairs = [&](const std::string& table) {
    return "select count(*) from " + table + " a join " + table +
           " e using (game_date, player_lookup, game_id) where a.system_id = 'line_anchored' and "
           "e.system_id = 'ensemble' and a.line is not null";
  };
  const std::string live = pairs("player_prop_predictions");
  EXPECT_NE(sql_value(db_, live), "0");
  EXPECT_EQ(sql_value(db_, live + " and a.predicted_points != e.predicted_points"), "0");
  const std::string backtested = pairs("backtest_predictions");
  EXPECT_NE(sql_value(db_, backtested + " and a.game_date < '2024-12-03'"), "0");
  EXPECT_EQ(sql_value(db_, backtested + " and a.game_date < '2024-12-03' and a.predicted_points != "
                                        "e.predicted_points"),
            "0");
  EXPECT_GT(std::stoi(sql_value(db_, backtested + " and a.game_date >= '2024-12-03' and "
                                                  "abs(a.predicted_points - a.line) < "
                                                  "abs(e.predicted_points - e.line) - 0.5")),
            0);

  // Bad usage.
  EXPECT_EQ(backtest("--systems nope"), 2);
  EXPECT_EQ(testing::run_command(std::string(NBAPROPS_BINARY) + " backtest --db " + db_ +
                                 " --from 2024-12-07 --to 2024-12-01"),
            2);
}

}  // namespace
}  // namespace nbaprops
