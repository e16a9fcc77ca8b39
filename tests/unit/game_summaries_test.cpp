// The three game summaries (02-analytics.md §1-§3) on a small hand-made league loaded through
// canonical CSVs: every expectation below is computed by hand in its comment.
//
// 2025-01-10 BOS 112 - NYK 100, one overtime (BOS 266 min: the TOGS example), shots with
//   assists and blocks, props. 2025-01-11 LAL 112 - MIN 110, regulation, no shots, MIN has no
//   team box (reconstructed from 5 players). 2025-01-12 PHX 120 - DEN 110: DEN has no team box
//   and only 3 players (no line); CHI - MIA is still scheduled.
#include <gtest/gtest.h>

#include <memory>
#include <sstream>

#include "analytics/player_game_summary.h"
#include "analytics/team_defense_game_summary.h"
#include "analytics/team_offense_game_summary.h"
#include "pipeline/catalog.h"
#include "support/test_store.h"

namespace nbaprops::analytics {
namespace {

// A box-score line; pts = 2·FGM + FG3M + FTM and reb = oreb + dreb, as the loader demands.
struct Box {
  int fgm = 0, fga = 0, fg3m = 0, fg3a = 0, ftm = 0, fta = 0, oreb = 0, dreb = 0, ast = 0, stl = 0,
      blk = 0, tov = 0, pf = 0;
  std::string pm;
  std::string csv() const {
    std::ostringstream o;
    o << 2 * fgm + fg3m + ftm << ',' << fgm << ',' << fga << ',' << fg3m << ',' << fg3a << ','
      << ftm << ',' << fta << ',' << oreb << ',' << dreb << ',' << oreb + dreb << ',' << ast << ','
      << stl << ',' << blk << ',' << tov << ',' << pf << ',' << pm;
    return o.str();
  }
};

const char* kStatsHeader =
    "pts,fgm,fga,fg3m,fg3a,ftm,fta,oreb,dreb,reb,ast,stl,blk,tov,pf,plus_minus";

std::string games_csv() {
  return "game_id,game_date,season,season_type,home_team,away_team,tipoff_utc,status,home_score,"
         "away_score,neutral_site\n"
         "0022400501,2025-01-10,2024,regular,BOS,NYK,2025-01-11T00:10:00Z,final,112,100,false\n"
         "0022400510,2025-01-11,2024,regular,LAL,MIN,2025-01-12T03:30:00Z,final,112,110,false\n"
         "0022400520,2025-01-12,2024,regular,PHX,DEN,,final,120,110,false\n"
         "0022400521,2025-01-12,2024,regular,CHI,MIA,,scheduled,,,\n";
}

std::string team_row(const char* game, const char* date, const char* team, const char* opp,
                     bool home, int minutes, const Box& b) {
  return std::string(game) + ',' + date + ',' + team + ',' + opp + ',' + (home ? "true" : "false") +
         ',' + std::to_string(minutes) + ',' + b.csv() + '\n';
}

std::string team_csv() {
  std::string h = std::string("game_id,game_date,team_abbr,opponent_abbr,is_home,minutes,") +
                  kStatsHeader + '\n';
  // BOS: the TOGS example (FGA 88, FTA 22, OREB 10, TOV 13, PTS 112, 266 minutes).
  Box bos{40, 88, 12, 30, 20, 22, 10, 34, 25, 8, 5, 13, 18, "12"};
  Box nyk{38, 90, 10, 35, 14, 18, 12, 30, 20, 7, 6, 15, 20, "-12"};  // 100 pts
  Box lal{40, 88, 12, 30, 20, 22, 10, 34, 25, 8, 5, 13, 18, "2"};    // 112 pts
  Box phx{45, 90, 10, 30, 20, 25, 10, 35, 28, 9, 4, 12, 20, "10"};   // 120 pts
  return h + team_row("0022400501", "2025-01-10", "BOS", "NYK", true, 266, bos) +
         team_row("0022400501", "2025-01-10", "NYK", "BOS", false, 265, nyk) +
         team_row("0022400510", "2025-01-11", "LAL", "MIN", true, 240, lal) +
         team_row("0022400520", "2025-01-12", "PHX", "DEN", true, 241, phx);
}

std::string player_row(const char* game, const char* date, const char* team, int id,
                       const char* lookup, const char* status, const char* reason,
                       const char* starter, const char* minutes, const Box* b) {
  std::string stats = b ? b->csv() : std::string(",,,,,,,,,,,,,,,");
  return std::string(game) + ',' + date + ',' + team + ',' + std::to_string(id) + ',' + lookup +
         ',' + lookup + ',' + status + ',' + reason + ',' + starter + ',' + minutes + ',' + stats +
         '\n';
}

std::string players_csv() {
  std::string h = std::string(
                      "game_id,game_date,team_abbr,player_id,player_lookup,player_name,status,"
                      "dnp_reason,starter,minutes,") +
                  kStatsHeader + '\n';
  const char* g1 = "0022400501";
  const char* d1 = "2025-01-10";
  Box star{9, 20, 2, 6, 5, 6, 1, 5, 4, 1, 1, 3, 2, "10"};    // 25 pts
  Box propguy{9, 15, 1, 4, 4, 4, 0, 3, 2, 0, 0, 2, 1, "4"};  // 23 pts
  Box bench{1, 2, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, "-2"};    // 2 pts
  Box zero{};
  zero.pm = "0";
  Box rim{3, 5, 0, 0, 2, 2, 3, 7, 1, 0, 2, 1, 3, "-5"};  // 8 pts
  std::string out = h;
  out += player_row(g1, d1, "BOS", 1, "star", "active", "", "true", "40", &star);
  out += player_row(g1, d1, "BOS", 2, "propguy", "active", "", "", "30", &propguy);
  out += player_row(g1, d1, "BOS", 3, "benchguy", "active", "", "false", "30", &bench);
  out += player_row(g1, d1, "BOS", 4, "zerominutes", "active", "", "", "0", &zero);
  out += player_row(g1, d1, "BOS", 5, "hurtguy", "dnp", "Left Ankle Sprain", "", "", nullptr);
  out +=
      player_row(g1, d1, "BOS", 6, "gleaguer", "inactive", "G League - Two-Way", "", "", nullptr);
  out += player_row(g1, d1, "NYK", 7, "rimprotector", "active", "", "true", "30", &rim);
  const char* g2 = "0022400510";
  const char* d2 = "2025-01-11";
  Box usage{9, 20, 2, 6, 5, 6, 1, 5, 4, 1, 0, 3, 2, "6"};  // the usage example
  Box ftonly{0, 0, 0, 0, 3, 4, 0, 0, 0, 0, 0, 0, 0, "1"};  // 3 pts, no field goal attempt
  out += player_row(g2, d2, "LAL", 8, "usageguy", "active", "", "true", "36", &usage);
  out += player_row(g2, d2, "LAL", 9, "ftonly", "active", "", "false", "5", &ftonly);
  Box m{8, 18, 2, 6, 4, 5, 2, 6, 5, 1, 1, 3, 2, "0"};  // 22 pts each
  const char* mins[] = {"48", "48", "48", "48", "47.5"};
  for (int k = 0; k < 5; ++k) {
    std::string lookup = "min" + std::to_string(k + 1);
    out += player_row(g2, d2, "MIN", 10 + k, lookup.c_str(), "active", "", "", mins[k], &m);
  }
  out += player_row(g2, d2, "MIN", 15, "minbench", "active", "", "", "0", &zero);
  out += player_row(g2, d2, "MIN", 16, "minrest", "dnp", "Rest", "", "", nullptr);
  const char* g3 = "0022400520";
  const char* d3 = "2025-01-12";
  Box big{40, 60, 11, 20, 10, 12, 2, 8, 5, 1, 0, 4, 2, "85"};  // 101 pts, +85
  Box chucker{10, 30, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, "1"};
  out += player_row(g3, d3, "PHX", 20, "bigscorer", "active", "", "true", "48", &big);
  out += player_row(g3, d3, "PHX", 21, "chucker", "active", "", "false", "5", &chucker);
  Box den{10, 20, 2, 6, 4, 4, 1, 4, 3, 1, 1, 2, 2, "-3"};
  for (int k = 0; k < 3; ++k) {
    std::string lookup = "den" + std::to_string(k + 1);
    out += player_row(g3, d3, "DEN", 30 + k, lookup.c_str(), "active", "", "", "40", &den);
  }
  return out;
}

std::string shot(const char* team, const char* player, int value, bool made, double ft,
                 const char* assisted = "", const char* blocked = "") {
  std::ostringstream o;
  o << "0022400501,2025-01-10," << team << ",," << player << ",1,600," << value << ','
    << (made ? "true" : "false") << ',' << ft << ",,,,," << assisted << ',' << blocked << '\n';
  return o.str();
}

std::string shots_csv() {
  std::string out =
      "game_id,game_date,team_abbr,player_id,player_lookup,period,seconds_left_in_period,"
      "shot_value,made,distance_ft,loc_x,loc_y,zone,action_type,assisted_by,blocked_by\n";
  // star: 8 paint attempts at 8.0 ft (5 made, 3 assisted by propguy; 2 misses blocked by
  // rimprotector), 6 mid-range at 8.5 ft (2 made, 1 assisted), 6 threes (2 made, unassisted).
  for (int k = 0; k < 8; ++k) {
    out += shot("BOS", "star", 2, k < 5, 8.0, k < 3 ? "propguy" : "", k >= 6 ? "rimprotector" : "");
  }
  for (int k = 0; k < 6; ++k) out += shot("BOS", "star", 2, k < 2, 8.5, k < 1 ? "propguy" : "");
  for (int k = 0; k < 6; ++k) out += shot("BOS", "star", 3, k < 2, 24.0);
  // NYK: nykshooter 3 threes (1 made), 2 mid-range misses at 15 ft, one blocked by star.
  for (int k = 0; k < 3; ++k) out += shot("NYK", "nykshooter", 3, k < 1, 25.0);
  out += shot("NYK", "nykshooter", 2, false, 15.0, "", "star");
  out += shot("NYK", "nykshooter", 2, false, 15.0);
  return out;
}

std::string props_csv() {
  std::string out =
      "game_date,game_id,player_lookup,player_name,market,bookmaker,line,over_price,under_price,"
      "snapshot_utc,tipoff_utc\n";
  auto line = [&](const char* player, const char* book, const char* l, const char* over,
                  const char* at) {
    out += std::string("2025-01-10,,") + player + ',' + player + ",points," + book + ',' + l + ',' +
           over + ",-110," + at + ",\n";
  };
  // The props example: tip-off 00:10 UTC; DK 14:00 (22.5) and 22:30 (23.5), FD 23:55 (24.5),
  // BetMGM 00:20 (25.5, after tip-off).
  line("propguy", "draftkings", "22.5", "-110", "2025-01-10T14:00:00Z");
  line("propguy", "draftkings", "23.5", "-125", "2025-01-10T22:30:00Z");
  line("propguy", "fanduel", "24.5", "-110", "2025-01-10T23:55:00Z");
  line("propguy", "betmgm", "25.5", "-110", "2025-01-11T00:20:00Z");
  line("star", "fanduel", "25", "-105", "2025-01-10T20:00:00Z");           // PUSH
  line("benchguy", "underdog", "1.5", "-110", "2025-01-10T20:00:00Z");     // OVER
  line("zerominutes", "underdog", "0.5", "-110", "2025-01-10T20:00:00Z");  // is_dnp: no result
  return out;
}

class GameSummaries : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    auto store = open_store((dir_->path() / "store.db").string());
    auto run = testing::run_ingest(
        *store, {dir_->write("games.csv", games_csv()), dir_->write("teams.csv", team_csv()),
                 dir_->write("players.csv", players_csv()), dir_->write("shots.csv", shots_csv()),
                 dir_->write("props.csv", props_csv())});
    ASSERT_EQ(run.report.exit_code, 0) << run.out << run.err;
    in_ = new RawInputs(RawInputs::load(*store, make_date(2024, 10, 1), make_date(2025, 6, 30)));
  }
  static void TearDownTestSuite() {
    delete in_;
    delete dir_;
  }

