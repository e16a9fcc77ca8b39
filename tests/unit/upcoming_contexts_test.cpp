// upcoming_team_game_context and upcoming_player_game_context on a small league loaded through
// canonical CSV files (games, game lines, injuries, prop lines, players, box scores) and a
// hand-built Phase 3 history (02-analytics.md §4-5).
#include <gtest/gtest.h>

#include "analytics/completeness_block.h"
#include "analytics/run_mode.h"
#include "analytics/upcoming_player_game_context.h"
#include "analytics/upcoming_team_game_context.h"
#include "pipeline/catalog.h"
#include "support/test_store.h"

namespace nbaprops::analytics {
namespace {

using nbaprops::testing::run_ingest;
using nbaprops::testing::TempDir;

const char* kGames =
    "game_id,game_date,season,season_type,home_team,away_team,tipoff_utc,status,home_score,"
    "away_score,neutral_site\n"
    "0022400001,2024-10-22,2024,regular,BOS,NYK,2024-10-22T23:30:00Z,final,120,110,false\n"
    "0022400501,2025-01-01,2024,regular,NYK,BOS,2025-01-02T00:30:00Z,final,105,100,false\n"
    "0022400502,2025-01-08,2024,regular,BOS,NYK,2025-01-09T00:30:00Z,final,115,108,false\n"
    "0022400503,2025-01-13,2024,regular,BOS,MIA,2025-01-14T00:30:00Z,final,110,100,false\n"
    "0022400504,2025-01-10,2024,regular,LAL,MIA,2025-01-11T03:30:00Z,postponed,,,false\n"
    "0022400505,2025-01-14,2024,regular,PHX,LAL,2025-01-15T03:00:00Z,final,105,100,false\n"
    "0022400600,2025-01-15,2024,regular,LAL,BOS,2025-01-16T03:30:00Z,scheduled,,,false\n"
    "0022400601,2025-01-15,2024,regular,MIA,NYK,2025-01-16T00:30:00Z,scheduled,,,true\n"
    "0022400800,2025-01-20,2024,regular,NYK,BOS,2025-01-21T00:30:00Z,final,90,100,false\n"
    "0022400700,2025-03-10,2024,regular,PHX,LAL,2025-03-11T02:00:00Z,final,100,99,false\n"
    "0022400701,2025-03-12,2024,regular,LAL,MIA,,scheduled,,,false\n"
    "0022400900,2025-03-20,2024,regular,SAS,LAL,2025-03-21T00:30:00Z,scheduled,,,false\n";

const char* kGameLines =
    "game_date,game_id,bookmaker,market,team_abbr,line,price,snapshot_utc\n"
    "2025-01-15,0022400600,draftkings,spread,LAL,-2.5,-110,2025-01-15T12:00:00Z\n"
    "2025-01-15,0022400600,draftkings,spread,BOS,2.5,-110,2025-01-15T12:00:00Z\n"
    "2025-01-15,0022400600,draftkings,spread,LAL,-3.5,-110,2025-01-15T20:00:00Z\n"
    "2025-01-15,0022400600,draftkings,spread,BOS,3.5,-110,2025-01-15T20:00:00Z\n"
    "2025-01-15,0022400600,draftkings,spread,LAL,-10,-110,2025-01-16T04:00:00Z\n"
    "2025-01-15,0022400600,fanduel,spread,LAL,-3.0,-110,2025-01-15T13:00:00Z\n"
    "2025-01-15,0022400600,fanduel,spread,LAL,-4.0,-110,2025-01-15T21:00:00Z\n"
    "2025-01-15,0022400600,betmgm,spread,LAL,-3.0,-110,2025-01-15T14:00:00Z\n"
    "2025-01-15,0022400600,betmgm,spread,LAL,-3.5,-110,2025-01-15T22:00:00Z\n"
    "2025-01-15,0022400600,caesars,spread,BOS,3.0,-110,2025-01-15T15:00:00Z\n"
    "2025-01-15,0022400600,caesars,spread,BOS,4.5,-110,2025-01-15T23:00:00Z\n"
    "2025-01-15,0022400600,draftkings,total,,228.5,-110,2025-01-15T12:00:00Z\n"
    "2025-01-15,0022400600,draftkings,total,,230.5,-110,2025-01-15T20:00:00Z\n"
    "2025-01-15,0022400600,fanduel,total,,229.5,-110,2025-01-15T13:00:00Z\n";

const char* kInjuries =
    "report_utc,game_date,team_abbr,player_lookup,player_name,status,reason\n"
    "2025-01-15T18:00:00Z,2025-01-15,LAL,,LeBron James,out,Left ankle soreness\n"
    "2025-01-16T04:00:00Z,2025-01-15,LAL,,LeBron James,available,\n"
    "2025-01-15T18:00:00Z,2025-01-15,LAL,,Anthony Davis,questionable,Back\n"
    "2025-01-15T18:00:00Z,2025-01-15,LAL,,Austin Reaves,doubtful,Hip\n"
    "2025-01-15T18:00:00Z,2025-01-15,LAL,,Gabe Vincent,out,Knee\n";

const char* kProps =
    "game_date,game_id,player_lookup,player_name,market,bookmaker,line,over_price,under_price,"
    "snapshot_utc,tipoff_utc\n"
    "2025-01-15,0022400600,,Jayson Tatum,points,draftkings,21.5,-110,-110,2025-01-15T12:00:00Z,\n"
    "2025-01-15,0022400600,,Jayson Tatum,points,draftkings,22.0,-110,-110,2025-01-15T20:00:00Z,\n"
    "2025-01-15,0022400600,,Jayson Tatum,points,draftkings,30.0,-110,-110,2025-01-16T04:00:00Z,\n"
    "2025-01-15,0022400600,,Jayson Tatum,points,fanduel,23.5,-110,-110,2025-01-15T22:00:00Z,\n"
    "2025-01-15,0022400600,,Line Only,points,draftkings,8.5,-110,-110,2025-01-15T20:00:00Z,\n"
    "2025-01-15,0022400600,,Post Line,points,draftkings,9.5,-110,-110,2025-01-16T05:00:00Z,\n"
    "2025-03-20,0022400900,,Rookie Guy,points,draftkings,10.5,-110,-110,2025-03-20T20:00:00Z,\n"
    "2025-01-10,0022400504,,Postponed Guy,points,draftkings,12.5,-110,-110,2025-01-10T20:00:00Z,"
    "\n";

const char* kPlayers =
    "player_id,player_lookup,player_name,birth_date,position\n"
    "1628369,,Jayson Tatum,1998-03-03,F\n";

const char* kBoxes =
    "game_id,game_date,team_abbr,player_id,player_lookup,player_name,status,dnp_reason,starter,"
    "minutes,pts,fgm,fga,fg3m,fg3a,ftm,fta,oreb,dreb,reb,ast,stl,blk,tov,pf,plus_minus\n"
    "0022400800,2025-01-20,BOS,,,Jayson Tatum,active,,true,30,10,4,8,0,1,2,2,1,3,4,2,1,0,1,2,5\n"
    "0022400800,2025-01-20,BOS,,,Jaylen Brown,dnp,Rest,,,,,,,,,,,,,,,,,,\n"
    "0022400800,2025-01-20,BOS,,,Jrue Holiday,inactive,Knee,,,,,,,,,,,,,,,,,,\n";

Date day(int y, unsigned m, unsigned d) {
  return make_date(y, m, d);
}

// `count` appearances of one player, one every other day before Jan 15, 2025, newest last.
void add_player(Phase3History& h, const std::string& player, const std::string& team,
                std::vector<int64_t> pts, double minutes, double usage, bool starter,
                Date last = day(2025, 1, 14)) {
  for (size_t i = 0; i < pts.size(); ++i) {
    PgsRecord r;
    r.game_date = Date{last.days - 2 * static_cast<int32_t>(pts.size() - 1 - i)};
    r.game_id = "h" + format_date(r.game_date) + team;
    r.season = season_of(r.game_date);
    r.season_type = "regular";
    r.player_lookup = player;
    r.team_abbr = team;
    r.opponent_abbr = "NYK";
    r.player_status = "active";
    r.minutes = minutes;
    r.usage_rate = usage;
    r.pts = pts[i];
    r.starter_flag = starter;
    h.add(r);
  }
}

void add_team_game(Phase3History& h, const std::string& team, Date d, double pace, double ortg,
                   int64_t reb, double poss, double drtg, int64_t opp_fta) {
  std::string id = "t" + format_date(d) + team;
  h.add(TogsRecord{d, id, season_of(d), team, "NYK", 100, reb, 100, poss, ortg, pace, true, 0});
  h.add(TdgsRecord{d, id, season_of(d), team, "NYK", opp_fta, 100.0, drtg, pace});
}

Phase3History league_history() {
  Phase3History h;
  add_player(h, "lebronjames", "LAL", {26, 26, 26, 26, 26}, 35, 30, true);
  add_player(h, "anthonydavis", "LAL", {25, 25, 25, 25, 25}, 36, 29, true);
  add_player(h, "austinreaves", "LAL", {18, 18, 18, 18, 18}, 34, 22, true);
  add_player(h, "gabevincent", "LAL", {6, 6, 6, 6, 6}, 15, 14, false);
  add_player(h, "oldguy", "LAL", {4, 4, 4}, 20, 10, false, day(2024, 12, 1));
  add_player(h, "tradedguy", "LAL", {12, 12}, 25, 18, false, day(2025, 1, 1));
  add_player(h, "tradedguy", "PHX", {12}, 25, 18, false, day(2025, 1, 14));
  // Tatum, oldest first: 30, 19, 24, 22, 27 (newest Jan 13); a row dated D is never read.
  add_player(h, "jaysontatum", "BOS", {30, 19, 24, 22, 27}, 36, 28, true, day(2025, 1, 13));
  add_player(h, "jaysontatum", "BOS", {60}, 48, 50, true, day(2025, 1, 15));
  add_team_game(h, "LAL", day(2025, 1, 10), 100.0, 110.0, 44, 100.0, 108.0, 20);
  add_team_game(h, "LAL", day(2025, 1, 12), 102.0, 114.0, 46, 102.0, 112.0, 25);
  add_team_game(h, "LAL", day(2024, 4, 10), 80.0, 80.0, 10, 90.0, 80.0, 90);  // last season
  add_team_game(h, "LAL", day(2025, 1, 15), 80.0, 80.0, 10, 90.0, 80.0, 90);  // D itself
  add_team_game(h, "BOS", day(2025, 1, 11), 98.0, 112.0, 45, 98.0, 105.0, 18);
  add_team_game(h, "BOS", day(2025, 1, 13), 100.0, 116.0, 47, 100.0, 101.0, 22);
  h.finish();
  return h;
}

class UpcomingContexts : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    auto store = open_store((dir_->path() / "store.db").string());
    std::vector<std::string> files = {
        dir_->write("games.csv", kGames),       dir_->write("game_lines.csv", kGameLines),
        dir_->write("injuries.csv", kInjuries), dir_->write("prop_lines.csv", kProps),
        dir_->write("players.csv", kPlayers),   dir_->write("player_boxscores.csv", kBoxes)};
    auto run = run_ingest(*store, files);
    ASSERT_EQ(run.report.exit_code, 0) << run.out << run.err;
    inputs_ = new RawInputs(RawInputs::load(*store, day(2024, 10, 1), day(2025, 4, 30)));
    history_ = new Phase3History(league_history());
  }
  static void TearDownTestSuite() {
    delete history_;
    delete inputs_;
    delete dir_;
  }

