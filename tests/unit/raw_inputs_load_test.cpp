// What RawInputs::load reads with its options (issue 15, the daily run's loads): the earlier
// team of a player (the latest box-score row before from(); of two rows on one date, the one
// of the smaller game_id), the load without it, and the lines loaded from a later date, whose
// earlier dates are refused rather than answered "none".
//
// Schedule: game A = 2024-11-01 BOS-NYK, B = 2024-11-05 BOS-NYK and C = 2024-11-05 LAL-MIA
// (ids in that order), D = 2024-11-12 BOS-NYK. "Mo Mover" plays for NYK in A, for MIA in C and
// for BOS in B on the same date (B's id is smaller than C's). Points lines of Jay Tatum on
// 2024-11-05 and 2024-11-12.
#include <gtest/gtest.h>

#include <stdexcept>

#include "analytics/inputs.h"
#include "core/player_name.h"
#include "pipeline/catalog.h"
#include "support/league_csv.h"
#include "support/test_store.h"

namespace nbaprops::analytics {
namespace {

using nbaprops::testing::LeagueCsv;
using nbaprops::testing::run_ingest;
using nbaprops::testing::TempDir;

const Date kA = make_date(2024, 11, 1), kB = make_date(2024, 11, 5), kD = make_date(2024, 11, 12);

class RawInputsLoad : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    LeagueCsv csv;
    std::string a = csv.game(kA, "BOS", "NYK");
    std::string b = csv.game(kB, "BOS", "NYK");
    std::string c = csv.game(kB, "LAL", "MIA");
    std::string d = csv.game(kD, "BOS", "NYK", "scheduled");
    csv.box(a, kA, "NYK", "Mo Mover");
    csv.box(a, kA, "BOS", "Jay Tatum");
    // Written C first: the store's order, not the file's, decides.
    csv.box(c, kB, "MIA", "Mo Mover");
    csv.box(b, kB, "BOS", "Mo Mover");
    csv.box(b, kB, "BOS", "Jay Tatum");
    std::string props =
        "game_date,game_id,player_lookup,player_name,market,bookmaker,line,over_price,"
        "under_price,snapshot_utc,tipoff_utc\n"
        "2024-11-05," +
        b +
        ",,Jay Tatum,points,draftkings,21.5,-110,-110,2024-11-05T12:00:00Z,\n"
        "2024-11-12," +
        d + ",,Jay Tatum,points,draftkings,23.5,-110,-110,2024-11-12T12:00:00Z,\n";
    dir_ = new TempDir();
    store_ = open_store((dir_->path() / "store.db").string()).release();
    auto run = run_ingest(*store_, {dir_->write("games.csv", csv.games()),
                                    dir_->write("player_boxscores.csv", csv.boxes()),
                                    dir_->write("prop_lines.csv", props)});
    ASSERT_EQ(run.report.exit_code, 0) << run.out << run.err;
  }
  static void TearDownTestSuite() {
    delete store_;
    delete dir_;
  }
  static inline TempDir* dir_ = nullptr;
  static inline Store* store_ = nullptr;
};

TEST_F(RawInputsLoad, EarlierTeamIsTheLatestRowOfTheSmallestGameIdOnATie) {
  RawInputs in = RawInputs::load(*store_, kD, kD);
  // Rows on 11-05 in B (BOS) and C (MIA): B's id is the smaller.
  EXPECT_EQ(in.earlier_team(normalize_player_name("Mo Mover")), "BOS");
  EXPECT_EQ(in.earlier_team(normalize_player_name("Jay Tatum")), "BOS");
  // From 11-05 on, only A (11-01, NYK) is earlier.
  RawInputs from_b = RawInputs::load(*store_, kB, kD);
  EXPECT_EQ(from_b.earlier_team(normalize_player_name("Mo Mover")), "NYK");
}

