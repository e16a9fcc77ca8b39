// Issue 16 item 6, point-in-time on every processor: on a copy of the real 2024-25 season,
// every raw row dated on or after D is changed (box scores, team box scores, shots, scores;
// props of later dates and props of D snapped after tip-off; injury reports and game lines
// of D filed after tip-off are added), and `nbaprops run --date D` (Phases 3-5) on the copy
// writes D's rows of every pre-game table byte-identical to the run on the original.
// Dates: opening night, the third day, a date in November and one in January; and, with the
// end of 2023-24 in the same store, the first three days after the season boundary.
// Skips when ../shared/data/nba-2024-25 (or nba-history/2023-24) is absent.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/date.h"
#include "pipeline/catalog.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

namespace fs = std::filesystem;
using testing::run_command;
using testing::sql_exec;
using testing::sql_value;

// The pre-game tables: their rows for D may use only what was known before D's games.
const std::vector<std::string> kPreGameTables = {
    "upcoming_team_game_context", "upcoming_player_game_context", "team_defense_zone_analysis",
    "player_shot_zone_analysis",  "player_composite_factors",     "player_daily_cache",
    "ml_feature_store",           "player_prop_predictions",      "prediction_skips"};

// What happened on or after D, changed; what was known before D's tip-offs, untouched.
void change_everything_from(const std::string& db, const std::string& d) {
  std::string on_or_after = " WHERE game_date >= '" + d + "'";
  std::string later_ts = "strftime('%Y-%m-%dT%H:%M:%SZ', g.tipoff_utc, '+1 minute')";
  sql_exec(db,
           "UPDATE player_boxscores SET pts = pts + 7, fgm = fgm + 2, minutes = minutes + 4, "
           "ast = ast + 3, reb = reb + 2, dreb = dreb + 2" +
               on_or_after + " AND status = 'active'");
  sql_exec(db,
           "UPDATE team_boxscores SET pts = pts + 9, ast = ast + 4, fga = fga + 5" + on_or_after);
  sql_exec(db, "UPDATE shots SET made = 1 - made, distance_ft = distance_ft + 1" + on_or_after);
  sql_exec(db, "UPDATE games SET home_score = home_score + 11" + on_or_after +
                   " AND home_score IS NOT NULL");
  sql_exec(db, "UPDATE prop_lines SET line = line + 2.5 WHERE game_date > '" + d +
                   "' OR (game_date = '" + d +
                   "' AND tipoff_utc IS NOT NULL AND snapshot_utc >= tipoff_utc)");
  sql_exec(db,
           "INSERT OR IGNORE INTO prop_lines SELECT p.game_date, p.game_id, p.player_lookup, "
           "p.player_name, p.market, p.bookmaker, p.line + 4, p.over_price, p.under_price, " +
               std::string("strftime('%Y-%m-%dT%H:%M:%SZ', p.tipoff_utc, '+1 minute'), ") +
               "p.tipoff_utc FROM prop_lines p WHERE p.game_date = '" + d +
               "' AND p.tipoff_utc IS NOT NULL");
  sql_exec(db, "INSERT OR IGNORE INTO injuries SELECT " + later_ts +
                   ", b.game_date, b.team_abbr, b.player_lookup, b.player_name, 'out', "
                   "'late scratch' FROM player_boxscores b JOIN games g USING (game_id) "
                   "WHERE b.game_date = '" +
                   d + "' AND g.tipoff_utc IS NOT NULL");
  sql_exec(db,
           "INSERT OR IGNORE INTO game_lines SELECT g.game_date, g.game_id, 'latebook', "
           "'total', NULL, 250, -110, " +
               later_ts + " FROM games g WHERE g.game_date = '" + d +
               "' AND g.tipoff_utc IS NOT NULL");
}

void copy_store(const std::string& from, const std::string& to) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    fs::remove(to + suffix);
    if (fs::exists(from + suffix)) fs::copy_file(from + suffix, to + suffix);
  }
}

std::string pre_game_rows(const std::string& db) {
  auto store = open_store(db);
  std::string out;
  for (const auto& t : kPreGameTables) out += "## " + t + "\n" + testing::export_csv(*store, t);
  return out;
}

std::string post_game_summaries(const std::string& db) {
  auto store = open_store(db);
  return testing::export_csv(*store, "player_game_summary");
}