  // The rows of a processor output keyed by their `key` column.
  static const Row& find(const ProcessorOutput& out, const TableSchema& t, const char* key,
                         const std::string& value) {
    size_t k = t.column_index(key);
    for (const Row& r : out.rows) {
      if (r[k] == Value{value}) return r;
    }
    static const Row kNone;
    ADD_FAILURE() << "no row " << value;
    return kNone;
  }
  static Value cell(const Row& row, const TableSchema& t, const char* column) {
    if (row.empty()) return Value{};
    return row[t.column_index(column)];
  }

  static TempDir* dir_;
  static RawInputs* inputs_;
  static Phase3History* history_;
};

TempDir* UpcomingContexts::dir_ = nullptr;
RawInputs* UpcomingContexts::inputs_ = nullptr;
Phase3History* UpcomingContexts::history_ = nullptr;

Value i(int64_t v) {
  return Value{v};
}
Value f(double v) {
  return Value{v};
}
Value s(const char* v) {
  return Value{std::string(v)};
}
const Value kNull{};

TEST_F(UpcomingContexts, ModeIsBackfillOnlyWhenEveryGameIsFinalWithBoxScores) {
  EXPECT_EQ(detect_mode(*inputs_, day(2025, 1, 15)), RunMode::kDaily);  // scheduled
  EXPECT_EQ(detect_mode(*inputs_, day(2025, 1, 20)), RunMode::kBackfill);
  EXPECT_EQ(detect_mode(*inputs_, day(2025, 1, 14)), RunMode::kDaily);  // final, no box scores
  EXPECT_EQ(detect_mode(*inputs_, day(2025, 1, 16)), RunMode::kDaily);  // no games
}

