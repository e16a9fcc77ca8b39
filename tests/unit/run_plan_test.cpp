// The run plan (pipeline/run_plan.h): which processors run and are written, which dates are
// computed, read back or skipped, and the Phase 5-6 dates; built without a store.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/run_plan.h"
#include "pipeline/runner.h"

namespace nbaprops::pipeline {
namespace {

using analytics::RunMode;

Date day(int month, int d) {
  return make_date(month >= 7 ? 2024 : 2025, month, d);
}

std::vector<std::string> names(const std::vector<PlannedProcessor>& ps, bool written_only) {
  std::vector<std::string> out;
  for (const auto& p : ps) {
    if (!written_only || p.write) out.emplace_back(p.entry->name);
  }
  return out;
}

// Game dates Oct 22, 23, 25 and Nov 1; the run covers Oct 23..Oct 26.
RunPlan plan_of(const RunOptions& o, std::vector<RunMode> modes = {}) {
  std::vector<Date> games = {day(10, 22), day(10, 23), day(10, 25), day(11, 1)};
  if (modes.empty()) modes.assign(games.size(), RunMode::kBackfill);
  return plan_run(o, day(10, 23), day(10, 26), games, modes);
}

TEST(RunPlan, ModelsPrecedeWritesOnlyWhenNoWrittenDateIsBeforeACutoff) {
  RunPlan plan;
  plan.dates = {day(1, 15)};
  plan.summarise = {day(1, 14)};
  EXPECT_TRUE(models_precede_writes(plan, {day(1, 14)}));   // a usual day after the cutoff
  EXPECT_FALSE(models_precede_writes(plan, {day(1, 15)}));  // the cutoff day: D-1 is summarised
  plan.summarise.clear();
  EXPECT_TRUE(models_precede_writes(plan, {day(1, 15)}));  // nothing before C is written
  plan.dates = {day(1, 15), day(1, 22)};                   // a range over two cutoffs
  EXPECT_FALSE(models_precede_writes(plan, {day(1, 14), day(1, 21)}));
  EXPECT_TRUE(models_precede_writes(plan, {}));
}

TEST(RunPlan, PhasesThreeAndFourRunEveryPerDateProcessorAndNoStage) {
  RunPlan plan = plan_of(RunOptions{});
  EXPECT_EQ(names(plan.summaries, true),
            (std::vector<std::string>{"team_offense_game_summary", "team_defense_game_summary",
                                      "player_game_summary"}));
  EXPECT_EQ(plan.per_date.size(), 8u);
  EXPECT_TRUE(plan.stages.empty());
  EXPECT_EQ(plan.start, day(7, 1));
}

TEST(RunPlan, PhaseFiveAddsThePredictionGradeAndBestBetStages) {
  RunOptions o;
  o.phases = {3, 4, 5};
  EXPECT_EQ(
      names(plan_of(o).stages, true),
      (std::vector<std::string>{"player_prop_predictions", "prediction_grades", "best_bets"}));
}

TEST(RunPlan, OnlyWritesTheNamedProcessorAndComputesWhatItReadsInMemory) {
  RunOptions o;
  o.only = {"player_composite_factors"};
  RunPlan plan = plan_of(o);
  // player_composite_factors reads UPGC, UTGC, PSZA, TDZA, and they read the summaries.
  EXPECT_EQ(names(plan.per_date, false),
            (std::vector<std::string>{"upcoming_team_game_context", "upcoming_player_game_context",
                                      "team_defense_zone_analysis", "player_shot_zone_analysis",
                                      "player_composite_factors"}));
  EXPECT_EQ(names(plan.per_date, true), (std::vector<std::string>{"player_composite_factors"}));
  EXPECT_EQ(plan.summaries.size(), 3u);  // always computed: the history needs them
  EXPECT_TRUE(names(plan.summaries, true).empty());
}

TEST(RunPlan, DatesWithoutGamesAreSkippedAndNamed) {
  RunPlan plan = plan_of(RunOptions{});
  EXPECT_EQ(plan.game_dates.size(), 3u);  // up to `to`: Nov 1 is after the run
  EXPECT_EQ(plan.dates, (std::vector<Date>{day(10, 23), day(10, 25)}));
  EXPECT_EQ(plan.without_games, (std::vector<Date>{day(10, 24), day(10, 26)}));
  EXPECT_EQ(describe_dates(plan.without_games), "2024-10-24, 2024-10-26");
  EXPECT_EQ(describe_dates({day(10, 24), day(10, 25), day(10, 26), day(10, 28)}),
            "2024-10-24..2024-10-26, 2024-10-28");
}

TEST(RunPlan, ABackfillNeitherReusesNorGradesTheDayBefore) {
  RunPlan plan = plan_of(RunOptions{});
  EXPECT_FALSE(plan.all_daily);
  EXPECT_FALSE(plan.reuse);
  EXPECT_EQ(plan.stage_dates, plan.dates);
  RunOptions resume;
  resume.resume = true;
  EXPECT_TRUE(plan_of(resume).reuse);
  resume.force = true;  // --force overrides --resume
  EXPECT_FALSE(plan_of(resume).reuse);
}

TEST(RunPlan, ADailyRunReusesAndGradesTheGameDateBefore) {
  RunPlan plan = plan_of(RunOptions{}, std::vector<RunMode>(4, RunMode::kDaily));
  EXPECT_TRUE(plan.all_daily);
  EXPECT_TRUE(plan.reuse);
  EXPECT_EQ(plan.stage_dates, (std::vector<Date>{day(10, 22), day(10, 23), day(10, 25)}));
  EXPECT_EQ(plan.mode_of(day(10, 25)), RunMode::kDaily);
  // A forced mode wins over the detected one.
  RunOptions forced;
  forced.mode = RunMode::kBackfill;
  EXPECT_FALSE(plan_of(forced, std::vector<RunMode>(4, RunMode::kDaily)).all_daily);
}

TEST(RunPlan, SummariesWhoseLatestRunsSucceededOnTheSameInputsAreReadBack) {
  RunOptions o;
  o.resume = true;
  RunPlan plan = plan_of(o);
  LatestRuns latest;
  // Oct 22: all three current. Oct 23: one failed partially. Oct 25: one on other inputs.
  for (const auto& p : plan.summaries) {
    std::string name(p.entry->name);
    latest[{name, "2024-10-22"}] = {"success", plan.fingerprint(*p.entry, day(10, 22), "summary")};
    latest[{name, "2024-10-23"}] = {"success", plan.fingerprint(*p.entry, day(10, 23), "summary")};
    latest[{name, "2024-10-25"}] = {"success", plan.fingerprint(*p.entry, day(10, 25), "summary")};
  }
  latest[{"player_game_summary", "2024-10-23"}].first = "partial";
  latest[{"team_offense_game_summary", "2024-10-25"}].second = "inputs=0000000000000000";
  plan_summaries(plan, o, latest, InputFingerprints{});
  EXPECT_EQ(plan.read_back, (std::vector<Date>{day(10, 22)}));
  EXPECT_EQ(plan.summarise, (std::vector<Date>{day(10, 23), day(10, 25)}));
  EXPECT_EQ(plan.read_back_reason, SummarySource::kStoredCurrent);
}

TEST(RunPlan, AWorkItemReadsEverySummaryBackAndABackfillComputesThem) {
  RunOptions item;
  item.stored_summaries = true;
  RunPlan plan = plan_of(item);
  plan_summaries(plan, item, {}, InputFingerprints{});
  EXPECT_EQ(plan.read_back, plan.game_dates);
  EXPECT_TRUE(plan.summarise.empty());
  EXPECT_EQ(plan.read_back_reason, SummarySource::kStoredItem);
  RunOptions backfill;
  RunPlan b = plan_of(backfill);
  plan_summaries(b, backfill, {}, InputFingerprints{});
  EXPECT_EQ(b.summarise, b.game_dates);
  EXPECT_TRUE(b.read_back.empty());
}

TEST(RunPlan, StoredSummariesAreExpectedByDailyResumeAndItemRunsOnly) {
  RunOptions o;
  EXPECT_FALSE(expects_stored_summaries(o, day(10, 23), day(10, 26)));
  EXPECT_TRUE(expects_stored_summaries(o, day(10, 23), day(10, 23)));  // one date: likely daily
  o.resume = true;
  EXPECT_TRUE(expects_stored_summaries(o, day(10, 23), day(10, 26)));
  o.force = true;
  EXPECT_FALSE(expects_stored_summaries(o, day(10, 23), day(10, 26)));
}

}  // namespace
}  // namespace nbaprops::pipeline
