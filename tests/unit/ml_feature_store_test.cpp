// ml_feature_store (03-precompute.md §7): every one of the 60 features on constructed data
// (a player with every upstream row and a rich history; a player with none, for the defaults
// and missing values), the feature calculators' conditions, the §7.3 quality scoring and its
// worked example, and the processor's entities, failures and stored columns.
// Upstream Phase 3 / Phase 4 rows are built here as Rows of small local tables with the spec's
// column names (03-precompute.md §3-6, 02-analytics.md §4-5).
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "analytics/history.h"
#include "analytics/inputs.h"
#include "core/row_reader.h"
#include "pipeline/catalog.h"
#include "precompute/feature_calculators.h"
#include "precompute/feature_quality.h"
#include "precompute/ml_feature_store.h"
#include "support/test_store.h"

namespace nbaprops::precompute {
namespace {

using analytics::PgsRecord;
using analytics::Phase3History;
using analytics::RawInputs;
using analytics::TogsRecord;
using FS = FeatureSource;
using nbaprops::testing::run_ingest;
using nbaprops::testing::TempDir;

Date day(int y, unsigned m, unsigned d) {
  return make_date(y, m, d);
}
const Date kD = make_date(2025, 1, 15);

// --- Local upstream tables (spec column names) ---------------------------------------------

TableSchema local_table(std::string name, std::vector<std::string> columns) {
  TableSchema t;
  t.name = std::move(name);
  for (auto& c : columns) t.columns.push_back({std::move(c), ColumnType::kText, true, -1});
  return t;
}

const TableSchema& upgc_table() {
  static const TableSchema t =
      local_table("upcoming_player_game_context", {"game_date",
                                                   "player_lookup",
                                                   "player_id",
                                                   "game_id",
                                                   "team_abbr",
                                                   "opponent_abbr",
                                                   "injury_status",
                                                   "avg_minutes_per_game_last_7_days",
                                                   "current_points_line",
                                                   "opening_points_line",
                                                   "games_in_last_7_days",
                                                   "days_rest",
                                                   "home_game",
                                                   "back_to_back",
                                                   "season_phase",
                                                   "star_teammates_out",
                                                   "minutes_in_last_7_days",
                                                   "prop_over_streak",
                                                   "prop_under_streak",
                                                   "is_production_ready"});
  return t;
}
const TableSchema& utgc_table() {
  static const TableSchema t = local_table(
      "upcoming_team_game_context",
      {"team_abbr", "opponent_days_rest", "game_total", "game_spread", "is_production_ready"});
  return t;
}
const TableSchema& pdc_table() {
  static const TableSchema t =
      local_table("player_daily_cache",
                  {"player_lookup", "points_avg_last_5", "points_avg_last_10", "points_avg_season",
                   "points_std_last_10", "games_in_last_7_days", "team_pace_last_10",
                   "team_off_rating_last_10", "minutes_avg_last_10", "is_production_ready"});
  return t;
}
const TableSchema& pcf_table() {
  static const TableSchema t = local_table(
      "player_composite_factors", {"player_lookup", "fatigue_score", "shot_zone_mismatch_score",
                                   "pace_score", "usage_spike_score", "is_production_ready"});
  return t;
}
const TableSchema& psza_table() {
  static const TableSchema t = local_table(
      "player_shot_zone_analysis", {"player_lookup", "paint_rate_last_10", "mid_range_rate_last_10",
                                    "three_pt_rate_last_10", "is_production_ready"});
  return t;
}
const TableSchema& tdza_table() {
  static const TableSchema t = local_table(
      "team_defense_zone_analysis",
      {"team_abbr", "defensive_rating_last_15", "opponent_pace", "is_production_ready"});
  return t;
}

Value I(int64_t v) {
  return Value{std::in_place_type<int64_t>, v};
}
Value F(double v) {
  return Value{std::in_place_type<double>, v};
}
Value S(const char* v) {
  return Value{std::in_place_type<std::string>, v};
}

Row make_row(const TableSchema& t, const std::map<std::string, Value>& cells) {
  Row r(t.columns.size());
  for (const auto& [k, v] : cells) r[t.column_index(k)] = v;
  return r;
}

// --- Raw inputs: D's game, BOS's games before D, box scores, injuries, prop lines ----------

const char* kGames =
    "game_id,game_date,season,season_type,home_team,away_team,tipoff_utc,status,home_score,"
    "away_score,neutral_site\n"
    "0022400401,2025-01-05,2024,regular,BOS,MIA,2025-01-06T00:30:00Z,final,110,100,false\n"
    "0022400402,2025-01-07,2024,regular,MIA,BOS,2025-01-08T00:30:00Z,final,100,110,false\n"
    "0022400403,2025-01-09,2024,regular,BOS,LAL,2025-01-10T00:30:00Z,final,110,100,false\n"
    "0022400404,2025-01-11,2024,regular,LAL,BOS,2025-01-12T03:30:00Z,final,100,110,false\n"
    "0022400600,2025-01-15,2024,regular,BOS,NYK,2025-01-16T00:30:00Z,scheduled,,,false\n";

const char* kBoxes =
    "game_id,game_date,team_abbr,player_id,player_lookup,player_name,status,dnp_reason,starter,"
    "minutes,pts,fgm,fga,fg3m,fg3a,ftm,fta,oreb,dreb,reb,ast,stl,blk,tov,pf,plus_minus\n"
    "0022400401,2025-01-05,BOS,,,Alpha Player,active,,true,30,20,8,16,1,3,3,4,1,4,5,2,1,0,1,2,5\n"
    "0022400402,2025-01-07,BOS,,,Alpha Player,active,,true,30,20,8,16,1,3,3,4,1,4,5,2,1,0,1,2,5\n"
    "0022400403,2025-01-09,BOS,,,Alpha Player,dnp,Rest,,,,,,,,,,,,,,,,,,\n"
    "0022400404,2025-01-11,BOS,,,Alpha Player,active,,true,30,20,8,16,1,3,3,4,1,4,5,2,1,0,1,2,5\n"
    "0022400403,2025-01-09,BOS,,,Beta Player,active,,true,20,10,4,8,0,1,2,2,1,3,4,2,1,0,1,2,5\n"
    "0022400404,2025-01-11,BOS,,,Beta Player,active,,true,20,10,4,8,0,1,2,2,1,3,4,2,1,0,1,2,5\n";

const char* kInjuries =
    "report_utc,game_date,team_abbr,player_lookup,player_name,status,reason\n"
    "2025-01-15T18:00:00Z,2025-01-15,BOS,,Gamma Player,out,Knee\n"
    "2025-01-15T18:00:00Z,2025-01-15,BOS,,Delta Player,doubtful,Hip\n"
    "2025-01-15T18:00:00Z,2025-01-15,BOS,,Epsilon Player,questionable,Back\n";

const char* kProps =
    "game_date,game_id,player_lookup,player_name,market,bookmaker,line,over_price,under_price,"
    "snapshot_utc,tipoff_utc\n"
    "2025-01-15,0022400600,,Alpha Player,points,draftkings,20.5,-110,-110,2025-01-15T12:00:00Z,\n"
    "2025-01-15,0022400600,,Alpha Player,points,draftkings,21.5,-110,-110,2025-01-15T20:00:00Z,\n"
    "2025-01-15,0022400600,,Alpha Player,points,fanduel,22.5,-110,-110,2025-01-15T22:00:00Z,\n"
    "2025-01-15,0022400600,,Alpha Player,points,betmgm,23.5,-110,-110,2025-01-16T01:00:00Z,\n"
    "2025-01-15,0022400600,,Alpha Player,rebounds,caesars,8.5,-110,-110,2025-01-15T20:00:00Z,\n"
    "2025-01-15,0022400600,,Beta Player,points,draftkings,9.5,-110,-110,2025-01-15T20:00:00Z,\n";

PgsRecord pgs(const std::string& player, const std::string& team, const std::string& opp, Date d,
              std::optional<int64_t> pts, double minutes, int64_t ftm, std::optional<double> usage,
              std::optional<double> line = std::nullopt, const std::string& status = "active") {
  PgsRecord r;
  r.game_date = d;
  r.game_id = "g" + format_date(d) + team;
  r.season = season_of(d);
  r.season_type = "regular";
  r.player_lookup = player;
  r.team_abbr = team;
  r.opponent_abbr = opp;
  r.player_status = status;
  r.is_dnp = status != "active";
  if (status == "active") {
    r.minutes = minutes;
    r.pts = pts;
    r.ftm = ftm;
    r.usage_rate = usage;
  }
  r.points_line = line;
  return r;
}

TogsRecord togs(const std::string& team, Date d, bool win, int64_t margin) {
  return TogsRecord{d,     "t" + format_date(d), season_of(d), team,  "XXX", 100,
                    40,    100 - margin,         100.0,        110.0, 100.0, win,
                    margin};
}

Phase3History build_history() {
  Phase3History h;
  // alphaplayer, newest first g1..g12 (season 2024): see the expected values below.
  const Date dates[] = {day(2025, 1, 13),  day(2025, 1, 11),  day(2025, 1, 9),   day(2025, 1, 7),
                        day(2025, 1, 5),   day(2025, 1, 3),   day(2025, 1, 1),   day(2024, 12, 30),
                        day(2024, 12, 28), day(2024, 12, 26), day(2024, 12, 24), day(2024, 12, 22)};
  const int64_t pts[] = {30, 26, 20, 20, 20, 20, 20, 20, 20, 20, 10, 10};
  const double mins[] = {34, 26, 30, 30, 30, 30, 30, 30, 30, 30, 10, 10};
  const int64_t ftm[] = {9, 9, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  const double usage[] = {30, 28, 26, 24, 22, 20, 20, 20, 20, 20, 20, 20};
  const std::optional<double> lines[] = {25.5, 26.0, 21.5, 19.5, 19.5, std::nullopt};
  for (size_t i = 0; i < 12; ++i) {
    std::string opp = (i == 1 || i == 4) ? "NYK" : "MIA";
    h.add(pgs("alphaplayer", "BOS", opp, dates[i], pts[i], mins[i], ftm[i], usage[i],
              i < 5 ? lines[i] : std::nullopt));
  }
  // Previous season vs NYK: one within 365 days, one older, one DNP.
  h.add(pgs("alphaplayer", "BOS", "NYK", day(2024, 3, 1), 14, 30, 0, 20));
  h.add(pgs("alphaplayer", "BOS", "NYK", day(2023, 12, 1), 40, 30, 0, 20));
  h.add(pgs("alphaplayer", "BOS", "NYK", day(2024, 4, 1), std::nullopt, 0, 0, std::nullopt,
            std::nullopt, "dnp"));
  // Teammates: gamma (out) 25 mean usage over qualifying games; delta (doubtful) none in 30 days;
  // epsilon (questionable) not counted.
  h.add(pgs("gammaplayer", "BOS", "MIA", day(2025, 1, 12), 10, 30, 0, 20));
  h.add(pgs("gammaplayer", "BOS", "MIA", day(2025, 1, 10), 10, 30, 0, 30));
  h.add(pgs("gammaplayer", "BOS", "MIA", day(2025, 1, 8), 10, 8, 0, 99));
  h.add(pgs("gammaplayer", "BOS", "MIA", day(2024, 12, 1), 10, 30, 0, 50));
  h.add(pgs("deltaplayer", "BOS", "MIA", day(2024, 12, 1), 10, 30, 0, 40));
  h.add(pgs("epsilonplayer", "BOS", "MIA", day(2025, 1, 12), 10, 30, 0, 35));
  // BOS team games: 4 wins of 6 in season 2024; |margin| >= 15 in 3 of 6.
  const int64_t margins[] = {20, -16, 5, 3, -2, 15};
  for (int i = 0; i < 6; ++i) {
    h.add(togs("BOS", Date{day(2025, 1, 2).days + 2 * i}, margins[i] > 0, margins[i]));
  }
  h.add(togs("BOS", day(2024, 4, 10), true, 30));  // previous season
  h.add(togs("BOS", kD, false, -40));              // D itself: never read
  h.finish();
  return h;
}

class MlFeatureStore : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    auto store = open_store((dir_->path() / "store.db").string());
    std::vector<std::string> files = {
        dir_->write("games.csv", kGames), dir_->write("player_boxscores.csv", kBoxes),
        dir_->write("injuries.csv", kInjuries), dir_->write("prop_lines.csv", kProps)};
    auto run = run_ingest(*store, files);
    ASSERT_EQ(run.report.exit_code, 0) << run.err;
    raw_ = new RawInputs(RawInputs::load(*store, day(2024, 7, 1), day(2025, 6, 30)));
    history_ = new Phase3History(build_history());
  }
  static void TearDownTestSuite() {
    delete raw_;
    delete history_;
    delete dir_;
  }

