// The command line around runs: `run`, then `status` and `failures` read the run history.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "support/test_store.h"

namespace nbaprops {
namespace {

TEST(CliRunHistory, RunThenStatusAndFailures) {
  testing::TempDir dir;
  std::string bin = NBAPROPS_BINARY;
  std::string db = (dir.path() / "cli.db").string();
  std::string log = dir.write(
      "log.csv",
      "PLAYER_ID,PLAYER_NAME,TEAM_ABBREVIATION,GAME_ID,GAME_DATE,MATCHUP,MIN,FGM,FGA,FG3M,FG3A,"
      "FTM,FTA,OREB,DREB,REB,AST,STL,BLK,TOV,PF,PTS,PLUS_MINUS\n"
      "1,Ann Able,BOS,0022400001,2024-10-22,BOS vs. NYK,30,4,8,1,3,1,2,1,4,5,2,1,0,1,2,10,5\n"
      "2,Bo Baker,NYK,0022400001,2024-10-22,NYK @ BOS,30,3,9,0,2,2,2,0,3,3,1,0,0,2,1,8,-5\n");
  ASSERT_EQ(testing::run_command(bin + " ingest --db " + db + " " + log + " >/dev/null"), 0);
  std::string out;
  // One team line is reconstructed from fewer than five players: no TOGS row, a failure.
  int rc = testing::run_command(bin + " run --db " + db + " --date 2024-10-22 --quiet", &out);
  EXPECT_EQ(rc, 1) << out;
  EXPECT_NE(out.find("phases 3-5: 1 dates with games"), std::string::npos) << out;
  ASSERT_EQ(testing::run_command(bin + " status --db " + db + " --date 2024-10-22 --json", &out),
            0);
  auto runs = nlohmann::json::parse(out);
  // Six Phase 3 (prop_line_consensus included), five Phase 4 processors, the three of Phase 5
  // (market_predictions included) and Phase 6's best_bets (`run` is the daily job).
  ASSERT_EQ(runs.size(), 15u);
  std::map<std::string, std::string> status;
  for (const auto& r : runs) status[r["processor"]] = r["status"];
  EXPECT_EQ(status["team_offense_game_summary"], "partial");
  ASSERT_EQ(testing::run_command(bin + " failures --db " + db + " --json", &out), 0);
  auto failures = nlohmann::json::parse(out);
  std::set<std::string> failed;
  for (const auto& f : failures) {
    failed.insert(f["processor"].get<std::string>() + ":" + f["entity_type"].get<std::string>());
  }
  EXPECT_TRUE(failed.count("team_offense_game_summary:team")) << out;
  EXPECT_EQ(testing::run_command(bin + " status --db " + db + " --date 2024-13-01 2>/dev/null"), 2);

  // The run summary as JSON, with per-processor totals; --timings as a table; --resume skips
  // what succeeded on unchanged inputs (the two partial partitions are rerun).
  rc = testing::run_command(
      bin + " backfill --db " + db + " --from 2024-10-22 --to 2024-10-22 --json --threads 2", &out);
  EXPECT_EQ(rc, 1) << out;
  auto summary = nlohmann::json::parse(out);
  EXPECT_EQ(summary["threads"], 2);
  EXPECT_EQ(summary["processors"].size(), 11u);
  EXPECT_EQ(summary["processors"][0]["processor"], "team_offense_game_summary");
  EXPECT_TRUE(summary["processors"][0].contains("compute_us_per_entity"));
  rc = testing::run_command(bin + " backfill --db " + db +
                                " --from 2024-10-22 --to 2024-10-22 --quiet --timings --resume",
                            &out);
  EXPECT_NE(out.find("us/entity"), std::string::npos) << out;
  EXPECT_NE(out.find("(9 skipped, inputs unchanged)"), std::string::npos) << out;
  EXPECT_EQ(testing::run_command(bin + " backfill --db " + db +
                                 " --from 2024-10-22 --to 2024-10-22 --threads -1 2>/dev/null"),
            2);
  EXPECT_EQ(testing::run_command(bin + " backfill --db " + db +
                                 " --from 2024-10-22 --to 2024-10-22 --phases 3,5 2>/dev/null"),
            2);
  rc = testing::run_command(
      bin + " backfill --db " + db + " --from 2024-10-22 --to 2024-10-22 --phases 3 --json", &out);
  EXPECT_EQ(nlohmann::json::parse(out)["processors"].size(), 6u);
  // --only: one processor written; what it reads is computed, not written.
  rc = testing::run_command(
      bin + " run --db " + db + " --date 2024-10-22 --only player_composite_factors --json", &out);
  auto only = nlohmann::json::parse(out)["processors"];
  ASSERT_EQ(only.size(), 1u) << out;
  EXPECT_EQ(only[0]["processor"], "player_composite_factors");
  EXPECT_EQ(testing::run_command(bin + " run --db " + db +
                                 " --date 2024-10-22 --only no_such_table 2>/dev/null"),
            2);
}

}  // namespace
}  // namespace nbaprops