TEST_F(UpcomingContexts, BootstrapModeIsTheFirst30DaysAfterOpeningNight) {
  EXPECT_EQ(opening_night(*inputs_, 2024), day(2024, 10, 22));
  EXPECT_FALSE(bootstrap_mode(*inputs_, day(2024, 10, 21)));
  EXPECT_TRUE(bootstrap_mode(*inputs_, day(2024, 10, 22)));
  EXPECT_TRUE(bootstrap_mode(*inputs_, day(2024, 11, 20)));   // 29 days
  EXPECT_FALSE(bootstrap_mode(*inputs_, day(2024, 11, 21)));  // 30 days
}

TEST_F(UpcomingContexts, TeamRowsRestStreaksAndWindows) {
  const TableSchema& t = upcoming_team_game_context_table();
  ProcessorOutput out = upcoming_team_game_context(*inputs_, *history_, day(2025, 1, 15));
  ASSERT_EQ(out.rows.size(), 4u);  // two per game, key order
  EXPECT_EQ(cell(out.rows[0], t, "team_abbr"), s("BOS"));
  EXPECT_EQ(cell(out.rows[3], t, "team_abbr"), s("NYK"));
  for (const Row& r : out.rows) ASSERT_EQ(r.size(), t.columns.size());
  const Row& bos = find(out, t, "team_abbr", "BOS");
  EXPECT_EQ(cell(bos, t, "home_game"), i(0));
  EXPECT_EQ(cell(bos, t, "days_since_last_game"), i(2));  // Jan 13
  EXPECT_EQ(cell(bos, t, "team_days_rest"), i(1));
  EXPECT_EQ(cell(bos, t, "is_back_to_back"), i(0));
  EXPECT_EQ(cell(bos, t, "games_in_last_7_days"), i(2));   // Jan 8 (D - 7) and Jan 13
  EXPECT_EQ(cell(bos, t, "games_in_last_14_days"), i(3));  // Jan 1 (D - 14) too
  EXPECT_EQ(cell(bos, t, "game_number_in_season"), i(5));
  EXPECT_EQ(cell(bos, t, "win_streak_entering"), i(2));
  EXPECT_EQ(cell(bos, t, "loss_streak_entering"), i(0));
  EXPECT_EQ(cell(bos, t, "last_game_result"), s("W"));
  EXPECT_EQ(cell(bos, t, "last_game_margin"), i(10));
  EXPECT_EQ(cell(bos, t, "travel_miles"), i(2593));  // Boston -> Los Angeles
  EXPECT_EQ(cell(bos, t, "time_zones_crossed"), i(3));
  EXPECT_EQ(cell(bos, t, "opponent_days_rest"), i(0));
  EXPECT_EQ(cell(bos, t, "rest_advantage"), i(1));
  const Row& lal = find(out, t, "team_abbr", "LAL");
  EXPECT_EQ(cell(lal, t, "team_days_rest"), i(0));
  EXPECT_EQ(cell(lal, t, "is_back_to_back"), i(1));
  EXPECT_EQ(cell(lal, t, "loss_streak_entering"), i(1));
  EXPECT_EQ(cell(lal, t, "last_game_result"), s("L"));
  EXPECT_EQ(cell(lal, t, "last_game_margin"), i(-5));
  EXPECT_EQ(cell(lal, t, "game_number_in_season"), i(2));  // the postponed game is ignored
  EXPECT_EQ(cell(lal, t, "travel_miles"), i(358));         // Phoenix -> Los Angeles
  EXPECT_EQ(cell(lal, t, "time_zones_crossed"), i(1));     // January: -7 vs -8
  EXPECT_EQ(cell(lal, t, "rest_advantage"), i(-1));
  EXPECT_EQ(cell(lal, t, "quality_issues"), s("prior_game_not_final"));
}

