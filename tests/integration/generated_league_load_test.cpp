// Issue 3 "Must show": a generated league loads with zero rejected rows and the loader's
// invariants hold on it, in full and as a data feed shows it mid-season (--as-of).
#include <gtest/gtest.h>

#include "generate/generator.h"
#include "pipeline/catalog.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

using testing::sql_value;

class GeneratedLeagueLoad : public ::testing::Test {
 protected:
  // Generates into its own folder, loads games.csv first (so every other table is checked
  // against the games), then the rest in name order.
  testing::IngestRun generate_and_load(const gen::GenerateOptions& options) {
    auto out = dir_.path() / "league";
    summaries_ = gen::generate_league(options, out);
    auto store = open_store(db_);
    return testing::run_ingest(*store, {(out / "games.csv").string(), out.string()});
  }
  std::string q(const std::string& sql) { return sql_value(db_, sql); }
  size_t generated(const std::string& table) {
    for (const auto& s : summaries_) {
      if (s.table == table) return s.rows;
    }
    return 0;
  }
  testing::TempDir dir_;
  std::string db_ = (dir_.path() / "gen.db").string();
  std::vector<gen::TableSummary> summaries_;
};

TEST_F(GeneratedLeagueLoad, OneSeasonLoadsWithZeroRejectedRows) {
  auto run = generate_and_load({1, 42, std::nullopt, true});
  EXPECT_EQ(run.report.exit_code, 0) << run.out << run.err;
  for (const auto& f : run.report.files) EXPECT_EQ(f.counts.rejected, 0) << f.message;
  EXPECT_EQ(q("select count(*) from rejected_rows"), "0");
  for (const char* t : {"games", "player_boxscores", "team_boxscores", "shots", "prop_lines",
                        "game_lines", "injuries", "players"}) {
    EXPECT_EQ(q(std::string("select count(*) from ") + t), std::to_string(generated(t))) << t;
  }
  // The loader's invariants, checked again across tables.
  EXPECT_EQ(q("select count(*) from games where status = 'final' and (home_score is null or "
              "away_score is null)"),
            "0");
  EXPECT_EQ(q("select count(*) from team_boxscores t join games g using (game_id) where "
              "t.pts != case when t.is_home then g.home_score else g.away_score end"),
            "0");
  EXPECT_EQ(q("select count(*) from (select game_id, team_abbr, sum(made) m, count(*) a from "
              "shots group by 1, 2) s join team_boxscores t using (game_id, team_abbr) where "
              "s.m != t.fgm or s.a != t.fga"),
            "0");
  EXPECT_EQ(q("select count(*) from games where season_type in ('playin', 'playoffs')") != "0",
            true);
}

TEST_F(GeneratedLeagueLoad, AsOfMidSeasonLoadsCleanlyWithScheduledGames) {
  Timestamp as_of = *parse_timestamp("2025-01-15T17:00:00Z");
  auto run = generate_and_load({1, 7, as_of, false});
  EXPECT_EQ(run.report.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(q("select count(*) from games where status = 'scheduled' and game_date < "
              "'2025-01-15'"),
            "0");
  EXPECT_NE(q("select count(*) from games where status = 'scheduled'"), "0");
  EXPECT_EQ(q("select count(*) from player_boxscores where game_date >= '2025-01-15'"), "0");
  EXPECT_EQ(q("select count(*) from prop_lines where snapshot_utc >= '2025-01-15T17:00:00Z'"), "0");
  EXPECT_EQ(q("select count(*) from injuries where report_utc >= '2025-01-15T17:00:00Z'"), "0");
}

}  // namespace
}  // namespace nbaprops