  static Row alpha_upgc() {
    return make_row(upgc_table(), {{"game_date", S("2025-01-15")},
                                   {"player_lookup", S("alphaplayer")},
                                   {"player_id", I(101)},
                                   {"game_id", S("0022400600")},
                                   {"team_abbr", S("BOS")},
                                   {"opponent_abbr", S("NYK")},
                                   {"injury_status", S("probable")},
                                   {"avg_minutes_per_game_last_7_days", F(30.0)},
                                   {"current_points_line", F(24.5)},
                                   {"opening_points_line", F(23.0)},
                                   {"games_in_last_7_days", I(4)},
                                   {"days_rest", I(2)},
                                   {"home_game", I(1)},
                                   {"back_to_back", I(0)},
                                   {"season_phase", S("mid")},
                                   {"star_teammates_out", I(1)},
                                   {"minutes_in_last_7_days", F(120.0)},
                                   {"prop_over_streak", I(2)},
                                   {"prop_under_streak", I(0)},
                                   {"is_production_ready", I(1)}});
  }
  // A player with nothing: no Phase 4 rows, no history, no UTGC row, no lines.
  static Row bare_upgc(const char* player = "zetaplayer") {
    return make_row(upgc_table(), {{"game_date", S("2025-01-15")},
                                   {"player_lookup", S(player)},
                                   {"game_id", S("0022400700")},
                                   {"team_abbr", S("MIA")},
                                   {"opponent_abbr", S("LAL")},
                                   {"avg_minutes_per_game_last_7_days", F(20.0)}});
  }

