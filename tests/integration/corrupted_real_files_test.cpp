// A corrupted copy of each real input format (issue 2 "Must show"): bad numbers, broken
// identities, unknown teams and truncated lines are rejected with their reason and the rest
// loads; a missing column, a wrong header or binary garbage refuses the file and loads
// nothing. Built from the first lines of the real files; skipped without them.
#include <gtest/gtest.h>

#include <zlib.h>

#include <random>

#include "core/csv_reader.h"
#include "pipeline/catalog.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

using testing::sql_rows;

struct Sample {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

// The header and first `n` records of a real gzip file.
Sample read_sample(const std::string& path, size_t n) {
  CsvReader reader = CsvReader::open(path);
  Sample s{reader.header(), {}};
  CsvRow row;
  while (s.rows.size() < n && reader.next(row)) {
    s.rows.emplace_back(row.fields.begin(), row.fields.end());
  }
  return s;
}

std::string join(const std::vector<std::string>& fields) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) line += ',';
    bool quote = fields[i].find_first_of(",\"") != std::string::npos;
    if (!quote) {
      line += fields[i];
      continue;
    }
    line += '"';
    for (char c : fields[i]) line += c == '"' ? std::string("\"\"") : std::string(1, c);
    line += '"';
  }
  return line;
}

size_t col(const Sample& s, const std::string& name) {
  for (size_t i = 0; i < s.header.size(); ++i) {
    if (s.header[i] == name) return i;
  }
  throw std::runtime_error("no column " + name);
}

struct Corruption {
  size_t row;  // index into rows: its file line is row + 2
  std::string column, value, reason;
};

struct FormatCase {
  std::string file, format;
  std::vector<Corruption> corruptions;
  std::string drop_column;
};

// Test names say the format; keep gtest from dumping the parameter's bytes.
void PrintTo(const FormatCase& c, std::ostream* os) {
  *os << c.format;
}

class CorruptedRealFiles : public ::testing::TestWithParam<FormatCase> {
 protected:
  void SetUp() override {
    if (testing::real_season_dir().empty()) GTEST_SKIP() << "real season data absent; skipping";
    sample_ = read_sample(testing::real_season_dir() + "/" + GetParam().file, 40);
    db_ = (dir_.path() / "store.db").string();
    store_ = open_store(db_);
  }
  std::string write(const std::string& name, const Sample& s, size_t truncate_row = SIZE_MAX) {
    std::string text = join(s.header) + "\n";
    for (size_t r = 0; r < s.rows.size(); ++r) {
      std::string line = join(s.rows[r]);
      if (r == truncate_row) line = line.substr(0, line.size() / 2);
      text += line + "\n";
    }
    return dir_.write_gz(name, text);
  }
  void expect_refused(const std::string& path) {
    auto run = testing::run_ingest(*store_, {path});
    EXPECT_EQ(run.report.exit_code, 2) << run.out;
    ASSERT_EQ(run.report.files.size(), 1u);
    EXPECT_TRUE(run.report.files[0].refused);
    for (const char* t : {"games", "player_boxscores", "team_boxscores", "shots", "prop_lines",
                          "players", "rejected_rows"}) {
      EXPECT_EQ(testing::sql_value(db_, std::string("select count(*) from ") + t), "0") << t;
    }
  }
  testing::TempDir dir_;
  std::string db_;
  std::unique_ptr<Store> store_;
  Sample sample_;
};

TEST_P(CorruptedRealFiles, BadRowsAreRejectedWithTheirReasonAndTheRestLoads) {
  const FormatCase& c = GetParam();
  Sample bad = sample_;
  std::vector<std::string> expected;
  for (const auto& k : c.corruptions) {
    std::string& cell = bad.rows[k.row][col(bad, k.column)];
    cell = k.value == "+5" ? std::to_string(std::stoi(cell) + 5) : k.value;
    expected.push_back(std::to_string(k.row + 2) + "|" + k.reason);
  }
  size_t truncated = c.corruptions.back().row + 1;
  expected.push_back(std::to_string(truncated + 2) + "|field_count");
  auto run = testing::run_ingest(*store_, {write("bad.csv.gz", bad, truncated)});
  EXPECT_EQ(run.report.exit_code, 1) << run.out << run.err;
  ASSERT_EQ(run.report.files.size(), 1u);
  EXPECT_EQ(run.report.files[0].format, c.format);
  const auto& counts = run.report.files[0].counts;
  EXPECT_EQ(counts.read, 40);
  EXPECT_EQ(counts.rejected, static_cast<int64_t>(expected.size()));
  EXPECT_EQ(counts.loaded + counts.merged + counts.skipped + counts.rejected, counts.read);
  EXPECT_GT(counts.loaded, 0);
  EXPECT_EQ(sql_rows(db_,
                     "select line_number, substr(reason, 1, instr(reason, ':') - 1) from "
                     "rejected_rows order by line_number"),
            expected);
}

TEST_P(CorruptedRealFiles, MissingColumnRefusesTheFile) {
  Sample bad = sample_;
  size_t drop = col(bad, GetParam().drop_column);
  bad.header.erase(bad.header.begin() + static_cast<long>(drop));
  for (auto& r : bad.rows) r.erase(r.begin() + static_cast<long>(drop));
  expect_refused(write("missing.csv.gz", bad));
}

TEST_P(CorruptedRealFiles, WrongHeaderRefusesTheFile) {
  Sample bad = sample_;
  for (auto& h : bad.header) h = "col_" + h;
  expect_refused(write("header.csv.gz", bad));
}

TEST_P(CorruptedRealFiles, BinaryGarbageRefusesTheFile) {
  std::mt19937 rng(11);
  std::string bytes(8192, '\0');
  for (auto& b : bytes) b = static_cast<char>(rng() & 0xff);
  expect_refused(dir_.write_gz("garbage.csv.gz", bytes));
}

INSTANTIATE_TEST_SUITE_P(
    EachFormat, CorruptedRealFiles,
    ::testing::Values(FormatCase{"player_gamelogs.csv.gz",
                                 "nba-player-gamelog",
                                 {{2, "PTS", "abc", "bad_value"},
                                  {5, "FGM", "+5", "inconsistent"},
                                  {8, "TEAM_ABBREVIATION", "XYZ", "unknown_team"}},
                                 "MIN"},
                      FormatCase{"team_gamelogs.csv.gz",
                                 "nba-team-gamelog",
                                 {{2, "FGA", "-1", "out_of_range"},
                                  {5, "FG3M", "+5", "inconsistent"},
                                  {8, "MATCHUP", "BOS vs. ZZZ", "unknown_team"}},
                                 "PTS"},
                      FormatCase{"shots.csv.gz",
                                 "nba-shots-season",
                                 {{2, "LOC_X", "abc", "bad_value"},
                                  {5, "SHOT_DISTANCE", "200", "out_of_range"},
                                  {8, "HOME_TEAM", "XYZ", "unknown_team"}},
                                 "SHOT_MADE"},
                      FormatCase{"player_props_dfs.csv.gz",
                                 "oddsapi-props",
                                 {{2, "line", "abc", "bad_value"},
                                  {5, "line", "500", "out_of_range"},
                                  {8, "home_team", "Nowhere Nomads", "unknown_team"}},
                                 "commence_time"}),
    [](const ::testing::TestParamInfo<FormatCase>& info) {
      std::string name = info.param.format;
      for (auto& ch : name) {
        if (ch == '-') ch = '_';
      }
      return name;
    });

}  // namespace
}  // namespace nbaprops
