// The NBA injury report (profile nba-injury-report) on the real 2024-25 season: a report
// before tip-off sets a player's injury_status and his teammates' star_teammates_out in the
// upcoming player contexts of that date; a report after tip-off changes nothing (point in
// time, 02-analytics.md §5). Skips when ../shared/data/nba-2024-25 is absent.
#include <gtest/gtest.h>

#include "analytics/run_mode.h"
#include "analytics/upcoming_player_game_context.h"
#include "analytics/upcoming_team_game_context.h"
#include "pipeline/catalog.h"
#include "support/raw_history.h"
#include "support/test_store.h"

namespace nbaprops::analytics {
namespace {

using nbaprops::testing::history_from_raw;
using nbaprops::testing::real_season_dir;
using nbaprops::testing::run_ingest;
using nbaprops::testing::TempDir;

// OKC at CLE, tip-off 2025-01-09T00:10:00Z (7:10 pm ET).
const Date kD = make_date(2025, 1, 8);

struct PlayerContext {
  Value injury_status, star_teammates_out;
};

std::map<std::string, PlayerContext> contexts(const std::string& db) {
  auto store = open_store(db);
  RawInputs in = RawInputs::load(*store, make_date(2024, 10, 1), make_date(2025, 6, 30));
  Phase3History history = history_from_raw(in);
  auto records = team_game_contexts(in, history, kD);
  ProcessorOutput out = upcoming_player_game_context(in, history, kD, RunMode::kDaily, records);
  const TableSchema& t = upcoming_player_game_context_table();
  std::map<std::string, PlayerContext> by_player;
  for (const Row& r : out.rows) {
    by_player[std::get<std::string>(r[t.column_index("player_lookup")])] = {
        r[t.column_index("injury_status")], r[t.column_index("star_teammates_out")]};
  }
  return by_player;
}

const char* kHeader = "Game Date,Game Time,Matchup,Team,Player Name,Current Status,Reason\n";

TEST(InjuryReportRealSeason, OnlyTheReportBeforeTipOffCounts) {
  if (real_season_dir().empty()) {
    GTEST_SKIP() << "real season data absent (../shared/data/nba-2024-25): skipped";
  }
  TempDir dir;
  std::string db = (dir.path() / "store.db").string();
  {
    auto store = open_store(db);
    ASSERT_EQ(run_ingest(*store, {real_season_dir()}).report.exit_code, 0);
  }
  auto before = contexts(db);
  ASSERT_TRUE(before.count("shaigilgeousalexander"));
  ASSERT_TRUE(before.count("jalenwilliams"));
  EXPECT_TRUE(is_null(before["shaigilgeousalexander"].injury_status));
  int64_t base = std::get<int64_t>(before["jalenwilliams"].star_teammates_out);

  // 1 pm ET, before the 7:10 pm tip-off: out.
  std::string early = dir.write("Injury-Report_2025-01-08_01PM.csv",
                                std::string(kHeader) +
                                    "01/08/2025,07:00 (ET),OKC@CLE,Oklahoma City Thunder,"
                                    "\"Gilgeous-Alexander, Shai\",Out,Injury/Illness - Rest\n");
  // 11 pm ET, after the tip-off: available. Must not count for D.
  std::string late = dir.write("Injury-Report_2025-01-08_11PM.csv",
                               std::string(kHeader) +
                                   "01/08/2025,07:00 (ET),OKC@CLE,Oklahoma City Thunder,"
                                   "\"Gilgeous-Alexander, Shai\",Available,\n");
  {
    auto store = open_store(db);
    auto run = run_ingest(*store, {early, late});
    ASSERT_EQ(run.report.exit_code, 0) << run.err;
    EXPECT_EQ(run.report.files.at(0).format, "nba-injury-report");
  }
  auto after = contexts(db);
  EXPECT_EQ(after["shaigilgeousalexander"].injury_status, Value{std::string("out")});
  EXPECT_EQ(after["jalenwilliams"].star_teammates_out, Value{base + 1});
  // A player of the other team is untouched.
  ASSERT_TRUE(after.count("donovanmitchell"));
  EXPECT_EQ(after["donovanmitchell"].star_teammates_out,
            before["donovanmitchell"].star_teammates_out);
}

}  // namespace
}  // namespace nbaprops::analytics