  // Inputs with the given UPGC rows and alpha's full set of upstream rows.
  static Phase4Inputs inputs(std::vector<Row> upgc, double fatigue = 85) {
    Phase4Inputs in;
    in.d = kD;
    in.raw = raw_;
    in.history = history_;
    in.upgc = DayRows(upgc_table(), std::move(upgc), "player_lookup");
    in.utgc = DayRows(utgc_table(),
                      {make_row(utgc_table(), {{"team_abbr", S("BOS")},
                                               {"opponent_days_rest", I(0)},
                                               {"game_total", F(225.5)},
                                               {"game_spread", F(-4.5)},
                                               {"is_production_ready", I(1)}})},
                      "team_abbr");
    in.pdc = DayRows(pdc_table(),
                     {make_row(pdc_table(), {{"player_lookup", S("alphaplayer")},
                                             {"points_avg_last_5", F(24.0)},
                                             {"points_avg_last_10", F(22.0)},
                                             {"points_avg_season", F(20.0)},
                                             {"points_std_last_10", F(4.0)},
                                             {"games_in_last_7_days", I(3)},
                                             {"team_pace_last_10", F(101.5)},
                                             {"team_off_rating_last_10", F(115.25)},
                                             {"minutes_avg_last_10", F(30.0)},
                                             {"is_production_ready", I(1)}})},
                     "player_lookup");
    in.pcf =
        DayRows(pcf_table(),
                {make_row(pcf_table(),
                          {{"player_lookup", S("alphaplayer")},
                           {"fatigue_score", I(static_cast<int64_t>(fatigue))},  // an int column
                           {"shot_zone_mismatch_score", F(6.63)},
                           {"pace_score", F(1.55)},
                           {"usage_spike_score", F(0.86)},
                           {"is_production_ready", I(1)}})},
                "player_lookup");
    in.psza = DayRows(psza_table(),
                      {make_row(psza_table(), {{"player_lookup", S("alphaplayer")},
                                               {"paint_rate_last_10", F(44.54)},
                                               {"mid_range_rate_last_10", F(15.97)},
                                               {"three_pt_rate_last_10", F(39.49)},
                                               {"is_production_ready", I(0)}})},
                      "player_lookup");
    in.tdza = DayRows(tdza_table(),
                      {make_row(tdza_table(), {{"team_abbr", S("NYK")},
                                               {"defensive_rating_last_15", F(110.25)},
                                               {"opponent_pace", F(98.0)},
                                               {"is_production_ready", I(1)}})},
                      "team_abbr");
    return in;
  }