TEST_F(UpcomingContexts, TeamRowsConsensusLinesAreTeamSignedMedians) {
  const TableSchema& t = upcoming_team_game_context_table();
  ProcessorOutput out = upcoming_team_game_context(*inputs_, *history_, day(2025, 1, 15));
  const Row& lal = find(out, t, "team_abbr", "LAL");
  EXPECT_EQ(cell(lal, t, "game_spread"), f(-3.75));
  EXPECT_EQ(cell(lal, t, "opening_spread"), f(-3.0));
  EXPECT_EQ(cell(lal, t, "spread_movement"), f(-0.75));
  EXPECT_EQ(cell(lal, t, "spread_books"), i(4));
  EXPECT_EQ(cell(lal, t, "game_total"), f(230.0));
  EXPECT_EQ(cell(lal, t, "opening_total"), f(229.0));
  EXPECT_EQ(cell(lal, t, "total_movement"), f(1.0));
  EXPECT_EQ(cell(lal, t, "total_books"), i(2));
  EXPECT_EQ(cell(lal, t, "quality_tier"), s("gold"));
  const Row& bos = find(out, t, "team_abbr", "BOS");
  EXPECT_EQ(cell(bos, t, "game_spread"), f(3.75));
  EXPECT_EQ(cell(bos, t, "opening_spread"), f(3.0));
  EXPECT_EQ(cell(bos, t, "spread_movement"), f(0.75));
  EXPECT_EQ(cell(bos, t, "game_total"), f(230.0));
  const Row& mia = find(out, t, "team_abbr", "MIA");
  EXPECT_EQ(cell(mia, t, "game_spread"), kNull);
  EXPECT_EQ(cell(mia, t, "spread_books"), i(0));
  EXPECT_EQ(cell(mia, t, "quality_tier"), s("silver"));
}