TEST_F(RawInputsLoad, WithoutEarlierTeamsNoneIsKnown) {
  RawInputs in = RawInputs::load(*store_, kD, kD, {.shots = false, .earlier_teams = false});
  EXPECT_EQ(in.earlier_team(normalize_player_name("Mo Mover")), std::nullopt);
  EXPECT_EQ(in.games_on(kD).size(), 1u);
  EXPECT_EQ(in.prop_lines(kD, normalize_player_name("Jay Tatum")).size(), 1u);
}

TEST_F(RawInputsLoad, WithoutBoxesOnlyGamesAndLinesAreRead) {
  // What grading and the predictions' line choice read: the games and the lines of a date.
  const std::string tatum = normalize_player_name("Jay Tatum");
  RawInputs in =
      RawInputs::load(*store_, kB, kB, {.shots = false, .earlier_teams = false, .boxes = false});
  ASSERT_EQ(in.games_on(kB).size(), 2u);
  const std::string game_id = in.games_on(kB)[0]->game_id;
  EXPECT_NE(in.game(game_id), nullptr);
  EXPECT_EQ(in.prop_lines(kB, tatum).size(), 1u);
  EXPECT_TRUE(in.game_player_boxes(game_id).empty());
  EXPECT_TRUE(in.player_boxes(tatum).empty());
  // The same date with them: the boxes are there (so the ones above were left out).
  RawInputs full = RawInputs::load(*store_, kB, kB, {.shots = false, .earlier_teams = false});
  EXPECT_FALSE(full.game_player_boxes(game_id).empty());
  EXPECT_EQ(full.player_boxes(tatum).size(), 1u);
}

TEST_F(RawInputsLoad, BoxScoresInKeyOrder) {
  RawInputs in = RawInputs::load(*store_, kA, kD);
  // B's rows were written Mo Mover first; a game's rows are in player_lookup order.
  auto in_b = in.game_player_boxes("0022400002");
  ASSERT_EQ(in_b.size(), 2u);
  EXPECT_EQ(in_b[0]->player_lookup, normalize_player_name("Jay Tatum"));
  EXPECT_EQ(in_b[1]->player_lookup, normalize_player_name("Mo Mover"));
  auto boxes = in.player_boxes(normalize_player_name("Mo Mover"));
  ASSERT_EQ(boxes.size(), 3u);
  EXPECT_EQ(boxes[0]->team_abbr, "NYK");  // date order, then game_id
  EXPECT_EQ(boxes[1]->team_abbr, "BOS");
  EXPECT_EQ(boxes[2]->team_abbr, "MIA");
}

TEST_F(RawInputsLoad, LinesLoadedFromALaterDateRefuseEarlierDates) {
  const std::string tatum = normalize_player_name("Jay Tatum");
  RawInputs in = RawInputs::load(*store_, kA, kD, {.shots = false, .lines = false});
  EXPECT_THROW(in.prop_lines(kD, tatum), std::logic_error);  // none loaded yet
  in.load_lines(*store_, kD);
  EXPECT_EQ(in.lines_from(), kD);
  ASSERT_EQ(in.prop_lines(kD, tatum).size(), 1u);
  EXPECT_EQ(in.prop_lines(kD, tatum)[0]->line, 23.5);
  EXPECT_EQ(in.players_with_points_line(kD), std::vector<std::string>{tatum});
  EXPECT_THROW(in.prop_lines(kB, tatum), std::logic_error);
  EXPECT_THROW(in.players_with_points_line(kB), std::logic_error);
  EXPECT_THROW(in.players_with_lines(kB), std::logic_error);
  EXPECT_THROW(in.injuries_on(kB), std::logic_error);
  // Before from() nothing is loaded, as with a full load: "none", no error.
  EXPECT_TRUE(in.prop_lines(Date{kA.days - 1}, tatum).empty());
  // Loaded again from B: B's line too, D's kept.
  in.load_lines(*store_, kB);
  EXPECT_EQ(in.prop_lines(kB, tatum).size(), 1u);
  EXPECT_EQ(in.prop_lines(kD, tatum).size(), 1u);
}

}  // namespace
}  // namespace nbaprops::analytics
