// Field transforms of source profiles (raw/profile_values.h): date and time formats with their
// zone, teams by any name, "Last, First" names, splits, maps, decimal odds.
#include <gtest/gtest.h>

#include "core/csv_reader.h"
#include "raw/field_parse.h"
#include "raw/profile.h"
#include "raw/profile_values.h"

namespace nbaprops {
namespace {

// Reads the single data line of `csv` through `yaml`.
struct OneRow {
  Profile profile;
  ProfilePlan plan;
  ProfileRecord rec;
  OneRow(const std::string& yaml, const std::string& csv, const std::string& file = "f.csv")
      : profile(parse_profile(yaml, "test")) {
    CsvReader reader = CsvReader::from_bytes(csv, "t");
    plan = compile_profile(profile, reader.header(), file);
    CsvRow row;
    EXPECT_TRUE(reader.next(row));
    read_record(plan, row, rec);
  }
};

const char* kInjuries =
    "name: t\ntarget: injuries\nfields:\n"
    "  report_time: {file_name: 'R_(\\d{8})_(\\d{2})(AM|PM)', format: YYYYMMDD hh A, zone: ET}\n"
    "  game_date: {column: D, format: MM/DD/YYYY}\n"
    "  tipoff: {column: T, format: 'hh:mm (ET)', zone: ET}\n"
    "  team: [Team]\n"
    "  player_name: {column: P, name_order: last_first}\n"
    "  status: {column: S, map: {GTD: questionable}}\n";

TEST(ProfileValues, TheInjuryReportsTimesAndNames) {
  OneRow r(kInjuries, "D,T,Team,P,S\n01/15/2025,07:30 (ET),Celtics,\"Brown Jr., Jaylen\",GTD\n",
           "R_20250115_05PM.csv");
  Date d = field_date(r.plan, r.rec, Field::kGameDate);
  EXPECT_EQ(format_date(d), "2025-01-15");
  // 7:30 without AM/PM is a tip-off: 7:30 pm ET = 00:30 UTC the next day (EST, UTC-5).
  EXPECT_EQ(format_timestamp(field_time(r.plan, r.rec, Field::kTipoff, d)), "2025-01-16T00:30:00Z");
  EXPECT_EQ(format_timestamp(field_time(r.plan, r.rec, Field::kReportTime, d)),
            "2025-01-15T22:00:00Z");
  EXPECT_EQ(r.rec[Field::kPlayerName], "Jaylen Brown Jr.");
  EXPECT_EQ(r.rec[Field::kStatus], "questionable");
  EXPECT_EQ(field_team(r.plan, r.rec, Field::kTeam), "BOS");
}

TEST(ProfileValues, NoonIsNoonAndSummerTimeIsUtcMinusFour) {
  OneRow r(kInjuries, "D,T,Team,P,S\n04/13/2025,12:00 (ET),BOS,\"A, B\",Out\n",
           "R_20250413_11AM.csv");
  Date d = field_date(r.plan, r.rec, Field::kGameDate);
  EXPECT_EQ(format_timestamp(field_time(r.plan, r.rec, Field::kTipoff, d)), "2025-04-13T16:00:00Z");
  EXPECT_EQ(format_timestamp(field_time(r.plan, r.rec, Field::kReportTime, d)),
            "2025-04-13T15:00:00Z");
}

TEST(ProfileValues, AFileNameThatDoesNotFitIsAProfileError) {
  EXPECT_THROW(
      OneRow(kInjuries, "D,T,Team,P,S\n01/15/2025,07:30 (ET),BOS,\"A, B\",Out\n", "report.csv"),
      ProfileError);
}

TEST(ProfileValues, BadDatesAreRowErrors) {
  OneRow r(kInjuries, "D,T,Team,P,S\n02/30/2025,07:30 (ET),BOS,\"A, B\",Out\n",
           "R_20250115_05PM.csv");
  EXPECT_THROW(field_date(r.plan, r.rec, Field::kGameDate), RowError);
}

TEST(ProfileValues, TeamsByCodeNameNicknameOrUniqueCity) {
  EXPECT_EQ(resolve_team_any("BOS"), "BOS");
  EXPECT_EQ(resolve_team_any("Boston Celtics"), "BOS");
  EXPECT_EQ(resolve_team_any("Celtics"), "BOS");
  EXPECT_EQ(resolve_team_any("boston"), "BOS");
  EXPECT_EQ(resolve_team_any("Trail Blazers"), "POR");
  EXPECT_EQ(resolve_team_any("Portland"), "POR");
  EXPECT_EQ(resolve_team_any("76ers"), "PHI");
  EXPECT_EQ(resolve_team_any("Los Angeles"), std::nullopt);  // Lakers or Clippers
  EXPECT_EQ(resolve_team_any("Springfield"), std::nullopt);
}

TEST(ProfileValues, SplitsMatchupsAndDecimalOdds) {
  const char* yaml =
      "name: t\ntarget: prop_lines\nfields:\n"
      "  game_date: {column: W, format: YYYYMMDD}\n"
      "  g: {column: G, split: '@', into: [away, home]}\n"
      "  player_name: [P]\n  market: [M]\n  bookmaker: [B]\n  line: [L]\n"
      "  over_price: {column: O, odds: decimal}\n  under_price: [U]\n";
  OneRow r(yaml, "W,G,P,M,B,L,O,U\n20250115,NYK@BOS,X Y,points,b,1.5,2.50,1.6\n");
  EXPECT_EQ(format_date(field_date(r.plan, r.rec, Field::kGameDate)), "2025-01-15");
  EXPECT_EQ(r.rec[Field::kAway], "NYK");
  EXPECT_EQ(r.rec[Field::kHome], "BOS");
  EXPECT_EQ(field_price(r.plan, r.rec, Field::kOverPrice), 150);    // 100 * (2.5 - 1)
  EXPECT_EQ(field_price(r.plan, r.rec, Field::kUnderPrice), -167);  // -100 / 0.6 auto-detected
  const char* matchup =
      "name: t\ntarget: player_boxscores\nfields:\n  game_date: [D]\n  team: [T]\n"
      "  m: {column: M, split: matchup, into: [home, away]}\n  player_name: [P]\n"
      "  minutes: [MIN]\n  pts: [PTS]\n";
  OneRow home(matchup, "D,T,M,P,MIN,PTS\n2025-01-15,BOS,BOS vs. NYK,A,1,2\n");
  EXPECT_EQ(home.rec[Field::kHome], "BOS");
  EXPECT_EQ(home.rec[Field::kAway], "NYK");
  OneRow away(matchup, "D,T,M,P,MIN,PTS\n2025-01-15,NYK,NYK @ BOS,A,1,2\n");
  EXPECT_EQ(away.rec[Field::kHome], "BOS");
  EXPECT_EQ(away.rec[Field::kAway], "NYK");
}

}  // namespace
}  // namespace nbaprops
