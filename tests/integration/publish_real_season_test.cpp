// Tonight's picks and the published slate on the real season (docs/publishing.md): the daily
// runs of 2025-01-09 and 2025-01-10 (DFS points lines) store best bets; `picks` prints the
// board; a forced re-run leaves published picks as they were; `publish` writes every file, each
// JSON document valid against its schema (web/schemas/, python3-jsonschema), and the page, opened
// from disk in headless Chromium, has no console error and one board row per pick. The
// screenshot goes to BUILD/publish-board.png.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "support/test_store.h"

namespace nbaprops {
namespace {

namespace fs = std::filesystem;
using testing::run_command;
using testing::sql_value;

std::string bin() {
  return NBAPROPS_BINARY;
}

nlohmann::json read_json(const fs::path& p) {
  std::ifstream f(p);
  return nlohmann::json::parse(f);
}

std::string slurp(const fs::path& p) {
  std::ifstream f(p);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

// Runs headless Chromium on `page`; returns the DOM after scripts ran, console lines in `log`.
int chromium(const fs::path& profile, const std::string& extra, const fs::path& page,
             const fs::path& dom, const fs::path& log) {
  std::string cmd =
      "chromium --headless --no-sandbox --disable-gpu --disable-quic "
      "--no-first-run --disable-background-networking --disable-component-update "
      "--disable-sync --enable-logging=stderr --v=0 --user-data-dir=" +
      profile.string() + " " + extra + " file://" + page.string() + " > " + dom.string() + " 2> " +
      log.string();
  return run_command(cmd);
}

TEST(PublishRealSeason, PicksBoardFilesSchemasAndBrowser) {
  if (testing::real_season_dir().empty()) {
    GTEST_SKIP() << "real season data not found at " << NBAPROPS_SHARED_DATA_DIR << "; skipping";
  }
  testing::TempDir dir;
  std::string db = (dir.path() / "store.db").string();
  { auto store = testing::open_real_season_store(db, make_date(2025, 1, 8)); }
  const std::string quiet = " --quiet --no-progress > /dev/null 2>&1";
  for (const char* d : {"2025-01-09", "2025-01-10"}) {
    int rc = run_command(bin() + " run --db " + db + " --date " + d + quiet);
    ASSERT_LE(rc, 1) << "run " << d;  // 1: some entities failed and were recorded
  }
  std::string picks_today =
      sql_value(db, "select count(*) from best_bets where game_date = '2025-01-10'");
  ASSERT_GT(std::stoi(picks_today), 0);
  EXPECT_EQ(sql_value(db,
                      "select count(*) from best_bets where status = 'ACTIVE' and "
                      "game_date = '2025-01-10' and abs(edge) < 2.0"),
            "0");
  EXPECT_GT(std::stoi(sql_value(db,
                                "select count(*) from best_bet_removals where "
                                "game_date = '2025-01-10'")),
            0);

  // The board.
  std::string board;
  ASSERT_EQ(run_command(bin() + " picks --db " + db + " --date 2025-01-10", &board), 0);
  EXPECT_NE(board.find("picks for 2025-01-10: " + picks_today + " shown"), std::string::npos)
      << board;
  EXPECT_NE(board.find("averaging"), std::string::npos) << board;
  std::string csv;
  ASSERT_EQ(run_command(bin() + " picks --db " + db + " --date 2025-01-10 --format csv", &csv), 0);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), std::stoi(picks_today) + 1);

  // Locked: a forced re-run leaves the published picks exactly as they were.
  const std::string locked =
      "select group_concat(player_lookup || system_id || line || edge || reasons || "
      "first_published_at, ';') from best_bets where game_date = '2025-01-10'";
  std::string before = sql_value(db, locked);
  ASSERT_LE(run_command(bin() + " backfill --db " + db +
                        " --from 2025-01-10 --to 2025-01-10 --phases 3,4,5 --force" + quiet),
            1);
  EXPECT_EQ(sql_value(db, locked), before);

