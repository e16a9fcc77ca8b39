// Tonight's slate and the season backfill are green (issue 11 item 4), and every market's
// lines are consolidated across books (item 5), on the real 2024-25 season (docs/tonight.md).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "pipeline/catalog.h"
#include "pipeline/runner.h"
#include "support/real_season_fixture.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

using testing::sql_exec;
using testing::sql_rows;
using testing::sql_value;

class Tonight : public testing::RealSeasonRawStore<Tonight> {
 protected:
  static pipeline::RunReport run(const std::string& db, Date from, Date to) {
    pipeline::RunOptions options;
    options.threads = 2;
    return run_with(db, from, to, options);
  }
  // The store as it is before tip-off on D: D's games scheduled, no box scores or shots of D.
  static void make_tonight(const std::string& db, const std::string& d) {
    sql_exec(db, "delete from player_boxscores where game_date = '" + d +
                     "'; delete from team_boxscores where game_date = '" + d +
                     "'; delete from shots where game_date = '" + d +
                     "'; update games set status = 'scheduled', home_score = NULL, away_score = "
                     "NULL where game_date = '" +
                     d + "'");
  }
  static std::string latest_status(const std::string& db, const std::string& processor,
                                   const std::string& d) {
    return sql_value(db, "select status from processor_runs where processor = '" + processor +
                             "' and date = '" + d + "' order by processed_at desc, rowid desc");
  }
};

TEST_F(Tonight, BeforeTipoffScheduledGamesArePendingAndTheRunIsGreen) {
  std::string db = copy("tonight.db");
  make_tonight(db, "2025-01-10");
  auto report = run(db, make_date(2025, 1, 10), make_date(2025, 1, 10));
  EXPECT_FALSE(report.any_failed);
  for (const char* p :
       {"team_offense_game_summary", "team_defense_game_summary", "player_game_summary"}) {
    EXPECT_EQ(latest_status(db, p, "2025-01-10"), "pending") << p;
  }
  EXPECT_EQ(sql_value(db,
                      "select count(*) from processor_runs where date = '2025-01-10' and "
                      "status = 'partial'"),
            "0");
  // Nothing but expected categories was recorded, and no scheduled game is a failure.
  EXPECT_EQ(sql_value(db,
                      "select count(*) from failed_entities where date = '2025-01-10' and "
                      "category not in ('EXPECTED_INCOMPLETE', 'STALE_DATA')"),
            "0");
  // The contexts and the features of D were built, with the lines of D.
  // 91 players have a points line on D (prop_line_consensus); every one has a context row.
  EXPECT_EQ(sql_value(db,
                      "select count(*) from upcoming_player_game_context where game_date = "
                      "'2025-01-10' and current_points_line is not null"),
            "91");
  EXPECT_EQ(sql_value(db,
                      "select count(*) from prop_line_consensus where game_date = "
                      "'2025-01-10' and market = 'points'"),
            "91");
  EXPECT_GT(std::stoi(sql_value(
                db, "select count(*) from ml_feature_store where game_date = '2025-01-10'")),
            100);
}

TEST_F(Tonight, PostponedAndCancelledGamesAreExpectedFailures) {
  std::string db = copy("postponed.db");
  make_tonight(db, "2025-01-10");
  sql_exec(db,
           "update games set status = 'postponed' where game_id = '0022400528'; "  // SAC at BOS
           "update games set status = 'cancelled' where game_id = '0022400531'");  // BKN at DEN
  auto report = run(db, make_date(2025, 1, 10), make_date(2025, 1, 10));
  EXPECT_FALSE(report.any_failed);
  EXPECT_EQ(sql_value(db,
                      "select category from failed_entities where processor = "
                      "'player_game_summary' and entity_id = '0022400528'"),
            "GAME_POSTPONED");
  EXPECT_EQ(sql_value(db,
                      "select category from failed_entities where processor = "
                      "'player_game_summary' and entity_id = '0022400531'"),
            "GAME_CANCELLED");
  // Tatum (BOS) has lines on the postponed game: no context row, an expected failure.
  EXPECT_EQ(sql_value(db,
                      "select category from failed_entities where processor = "
                      "'upcoming_player_game_context' and entity_id = 'jaysontatum'"),
            "GAME_POSTPONED");
  EXPECT_EQ(sql_value(db,
                      "select count(*) from upcoming_player_game_context where game_date = "
                      "'2025-01-10' and (team_abbr in ('BOS', 'SAC', 'BKN', 'DEN') or "
                      "player_lookup = 'jaysontatum')"),
            "0");
}