TEST_F(UpcomingContexts, TeamRowsInjuryCountsNeutralSiteAndCompleteness) {
  const TableSchema& t = upcoming_team_game_context_table();
  ProcessorOutput out = upcoming_team_game_context(*inputs_, *history_, day(2025, 1, 15));
  const Row& lal = find(out, t, "team_abbr", "LAL");
  EXPECT_EQ(cell(lal, t, "players_out_count"), i(2));   // the later "available" is after tip-off
  EXPECT_EQ(cell(lal, t, "starters_out_count"), i(1));  // LeBron, not the bench player
  EXPECT_EQ(cell(lal, t, "doubtful_count"), i(1));
  EXPECT_EQ(cell(lal, t, "questionable_count"), i(1));
  const Row& nyk = find(out, t, "team_abbr", "NYK");
  EXPECT_EQ(cell(nyk, t, "neutral_site"), i(1));
  EXPECT_EQ(cell(nyk, t, "travel_miles"), kNull);
  EXPECT_EQ(cell(nyk, t, "time_zones_crossed"), kNull);
  EXPECT_EQ(cell(nyk, t, "quality_issues"), s("neutral_site;no_game_lines"));
  EXPECT_EQ(cell(nyk, t, "completeness_checked"), i(0));
  EXPECT_EQ(cell(nyk, t, "bootstrap_mode"), i(0));
  for (const char* c : {"expected_games_count", "actual_games_count", "completeness_pct",
                        "l7d_completeness_pct", "l14d_completeness_pct", "l15_completeness_pct",
                        "all_windows_complete", "is_production_ready", "processed_at"}) {
    EXPECT_EQ(cell(nyk, t, c), kNull) << c;
  }
}