  // Publish both dates into one folder.
  fs::path out = dir.path() / "site";
  for (const char* d : {"2025-01-09", "2025-01-10"}) {
    std::string text;
    ASSERT_EQ(run_command(bin() + " publish --db " + db + " --date " + d + " --out " +
                              out.string() + " 2>&1",
                          &text),
              0)
        << text;
  }
  for (const char* f :
       {"tonight.json", "picks/2025-01-09.json", "picks/2025-01-10.json", "results/2025-01-09.json",
        "performance.json", "model-health.json", "status.json", "latest.json", "index.html",
        "app.js", "style.css", "data.js", "chart.min.js", "schemas/picks.schema.json"}) {
    EXPECT_TRUE(fs::exists(out / f)) << f;
  }
  auto picks = read_json(out / "picks/2025-01-10.json");
  ASSERT_EQ(picks["picks"].size(), static_cast<size_t>(std::stoi(picks_today)));
  auto latest = read_json(out / "latest.json");
  EXPECT_EQ(latest["date"], "2025-01-10");
  EXPECT_EQ(latest["pick_dates"], (nlohmann::json{"2025-01-09", "2025-01-10"}));
  auto results = read_json(out / "results/2025-01-09.json");
  const auto& r = results["record"];
  EXPECT_EQ(r["wins"].get<int>() + r["losses"].get<int>() + r["pushes"].get<int>() +
                r["voided"].get<int>() + r["pending"].get<int>(),
            static_cast<int>(results["picks"].size()));
  EXPECT_EQ(r["pending"], 0);  // every game of 2025-01-09 is final

  // Every document against its schema.
  std::string report;
  int rc = run_command("python3 " + std::string(NBAPROPS_SOURCE_DIR) +
                           "/tests/support/validate_json.py " + NBAPROPS_SOURCE_DIR +
                           "/web/schemas " + out.string() + " 2>&1",
                       &report);
  if (rc == 3) {
    ADD_FAILURE() << "python3-jsonschema is missing (scripts/install-deps installs it)";
  } else {
    EXPECT_EQ(rc, 0) << report;
    EXPECT_EQ(std::count(report.begin(), report.end(), '\n'), 9) << report;  // 9 documents
  }

  // The page in a real browser.
  if (run_command("command -v chromium > /dev/null") != 0) {
    GTEST_SKIP() << "chromium not installed (scripts/install-deps installs it); browser check "
                    "skipped";
  }
  fs::path dom = dir.path() / "dom.html", log = dir.path() / "chromium.log";
  ASSERT_EQ(chromium(dir.path() / "profile1", "--virtual-time-budget=5000 --dump-dom",
                     out / "index.html", dom, log),
            0)
      << slurp(log);
  std::string html = slurp(dom), console = slurp(log);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(html, m, std::regex("data-rows=\"(\\d+)\" data-errors=\"(\\d+)\"")))
      << html.substr(0, 2000);
  EXPECT_EQ(m[1].str(), std::to_string(picks["picks"].size()));
  EXPECT_EQ(m[2].str(), "0") << html.substr(html.find("page-check"), 500);
  // The page logs nothing: any console line is an error or a warning to look at.
  EXPECT_EQ(console.find("CONSOLE"), std::string::npos) << console;
  EXPECT_EQ(console.find("Uncaught"), std::string::npos) << console;
  EXPECT_NE(html.find("<canvas"), std::string::npos);

  fs::path shot = fs::path(NBAPROPS_BUILD_DIR) / "publish-board.png";
  fs::remove(shot);
  chromium(dir.path() / "profile2",
           "--virtual-time-budget=5000 --hide-scrollbars --window-size=1400,1000 --screenshot=" +
               shot.string(),
           out / "index.html", dir.path() / "shot.out", log);
  EXPECT_TRUE(fs::exists(shot)) << slurp(log);
}

}  // namespace
}  // namespace nbaprops
