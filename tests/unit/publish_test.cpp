// The published documents' figures (docs/publishing.md): a pick graded at its own line and
// price, records, performance windows, model-health states, tip-off times, the history.
#include <gtest/gtest.h>

#include "picks/pick_result.h"
#include "publish/documents.h"
#include "publish/performance.h"

namespace nbaprops::publish {
namespace {

using picks::GameOutcome;
using picks::grade_pick;

TEST(PickResult, AnOverAtMinus110WinsTenElevenths) {
  auto r = grade_pick("OVER", 22.5, -110, false, GameOutcome{true, false, std::nullopt, 25.0});
  EXPECT_EQ(r.result, "WIN");
  EXPECT_DOUBLE_EQ(r.profit, 0.9091);
  r = grade_pick("UNDER", 22.5, 120, false, GameOutcome{true, false, std::nullopt, 20.0});
  EXPECT_EQ(r.result, "WIN");
  EXPECT_DOUBLE_EQ(r.profit, 1.2);
  r = grade_pick("OVER", 22.0, std::nullopt, false, GameOutcome{true, false, std::nullopt, 22.0});
  EXPECT_EQ(r.result, "PUSH");
  EXPECT_DOUBLE_EQ(r.profit, 0.0);
  r = grade_pick("OVER", 22.5, std::nullopt, false, GameOutcome{true, false, std::nullopt, 10.0});
  EXPECT_EQ(r.result, "LOSS");
  EXPECT_DOUBLE_EQ(r.profit, -1.0);
  EXPECT_EQ(grade_pick("OVER", 22.5, -110, false, GameOutcome{}).result, "PENDING");
  EXPECT_EQ(
      grade_pick("OVER", 22.5, -110, true, GameOutcome{true, false, std::nullopt, 30.0}).result,
      "VOID");
  auto dnp = grade_pick("OVER", 22.5, -110, false, GameOutcome{true, true, "dnp", std::nullopt});
  EXPECT_EQ(dnp.result, "VOID");
  EXPECT_EQ(*dnp.void_reason, "dnp");
}

TEST(PickResult, RecordOfThreeWinsOneLossOnePush) {
  picks::Record r;
  for (const char* res : {"WIN", "WIN", "WIN", "LOSS", "PUSH", "VOID", "PENDING"}) {
    picks::PickResult x;
    x.result = res;
    x.profit = std::string(res) == "WIN" ? 0.9091 : std::string(res) == "LOSS" ? -1.0 : 0.0;
    r.add(x);
  }
  EXPECT_EQ(r.decided(), 4);
  EXPECT_DOUBLE_EQ(*r.hit_rate(), 75.0);  // 3 / 4
  EXPECT_DOUBLE_EQ(*r.roi(), 34.55);      // (3 x 0.9091 - 1) / 5 staked = 34.546 %
  EXPECT_EQ(r.voided, 1);
  EXPECT_EQ(r.pending, 1);
}

GradedPrediction graded(Date d, const char* result, double predicted, double actual, double line,
                        const char* system = "moving_average") {
  GradedPrediction g;
  g.system_id = system;
  g.player_lookup = "p";
  g.game_id = "g";
  g.game_date = d;
  g.recommendation = result ? "OVER" : "PASS";
  g.line = line;
  g.predicted = predicted;
  g.actual = actual;
  if (result) {
    g.result = result;
    g.profit = std::string(result) == "WIN" ? 0.9091 : -1.0;
  }
  return g;
}

TEST(Performance, WindowsEndOnTheDate) {
  Date d = make_date(2025, 1, 10);
  std::vector<GradedPrediction> grades = {
      graded(d, "WIN", 25, 27, 22.5),                       // 7d, 30d, season
      graded(Date{d.days - 6}, "LOSS", 25, 20, 22.5),       // 7d (first day), 30d, season
      graded(Date{d.days - 7}, nullptr, 20, 18, 21.5),      // 30d, season (a PASS)
      graded(make_date(2024, 11, 1), "WIN", 30, 31, 28.5),  // season only
      graded(Date{d.days + 1}, "WIN", 30, 31, 28.5)};       // after D: nowhere
  auto j = performance_json(d, grades, {}, {}, {});
  EXPECT_EQ(j["windows"]["7d"], "2025-01-04");
  EXPECT_EQ(j["windows"]["30d"], "2024-12-12");
  EXPECT_EQ(j["windows"]["season"], "2024-07-01");  // core season_start
  ASSERT_EQ(j["systems"].size(), 1u);
  const auto& s = j["systems"][0];
  EXPECT_EQ(s["7d"]["recommendations"], 2);
  EXPECT_EQ(s["7d"]["hit_rate"], 50.0);
  EXPECT_EQ(s["7d"]["roi"], -4.55);  // (0.9091 - 1) / 2
  EXPECT_EQ(s["30d"]["predictions"], 3);
  // 30d MAE: |25-27| + |25-20| + |20-18| = 9 / 3 = 3; the line's: 4.5 + 2.5 + 3.5 = 10.5 / 3.
  EXPECT_EQ(s["30d"]["mae"], 3.0);
  EXPECT_EQ(s["30d"]["line_mae"], 3.5);
  EXPECT_EQ(s["30d"]["mae_vs_line"], -0.5);
  EXPECT_EQ(s["season"]["wins"], 2);
  EXPECT_EQ(s["season"]["losses"], 1);
}

TEST(ModelHealth, StatesFollowTheWrittenThresholds) {
  HealthThresholds t;
  auto figures = [](int wins, int losses) {
    WindowFigures w;
    w.wins = wins;
    w.losses = losses;
    return w;
  };
  EXPECT_EQ(health_state(figures(12, 8), figures(30, 25), t), "HEALTHY");    // 60 %
  EXPECT_EQ(health_state(figures(10, 9), figures(30, 25), t), "WATCH");      // 19 < 20 graded
  EXPECT_EQ(health_state(figures(10, 10), figures(30, 25), t), "WATCH");     // 50 % < 52.38
  EXPECT_EQ(health_state(figures(9, 11), figures(30, 25), t), "DEGRADING");  // 45 % < 48
  EXPECT_EQ(health_state(figures(12, 8), figures(22, 28), t), "BLOCKED");    // 44 % of 50
  EXPECT_EQ(health_state(figures(12, 8), figures(22, 27), t), "HEALTHY");    // 49 < 50 graded
}

TEST(Documents, TipOffInEasternTime) {
  EXPECT_EQ(tipoff_et(std::string("2025-01-11T00:30:00Z")), "7:30 pm ET");  // EST, UTC-5
  EXPECT_EQ(tipoff_et(std::string("2024-10-22T23:30:00Z")), "7:30 pm ET");  // EDT, UTC-4
  EXPECT_EQ(tipoff_et(std::string("2025-01-10T17:00:00Z")), "12:00 pm ET");
  EXPECT_EQ(tipoff_et(std::nullopt), "");
}

picks::Pick pick(Date d, const std::string& player, double edge, const char* status = "ACTIVE") {
  picks::Pick p;
  p.c.system_id = "moving_average";
  p.c.game_date = d;
  p.c.player_lookup = player;
  p.c.game_id = "g" + player;
  p.c.line = 20.5;
  p.c.edge = edge;
  p.side = edge > 0 ? "OVER" : "UNDER";
  p.strength = std::abs(edge);
  p.status = status;
  p.reasons = {"r"};
  return p;
}

TEST(Documents, RanksActiveByStrengthThenVoided) {
  Date d = make_date(2025, 1, 10);
  std::vector<picks::Pick> ps = {pick(d, "a", 2.5), pick(d, "b", 6.0, "VOIDED"),
                                 pick(d, "c", -4.0)};
  EXPECT_EQ(pick_ranks(ps), (std::vector<int>{2, 3, 1}));
  auto j = picks_json(d, ps);
  EXPECT_EQ(j["active"], 2);
  EXPECT_EQ(j["picks"][0]["player_lookup"], "c");
}

TEST(Documents, HistoryAddsUpProfit) {
  Date d1 = make_date(2025, 1, 9), d2 = make_date(2025, 1, 10);
  std::vector<picks::Pick> ps = {pick(d1, "a", 3), pick(d1, "b", -3), pick(d2, "c", 3)};
  std::map<PredictionKey, picks::GameOutcome> o;
  o[key_of(ps[0].c)] = {true, false, std::nullopt, 25.0};  // OVER 20.5: WIN +0.9091
  o[key_of(ps[1].c)] = {true, false, std::nullopt, 25.0};  // UNDER 20.5: LOSS -1
  o[key_of(ps[2].c)] = {true, false, std::nullopt, 21.0};  // OVER: WIN
  auto h = history_json(ps, o);
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0]["cumulative_profit"], -0.0909);
  EXPECT_EQ(h[1]["cumulative_profit"], 0.8182);
  auto r = results_json(d1, {ps[0], ps[1]}, o);
  EXPECT_EQ(r["record"]["wins"], 1);
  EXPECT_EQ(r["picks"][0]["result"], "WIN");  // a and b tie on strength: a first
}

}  // namespace
}  // namespace nbaprops::publish