  static Date day(unsigned d) { return make_date(2025, 1, d); }

  // The row of `out` whose column `key_column` holds `key`.
  static const Row& find(const ProcessorOutput& out, const TableSchema& t, const char* key_column,
                         const std::string& key) {
    size_t k = t.column_index(key_column);
    for (const Row& r : out.rows) {
      if (std::get<std::string>(r[k]) == key) return r;
    }
    throw std::runtime_error("no row " + key);
  }

  // Reads one cell of a row as text ("NULL", integers, doubles as stored, text).
  static std::string cell(const TableSchema& t, const Row& r, const char* column) {
    const Value& v = r[t.column_index(column)];
    if (is_null(v)) return "NULL";
    if (const auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    std::ostringstream o;
    o << std::get<double>(v);
    return o.str();
  }

  static inline testing::TempDir* dir_ = nullptr;
  static inline RawInputs* in_ = nullptr;
};

struct Pgs {
  ProcessorOutput out;
  const TableSchema& t = player_game_summary_table();
  std::string operator()(const std::string& player, const char* column) const {
    const Row* row = nullptr;
    size_t k = t.column_index("player_lookup");
    for (const Row& r : out.rows) {
      if (std::get<std::string>(r[k]) == player) row = &r;
    }
    if (!row) return "NO ROW";
    const Value& v = (*row)[t.column_index(column)];
    if (is_null(v)) return "NULL";
    if (const auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    std::ostringstream o;
    o << std::get<double>(v);
    return o.str();
  }
};

TEST_F(GameSummaries, TeamOffenseSpecExample) {
  auto out = team_offense_game_summary(*in_, day(10));
  const auto& t = team_offense_game_summary_table();
  ASSERT_EQ(out.rows.size(), 2u);
  const Row& bos = out.rows[0];  // key order: BOS, NYK
  EXPECT_EQ(cell(t, bos, "team_abbr"), "BOS");
  EXPECT_EQ(cell(t, out.rows[1], "team_abbr"), "NYK");
  // overtime_periods = round(26/25) = 1, M = 265. possessions = 88 + 9.68 - 10 + 13 = 100.68;
  // offensive_rating = 11200/100.68 = 111.24; pace = 100.68·48/53 = 91.18; ts = 112/195.36.
  EXPECT_EQ(cell(t, bos, "team_minutes"), "266");
  EXPECT_EQ(cell(t, bos, "overtime_periods"), "1");
  EXPECT_EQ(cell(t, bos, "possessions"), "100.7");
  EXPECT_EQ(cell(t, bos, "offensive_rating"), "111.24");
  EXPECT_EQ(cell(t, bos, "pace"), "91.2");
  EXPECT_EQ(cell(t, bos, "ts_pct"), "0.573");
  EXPECT_EQ(cell(t, bos, "pts"), "112");
  EXPECT_EQ(cell(t, bos, "opponent_pts"), "100");
  EXPECT_EQ(cell(t, bos, "win_flag"), "1");
  EXPECT_EQ(cell(t, bos, "margin"), "12");
  EXPECT_EQ(cell(t, bos, "home_game"), "1");
  EXPECT_EQ(cell(t, bos, "source"), "team_box");
  // Shots: star's 8 paint (5 made), 6 mid-range (2 made), 6 threes (2 made); 20 != FGA 88.
  EXPECT_EQ(cell(t, bos, "paint_attempts"), "8");
  EXPECT_EQ(cell(t, bos, "paint_makes"), "5");
  EXPECT_EQ(cell(t, bos, "points_in_paint"), "10");
  EXPECT_EQ(cell(t, bos, "mid_range_attempts"), "6");
  EXPECT_EQ(cell(t, bos, "mid_range_makes"), "2");
  EXPECT_EQ(cell(t, bos, "three_attempts_shots"), "6");
  EXPECT_EQ(cell(t, bos, "three_makes_shots"), "2");
  EXPECT_EQ(cell(t, bos, "quality_tier"), "gold");
  // Active BOS players score 25 + 23 + 2 + 0 = 50, not 112.
  EXPECT_EQ(cell(t, bos, "quality_issues"), "player_totals_mismatch;shot_zones_incomplete");
  EXPECT_EQ(cell(t, bos, "processed_at"), "NULL");
  EXPECT_EQ(bos.size(), t.columns.size());
  EXPECT_TRUE(out.failed.empty());
}

TEST_F(GameSummaries, ReconstructedTeamLine) {
  auto out = team_offense_game_summary(*in_, day(11));
  const auto& t = team_offense_game_summary_table();
  const Row& min = find(out, t, "team_abbr", "MIN");
  // 5 players with minutes (the 0-minute and DNP rows do not count): 48·4 + 47.5 = 239.5 -> 240.
  EXPECT_EQ(cell(t, min, "source"), "reconstructed");
  EXPECT_EQ(cell(t, min, "team_minutes"), "240");
  EXPECT_EQ(cell(t, min, "overtime_periods"), "0");
  EXPECT_EQ(cell(t, min, "pts"), "110");
  EXPECT_EQ(cell(t, min, "fga"), "90");
  EXPECT_EQ(cell(t, min, "reb"), "40");
  // plus_minus = 110 - 112. possessions = 90 + 0.44·25 - 10 + 15 = 106; rating 11000/106.
  EXPECT_EQ(cell(t, min, "plus_minus"), "-2");
  EXPECT_EQ(cell(t, min, "possessions"), "106");
  EXPECT_EQ(cell(t, min, "offensive_rating"), "103.77");
  EXPECT_EQ(cell(t, min, "pace"), "106");
  EXPECT_EQ(cell(t, min, "win_flag"), "0");
  EXPECT_EQ(cell(t, min, "paint_attempts"), "NULL");  // no shots in this game
  EXPECT_EQ(cell(t, min, "points_in_paint"), "NULL");
  EXPECT_EQ(cell(t, min, "quality_tier"), "silver");
  EXPECT_EQ(cell(t, min, "quality_issues"), "no_shots;reconstructed");
  const Row& lal = find(out, t, "team_abbr", "LAL");
  EXPECT_EQ(cell(t, lal, "quality_tier"), "silver");
  EXPECT_EQ(cell(t, lal, "quality_issues"), "no_shots;player_totals_mismatch");
  EXPECT_EQ(cell(t, lal, "opponent_pts"), "110");
}

TEST_F(GameSummaries, TeamWithoutLineAndGameNotFinalAreReported) {
  auto out = team_offense_game_summary(*in_, day(12));
  ASSERT_EQ(out.rows.size(), 1u);  // PHX only: DEN has 3 players and no team box
  ASSERT_EQ(out.failed.size(), 1u);
  EXPECT_EQ(out.failed[0].entity_type, "team");
  EXPECT_EQ(out.failed[0].entity_id, "DEN");
  EXPECT_NE(out.failed[0].reason.find("3 active players"), std::string::npos);
  // The scheduled game is pending, not a failure (docs/tonight.md).
  EXPECT_EQ(out.pending, (std::vector<std::string>{"0022400521"}));
  const auto& t = team_offense_game_summary_table();
  EXPECT_EQ(cell(t, out.rows[0], "opponent_pts"), "110");  // from the games score
  EXPECT_EQ(cell(t, out.rows[0], "overtime_periods"), "0");
}

TEST_F(GameSummaries, UsageRateExamples) {
  // Regulation: 100·25.64·48 / (36·110.68) = 30.888 -> 30.9.
  Pgs d11{player_game_summary(*in_, day(11))};
  EXPECT_EQ(d11("usageguy", "usage_rate"), "30.9");
  // One overtime (M/5 = 53), 40 minutes: 100·25.64·53 / (40·110.68) = 30.695 -> 30.7.
  Pgs d10{player_game_summary(*in_, day(10))};
  EXPECT_EQ(d10("star", "usage_rate"), "30.7");
  // Reconstructed MIN line: team term 90 + 11 + 15 = 116; player 18 + 2.2 + 3 = 23.2.
  EXPECT_EQ(d11("min1", "usage_rate"), "20");    // 100·23.2·48/(48·116)
  EXPECT_EQ(d11("min5", "usage_rate"), "20.2");  // ... /(47.5·116) = 20.21
  EXPECT_EQ(d11("min1", "quality_issues"), "no_shots;team_totals_reconstructed");
  EXPECT_EQ(d11("min1", "quality_tier"), "silver");
}

TEST_F(GameSummaries, ShootingPercentagesIncludingFreeThrowOnlyGames) {
  Pgs d10{player_game_summary(*in_, day(10))};
  // star: 25 / (2·(20 + 2.64)) = 0.5521; efg (9 + 1) / 20 = 0.5.
  EXPECT_EQ(d10("star", "ts_pct"), "0.552");
  EXPECT_EQ(d10("star", "efg_pct"), "0.5");
  Pgs d11{player_game_summary(*in_, day(11))};
  // ftonly: 3 points, 0 FGA, 4 FTA: ts = 3 / (2·1.76) = 0.852; efg NULL (FGA = 0);
  // usage = 100·1.76·48 / (5·110.68) = 15.27.
  EXPECT_EQ(d11("ftonly", "ts_pct"), "0.852");
  EXPECT_EQ(d11("ftonly", "efg_pct"), "NULL");
  EXPECT_EQ(d11("ftonly", "usage_rate"), "15.3");
  // An active row with 0 minutes keeps its zeros; its ts denominator is 0.
  EXPECT_EQ(d10("zerominutes", "pts"), "0");
  EXPECT_EQ(d10("zerominutes", "ts_pct"), "NULL");
  EXPECT_EQ(d10("zerominutes", "usage_rate"), "NULL");
}

TEST_F(GameSummaries, ZonesAssistsAndBlocks) {
  Pgs p{player_game_summary(*in_, day(10))};
  // 8.0 ft is paint, 8.5 ft mid-range; threes from the shot value.
  EXPECT_EQ(p("star", "paint_attempts"), "8");
  EXPECT_EQ(p("star", "paint_makes"), "5");
  EXPECT_EQ(p("star", "mid_range_attempts"), "6");
  EXPECT_EQ(p("star", "mid_range_makes"), "2");
  EXPECT_EQ(p("star", "three_attempts_shots"), "6");
  EXPECT_EQ(p("star", "three_makes_shots"), "2");
  EXPECT_EQ(p("star", "fg3a"), "6");  // box-score threes kept
  EXPECT_EQ(p("star", "assisted_makes"), "4");
  EXPECT_EQ(p("star", "unassisted_makes"), "5");
  EXPECT_EQ(p("star", "has_complete_shot_zones"), "1");  // 8 + 6 + 6 = 20 = FGA
  EXPECT_EQ(p("star", "mid_range_blocks"), "1");         // blocked a NYK mid-range shot
  EXPECT_EQ(p("star", "paint_blocks"), "0");
  EXPECT_EQ(p("rimprotector", "paint_blocks"), "2");
  EXPECT_EQ(p("rimprotector", "three_blocks"), "0");
  // propguy has 15 FGA and no shot rows: zeros, incomplete.
  EXPECT_EQ(p("propguy", "paint_attempts"), "0");
  EXPECT_EQ(p("propguy", "assisted_makes"), "0");
  EXPECT_EQ(p("propguy", "has_complete_shot_zones"), "0");
  EXPECT_EQ(p("propguy", "quality_issues"), "shot_zones_incomplete");
  EXPECT_EQ(p("star", "quality_issues"), "");
  EXPECT_EQ(p("star", "quality_tier"), "gold");
  // No shots at all in 2025-01-11: zones NULL; no assist data: assisted NULL.
  Pgs d11{player_game_summary(*in_, day(11))};
  EXPECT_EQ(d11("usageguy", "paint_attempts"), "NULL");
  EXPECT_EQ(d11("usageguy", "assisted_makes"), "NULL");
  EXPECT_EQ(d11("usageguy", "unassisted_makes"), "NULL");
  EXPECT_EQ(d11("usageguy", "paint_blocks"), "NULL");
  EXPECT_EQ(d11("usageguy", "has_complete_shot_zones"), "0");
}

TEST_F(GameSummaries, PropsExampleAndResults) {
  Pgs p{player_game_summary(*in_, day(10))};
  // The consensus of the books' pre-tip lines (docs/tonight.md): latest DK 23.5 and FD 24.5
  // -> 24.0; opening DK 22.5 and FD 24.5 -> 23.5; +0.5. The chosen book (§0) is still
  // DraftKings, with its prices. 23 points -> UNDER, -1.0.
  EXPECT_EQ(p("propguy", "points_line"), "24");
  EXPECT_EQ(p("propguy", "opening_line"), "23.5");
  EXPECT_EQ(p("propguy", "line_movement"), "0.5");
  EXPECT_EQ(p("propguy", "points_line_bookmaker"), "draftkings");
  EXPECT_EQ(p("propguy", "over_price"), "-125");
  EXPECT_EQ(p("propguy", "under_price"), "-110");
  EXPECT_EQ(p("propguy", "over_under_result"), "UNDER");
  EXPECT_EQ(p("propguy", "margin"), "-1");
  EXPECT_EQ(p("star", "over_under_result"), "PUSH");  // 25 points on 25
  EXPECT_EQ(p("star", "margin"), "0");
  EXPECT_EQ(p("benchguy", "over_under_result"), "OVER");  // 2 on 1.5
  EXPECT_EQ(p("benchguy", "margin"), "0.5");
  EXPECT_EQ(p("zerominutes", "points_line"), "0.5");
  EXPECT_EQ(p("zerominutes", "over_under_result"), "NULL");  // is_dnp
  EXPECT_EQ(p("zerominutes", "margin"), "NULL");
  EXPECT_EQ(p("rimprotector", "points_line"), "NULL");
  EXPECT_EQ(p("rimprotector", "over_under_result"), "NULL");
}

TEST_F(GameSummaries, StarterFlagFromTheBoxElseTheMinutesProxy) {
  Pgs p{player_game_summary(*in_, day(10))};
  EXPECT_EQ(p("star", "starter_flag"), "1");
  EXPECT_EQ(p("star", "starter_source"), "box");
  EXPECT_EQ(p("propguy", "starter_flag"), "1");  // no source value, 30 >= 24 minutes
  EXPECT_EQ(p("propguy", "starter_source"), "minutes_proxy");
  EXPECT_EQ(p("benchguy", "starter_flag"), "0");  // the box says bench, 30 minutes or not
  EXPECT_EQ(p("benchguy", "starter_source"), "box");
  EXPECT_EQ(p("zerominutes", "starter_flag"), "0");
  Pgs d11{player_game_summary(*in_, day(11))};
  EXPECT_EQ(d11("min5", "starter_flag"), "1");
  EXPECT_EQ(d11("min5", "starter_source"), "minutes_proxy");
}

TEST_F(GameSummaries, WinFlagFromTeamTotals) {
  Pgs d10{player_game_summary(*in_, day(10))};
  EXPECT_EQ(d10("star", "win_flag"), "1");
  EXPECT_EQ(d10("hurtguy", "win_flag"), "1");  // a DNP row still belongs to the winning team
  EXPECT_EQ(d10("rimprotector", "win_flag"), "0");
  Pgs d11{player_game_summary(*in_, day(11))};
  EXPECT_EQ(d11("min1", "win_flag"), "0");  // reconstructed 110 vs 112
  Pgs d12{player_game_summary(*in_, day(12))};
  EXPECT_EQ(d12("den1", "win_flag"), "0");  // no DEN line: games score 110 vs 120
}

TEST_F(GameSummaries, EveryBoxRowYieldsARowDnpAndInactiveIncluded) {
  Pgs p{player_game_summary(*in_, day(10))};
  ASSERT_EQ(p.out.rows.size(), 7u);
  // Key order: player_lookup.
  std::vector<std::string> order;
  size_t k = p.t.column_index("player_lookup");
  for (const Row& r : p.out.rows) order.push_back(std::get<std::string>(r[k]));
  EXPECT_EQ(order, (std::vector<std::string>{"benchguy", "gleaguer", "hurtguy", "propguy",
                                             "rimprotector", "star", "zerominutes"}));
  EXPECT_EQ(p("hurtguy", "player_status"), "dnp");
  EXPECT_EQ(p("hurtguy", "is_dnp"), "1");
  EXPECT_EQ(p("hurtguy", "dnp_reason"), "Left Ankle Sprain");
  EXPECT_EQ(p("hurtguy", "dnp_reason_category"), "injury");
  EXPECT_EQ(p("hurtguy", "minutes"), "NULL");
  EXPECT_EQ(p("hurtguy", "pts"), "NULL");
  EXPECT_EQ(p("hurtguy", "paint_attempts"), "NULL");
  EXPECT_EQ(p("hurtguy", "assisted_makes"), "NULL");
  EXPECT_EQ(p("hurtguy", "paint_blocks"), "NULL");
  EXPECT_EQ(p("hurtguy", "starter_flag"), "0");
  EXPECT_EQ(p("hurtguy", "has_complete_shot_zones"), "0");
  EXPECT_EQ(p("hurtguy", "quality_tier"), "gold");
  EXPECT_EQ(p("gleaguer", "player_status"), "inactive");
  EXPECT_EQ(p("gleaguer", "dnp_reason_category"), "other");
  EXPECT_EQ(p("zerominutes", "is_dnp"), "1");
  EXPECT_EQ(p("zerominutes", "player_status"), "active");
  EXPECT_EQ(p("zerominutes", "dnp_reason_category"), "NULL");
  EXPECT_EQ(p("zerominutes", "paint_attempts"), "0");
  EXPECT_EQ(p("star", "is_dnp"), "0");
  EXPECT_EQ(p("star", "minutes"), "40");
  EXPECT_EQ(p("star", "home_game"), "1");
  EXPECT_EQ(p("rimprotector", "opponent_abbr"), "BOS");
  EXPECT_EQ(p("rimprotector", "home_game"), "0");
  EXPECT_EQ(p("star", "season"), "2024");
  EXPECT_EQ(p("star", "game_date"), "2025-01-10");
  Pgs d11{player_game_summary(*in_, day(11))};
  EXPECT_EQ(d11("minrest", "dnp_reason_category"), "rest");
  EXPECT_EQ(d11.out.rows.size(), 9u);
}

TEST_F(GameSummaries, RangeChecksAndMissingTeamTotals) {
  Pgs p{player_game_summary(*in_, day(12))};
  ASSERT_EQ(p.out.rows.size(), 5u);  // the scheduled game has no rows; it is pending
  EXPECT_TRUE(p.out.failed.empty());
  EXPECT_EQ(p.out.pending, (std::vector<std::string>{"0022400521"}));
  // 101 points and +85 pass loading but not §1: NULL, named; derived ts and result NULL.
  EXPECT_EQ(p("bigscorer", "pts"), "NULL");
  EXPECT_EQ(p("bigscorer", "plus_minus"), "NULL");
  EXPECT_EQ(p("bigscorer", "ts_pct"), "NULL");
  EXPECT_EQ(p("bigscorer", "fga"), "60");
  EXPECT_EQ(p("bigscorer", "quality_issues"), "no_shots;out_of_range:plus_minus;out_of_range:pts");
  // Usage 100·30·48 / (5·(90 + 11 + 12)) = 254.9 > 100: NULL, named.
  EXPECT_EQ(p("chucker", "usage_rate"), "NULL");
  EXPECT_EQ(p("chucker", "quality_issues"), "no_shots;out_of_range:usage_rate");
  // DEN has no TOGS line: bronze, usage NULL.
  EXPECT_EQ(p("den1", "quality_tier"), "bronze");
  EXPECT_EQ(p("den1", "quality_issues"), "no_shots;no_team_totals");
  EXPECT_EQ(p("den1", "usage_rate"), "NULL");
  EXPECT_EQ(p("den1", "pts"), "26");
}

TEST_F(GameSummaries, TeamDefenseMirrorsTheOpponentsOffense) {
  auto togs = team_offense_game_summary(*in_, day(10));
  auto tdgs = team_defense_game_summary(*in_, day(10));
  const auto& to = team_offense_game_summary_table();
  const auto& td = team_defense_game_summary_table();
  ASSERT_EQ(tdgs.rows.size(), 2u);
  const Row& nyk = find(tdgs, td, "defending_team_abbr", "NYK");
  const Row& bos_off = find(togs, to, "team_abbr", "BOS");
  // In the TOGS example the defender allows 111.24.
  EXPECT_EQ(cell(td, nyk, "defensive_rating"), "111.24");
  EXPECT_EQ(cell(td, nyk, "defensive_rating"), cell(to, bos_off, "offensive_rating"));
  EXPECT_EQ(cell(td, nyk, "opponent_pace"), cell(to, bos_off, "pace"));
  EXPECT_EQ(cell(td, nyk, "opp_possessions"), "100.7");
  EXPECT_EQ(cell(td, nyk, "opponent_ts_pct"), "0.573");
  EXPECT_EQ(cell(td, nyk, "points_allowed"), "112");
  EXPECT_EQ(cell(td, nyk, "turnovers_forced"), "13");
  EXPECT_EQ(cell(td, nyk, "three_pt_points_allowed"), "36");  // 3·12 box-score threes
  EXPECT_EQ(cell(td, nyk, "opp_paint_attempts"), "8");
  EXPECT_EQ(cell(td, nyk, "points_in_paint_allowed"), "10");
  EXPECT_EQ(cell(td, nyk, "mid_range_points_allowed"), "4");
  EXPECT_EQ(cell(td, nyk, "paint_blocks"), "2");  // rimprotector's blocks of BOS paint shots
  EXPECT_EQ(cell(td, nyk, "mid_range_blocks"), "0");
  EXPECT_EQ(cell(td, nyk, "steals"), "7");
  EXPECT_EQ(cell(td, nyk, "defensive_rebounds"), "30");
  EXPECT_EQ(cell(td, nyk, "blocks"), "6");
  EXPECT_EQ(cell(td, nyk, "fouls_committed"), "20");
  EXPECT_EQ(cell(td, nyk, "overtime_periods"), "1");
  EXPECT_EQ(cell(td, nyk, "win_flag"), "0");
  EXPECT_EQ(cell(td, nyk, "margin"), "-12");
  EXPECT_EQ(cell(td, nyk, "home_game"), "0");
  // Both rows gold; issues are the union of the two TOGS rows.
  EXPECT_EQ(cell(td, nyk, "quality_tier"), "gold");
  EXPECT_EQ(cell(td, nyk, "quality_issues"), "player_totals_mismatch;shot_zones_incomplete");
  // BOS defends NYK: 90 + 7.92 - 12 + 15 = 100.92 possessions; 10000/100.92 = 99.09;
  // 100.92·48/53 = 91.40.
  const Row& bos = find(tdgs, td, "defending_team_abbr", "BOS");
  EXPECT_EQ(cell(td, bos, "defensive_rating"), "99.09");
  EXPECT_EQ(cell(td, bos, "opponent_pace"), "91.4");
  EXPECT_EQ(cell(td, bos, "mid_range_blocks"), "1");
  EXPECT_EQ(cell(td, bos, "paint_blocks"), "0");
  EXPECT_EQ(cell(td, bos, "opp_three_attempts_shots"), "3");
}

TEST_F(GameSummaries, TeamDefenseWithoutOwnLineAndWithoutOpponentLine) {
  auto tdgs = team_defense_game_summary(*in_, day(12));
  const auto& td = team_defense_game_summary_table();
  ASSERT_EQ(tdgs.rows.size(), 1u);  // DEN defending PHX; PHX's opponent DEN has no line
  const Row& den = tdgs.rows[0];
  EXPECT_EQ(cell(td, den, "defending_team_abbr"), "DEN");
  EXPECT_EQ(cell(td, den, "points_allowed"), "120");
  EXPECT_EQ(cell(td, den, "steals"), "NULL");
  EXPECT_EQ(cell(td, den, "overtime_periods"), "NULL");
  EXPECT_EQ(cell(td, den, "win_flag"), "NULL");
  EXPECT_EQ(cell(td, den, "paint_blocks"), "NULL");  // no block data
  EXPECT_EQ(cell(td, den, "quality_tier"), "bronze");
  EXPECT_EQ(cell(td, den, "quality_issues"), "no_own_line;no_shots;player_totals_mismatch");
  ASSERT_EQ(tdgs.failed.size(), 1u);
  EXPECT_EQ(tdgs.failed[0].entity_id, "PHX");
  EXPECT_EQ(tdgs.pending, (std::vector<std::string>{"0022400521"}));
  // The reconstructed line is an opponent like any other.
  auto d11 = team_defense_game_summary(*in_, day(11));
  const Row& lal = find(d11, td, "defending_team_abbr", "LAL");
  EXPECT_EQ(cell(td, lal, "defensive_rating"), "103.77");
  EXPECT_EQ(cell(td, lal, "quality_issues"), "no_shots;player_totals_mismatch;reconstructed");
  EXPECT_EQ(cell(td, lal, "quality_tier"), "silver");
}

TEST_F(GameSummaries, SchemasFollowTheSpec) {
  const auto& p = player_game_summary_table();
  EXPECT_EQ(p.key, (std::vector<std::string>{"game_date", "player_lookup"}));
  EXPECT_EQ(p.columns.size(), 60u);  // 57 spec columns + quality_tier, quality_issues, processed_at
  EXPECT_EQ(p.columns[p.column_index("usage_rate")].decimals, 1);
  EXPECT_EQ(p.columns[p.column_index("ts_pct")].decimals, 3);
  EXPECT_EQ(p.columns.back().name, "processed_at");
  const auto& o = team_offense_game_summary_table();
  EXPECT_EQ(o.key, (std::vector<std::string>{"game_date", "team_abbr"}));
  EXPECT_EQ(o.columns[o.column_index("offensive_rating")].decimals, 2);
  const auto& d = team_defense_game_summary_table();
  EXPECT_EQ(d.key, (std::vector<std::string>{"game_date", "defending_team_abbr"}));
  for (const TableSchema* t : {&p, &o, &d}) {
    auto out = t == &p   ? player_game_summary(*in_, day(10))
               : t == &o ? team_offense_game_summary(*in_, day(10))
                         : team_defense_game_summary(*in_, day(10));
    for (const Row& r : out.rows) EXPECT_EQ(r.size(), t->columns.size()) << t->name;
  }
}

}  // namespace
}  // namespace nbaprops::analytics