TEST_F(UpcomingContexts, TeamRowsNoTimeZoneAfterTheMarchClockChange) {
  const TableSchema& t = upcoming_team_game_context_table();
  ProcessorOutput out = upcoming_team_game_context(*inputs_, *history_, day(2025, 3, 12));
  const Row& lal = find(out, t, "team_abbr", "LAL");
  EXPECT_EQ(cell(lal, t, "travel_miles"), i(358));
  EXPECT_EQ(cell(lal, t, "time_zones_crossed"), i(0));  // offsets at 12:00 ET: both -7
  EXPECT_EQ(cell(lal, t, "quality_issues"), s("no_game_lines;prior_game_not_final;tipoff_unknown"));
}

ProcessorOutput players_on(Date d, RunMode mode, const RawInputs& in, const Phase3History& h) {
  auto teams = team_game_contexts(in, h, d);
  return upcoming_player_game_context(in, h, d, mode, teams);
}

std::vector<Value> keys(const ProcessorOutput& out) {
  std::vector<Value> k;
  for (const Row& r : out.rows) k.push_back(r[1]);
  return k;
}

TEST_F(UpcomingContexts, DailyPlayerSetRecentlyWithMinusOutPlusLines) {
  ProcessorOutput out = players_on(day(2025, 1, 15), RunMode::kDaily, *inputs_, *history_);
  EXPECT_TRUE(out.failed.empty());
  // Not: lebronjames and gabevincent (out), oldguy (last row > 30 days ago), tradedguy (latest
  // team PHX does not play), postline (only a snapshot after tip-off).
  EXPECT_EQ(keys(out), (std::vector<Value>{s("anthonydavis"), s("austinreaves"), s("jaysontatum"),
                                           s("lineonly")}));
  for (const Row& r : out.rows) {
    EXPECT_EQ(r.size(), upcoming_player_game_context_table().columns.size());
  }
}

