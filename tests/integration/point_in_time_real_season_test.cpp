// Issue 16 item 6, point-in-time on every processor: on a copy of the real 2024-25 season,
// every raw row dated on or after D is changed (box scores, team box scores, shots, scores;
// props of later dates and props of D snapped after tip-off; injury reports and game lines
// of D filed after tip-off are added), and `nbaprops run --date D` (Phases 3-5) on the copy
// writes D's rows of every pre-game table byte-identical to the run on the original.
// Dates: opening night, the third day, a date in November and one in January.
// Skips when ../shared/data/nba-2024-25 is absent.
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

TEST(PointInTimeRealSeason, ChangingEverythingFromDLeavesDsPreGameRowsByteIdentical) {
  if (testing::real_season_dir().empty()) {
    GTEST_SKIP() << "real season data not found at " << NBAPROPS_SHARED_DATA_DIR << "; skipping";
  }
  testing::TempDir dir;
  std::string bin = NBAPROPS_BINARY;
  std::string raw = (dir.path() / "raw.db").string();
  testing::open_real_season_store(raw);
  for (const char* d : {"2024-10-22", "2024-10-24", "2024-11-20", "2025-01-08"}) {
    SCOPED_TRACE(d);
    Date date = *parse_iso_date(d);
    std::string original = (dir.path() / "original.db").string();
    std::string changed = (dir.path() / "changed.db").string();
    copy_store(raw, original);
    if (date > make_date(2024, 10, 22)) {
      std::string before = format_date(Date{date.days - 1});
      ASSERT_LE(run_command(bin + " backfill --db " + original + " --from 2024-10-22 --to " +
                            before + " --quiet --no-progress"),
                1);
    }
    copy_store(original, changed);
    change_everything_from(changed, d);
    ASSERT_NE(sql_value(original, "select sum(pts) from player_boxscores"),
              sql_value(changed, "select sum(pts) from player_boxscores"));
    for (const auto& [db, models] :
         {std::pair{original, "models-original"}, std::pair{changed, "models-changed"}}) {
      std::string out;
      int rc = run_command(bin + " run --db " + db + " --date " + d + " --models " +
                               (dir.path() / models).string() + " --quiet 2>&1",
                           &out);
      ASSERT_LE(rc, 1) << out;
    }
    std::string a = pre_game_rows(original), b = pre_game_rows(changed);
    EXPECT_GT(a.size(), 2000u);
    EXPECT_TRUE(a == b) << "pre-game rows of " << d << " differ";
    // The changes were seen: D's post-game summaries differ.
    auto summaries = [](const std::string& db) {
      auto store = open_store(db);
      return testing::export_csv(*store, "player_game_summary");
    };
    EXPECT_NE(summaries(original), summaries(changed));
  }
}

}  // namespace
}  // namespace nbaprops