  static TempDir* dir_;
  static RawInputs* raw_;
  static Phase3History* history_;
};
TempDir* MlFeatureStore::dir_ = nullptr;
RawInputs* MlFeatureStore::raw_ = nullptr;
Phase3History* MlFeatureStore::history_ = nullptr;

struct Expected {
  std::optional<double> value;
  FS source;
};

void expect_features(const FeatureArray& f, const std::array<Expected, kFeatureCount>& want) {
  for (size_t i = 0; i < kFeatureCount; ++i) {
    SCOPED_TRACE("feature " + std::to_string(i) + " " + std::string(feature_names()[i]));
    EXPECT_EQ(feature_source_label(f[i].source), feature_source_label(want[i].source));
    ASSERT_EQ(f[i].value.has_value(), want[i].value.has_value());
    if (want[i].value) {
      EXPECT_DOUBLE_EQ(*f[i].value, *want[i].value);
    }
  }
}

// Value tests: every feature of a player with all upstream rows and a rich history.
TEST_F(MlFeatureStore, EveryFeatureFromItsSource) {
  Phase4Inputs in = inputs({alpha_upgc()});
  FeatureArray f =
      compute_features(in, *in.upgc.read(analytics::feature_context_view(), "alphaplayer"));
  const auto P4 = FS::kPhase4, P3 = FS::kPhase3, C = FS::kCalculated, V = FS::kVegas;
  std::array<Expected, kFeatureCount> want = {{
      {24.0, P4},   {22.0, P4},   {20.0, P4},   {4.0, P4},    // 0-3 PDC
      {3.0, P4},                                              // 4 PDC before UPGC's 4
      {85.0, P4},   {6.63, P4},   {1.55, P4},   {0.86, P4},   // 5-8 PCF
      {1.0, C},                                               // 9 (2 - 1) - 0
      {1.0, C},                                               // 10 probable
      {2.0, C},                                               // 11 28 - 20 = 8
      {1.0, C},                                               // 12 (30 - 26.67) / 26.67
      {110.25, P4}, {98.0, P4},                               // 13-14 TDZA
      {1.0, P3},    {0.0, P3},    {0.0, P3},                  // 15-17
      {0.4454, P4}, {0.1597, P4}, {0.3949, P4},               // 18-20 rates / 100
      {0.125, C},                                             // 21 27 / 216
      {101.5, P4},  {115.25, P4},                             // 22-23 PDC
      {0.6667, C},                                            // 24 4 / 6
      {24.5, V},    {23.0, V},    {1.5, V},     {1.0, C},     // 25-28
      {20.0, C},    {3.0, C},                                 // 29-30 (26 + 20 + 14) / 3
      {30.0, P4},                                             // 31
      {0.72, C},                                              // 32 216 / 300
      {0.25, C},                                              // 33 1 of 4 (raw)
      {0.8, C},                                               // 34 slope 66 / 82.5
      {1.0, C},     {0.0, C},                                 // 35-36 (24-20)/4; 24 !> 26
      {1.0, P3},    {225.5, P3},  {2.0, P3},    {120.0, P3},  // 37-40
      {4.5, P3},    {115.0, P3},                              // 41-42 (225.5+4.5)/2
      {25.3333, C}, {1.5, C},     {1.0273, C},  {0.0, C},     // 43-46
      {25.0, C},                                              // 47 gamma out: (20+30)/2
      {26.0, C},    {12.0, C},                                // 48-49
      {0.7071, V},                                            // 50 sd(21.5, 22.5)
      {2.0, P3},    {0.0, P3},                                // 51-52
      {4.5, C},     {-1.0, V},                                // 53-54
      {0.6, C},     {0.8, C},                                 // 55-56 3 of 5; 4 / 5
      {0.5, C},     {1.8856, C},                              // 57-58
      {3.5, C},                                               // 59 101.5 - 98
  }};
  expect_features(f, want);
}

// Default / missing tests: every feature of a player with no upstream rows and no history.
TEST_F(MlFeatureStore, EveryFeatureDefaultOrMissing) {
  Phase4Inputs in = inputs({bare_upgc()});
  FeatureArray f =
      compute_features(in, *in.upgc.read(analytics::feature_context_view(), "zetaplayer"));
  const auto D = FS::kDefault, M = FS::kMissing, C = FS::kCalculated;
  const Expected miss{std::nullopt, M};
  std::array<Expected, kFeatureCount> want = {{
      {10.0, D},  {10.0, D},  {10.0, D}, {5.0, D},  {3.0, D},            // 0-4
      {50.0, D},  {0.0, D},   {0.0, D},  {0.0, D},                       // 5-8
      {0.0, D},   {0.0, C},   {0.0, D},  {0.0, D},                       // 9-12 (10: not reported)
      {112.0, D}, {100.0, D},                                            // 13-14
      {0.0, D},   {0.0, D},   {0.0, D},                                  // 15-17
      miss,       miss,       miss,      {0.15, D},                      // 18-21
      {100.0, D}, {112.0, D}, {0.5, D},                                  // 22-24
      miss,       miss,       miss,      {0.0, C},                       // 25-28
      {10.0, D},  {0.0, C},   {28.0, D}, {0.4, D},  {0.0, D}, {0.0, D},  // 29-34
      {0.0, D},   {0.0, D},   {0.0, D},                                  // 35-37
      miss,       miss,       miss,      miss,      miss,                // 38-42
      miss,       miss,       miss,      miss,                           // 43-46
      {0.0, C},                                                          // 47 nobody out
      miss,       miss,       miss,      miss,      miss,     miss,      // 48-53
      miss,       miss,       miss,      miss,      miss,     miss,      // 54-59
  }};
  expect_features(f, want);
}

TEST_F(MlFeatureStore, GamesInLast7DaysFallsBackToUpgc) {
  Row r = bare_upgc();
  r[upgc_table().column_index("games_in_last_7_days")] = I(2);
  Phase4Inputs in = inputs({r});
  FeatureArray f =
      compute_features(in, *in.upgc.read(analytics::feature_context_view(), "zetaplayer"));
  EXPECT_EQ(f[4].value, 2.0);
  EXPECT_EQ(f[4].source, FS::kPhase3);
}

TEST_F(MlFeatureStore, DerivedFeaturesNeedPhase4Inputs) {
  // PDC present but points_std_last_10 NULL: 3 takes its default, so 35-36 are default too;
  // 53 needs only f2 (phase4); 59 needs 22 and 14 both phase4 (no TDZA row: missing).
  Phase4Inputs in = inputs({alpha_upgc()});
  Row pdc = in.pdc.rows()[0];
  pdc[pdc_table().column_index("points_std_last_10")] = Value{};
  in.pdc = DayRows(pdc_table(), {pdc}, "player_lookup");
  in.tdza = DayRows();
  FeatureArray f =
      compute_features(in, *in.upgc.read(analytics::feature_context_view(), "alphaplayer"));
  EXPECT_EQ(f[3].source, FS::kDefault);
  EXPECT_EQ(f[35].source, FS::kDefault);
  EXPECT_EQ(f[36].source, FS::kDefault);
  EXPECT_EQ(f[53].value, 4.5);
  EXPECT_EQ(f[14].source, FS::kDefault);
  EXPECT_EQ(f[59].source, FS::kMissing);
  EXPECT_FALSE(f[59].value);
}

TEST_F(MlFeatureStore, DnpRateWindowFromRawBoxScores) {
  // alpha: T = BOS from Jan 5; E = Jan 5, 7, 9, 11; DNP on Jan 9.
  auto e = features::l10_expected_games(*raw_, "alphaplayer", kD);
  ASSERT_EQ(e.size(), 4u);
  EXPECT_EQ(e[0]->game_id, "0022400404");
  EXPECT_DOUBLE_EQ(*features::dnp_rate(*raw_, "alphaplayer", kD), 0.25);
  // beta joined on Jan 9: E has 2 games (< 3).
  EXPECT_EQ(features::l10_expected_games(*raw_, "betaplayer", kD).size(), 2u);
  EXPECT_FALSE(features::dnp_rate(*raw_, "betaplayer", kD));
  // Before any box score: no team, E empty.
  EXPECT_TRUE(features::l10_expected_games(*raw_, "alphaplayer", day(2025, 1, 5)).empty());
}

TEST_F(MlFeatureStore, MultiBookLineNeedsTwoBooks) {
  // beta has one book; alpha's betmgm snapshot after tip-off and the rebounds line are ignored.
  EXPECT_FALSE(
      features::multi_book_line_std(raw_->prop_lines(kD, "betaplayer"), raw_->game("0022400600")));
  EXPECT_NEAR(
      *features::multi_book_line_std(raw_->prop_lines(kD, "alphaplayer"), raw_->game("0022400600")),
      0.70710678, 1e-8);
}

// --- Calculator conditions on small game lists -----------------------------------------------

struct GameList {
  std::vector<PgsRecord> rows;  // newest first
  std::vector<const PgsRecord*> ptrs() const {
    std::vector<const PgsRecord*> p;
    for (const auto& r : rows) p.push_back(&r);
    return p;
  }
};

// Games on D-2, D-4, ... with the given pts (newest first) and minutes.
GameList games(std::vector<int64_t> pts, std::vector<double> minutes = {},
               std::vector<std::optional<double>> lines = {}) {
  GameList g;
  for (size_t i = 0; i < pts.size(); ++i) {
    double m = i < minutes.size() ? minutes[i] : 30.0;
    auto line = i < lines.size() ? lines[i] : std::nullopt;
    g.rows.push_back(pgs("p", "BOS", "MIA", Date{kD.days - 2 * static_cast<int32_t>(i + 1)}, pts[i],
                         m, 0, 20.0, line));
  }
  return g;
}

TEST(FeatureCalculators, RestAdvantageAndInjuryRisk) {
  EXPECT_EQ(features::rest_advantage(1, 0), 0.0);  // both back-to-back
  EXPECT_EQ(features::rest_advantage(5, 0), 2.0);  // clamp
  EXPECT_EQ(features::rest_advantage(1, 3), -2.0);
  EXPECT_FALSE(features::rest_advantage(std::nullopt, 1));
  EXPECT_FALSE(features::rest_advantage(2, std::nullopt));
  EXPECT_EQ(features::injury_risk(std::nullopt), 0);
  EXPECT_EQ(features::injury_risk(std::string("available")), 0);
  EXPECT_EQ(features::injury_risk(std::string("questionable")), 2);
  EXPECT_EQ(features::injury_risk(std::string("doubtful")), 3);
  EXPECT_EQ(features::injury_risk(std::string("out")), 3);
}

TEST(FeatureCalculators, RecentTrendBucketsAndMinimum) {
  auto t = [](std::vector<int64_t> p) {
    auto g = games(p);
    auto v = g.ptrs();
    return features::recent_trend(v);
  };
  EXPECT_EQ(t({25, 25, 20, 20, 20}), 2.0);   // d = 5
  EXPECT_EQ(t({22, 22, 20, 20, 20}), 1.0);   // d = 2
  EXPECT_EQ(t({21, 21, 20, 20, 20}), 0.0);   // d = 1
  EXPECT_EQ(t({18, 18, 20, 20, 20}), -1.0);  // d = -2
  EXPECT_EQ(t({15, 15, 20, 20, 20}), -2.0);  // d = -5
  EXPECT_FALSE(t({30, 30, 20, 20}));         // 4 games
}

TEST(FeatureCalculators, MinutesChange) {
  std::vector<double> m(12, 30.0);
  m[10] = m[11] = 10.0;  // season mean 26.67, last 10 mean 30: +12.5%
  auto g = games(std::vector<int64_t>(12, 10), m);
  auto v = g.ptrs();
  EXPECT_EQ(features::minutes_change(v), 1.0);
  m[10] = m[11] = 0.0;  // season 25: +20%
  g = games(std::vector<int64_t>(12, 10), m);
  v = g.ptrs();
  EXPECT_EQ(features::minutes_change(v), 2.0);
  EXPECT_FALSE(features::minutes_change({}));
}

TEST(FeatureCalculators, PctFreeThrowClampAndMinimum) {
  auto g = games({10, 10, 10, 10, 10});
  for (auto& r : g.rows) r.ftm = 8;  // 40 / 50 = 0.8 -> 0.5
  auto v = g.ptrs();
  EXPECT_EQ(features::pct_free_throw(v), 0.5);
  g = games({0, 0, 0, 0, 0});
  v = g.ptrs();
  EXPECT_FALSE(features::pct_free_throw(v));  // no points
  g = games({10, 10, 10, 10});
  v = g.ptrs();
  EXPECT_FALSE(features::pct_free_throw(v));  // 4 games
}

TEST(FeatureCalculators, TeamWinPctAndBlowoutsNeedGames) {
  std::vector<TogsRecord> t = {
      togs("BOS", day(2025, 1, 1), true, 20), togs("BOS", day(2025, 1, 3), false, -3),
      togs("BOS", day(2025, 1, 5), true, 1), togs("BOS", day(2025, 1, 7), true, 2)};
  EXPECT_FALSE(features::team_win_pct(t));  // 4 < 5
  EXPECT_DOUBLE_EQ(*features::blowout_minutes_risk(t), 0.25);
  EXPECT_FALSE(features::blowout_minutes_risk(std::span(t).subspan(0, 2)));
  t.push_back(togs("BOS", day(2025, 1, 9), false, -15));
  EXPECT_DOUBLE_EQ(*features::team_win_pct(t), 0.6);
  // Only the last 10 games count for blowouts.
  for (int i = 0; i < 10; ++i) t.push_back(togs("BOS", Date{day(2025, 1, 10).days + i}, true, 1));
  EXPECT_DOUBLE_EQ(*features::blowout_minutes_risk(t), 0.0);
}

TEST(FeatureCalculators, PointsPerMinuteAndSlopes) {
  auto g = games({30, 20, 10, 20, 30}, {30, 20, 20, 10, 20});
  auto v = g.ptrs();
  EXPECT_DOUBLE_EQ(*features::ppm_avg_last_10(v), 110.0 / 100.0);
  EXPECT_FALSE(features::ppm_avg_last_10({}));
  // Oldest first 30, 20, 10, 20, 30: slope 0.
  EXPECT_DOUBLE_EQ(*features::pts_slope_10g(v), 0.0);
  EXPECT_FALSE(features::pts_slope_10g(std::span(v).subspan(0, 4)));
  // 7-game slope over 4 games, oldest first 20, 10, 20, 30: slope 4.
  EXPECT_DOUBLE_EQ(*features::scoring_trend_slope(std::span(v).subspan(0, 4)), 4.0);
  EXPECT_FALSE(features::scoring_trend_slope(std::span(v).subspan(0, 3)));
}

TEST(FeatureCalculators, ZscoreAndBreakout) {
  EXPECT_DOUBLE_EQ(features::pts_vs_season_zscore(24, 20, 4), 1.0);
  EXPECT_DOUBLE_EQ(features::pts_vs_season_zscore(40, 20, 4), 3.0);  // clamp
  EXPECT_DOUBLE_EQ(features::pts_vs_season_zscore(24, 20, 0), 0.0);
  EXPECT_EQ(features::breakout_flag(26.1, 20, 4), 1.0);
  EXPECT_EQ(features::breakout_flag(26.0, 20, 4), 0.0);
}

TEST(FeatureCalculators, RecentFormOverSixtyDays) {
  auto g = games({10, 12, 20, 30});  // mu = 18
  auto v = g.ptrs();
  EXPECT_DOUBLE_EQ(*features::points_avg_last_3(v), 14.0);
  EXPECT_FALSE(features::points_avg_last_3({}));
  EXPECT_EQ(features::consecutive_games_below_avg(v, kD), 2.0);
  double sd = std::sqrt((64 + 36 + 4 + 144) / 3.0);
  EXPECT_DOUBLE_EQ(*features::deviation_from_avg_last3(v, kD), (14.0 - 18.0) / sd);
  // One game in the 60-day window: no sd; equal points: sigma 0 -> 0.
  EXPECT_FALSE(features::deviation_from_avg_last3(std::span(v).subspan(0, 1), kD));
  EXPECT_EQ(features::consecutive_games_below_avg(std::span(v).subspan(0, 1), kD), 0.0);
  auto same = games({15, 15, 15});
  auto s = same.ptrs();
  EXPECT_EQ(features::deviation_from_avg_last3(s, kD), 0.0);
  // Games older than 60 days do not count.
  EXPECT_FALSE(features::consecutive_games_below_avg(v, Date{kD.days + 70}));
}

TEST(FeatureCalculators, UsageRateLast5) {
  auto g = games({10, 10, 10, 10, 10, 10});
  g.rows[0].usage_rate = 30;
  g.rows[1].usage_rate = std::nullopt;
  g.rows[2].usage_rate = std::nullopt;
  g.rows[5].usage_rate = 99;  // 6th game: not in the last 5
  auto v = g.ptrs();
  EXPECT_DOUBLE_EQ(*features::usage_rate_last_5(v), (30.0 + 20 + 20) / 3);
  g.rows[3].usage_rate = std::nullopt;
  v = g.ptrs();
  EXPECT_FALSE(features::usage_rate_last_5(v));
}

TEST(FeatureCalculators, GamesSinceStructuralChange) {
  auto g = games({10, 10, 10, 10});
  auto v = g.ptrs();
  EXPECT_EQ(features::games_since_structural_change(v, kD), 4.0);
  g.rows[2].team_abbr = "LAL";  // traded between games 2 and 3 (k = 1)
  v = g.ptrs();
  EXPECT_EQ(features::games_since_structural_change(v, kD), 2.0);
  g = games({10, 10, 10, 10});
  g.rows[3].game_date = Date{g.rows[2].game_date.days - 20};  // gap after game 3 (k = 2)
  v = g.ptrs();
  EXPECT_EQ(features::games_since_structural_change(v, kD), 3.0);
  EXPECT_EQ(features::games_since_structural_change(v, Date{kD.days + 15}), 0.0);
  EXPECT_FALSE(features::games_since_structural_change({}, kD));
  auto many = games(std::vector<int64_t>(40, 10));
  for (size_t i = 0; i < many.rows.size(); ++i) {
    many.rows[i].game_date = Date{kD.days - 1 - static_cast<int32_t>(i)};
  }
  auto m = many.ptrs();
  EXPECT_EQ(features::games_since_structural_change(m, kD), 30.0);
}

TEST(FeatureCalculators, ClosingLineFeatures) {
  // newest first: line 20 (pts 25 over), none, 20 (pts 20 push), 25 (pts 20 under), 15, 15.
  auto g = games({25, 30, 20, 20, 20, 20}, {}, {20.0, std::nullopt, 20.0, 25.0, 15.0, 15.0});
  auto v = g.ptrs();
  EXPECT_DOUBLE_EQ(*features::over_rate_last_10(v), 3.0 / 5.0);
  EXPECT_DOUBLE_EQ(*features::margin_vs_line_avg_last_5(v), (5 + 0 - 5 + 5 + 5) / 5.0);
  EXPECT_FALSE(features::over_rate_last_10(std::span(v).subspan(0, 5)));  // 4 with a line
  EXPECT_FALSE(features::margin_vs_line_avg_last_5(std::span(v).subspan(0, 2)));
  EXPECT_DOUBLE_EQ(*features::prop_line_delta(22.5, v, kD), 2.5);
  EXPECT_FALSE(features::prop_line_delta(std::nullopt, v, kD));
  // The newest game with a line is older than 14 days.
  EXPECT_FALSE(features::prop_line_delta(22.5, v, Date{kD.days + 13}));
}

TEST(FeatureCalculators, MinutesVolatility) {
  auto g = games({10, 10, 10}, {20, 30, 40});
  auto v = g.ptrs();
  EXPECT_DOUBLE_EQ(*features::minutes_volatility_last_10(v), 10.0);
  EXPECT_FALSE(features::minutes_volatility_last_10(std::span(v).subspan(0, 2)));
}

TEST(FeatureCalculators, PointsVsOpponentWithinAYear) {
  std::vector<PgsRecord> rows = {pgs("p", "BOS", "NYK", day(2024, 1, 14), 40, 30, 0, 20),
                                 pgs("p", "BOS", "NYK", day(2024, 1, 16), 10, 30, 0, 20),
                                 pgs("p", "BOS", "MIA", day(2024, 6, 1), 50, 30, 0, 20),
                                 pgs("p", "BOS", "NYK", day(2025, 1, 10), 20, 30, 0, 20),
                                 pgs("p", "BOS", "NYK", kD, 99, 30, 0, 20)};
  auto v = features::points_vs_opponent(rows, "NYK", kD);
  EXPECT_EQ(v.games, 2);
  EXPECT_DOUBLE_EQ(*v.avg_points, 15.0);
  auto none = features::points_vs_opponent(rows, "LAL", kD);
  EXPECT_EQ(none.games, 0);
  EXPECT_FALSE(none.avg_points);
}

// --- Quality scoring (§7.3) -------------------------------------------------------------------

std::array<FS, kFeatureCount> example_labels() {
  std::array<FS, kFeatureCount> s{};
  for (size_t i = 0; i < kFeatureCount; ++i) {
    s[i] = optional_feature(i) ? FS::kVegas : FS::kCalculated;
  }
  for (size_t i : {0, 1, 2, 3, 4, 5, 6, 7, 8, 13, 14, 18, 19, 20, 22, 23, 31}) s[i] = FS::kPhase4;
  for (size_t i : {15, 16, 17, 37, 38, 39, 40, 41, 42, 51, 52}) s[i] = FS::kPhase3;
  s[29] = FS::kDefault;
  s[55] = s[56] = FS::kMissing;
  return s;
}

TEST(FeatureQuality, WorkedExample) {
  auto s = example_labels();
  FeatureQuality q = score_feature_quality(s);
  EXPECT_DOUBLE_EQ(q.score, 69.00);  // 96.50 capped by one required default
  EXPECT_EQ(q.tier, "poor");
  EXPECT_EQ(q.alert_level, "yellow");
  EXPECT_FALSE(q.quality_ready);
  EXPECT_FALSE(q.training_ready);
  EXPECT_DOUBLE_EQ(q.player_history, 88.6);
  EXPECT_EQ(q.required_default_count, 1);
  EXPECT_EQ(q.default_feature_count, 3);
  EXPECT_EQ(q.label_counts[static_cast<size_t>(FS::kPhase3)], 11);
  EXPECT_EQ(q.label_counts[static_cast<size_t>(FS::kMissing)], 2);
  EXPECT_TRUE(q.alerts.empty());

  s[29] = FS::kCalculated;
  q = score_feature_quality(s);
  EXPECT_DOUBLE_EQ(q.score, 97.53);  // 5657 / 58
  EXPECT_EQ(q.tier, "gold");
  EXPECT_DOUBLE_EQ(q.player_history, 91.1);
  EXPECT_EQ(q.alert_level, "green");
  EXPECT_TRUE(q.quality_ready);
  EXPECT_TRUE(q.training_ready);
}

TEST(FeatureQuality, TiersCapsAlertsAndReadiness) {
  std::array<FS, kFeatureCount> s{};
  s.fill(FS::kPhase4);
  FeatureQuality q = score_feature_quality(s);
  EXPECT_DOUBLE_EQ(q.score, 100);
  EXPECT_EQ(q.tier, "gold");
  EXPECT_EQ(q.alert_level, "green");
  EXPECT_DOUBLE_EQ(q.matchup, 100);

  // All phase3: 87 -> silver; training-ready (matchup 87 >= 70, history 87 >= 80).
  s.fill(FS::kPhase3);
  q = score_feature_quality(s);
  EXPECT_EQ(q.tier, "silver");
  EXPECT_TRUE(q.training_ready);
  EXPECT_TRUE(q.quality_ready);

  // Five required defaults: capped at 49 -> critical, red; opponent defense alert.
  s.fill(FS::kPhase4);
  for (size_t i : {0, 1, 2, 13, 14}) s[i] = FS::kDefault;
  q = score_feature_quality(s);
  EXPECT_DOUBLE_EQ(q.score, 49);
  EXPECT_EQ(q.tier, "critical");
  EXPECT_EQ(q.alert_level, "red");
  EXPECT_EQ(q.required_default_count, 5);
  EXPECT_EQ(q.alerts, std::vector<std::string>{"opponent_defense_missing"});
  EXPECT_DOUBLE_EQ(q.matchup, 80.0);  // (4 * 100 + 2 * 40) / 6

  // Optional default-like indices are left out of the score: 25 missing, required alternate
  // phase3 (16) / phase4 (18): (16*87 + 43*100) / 59 = 96.47.
  s.fill(FS::kPhase4);
  s[25] = FS::kMissing;
  for (size_t i = 0; i < kFeatureCount; ++i) {
    if (!optional_feature(i)) s[i] = i % 2 ? FS::kPhase3 : FS::kPhase4;
  }
  q = score_feature_quality(s);
  EXPECT_DOUBLE_EQ(q.score, 96.47);
  EXPECT_EQ(q.tier, "gold");
  EXPECT_EQ(q.alerts, std::vector<std::string>{"vegas_line_missing"});
  EXPECT_EQ(q.alert_level, "green");

  // Everything missing: every alert, in order.
  s.fill(FS::kMissing);
  q = score_feature_quality(s);
  EXPECT_DOUBLE_EQ(q.score, 0);
  EXPECT_EQ(q.tier, "critical");
  EXPECT_EQ(q.alerts,
            (std::vector<std::string>{"composite_factors_missing", "opponent_defense_missing",
                                      "shot_zone_missing", "vegas_line_missing",
                                      "high_default_rate", "matchup_quality_critical"}));

  // One required default: capped at 69 -> poor, yellow; matchup (5*100 + 40) / 6 = 90.0.
  s.fill(FS::kPhase4);
  s[5] = FS::kDefault;
  q = score_feature_quality(s);
  EXPECT_DOUBLE_EQ(q.score, 69);
  EXPECT_DOUBLE_EQ(q.matchup, 90);
  EXPECT_EQ(q.alert_level, "yellow");
  EXPECT_EQ(q.alerts, std::vector<std::string>{"composite_factors_missing"});
  // Matchup below 50 (4 of 6 missing) is red whatever the score.
  for (size_t i : {6, 7, 8}) s[i] = FS::kMissing;
  q = score_feature_quality(s);
  EXPECT_EQ(q.alert_level, "red");
  EXPECT_EQ(q.alerts.back(), "matchup_quality_critical");
  // 12 defaults of 60 = 0.20: not above 0.20; 13 is.
  s.fill(FS::kPhase4);
  for (size_t i = 37; i < 49; ++i) s[i] = FS::kMissing;
  EXPECT_TRUE(score_feature_quality(s).alerts.empty());
  s[49] = FS::kMissing;
  EXPECT_EQ(score_feature_quality(s).alerts, std::vector<std::string>{"high_default_rate"});
}

// --- The processor ------------------------------------------------------------------------------

TEST_F(MlFeatureStore, EntitiesFailuresAndKeyOrder) {
  Row out = bare_upgc("outplayer");
  out[upgc_table().column_index("injury_status")] = S("out");
  Row doubtful = bare_upgc("doubtfulplayer");
  doubtful[upgc_table().column_index("injury_status")] = S("doubtful");
  Row low = bare_upgc("lowminutes");
  low[upgc_table().column_index("avg_minutes_per_game_last_7_days")] = F(14.9);
  Row low_line = bare_upgc("lowwithline");
  low_line[upgc_table().column_index("avg_minutes_per_game_last_7_days")] = Value{};
  low_line[upgc_table().column_index("current_points_line")] = F(5.5);
  Row no_team = bare_upgc("noteam");
  no_team[upgc_table().column_index("team_abbr")] = Value{};
  Row no_game = bare_upgc("nogame");
  no_game[upgc_table().column_index("game_id")] = Value{};
  Phase4Inputs in =
      inputs({bare_upgc(), out, doubtful, low, low_line, no_team, no_game, alpha_upgc()});
  auto result = ml_feature_store(in);
  const auto& t = ml_feature_store_table();
  std::vector<std::string> keys;
  for (const Row& r : result.rows) keys.push_back(std::get<std::string>(r[1]));
  EXPECT_EQ(keys, (std::vector<std::string>{"alphaplayer", "lowwithline", "zetaplayer"}));
  ASSERT_EQ(result.failed.size(), 2u);
  EXPECT_EQ(result.failed[0].entity_id, "nogame");
  EXPECT_EQ(result.failed[0].category, "MISSING_UPSTREAM");
  EXPECT_TRUE(result.failed[0].can_retry);
  EXPECT_EQ(result.failed[1].entity_id, "noteam");
  for (const Row& r : result.rows) EXPECT_EQ(r.size(), t.columns.size());
}

TEST_F(MlFeatureStore, HardRangeIsValidationError) {
  Phase4Inputs in = inputs({alpha_upgc()}, 150);
  auto result = ml_feature_store(in);
  EXPECT_TRUE(result.rows.empty());
  ASSERT_EQ(result.failed.size(), 1u);
  EXPECT_EQ(result.failed[0].category, "VALIDATION_ERROR");
  EXPECT_FALSE(result.failed[0].can_retry);
  EXPECT_NE(result.failed[0].reason.find("fatigue_score"), std::string::npos);
}

TEST_F(MlFeatureStore, StoredRowColumns) {
  Phase4Inputs in = inputs({alpha_upgc(), bare_upgc()});
  auto result = ml_feature_store(in);
  ASSERT_EQ(result.rows.size(), 2u);
  const auto& t = ml_feature_store_table();
  RowReader alpha(t, result.rows[0]), zeta(t, result.rows[1]);
  EXPECT_EQ(alpha.s("game_date"), "2025-01-15");
  EXPECT_EQ(alpha.s("feature_version"), "v1_60");
  EXPECT_EQ(alpha.i("player_id"), 101);
  EXPECT_EQ(alpha.s("opponent_abbr"), "NYK");
  auto values = nlohmann::json::parse(*alpha.s("features"));
  auto labels = nlohmann::json::parse(*alpha.s("feature_sources"));
  ASSERT_EQ(values.size(), 60u);
  ASSERT_EQ(labels.size(), 60u);
  EXPECT_DOUBLE_EQ(values[43].get<double>(), 25.3333);
  EXPECT_EQ(labels[43], "calculated");
  EXPECT_EQ(alpha.b("has_vegas_line"), true);
  EXPECT_EQ(alpha.i("default_feature_count"), 0);
  EXPECT_EQ(alpha.s("quality_tier"), "gold");
  EXPECT_EQ(alpha.s("quality_alerts"), "[]");
  EXPECT_EQ(alpha.i("phase4_count"), 17);
  EXPECT_EQ(alpha.i("phase3_count"), 11);
  EXPECT_DOUBLE_EQ(*alpha.d("feature_quality_score"), 97.62);  // (11*87 + 49*100) / 60
  EXPECT_EQ(alpha.i("vegas_count"), 5);
  // Unchecked completeness: NULLs, upstream flags NULL.
  EXPECT_EQ(alpha.b("completeness_checked"), false);
  EXPECT_TRUE(alpha.null("completeness_pct"));
  EXPECT_TRUE(alpha.null("is_production_ready"));
  EXPECT_TRUE(alpha.null("upstream_daily_cache_ready"));
  EXPECT_TRUE(alpha.null("data_quality_issues"));
  EXPECT_TRUE(alpha.null("processed_at"));

  auto zv = nlohmann::json::parse(*zeta.s("features"));
  EXPECT_TRUE(zv[18].is_null());
  EXPECT_EQ(zeta.b("has_vegas_line"), false);
  EXPECT_EQ(zeta.i("missing_count"), 27);
  EXPECT_EQ(zeta.i("default_count"), 29);
  EXPECT_EQ(zeta.i("default_feature_count"), 56);
  EXPECT_EQ(zeta.i("required_default_count"), 31);
  // Required: 28 default, 3 missing, 3 calculated; optional counted: f47 only.
  EXPECT_DOUBLE_EQ(*zeta.d("feature_quality_score"), 43.43);  // (28*40 + 4*100) / 35
  EXPECT_EQ(zeta.s("quality_tier"), "critical");
  EXPECT_EQ(zeta.s("quality_alert_level"), "red");
  EXPECT_EQ(zeta.b("is_quality_ready"), false);
}

TEST_F(MlFeatureStore, CheckedCompletenessAndUpstreamReadiness) {
  CompletenessResult c;
  EntityCompleteness e;
  e.windows = {{"l5", 5, 5, 100.0, true, true},
               {"l10", 10, 9, 90.0, false, true},
               {"l7d", 3, 3, 100.0, true, true},
               {"l14d", 6, 6, 100.0, true, true},
               {"l30d", 12, 11, 91.7, false, true}};
  e.all_windows_complete = false;
  e.production_ready = true;
  c.players["alphaplayer"] = e;
  Phase4Inputs in = inputs({alpha_upgc()});
  in.completeness = &c;
  auto result = ml_feature_store(in);
  ASSERT_EQ(result.rows.size(), 1u);
  RowReader r(ml_feature_store_table(), result.rows[0]);
  EXPECT_EQ(r.b("completeness_checked"), true);
  EXPECT_EQ(r.i("expected_games_count"), 10);
  EXPECT_EQ(r.i("actual_games_count"), 9);
  EXPECT_EQ(r.d("completeness_pct"), 90.0);
  EXPECT_EQ(r.d("l30d_completeness_pct"), 91.7);
  EXPECT_EQ(r.b("all_windows_complete"), false);
  // PSZA row is not production-ready: the row is not either.
  EXPECT_EQ(r.b("upstream_daily_cache_ready"), true);
  EXPECT_EQ(r.b("upstream_shot_zone_ready"), false);
  EXPECT_EQ(r.b("is_production_ready"), false);
  EXPECT_EQ(r.s("data_quality_issues"), "upstream_shot_zone_incomplete");
}

}  // namespace
}  // namespace nbaprops::precompute