// On `base` (raw rows, and Phases 3-4 through D - 1): a copy whose raw rows dated on or after
// D are changed, then `run --date D` (Phases 3-5) on both; D's pre-game rows must be equal,
// D's post-game summaries must differ (the changes were seen).
void expect_pre_game_rows_unchanged(const fs::path& dir, const std::string& base,
                                    const std::string& d) {
  SCOPED_TRACE(d);
  std::string bin = NBAPROPS_BINARY;
  std::string original = (dir / "original.db").string();
  std::string changed = (dir / "changed.db").string();
  copy_store(base, original);
  copy_store(base, changed);
  change_everything_from(changed, d);
  ASSERT_NE(sql_value(original, "select sum(pts) from player_boxscores"),
            sql_value(changed, "select sum(pts) from player_boxscores"));
  for (const auto& [db, models] :
       {std::pair{original, "models-original"}, std::pair{changed, "models-changed"}}) {
    fs::remove_all(dir / models);
    std::string out;
    int rc = run_command(bin + " run --db " + db + " --date " + d + " --models " +
                             (dir / models).string() + " --quiet 2>&1",
                         &out);
    ASSERT_LE(rc, 1) << out;
  }
  std::string a = pre_game_rows(original), b = pre_game_rows(changed);
  EXPECT_GT(a.size(), 2000u);
  EXPECT_TRUE(a == b) << "pre-game rows of " << d << " differ";
  EXPECT_NE(post_game_summaries(original), post_game_summaries(changed));
}

// Phases 3-4 on `db` over [from, to] (exit 0 or 1: some entities may fail and are recorded).
void backfill(const std::string& db, const std::string& from, const std::string& to) {
  std::string out;
  ASSERT_LE(run_command(std::string(NBAPROPS_BINARY) + " backfill --db " + db + " --from " + from +
                            " --to " + to + " --quiet --no-progress 2>&1",
                        &out),
            1)
      << out;
}

TEST(PointInTimeRealSeason, ChangingEverythingFromDLeavesDsPreGameRowsByteIdentical) {
  if (testing::real_season_dir().empty()) {
    GTEST_SKIP() << "real season data not found at " << NBAPROPS_SHARED_DATA_DIR << "; skipping";
  }
  testing::TempDir dir;
  std::string raw = (dir.path() / "raw.db").string();
  std::string base = (dir.path() / "base.db").string();
  testing::open_real_season_store(raw);
  for (const char* d : {"2024-10-22", "2024-10-24", "2024-11-20", "2025-01-08"}) {
    Date date = *parse_iso_date(d);
    copy_store(raw, base);
    if (date > make_date(2024, 10, 22))
      backfill(base, "2024-10-22", format_date(Date{date.days - 1}));
    expect_pre_game_rows_unchanged(dir.path(), base, d);
  }
}

// Across a season boundary: the end of 2023-24 (its games from 2024-03-15, Phases 3-4 over
// them) and the 2024-25 season in one store; for the first three days of 2024-25, changing
// every raw row dated on or after D leaves D's pre-game rows byte-identical. The look-backs
// over days (feature 29's 365 days, the last team of a player on opening night) read 2023-24.
TEST(PointInTimeRealSeason, AcrossTheSeasonBoundaryTheFirstDaysOfASeasonSeeOnlyThePast) {
  fs::path history = fs::path(NBAPROPS_SHARED_DATA_DIR).parent_path() / "nba-history" / "2023-24";
  if (testing::real_season_dir().empty() || !fs::exists(history / "player_gamelogs.csv.gz")) {
    GTEST_SKIP() << "real seasons not found at " << NBAPROPS_SHARED_DATA_DIR << " and "
                 << history.string() << "; skipping";
  }
  testing::TempDir dir;
  std::string base = (dir.path() / "base.db").string();
  {
    auto store = open_store(base);  // oldest first, as scripts/history loads seasons
    auto run = testing::run_ingest(*store, {history.string()});
    ASSERT_LE(run.report.exit_code, 1) << run.err;  // a rejected row is recorded, not fatal
    run = testing::run_ingest(*store, {testing::real_season_dir()});
    ASSERT_EQ(run.report.exit_code, 0) << run.err;
  }
  std::string early = " WHERE game_date < '2024-03-15'";
  for (const char* t : {"player_boxscores", "team_boxscores", "shots", "games"}) {
    sql_exec(base, std::string("DELETE FROM ") + t + early);
  }
  backfill(base, "2024-03-15", "2024-04-14");
  ASSERT_NE(sql_value(base,
                      "select count(*) from player_game_summary where game_date < "
                      "'2024-10-01'"),
            "0");
  std::string previous;
  for (const char* d : {"2024-10-22", "2024-10-23", "2024-10-24"}) {
    if (!previous.empty()) backfill(base, previous, previous);
    expect_pre_game_rows_unchanged(dir.path(), base, d);
    previous = d;
  }
}

}  // namespace
}  // namespace nbaprops
