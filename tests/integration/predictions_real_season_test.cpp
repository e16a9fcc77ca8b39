// Phase 5 on the real season: Phases 3-4 over 2024-10-22..2024-12-15 into a temporary store,
// then predict and grade 2024-12-01..2024-12-15; rows written, grades consistent with the
// predictions and the box scores, and the pooled figures per system printed.
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <map>
#include <sstream>

#include "pipeline/runner.h"
#include "predict/grade_day.h"
#include "predict/predict_day.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

using testing::sql_value;

TEST(PredictionsRealSeason, PredictAndGradeFirstHalfOfDecember) {
  if (testing::real_season_dir().empty()) {
    GTEST_SKIP() << "real season data not found at " << NBAPROPS_SHARED_DATA_DIR << "; skipping";
  }
  testing::TempDir dir;
  std::string db = (dir.path() / "store.db").string();
  auto store = testing::open_real_season_store(db, make_date(2024, 12, 15));

  std::map<std::string, std::vector<predict::GradedRow>> pooled;
  std::map<std::string, int64_t> pending;
  int64_t predictions = 0, skips = 0, grades = 0;
  for (Date d = make_date(2024, 12, 1); d <= make_date(2024, 12, 15); d = Date{d.days + 1}) {
    auto in = predict::load_predict_inputs(*store, d);
    auto out = predict::predict_date(in, {});
    predictions += static_cast<int64_t>(out.predictions.size());
    skips += static_cast<int64_t>(out.skips.size());
    predict::write_predictions(*store, d, std::move(out), "2026-01-01T00:00:00Z");
    auto day = predict::grade_date(*store, d);
    grades += static_cast<int64_t>(day.rows.size());
    for (auto& [system, rows] : day.by_system) {
      pooled[system].insert(pooled[system].end(), rows.begin(), rows.end());
    }
    for (auto& [system, n] : day.pending) pending[system] += n;
    predict::write_grades(*store, d, std::move(day.rows), "2026-01-01T00:00:00Z");
  }
  const std::string range = " where game_date between '2024-12-01' and '2024-12-15'";
  EXPECT_GT(predictions, 1000);
  EXPECT_EQ(sql_value(db, "select count(*) from player_prop_predictions" + range),
            std::to_string(predictions));
  EXPECT_EQ(sql_value(db, "select count(*) from prediction_skips" + range), std::to_string(skips));
  EXPECT_EQ(sql_value(db, "select count(*) from prediction_grades" + range),
            std::to_string(grades));
  // Every prediction of a past date is graded (all these games are final with box scores).
  EXPECT_EQ(grades, predictions);
  // Grades agree with the predictions and the box scores.
  EXPECT_EQ(sql_value(db,
                      "select count(*) from prediction_grades g join player_game_summary s on "
                      "s.game_id = g.game_id and s.player_lookup = g.player_lookup where not "
                      "g.is_voided and s.pts != g.actual_points"),
            "0");
  EXPECT_EQ(sql_value(db,
                      "select count(*) from prediction_grades where not is_voided and "
                      "recommendation in ('OVER','UNDER') and result is null"),
            "0");
  EXPECT_EQ(sql_value(db,
                      "select count(*) from prediction_grades where result = 'WIN' and not "
                      "((recommendation = 'OVER' and actual_points > line) or (recommendation = "
                      "'UNDER' and actual_points < line))"),
            "0");
  EXPECT_EQ(sql_value(db,
                      "select count(*) from player_prop_predictions where recommendation in "
                      "('OVER','UNDER') and abs(edge) < 1.5"),
            "0");
  EXPECT_EQ(sql_value(db,
                      "select count(*) from player_prop_predictions where line is null and "
                      "recommendation != 'NO_LINE'"),
            "0");
  // Rerunning a date replaces it.
  {
    Date d = make_date(2024, 12, 10);
    auto before = sql_value(db,
                            "select count(*) from player_prop_predictions where game_date = "
                            "'2024-12-10'");
    predict::write_predictions(*store, d,
                               predict::predict_date(predict::load_predict_inputs(*store, d), {}),
                               "2026-01-02T00:00:00Z");
    EXPECT_EQ(sql_value(db,
                        "select count(*) from player_prop_predictions where game_date = "
                        "'2024-12-10'"),
              before);
  }
  // The commands over the same store.
  std::string out;
  const std::string bin = NBAPROPS_BINARY;
  EXPECT_EQ(testing::run_command(bin + " predict --db " + db + " --date 2024-12-05", &out), 0);
  EXPECT_NE(out.find("predictions"), std::string::npos) << out;
  EXPECT_EQ(testing::run_command(bin + " predict --db " + db + " --date 2024-12-05 --systems nope"),
            2);
  EXPECT_EQ(
      testing::run_command(bin + " grade --db " + db + " --from 2024-12-01 --to 2024-12-15", &out),
      0);
  EXPECT_NE(out.find("moving_average"), std::string::npos) << out;
  std::cout << out;
  // `grade` stored each date's aggregates: they match a hand count of prediction_grades.
  const std::string day = " where game_date = '2024-12-05'";
  EXPECT_EQ(sql_value(db, "select count(distinct game_date) from system_performance" + range),
            sql_value(db, "select count(distinct game_date) from prediction_grades" + range));
  auto perf = testing::sql_rows(
      db,
      "select system_id, predictions, graded, voided, pending, recommendations, wins, losses, "
      "pushes, profit, mae, market_mae from system_performance" +
          day + " order by system_id");
  auto hand = testing::sql_rows(
      db,
      "select system_id, count(*), sum(not is_voided), sum(is_voided), 0, sum(result is not "
      "null), sum(ifnull(result = 'WIN', 0)), sum(ifnull(result = 'LOSS', 0)), "
      "sum(ifnull(result = 'PUSH', 0)), "
      "printf('%.4f', total(profit)), printf('%.3f', avg(absolute_error)), printf('%.3f', "
      "avg(abs(line - actual_points))) from prediction_grades" +
          day + " group by system_id order by system_id");
  // Six systems: `predict --date 2024-12-05` trained gradient_boosting's model of its cutoff
  // (issue 12: every feature row trains, so December has one), and line_anchored (issue 12).
  ASSERT_EQ(perf.size(), 6u);
  ASSERT_EQ(perf.size(), hand.size());
  for (size_t i = 0; i < perf.size(); ++i) {
    std::stringstream a(perf[i]), b(hand[i]);
    std::string x, y;
    for (int c = 0; std::getline(a, x, '|') && std::getline(b, y, '|'); ++c) {
      if (c < 9) {
        EXPECT_EQ(x, y) << "column " << c << " of " << perf[i];
      } else {
        EXPECT_NEAR(std::stod(x), std::stod(y), 0.0011) << "column " << c << " of " << perf[i];
      }
    }
  }
  EXPECT_EQ(
      testing::sql_rows(db,
                        "select system_id, bucket, n, wins, losses, pushes, rec_n from "
                        "system_performance_buckets" +
                            day + " and kind = 'edge' order by system_id, bucket"),
      testing::sql_rows(db,
                        "select system_id, edge_bucket, count(*), sum(edge_side_result = 'WIN'), "
                        "sum(edge_side_result = 'LOSS'), sum(edge_side_result = 'PUSH'), "
                        "sum(result is not null) from prediction_grades" +
                            day + " and edge_side_result is not null group by 1, 2 order by 1, 2"));
  std::cout << "predictions " << predictions << ", skip records " << skips << ", grades " << grades
            << "\n";
  for (const auto& row :
       testing::sql_rows(db, "select system_id || ' ' || reason, count(*) from prediction_skips" +
                                 range + " group by 1 order by 1")) {
    std::cout << "  skip " << row << "\n";
  }
  std::cout << "system preds graded voided recs W-L-P win% roi% mae bias lined_mae market_mae "
               "mae_vs_market avg_conf\n";
  for (const auto& [system, rows] : pooled) {
    auto s = predict::summarize(rows, pending[system]);
    auto f = [](const std::optional<double>& v) {
      std::ostringstream o;
      if (v) {
        o << *v;
      } else {
        o << "-";
      }
      return o.str();
    };
    std::cout << system << " " << s.predictions << " " << s.graded << " " << s.voided << " "
              << s.recommendations << " " << s.wins << "-" << s.losses << "-" << s.pushes << " "
              << f(s.win_rate) << " " << f(s.roi) << " " << f(s.mae) << " " << f(s.bias) << " "
              << f(s.lined_mae) << " " << f(s.market_mae) << " " << f(s.mae_vs_market) << " "
              << f(s.avg_confidence) << "\n";
    EXPECT_EQ(s.predictions, s.graded + s.voided);
    EXPECT_EQ(s.wins + s.losses + s.pushes, s.recommendations);
    ASSERT_TRUE(s.mae);
    EXPECT_LT(*s.mae, 10.0);
  }
}

}  // namespace
}  // namespace nbaprops
