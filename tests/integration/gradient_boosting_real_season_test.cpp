// gradient_boosting on the real season: Phases 3-4 from opening night to 2025-01-08 into a
// temporary store, the model for 2025-01-08 (cutoff 2025-01-07) trained and registered, then
// that date predicted and graded. The registry shows no training row dated on or after the
// cutoff, and changing every box score from the cutoff on leaves the model as it is.
#include <gtest/gtest.h>

#include <iostream>

#include "predict/grade_day.h"
#include "predict/model_registry.h"
#include "predict/predict_day.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

using testing::sql_value;

TEST(GradientBoostingRealSeason, TrainFor2025_01_08ThenPredictThatDate) {
  if (testing::real_season_dir().empty()) {
    GTEST_SKIP() << "real season data not found at " << NBAPROPS_SHARED_DATA_DIR << "; skipping";
  }
  const Date d = make_date(2025, 1, 8);
  testing::TempDir dir;
  std::string db = (dir.path() / "store.db").string();
  auto store = testing::open_real_season_store(db, d);
  predict::ModelOptions options{dir.path() / "models", predict::kDefaultRetrainEveryDays};

  auto m = predict::get_or_train_model(*store, d, options, "2026-01-01T00:00:00Z");
  ASSERT_TRUE(m.model) << m.no_model_detail;
  EXPECT_EQ(m.cutoff, make_date(2025, 1, 7));
  const predict::RegistryEntry& e = *m.entry;
  EXPECT_EQ(e.model_version.substr(0, 12), "gb-20250107-");
  EXPECT_GE(e.training_rows, 2000);
  EXPECT_LT(e.train_end, m.cutoff);
  EXPECT_EQ(sql_value(db, "select count(*) from model_registry where train_end >= cutoff_date"),
            "0");
  ASSERT_TRUE(e.validation_mae && e.validation_line_mae);
  std::cout << "model " << e.model_version << ": " << e.training_rows << " rows "
            << format_date(e.train_start) << ".." << format_date(e.train_end) << ", validation "
            << e.validation_rows << " rows, MAE " << *e.validation_mae << " vs line MAE "
            << *e.validation_line_mae << "\n";

  // Walk-forward: every box score from the cutoff on changes, the model does not.
  testing::sql_exec(db,
                    "update player_game_summary set pts = pts + 10 where game_date >= "
                    "'2025-01-07'");
  auto again = predict::get_or_train_model(*store, d, options, "2026-01-02T00:00:00Z");
  EXPECT_TRUE(again.reused);
  EXPECT_EQ(again.entry->model_version, e.model_version);
  testing::sql_exec(db,
                    "update player_game_summary set pts = pts - 10 where game_date >= "
                    "'2025-01-07'");

  auto in = predict::load_predict_inputs(*store, d);
  predict::attach_model(in, m);
  auto out = predict::predict_date(in, {});
  predict::write_predictions(*store, d, std::move(out), "2026-01-01T00:00:00Z");
  const std::string gb =
      " from player_prop_predictions where game_date = '2025-01-08' and "
      "system_id = 'gradient_boosting'";
  EXPECT_GE(std::stoi(sql_value(db, "select count(*)" + gb)), 50);
  EXPECT_EQ(sql_value(db, "select count(*)" + gb +
                              " and (model_version is null or "
                              "model_version != '" +
                              e.model_version + "')"),
            "0");
  EXPECT_EQ(sql_value(db, "select min(confidence) >= 77 and max(confidence) <= 90" + gb), "1");
  EXPECT_EQ(sql_value(db,
                      "select count(*) from player_prop_predictions where system_id != "
                      "'gradient_boosting' and model_version is not null"),
            "0");
  EXPECT_EQ(sql_value(db,
                      "select count(*) from prediction_skips where system_id = "
                      "'gradient_boosting'"),
            "0");
  // Every gradient_boosting prediction is a player the other base systems saw too.
  EXPECT_EQ(sql_value(db, "select count(*)" + gb),
            sql_value(db,
                      "select count(*) from player_prop_predictions where game_date = "
                      "'2025-01-08' and system_id = 'moving_average'"));
  EXPECT_NE(sql_value(db,
                      "select count(*) from player_prop_predictions where system_id = "
                      "'ensemble' and members = 4"),
            "0");

  auto graded = predict::grade_date(*store, d);
  for (const auto& [system, rows] : graded.by_system) {
    auto s = predict::summarize(rows, 0);
    std::cout << system << ": graded " << s.graded << ", mae " << s.mae.value_or(-1)
              << ", lined_mae " << s.lined_mae.value_or(-1) << ", market_mae "
              << s.market_mae.value_or(-1) << "\n";
  }

  // The command reuses the registered model.
  std::string text;
  const std::string bin = NBAPROPS_BINARY;
  EXPECT_EQ(testing::run_command(bin + " predict --db " + db + " --date 2025-01-08 --models " +
                                     options.models_dir.string(),
                                 &text),
            0);
  EXPECT_NE(text.find("model " + e.model_version + " (cutoff 2025-01-07, reused)"),
            std::string::npos)
      << text;
}

}  // namespace
}  // namespace nbaprops