TEST_F(UpcomingContexts, PlayerRowPerformancePropsAndGameContext) {
  const TableSchema& t = upcoming_player_game_context_table();
  ProcessorOutput out = players_on(day(2025, 1, 15), RunMode::kDaily, *inputs_, *history_);
  const Row& jt = find(out, t, "player_lookup", "jaysontatum");
  EXPECT_EQ(cell(jt, t, "player_id"), i(1628369));
  EXPECT_EQ(cell(jt, t, "points_avg_last_5"), f(24.4));  // the row dated D is not read
  EXPECT_EQ(cell(jt, t, "days_rest"), i(2));
  // The consensus of DraftKings (21.5 then 22.0) and FanDuel (23.5) (docs/tonight.md): current
  // median (22.0 + 23.5) / 2 = 22.75, stored 22.8; opening (21.5 + 23.5) / 2 = 22.5.
  EXPECT_EQ(cell(jt, t, "current_points_line"), f(22.8));
  EXPECT_EQ(cell(jt, t, "opening_points_line"), f(22.5));
  EXPECT_EQ(cell(jt, t, "line_movement"), f(0.3));
  EXPECT_EQ(cell(jt, t, "points_line_bookmaker"), s("draftkings"));
  EXPECT_EQ(cell(jt, t, "points_line_book_count"), i(2));
  EXPECT_EQ(cell(jt, t, "has_prop_line"), i(1));
  EXPECT_EQ(cell(jt, t, "prop_over_streak"), i(1));  // 27 over 22.75, then 22 under
  EXPECT_EQ(cell(jt, t, "prop_under_streak"), i(0));
  EXPECT_EQ(cell(jt, t, "game_id"), s("0022400600"));
  EXPECT_EQ(cell(jt, t, "opponent_abbr"), s("LAL"));
  EXPECT_EQ(cell(jt, t, "game_spread"), f(3.75));
  EXPECT_EQ(cell(jt, t, "travel_miles"), i(2593));
  EXPECT_EQ(cell(jt, t, "season_phase"), s("mid"));
  EXPECT_EQ(cell(jt, t, "opponent_pace_last_10"), f(101.0));  // last season and D excluded
  EXPECT_EQ(cell(jt, t, "opponent_pace_std_last_10"), f(1.41));
  EXPECT_EQ(cell(jt, t, "opponent_off_rating_last_10"), f(112.0));
  EXPECT_EQ(cell(jt, t, "opponent_def_rating_last_10"), f(110.0));
  EXPECT_EQ(cell(jt, t, "opponent_rebounding_rate"), f(0.445));  // (0.44 + 0.45098) / 2
  EXPECT_EQ(cell(jt, t, "opponent_ft_rate_allowed"), f(22.5));
  EXPECT_EQ(cell(jt, t, "opponent_ft_rate_allowed_std"), f(3.54));
  EXPECT_EQ(cell(jt, t, "opponent_games_used"), i(2));
  EXPECT_EQ(cell(jt, t, "pace_differential"), f(-2.0));  // 99 - 101
  EXPECT_EQ(cell(jt, t, "player_age"), i(26));
  EXPECT_EQ(cell(jt, t, "injury_status"), kNull);
  EXPECT_EQ(cell(jt, t, "quality_tier"), s("silver"));  // 5 appearances in 30 days
  EXPECT_EQ(cell(jt, t, "quality_issues"), s(""));
  EXPECT_EQ(cell(jt, t, "completeness_checked"), i(0));
  EXPECT_EQ(cell(jt, t, "l30d_completeness_pct"), kNull);
}

TEST_F(UpcomingContexts, PlayerRowTeamAvailability) {
  const TableSchema& t = upcoming_player_game_context_table();
  ProcessorOutput out = players_on(day(2025, 1, 15), RunMode::kDaily, *inputs_, *history_);
  const Row& ad = find(out, t, "player_lookup", "anthonydavis");
  EXPECT_EQ(cell(ad, t, "star_teammates_out"), i(2));  // LeBron out (3), Reaves doubtful (2)
  EXPECT_EQ(cell(ad, t, "star_teammates_out_weighted"), i(5));
  EXPECT_EQ(cell(ad, t, "projected_usage_rate"), f(45.0));  // capped
  EXPECT_EQ(cell(ad, t, "injury_status"), s("questionable"));
  EXPECT_EQ(cell(ad, t, "injury_reason"), s("Back"));
  const Row& ar = find(out, t, "player_lookup", "austinreaves");
  EXPECT_EQ(cell(ar, t, "star_teammates_out"), i(1));  // himself excluded
  EXPECT_EQ(cell(ar, t, "star_teammates_out_weighted"), i(3));
}

