// The context processors on the real 2024-25 season (02-analytics.md §4-5): a hand computation
// from the raw box scores, two team rows per game, and point-in-time correctness: deleting
// every raw row after D and altering D's own rows leaves the outputs for D byte-identical.
// Skips when ../shared/data/nba-2024-25 is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <sstream>

#include "analytics/run_mode.h"
#include "analytics/upcoming_player_game_context.h"
#include "analytics/upcoming_team_game_context.h"
#include "pipeline/catalog.h"
#include "raw/schema.h"
#include "support/raw_history.h"
#include "support/test_store.h"

namespace nbaprops::analytics {
namespace {

using nbaprops::testing::history_from_raw;
using nbaprops::testing::real_season_dir;
using nbaprops::testing::run_ingest;
using nbaprops::testing::sql_rows;
using nbaprops::testing::TempDir;

const Date kD = make_date(2025, 1, 8);  // 8 games, 108 players with a points line

std::string render(const ProcessorOutput& out) {
  std::ostringstream s;
  s.precision(17);
  for (const Row& row : out.rows) {
    for (const Value& v : row) {
      std::visit(
          [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
              s << "NULL";
            } else {
              s << x;
            }
          },
          v);
      s << '|';
    }
    s << '\n';
  }
  for (const FailedEntity& f : out.failed) s << "failed " << f.entity_id << '\n';
  return s.str();
}

struct Outputs {
  ProcessorOutput teams, players;
};

Outputs run_contexts(const std::string& db) {
  auto store = open_store(db);
  RawInputs in = RawInputs::load(*store, make_date(2024, 10, 1), make_date(2025, 6, 30));
  Phase3History history = history_from_raw(in);
  Outputs o;
  o.teams = upcoming_team_game_context(in, history, kD);
  auto records = team_game_contexts(in, history, kD);
  o.players = upcoming_player_game_context(in, history, kD, RunMode::kDaily, records);
  return o;
}

class ContextsRealSeason : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (real_season_dir().empty()) return;
    dir_ = new TempDir();
    db_ = (dir_->path() / "store.db").string();
    auto store = open_store(db_);
    auto run = run_ingest(*store, {real_season_dir()});
    ASSERT_EQ(run.report.exit_code, 0) << run.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override {
    if (real_season_dir().empty()) {
      GTEST_SKIP() << "real season data absent (../shared/data/nba-2024-25): skipped";
    }
  }
  static TempDir* dir_;
  static std::string db_;
};

TempDir* ContextsRealSeason::dir_ = nullptr;
std::string ContextsRealSeason::db_;

double mean_of_first(const std::vector<std::string>& values, size_t n) {
  double sum = 0;
  for (size_t i = 0; i < n; ++i) sum += std::stod(values[i]);
  return sum / static_cast<double>(n);
}

TEST_F(ContextsRealSeason, PointsAveragesMatchAHandComputationFromTheBoxScores) {
  Outputs o = run_contexts(db_);
  // Hand computation: his last 10 appearances before D, straight from the raw table.
  auto pts = sql_rows(db_,
                      "select pts from player_boxscores where player_lookup = "
                      "'shaigilgeousalexander' and game_date < '2025-01-08' and game_date >= "
                      "'2024-10-01' and status = 'active' and minutes > 0 order by game_date "
                      "desc limit 10");
  ASSERT_EQ(pts.size(), 10u);
  const TableSchema& t = upcoming_player_game_context_table();
  const Row* sga = nullptr;
  for (const Row& r : o.players.rows) {
    if (r[t.column_index("player_lookup")] == Value{std::string("shaigilgeousalexander")}) {
      sga = &r;
    }
  }
  ASSERT_NE(sga, nullptr);
  auto col = [&](const char* c) { return (*sga)[t.column_index(c)]; };
  EXPECT_EQ(col("points_avg_last_5"), Value{round_half_away(mean_of_first(pts, 5), 1)});    // 34.0
  EXPECT_EQ(col("points_avg_last_10"), Value{round_half_away(mean_of_first(pts, 10), 1)});  // 33.8
  EXPECT_EQ(col("team_abbr"), Value{std::string("OKC")});
  EXPECT_EQ(col("current_points_line"), Value{32.5});  // prizepicks: no preferred book
  EXPECT_EQ(col("days_rest"), Value{int64_t{3}});      // Jan 5
  EXPECT_TRUE(o.players.failed.empty());
}