TEST_F(Tonight, SeasonBackfillOpeningNightAndTheMissingGameOf20250111AreGreen) {
  std::string db = copy("backfill.db");
  // Zion Williamson's 2023-24 team: one box-score row of the season before (an earlier season's
  // team that plays in his lines' game CHI at NOP gives his team on 2024-10-23).
  sql_exec(db,
           "create temp table z as select * from player_boxscores where player_lookup = "
           "'zionwilliamson' limit 1; update z set game_date = '2024-04-14', game_id = "
           "'0022301200', team_abbr = 'NOP'; insert into player_boxscores select * from z");
  auto opening = run(db, make_date(2024, 10, 23), make_date(2024, 10, 23));
  EXPECT_FALSE(opening.any_failed);
  EXPECT_EQ(sql_value(db,
                      "select team_abbr from upcoming_player_game_context where game_date = "
                      "'2024-10-23' and player_lookup = 'zionwilliamson'"),
            "NOP");
  // Josh Green (lines on CHA at HOU, both teams' first game): no source gives his team.
  EXPECT_EQ(sql_value(db,
                      "select category from failed_entities where processor = "
                      "'ml_feature_store' and date = '2024-10-23' and entity_id = "
                      "'joshgreen'"),
            "EXPECTED_INCOMPLETE");
  // 2025-01-11: lines for HOU at ATL, a game the schedule does not have on that date.
  auto postponed = run(db, make_date(2025, 1, 11), make_date(2025, 1, 11));
  EXPECT_FALSE(postponed.any_failed);
  EXPECT_EQ(sql_value(db,
                      "select category from failed_entities where processor = "
                      "'upcoming_player_game_context' and date = '2025-01-11' and entity_id "
                      "= 'traeyoung'"),
            "GAME_POSTPONED");
  EXPECT_EQ(sql_value(db,
                      "select count(*) from failed_entities where date = '2025-01-11' and "
                      "category = 'MISSING_UPSTREAM'"),
            "0");
}

TEST_F(Tonight, MultiBookLinesAreConsolidatedAndPhase3ReadsTheMedian) {
  std::string db = copy("books.db");
  // Tatum, SAC at BOS on 2025-01-10, tip-off 00:40 UTC. Stored: prizepicks 25.5 and underdog
  // 26.5 at 23:40. Added: DraftKings 27.5, FanDuel 24.5 then 26.5, BetMGM 30.5 after tip-off,
  // and two books' threes lines.
  std::string cols =
      "insert into prop_lines (game_date, game_id, player_lookup, player_name, market, bookmaker, "
      "line, over_price, under_price, snapshot_utc, tipoff_utc) values ('2025-01-10', "
      "'20250110_SAC_BOS', 'jaysontatum', 'Jayson Tatum', ";
  sql_exec(db, cols + "'points', 'draftkings', 27.5, -115, -105, '2025-01-10T22:00:00Z', NULL);" +
                   cols + "'points', 'fanduel', 24.5, -110, -110, '2025-01-10T15:00:00Z', NULL);" +
                   cols + "'points', 'fanduel', 26.5, 105, -125, '2025-01-10T21:00:00Z', NULL);" +
                   cols + "'points', 'betmgm', 30.5, 150, -180, '2025-01-11T01:00:00Z', NULL);" +
                   cols + "'threes', 'draftkings', 3.5, 120, -150, '2025-01-10T22:00:00Z', NULL);" +
                   cols + "'threes', 'fanduel', 3.5, 110, -140, '2025-01-10T22:00:00Z', NULL)");
  auto report = run(db, make_date(2025, 1, 10), make_date(2025, 1, 10));
  EXPECT_FALSE(report.any_failed);
  // Latest pre-tip lines 25.5, 26.5, 27.5, 26.5 -> 26.5; openings 25.5, 26.5, 27.5, 24.5 ->
  // 26.0; best over +105 (FanDuel at 26.5); best under -105 (DraftKings at 27.5).
  auto rows = sql_rows(db,
                       "select market, consensus_line, opening_line, line_movement, books_count, "
                       "best_over_price, best_over_book, best_over_line, best_under_price, "
                       "best_under_book, best_under_line, no_vig_books_count from "
                       "prop_line_consensus where game_date = '2025-01-10' and player_lookup = "
                       "'jaysontatum' and market in ('points', 'threes') order by market");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], "points|26.5|26.0|0.5|4|105|fanduel|26.5|-105|draftkings|27.5|4");
  EXPECT_EQ(rows[1], "threes|3.5|3.5|0.0|2|120|draftkings|3.5|-140|fanduel|3.5|2");
  // UPGC and PGS read the consensus; the chosen book (02-analytics.md §0) is DraftKings.
  EXPECT_EQ(sql_rows(db,
                     "select current_points_line, opening_points_line, points_line_bookmaker, "
                     "points_line_book_count from upcoming_player_game_context where game_date = "
                     "'2025-01-10' and player_lookup = 'jaysontatum'"),
            std::vector<std::string>{"26.5|26.0|draftkings|4"});
  EXPECT_EQ(sql_value(db,
                      "select points_line from player_game_summary where game_date = "
                      "'2025-01-10' and player_lookup = 'jaysontatum'"),
            "26.5");
}