TEST_F(UpcomingContexts, LineOnlyPlayerWithoutTeamHasNullTeamColumns) {
  const TableSchema& t = upcoming_player_game_context_table();
  ProcessorOutput out = players_on(day(2025, 1, 15), RunMode::kDaily, *inputs_, *history_);
  const Row& lo = find(out, t, "player_lookup", "lineonly");
  EXPECT_EQ(cell(lo, t, "team_abbr"), kNull);
  EXPECT_EQ(cell(lo, t, "game_id"), kNull);
  EXPECT_EQ(cell(lo, t, "game_spread"), kNull);
  EXPECT_EQ(cell(lo, t, "star_teammates_out"), kNull);
  EXPECT_EQ(cell(lo, t, "current_points_line"), f(8.5));
  EXPECT_EQ(cell(lo, t, "points_avg_last_5"), kNull);
  EXPECT_EQ(cell(lo, t, "l5_sample_quality"), s("insufficient"));
  EXPECT_EQ(cell(lo, t, "quality_tier"), s("bronze"));
  EXPECT_EQ(cell(lo, t, "quality_issues"), s("team_unknown;thin_sample"));
}

TEST_F(UpcomingContexts, BackfillPlayerSetComesFromTheBoxScoresOfD) {
  const TableSchema& t = upcoming_player_game_context_table();
  ProcessorOutput out = players_on(day(2025, 1, 20), RunMode::kBackfill, *inputs_, *history_);
  // Active and dnp rows; the inactive row is left out.
  EXPECT_EQ(keys(out), (std::vector<Value>{s("jaylenbrown"), s("jaysontatum")}));
  const Row& jt = find(out, t, "player_lookup", "jaysontatum");
  EXPECT_EQ(cell(jt, t, "team_abbr"), s("BOS"));
  EXPECT_EQ(cell(jt, t, "points_avg_last_5"), f(30.4));  // history only: 60 27 22 24 19
  EXPECT_EQ(cell(jt, t, "days_rest"), i(5));             // Jan 15, not D's own game
  const Row& jb = find(out, t, "player_lookup", "jaylenbrown");
  EXPECT_EQ(cell(jb, t, "team_abbr"), s("BOS"));
  EXPECT_EQ(cell(jb, t, "points_avg_last_5"), kNull);
}

TEST_F(UpcomingContexts, NoGameYetTheOnlySideOfHisLinesGameThatFitsIsHisTeam) {
  // Rookie Guy has no game and no report; his lines name SAS at home to LAL on Mar 20. LAL has
  // played final games this season without him, SAS none: only SAS fits (docs/tonight.md).
  const TableSchema& t = upcoming_player_game_context_table();
  ProcessorOutput out = players_on(day(2025, 3, 20), RunMode::kDaily, *inputs_, *history_);
  const Row& rg = find(out, t, "player_lookup", "rookieguy");
  EXPECT_EQ(cell(rg, t, "team_abbr"), s("SAS"));
  EXPECT_EQ(cell(rg, t, "opponent_abbr"), s("LAL"));
}

TEST_F(UpcomingContexts, LinesOnAPostponedGameAreAnExpectedFailureWithoutARow) {
  // LAL-MIA on Jan 10 is postponed: its players are not entities; the line player is recorded.
  ProcessorOutput out = players_on(day(2025, 1, 10), RunMode::kDaily, *inputs_, *history_);
  EXPECT_TRUE(out.rows.empty());
  ASSERT_EQ(out.failed.size(), 1u);
  EXPECT_EQ(out.failed[0].entity_id, "postponedguy");
  EXPECT_EQ(out.failed[0].category, "GAME_POSTPONED");
  EXPECT_TRUE(expected_category(out.failed[0].category));
}

}  // namespace
}  // namespace nbaprops::analytics
