// The completeness checker (03-precompute.md §2) on a constructed schedule loaded through
// canonical CSVs, and the checked completeness block of a row (§1).
//
// D = 2024-12-10, opening night 2024-10-22. BOS plays NYK on D−1, D−4, ..., D−34 (12 games) and
// on opening night; a postponed game on D−2 and a scheduled one on D never count. LAL plays MIA
// on D−2, D−5, ..., D−29 (10 games). BOS's box score lists a dnp row on D−4 (tatum) and on
// D−10 (benchguy); every other BOS box score lists only players who played.
#include <gtest/gtest.h>

#include "analytics/completeness.h"
#include "analytics/completeness_block.h"
#include "pipeline/catalog.h"
#include "support/league_csv.h"
#include "support/test_store.h"

namespace nbaprops::analytics {
namespace {

using nbaprops::testing::LeagueCsv;
using nbaprops::testing::run_ingest;
using nbaprops::testing::TempDir;

const Date kD = make_date(2024, 12, 10);
Date ago(int days) {
  return Date{kD.days - days};
}

TdgsRecord tdgs(Date d, const std::string& id, const std::string& team) {
  TdgsRecord r;
  r.game_date = d;
  r.game_id = id;
  r.season = season_of(d);
  r.defending_team_abbr = team;
  return r;
}

class Completeness : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    LeagueCsv csv;
    history_ = new Phase3History();
    auto has = [](std::initializer_list<int> set, int o) {
      return std::find(set.begin(), set.end(), o) != set.end();
    };
    std::string opener = csv.game(make_date(2024, 10, 22), "BOS", "NYK");
    csv.box(opener, make_date(2024, 10, 22), "BOS", "Jay Tatum");
    csv.box(opener, make_date(2024, 10, 22), "NYK", "Jal Brunson");
    history_->add(tdgs(make_date(2024, 10, 22), opener, "BOS"));
    history_->add(tdgs(make_date(2024, 10, 22), opener, "NYK"));
    for (int k = 0; k < 12; ++k) {
      int o = 1 + 3 * k;
      Date d = ago(o);
      std::string id = csv.game(d, "BOS", "NYK");
      if (o == 4) {
        csv.box(id, d, "BOS", "Jay Tatum", "dnp");
      } else if (o != 10) {
        csv.box(id, d, "BOS", "Jay Tatum");
      }
      if (o == 10) csv.box(id, d, "BOS", "Bench Guy", "dnp");
      if (has({1, 13, 34}, o)) csv.box(id, d, "BOS", "Jay Brown");
      if (has({1, 7, 13}, o)) csv.box(id, d, "BOS", "Mo Mover");
      if (has({28, 31, 34}, o)) csv.box(id, d, "NYK", "Mo Mover");
      csv.box(id, d, "NYK", "Jal Brunson");
      if (o != 4 && o != 31) history_->add(tdgs(d, id, "BOS"));
      history_->add(tdgs(d, id, "NYK"));
    }
    csv.game(ago(2), "BOS", "NYK", "postponed");
    csv.game(kD, "BOS", "NYK", "scheduled");
    for (int k = 0; k < 10; ++k) {
      Date d = ago(2 + 3 * k);
      std::string id = csv.game(d, "LAL", "MIA");
      csv.box(id, d, "LAL", "Lal Player");
      csv.box(id, d, "MIA", "Mia Player");
      if (k < 7) history_->add(tdgs(d, id, "LAL"));
    }
    history_->add(tdgs(kD, "x", "MIA"));  // dated D: never read
    history_->finish();

    dir_ = new TempDir();
    auto store = open_store((dir_->path() / "store.db").string());
    auto run = run_ingest(*store, {dir_->write("games.csv", csv.games()),
                                   dir_->write("player_boxscores.csv", csv.boxes())});
    ASSERT_EQ(run.report.exit_code, 0) << run.out << run.err;
    inputs_ = new RawInputs(RawInputs::load(*store, make_date(2024, 10, 1), kD));
  }
  static void TearDownTestSuite() {
    delete inputs_;
    delete history_;
    delete dir_;
  }

  static CompletenessResult check(CompletenessOptions options = {}, Date d = kD) {
    return check_completeness(*inputs_, *history_, d, kPlayers, options);
  }
  // "expected/actual/pct" of each window in order, e.g. "l5 5/4/80.0".
  static std::string windows(const EntityCompleteness* e) {
    if (!e) return "missing";
    std::string out;
    for (const auto& w : e->windows) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%s%s %d/%d/%.1f", out.empty() ? "" : ", ", w.window.c_str(),
                    w.expected, w.actual, w.pct);
      out += buf;
    }
    return out;
  }

  static inline const std::vector<std::string> kPlayers = {"jaytatum", "jaybrown", "benchguy",
                                                           "momover",  "nobody",   "jaytatum"};
  static TempDir* dir_;
  static RawInputs* inputs_;
  static Phase3History* history_;
};

TempDir* Completeness::dir_ = nullptr;
RawInputs* Completeness::inputs_ = nullptr;
Phase3History* Completeness::history_ = nullptr;