TEST_F(ContextsRealSeason, EveryGameOfDHasTwoTeamRows) {
  Outputs o = run_contexts(db_);
  auto games = sql_rows(db_, "select game_id from games where game_date = '2025-01-08'");
  ASSERT_EQ(games.size(), 8u);
  const TableSchema& t = upcoming_team_game_context_table();
  std::map<std::string, int> per_game;
  for (const Row& r : o.teams.rows) per_game[std::get<std::string>(r[t.column_index("game_id")])]++;
  ASSERT_EQ(per_game.size(), games.size());
  for (const auto& g : games) EXPECT_EQ(per_game[g], 2) << g;
  EXPECT_EQ(o.teams.rows.size(), 16u);
  EXPECT_GT(o.players.rows.size(), 150u);
}

// Deletes every raw row dated after D and alters D's own rows in the store at `db`.
void rewrite_future_and_d(const std::string& db) {
  auto store = open_store(db);
  Transaction tx(*store);
  Value d{format_date(kD)};
  for (const char* table : {"games", "player_boxscores", "team_boxscores", "shots", "prop_lines",
                            "game_lines", "injuries"}) {
    store->erase(*find_table(table), {{"game_date", ">", d}});
  }
  const TableSchema& boxes = *find_table("player_boxscores");
  std::vector<Row> changed;
  store->scan(boxes, {{"game_date", "=", d}}, [&](const Row& r) { changed.push_back(r); });
  for (Row& r : changed) {
    Value& pts = r[boxes.column_index("pts")];
    if (auto* p = std::get_if<int64_t>(&pts)) *p += 17;
    store->upsert(boxes, r);
  }
  store->erase(*find_table("shots"), {{"game_date", "=", d}});
  const TableSchema& props = *find_table("prop_lines");
  std::vector<Row> late;
  store->scan(props, {{"game_date", "=", d}}, [&](const Row& r) { late.push_back(r); });
  ASSERT_FALSE(late.empty());
  size_t tip = props.column_index("tipoff_utc");
  for (Row& r : late) {
    Timestamp after = *parse_timestamp(std::get<std::string>(r[tip]));
    r[props.column_index("snapshot_utc")] = format_timestamp(Timestamp{after.seconds + 600});
    r[props.column_index("bookmaker")] = std::string("draftkings");
    r[props.column_index("line")] = 99.5;
    store->upsert(props, r);
  }
  Row ghost = late.front();
  ghost[props.column_index("player_lookup")] = std::string("ghostplayer");
  ghost[props.column_index("player_name")] = std::string("Ghost Player");
  store->upsert(props, ghost);
  tx.commit();
}

TEST_F(ContextsRealSeason, OutputsForDDependOnlyOnWhatWasKnownBeforeTipOff) {
  Outputs before = run_contexts(db_);
  std::string copy = (dir_->path() / "altered.db").string();
  std::filesystem::copy_file(db_, copy, std::filesystem::copy_options::overwrite_existing);
  rewrite_future_and_d(copy);
  EXPECT_EQ(sql_rows(copy, "select 1 from games where game_date > '2025-01-08'").size(), 0u);
  Outputs after = run_contexts(copy);
  EXPECT_EQ(render(before.teams), render(after.teams));
  EXPECT_EQ(render(before.players), render(after.players));
  EXPECT_EQ(before.players.rows.size(), after.players.rows.size());
}

}  // namespace
}  // namespace nbaprops::analytics