TEST_F(Tonight, RunEndsWithOneLineAndWarnsWhatToDo) {
  std::string db = copy("warnings.db");
  std::string bin = NBAPROPS_BINARY, out;
  // 2025-02-01: games, no lines (the DFS file ends on 2025-01-13), never backfilled.
  int rc = testing::run_command(
      bin + " run --db " + db + " --date 2025-02-01 --phases 3,4 --quiet --no-progress 2>&1", &out);
  EXPECT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("2025-02-01: 9 games, 196 players; players with a line: assists 0, points 0, "
                     "pra 0, rebounds 0, threes 0; 0 predictions, 0 recommended picks\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("warning: no prop lines for 2025-02-01: load tonight's lines"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("no feature history before 2025-02-01 (never backfilled): run nbaprops "
                     "backfill --from 2024-10-01 --to 2025-01-31"),
            std::string::npos)
      << out;
  // A date without games says so.
  testing::run_command(
      bin + " run --db " + db + " --date 2025-07-15 --phases 3,4 --quiet --no-progress 2>&1", &out);
  EXPECT_NE(out.find("warning: no games on 2025-07-15 in the store"), std::string::npos) << out;
}

// `run --json` carries the last line's figures and the warnings (same date as above).
TEST_F(Tonight, RunJsonCarriesTheLastLinesFiguresAndWarnings) {
  std::string db = copy("json.db");
  std::string bin = NBAPROPS_BINARY, out;
  int rc = testing::run_command(
      bin + " run --db " + db + " --date 2025-02-01 --phases 3,4 --json 2>/dev/null", &out);
  ASSERT_EQ(rc, 0) << out;
  nlohmann::json j = nlohmann::json::parse(out);
  ASSERT_TRUE(j.contains("day")) << out;
  const nlohmann::json& day = j["day"];
  EXPECT_EQ(day["date"], "2025-02-01");
  EXPECT_EQ(day["games"], 9);
  EXPECT_EQ(day["players"], 196);
  EXPECT_EQ(day["players_with_line"], nlohmann::json::parse(R"({"assists": 0, "points": 0,
      "pra": 0, "rebounds": 0, "threes": 0})"));
  EXPECT_EQ(day["predictions"], 0);
  EXPECT_EQ(day["recommended_picks"], 0);
  ASSERT_EQ(day["warnings"].size(), 2u) << day.dump();
  EXPECT_EQ(day["warnings"][0].get<std::string>().rfind("no prop lines for 2025-02-01: load", 0),
            0u);
  EXPECT_EQ(day["warnings"][1].get<std::string>().rfind(
                "the store has no feature history before 2025-02-01 (never backfilled): run "
                "nbaprops backfill --from 2024-10-01 --to 2025-01-31",
                0),
            0u);
  // Standard error still carries the warnings; `backfill --json` has no "day".
  testing::run_command(
      bin + " run --db " + db + " --date 2025-02-01 --phases 3,4 --json 2>&1 >/dev/null", &out);
  EXPECT_NE(out.find("warning: no prop lines for 2025-02-01"), std::string::npos) << out;
  testing::run_command(bin + " backfill --db " + db +
                           " --from 2025-02-01 --to 2025-02-01 --phases 3 --json 2>/dev/null",
                       &out);
  EXPECT_FALSE(nlohmann::json::parse(out).contains("day")) << out;
}

}  // namespace
}  // namespace nbaprops