TEST_F(Completeness, TeamsOfTheSeasonCountTdgsRows) {
  auto r = check();
  ASSERT_EQ(r.teams.size(), 4u);  // BOS, LAL, MIA, NYK
  // BOS: no TDGS row for D−4 and D−31; opening night counts for l15.
  EXPECT_EQ(windows(r.team("BOS")), "l7d 3/2/66.7, l14d 5/4/80.0, l15 13/11/84.6");
  EXPECT_FALSE(r.team("BOS")->production_ready);
  EXPECT_EQ(r.team("BOS")->primary().window, "l15");
  EXPECT_EQ(windows(r.team("NYK")), "l7d 3/3/100.0, l14d 5/5/100.0, l15 13/13/100.0");
  EXPECT_TRUE(r.team("NYK")->all_windows_complete);
  // LAL: 7 of its 10 games → 70.0, ready at the default threshold of 70.
  EXPECT_EQ(windows(r.team("LAL")), "l7d 2/2/100.0, l14d 5/5/100.0, l15 10/7/70.0");
  EXPECT_TRUE(r.team("LAL")->production_ready);
  EXPECT_FALSE(r.team("LAL")->all_windows_complete);
  EXPECT_EQ(windows(r.team("MIA")), "l7d 2/0/0.0, l14d 5/0/0.0, l15 10/0/0.0");
}

TEST_F(Completeness, PlayerPresenceByOwnRowOrABoxScoreOfPlayersWhoPlayed) {
  auto r = check();
  // tatum: every game but D−10, where BOS lists a dnp row (his absence is a gap); his own dnp
  // row on D−4 counts as data.
  EXPECT_EQ(windows(r.player("jaytatum")),
            "l5 5/4/80.0, l10 10/9/90.0, l7d 3/3/100.0, l14d 5/4/80.0, l30d 10/9/90.0");
  EXPECT_TRUE(r.player("jaytatum")->production_ready);
  EXPECT_EQ(r.player("jaytatum")->primary().window, "l10");
  // brown: rows on D−1, D−13, D−34; absent on D−7 and D−16..D−28 from box scores that list
  // only players who played (present), absent on D−4 and D−10 where BOS lists dnp rows (gaps).
  EXPECT_EQ(windows(r.player("jaybrown")),
            "l5 5/3/60.0, l10 10/8/80.0, l7d 3/2/66.7, l14d 5/3/60.0, l30d 10/8/80.0");
  EXPECT_FALSE(r.player("jaybrown")->production_ready);
  EXPECT_EQ(windows(r.player("nobody")),
            "l5 0/0/100.0, l10 0/0/100.0, l7d 0/0/100.0, l14d 0/0/100.0, l30d 0/0/100.0");
  EXPECT_TRUE(r.player("nobody")->production_ready);
  EXPECT_EQ(r.players.size(), 5u);
}

TEST_F(Completeness, JoinDateRemovesTheTeamsEarlierGames) {
  auto r = check();
  // mover: NYK on D−34..D−28, BOS from D−13 (J): E = BOS's D−1..D−13 only.
  EXPECT_EQ(windows(r.player("momover")),
            "l5 5/3/60.0, l10 5/3/60.0, l7d 3/2/66.7, l14d 5/3/60.0, l30d 5/3/60.0");
  // benchguy: his only row is a dnp on D−10: J = D−10.
  EXPECT_EQ(windows(r.player("benchguy")),
            "l5 4/3/75.0, l10 4/3/75.0, l7d 3/2/66.7, l14d 4/3/75.0, l30d 4/3/75.0");
}

TEST_F(Completeness, ReadyComparesTheStoredPercentage) {
  // 70.0 is ready at 70.0, not at 70.1.
  EXPECT_TRUE(check({70.0, 30}).team("LAL")->production_ready);
  EXPECT_FALSE(check({70.1, 30}).team("LAL")->production_ready);
  // 2/3 is stored as 66.7: ready at a threshold of 66.7 although 66.67 < 66.7.
  EXPECT_TRUE(check({66.7, 30}).player("benchguy")->production_ready);
  EXPECT_FALSE(check({66.8, 30}).player("benchguy")->production_ready);
}

TEST_F(Completeness, BootstrapMakesEveryEntityProductionReady) {
  auto r = check();
  ASSERT_TRUE(r.opening_night.has_value());
  EXPECT_EQ(format_date(*r.opening_night), "2024-10-22");
  EXPECT_FALSE(r.bootstrap_mode);  // 49 days after opening night
  auto b = check({70.0, 60});
  EXPECT_TRUE(b.bootstrap_mode);
  EXPECT_TRUE(b.team("MIA")->production_ready);
  EXPECT_FALSE(b.team("MIA")->all_windows_complete);
  EXPECT_TRUE(check({}, make_date(2024, 11, 20)).bootstrap_mode);   // day 29
  EXPECT_FALSE(check({}, make_date(2024, 11, 21)).bootstrap_mode);  // day 30
  EXPECT_FALSE(check({}, make_date(2024, 10, 21)).bootstrap_mode);  // before opening night
}

TEST_F(Completeness, CheckedBlockCarriesThePrimaryWindowAndEveryPct) {
  auto r = check();
  const auto& record = analytics::player_completeness_record();
  Row cells = record.write(analytics::player_completeness(r.player("jaybrown"), false));
  Row want = {Value{int64_t{1}}, Value{int64_t{0}}, Value{int64_t{10}}, Value{int64_t{8}},
              Value{80.0},       Value{60.0},       Value{80.0},        Value{66.7},
              Value{60.0},       Value{80.0},       Value{int64_t{0}},  Value{int64_t{0}}};
  EXPECT_EQ(cells, want);
  EXPECT_EQ(record.columns().size(), cells.size());
}

}  // namespace
}  // namespace nbaprops::analytics
