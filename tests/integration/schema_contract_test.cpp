// Issue 16 item 4, the contract between the row checks and the store: every NOT NULL and type
// constraint of a table that input rows reach has a row check in front of it, so a bad row is
// rejected with a reason and never surfaces as a store error (ingest exit 3).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include "pipeline/catalog.h"
#include "raw/field_parse.h"
#include "raw/formats.h"
#include "raw/ingest.h"
#include "raw/row_checks.h"
#include "raw/schema.h"
#include "store/sqlite/sqlite_store.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

namespace fs = std::filesystem;

// A value of the column's declared type.
Value typed_value(const Column& c) {
  switch (c.type) {
    case ColumnType::kInt:
    case ColumnType::kBool:
      return int64_t{1};
    case ColumnType::kDec:
      return 1.5;
    case ColumnType::kDate:
      return std::string("2025-01-08");
    case ColumnType::kTs:
      return std::string("2025-01-08T00:00:00Z");
    default:
      return std::string("x");
  }
}

// A value of another type than the column's.
Value wrong_value(const Column& c) {
  if (c.type == ColumnType::kInt || c.type == ColumnType::kBool) return std::string("1");
  if (c.type == ColumnType::kDec) return std::string("1.5");
  return int64_t{1};
}

// The tables input files write rows into: the targets of the formats.
std::set<std::string> input_tables() {
  std::set<std::string> names = {"player_boxscores", "team_boxscores", "shots", "prop_lines"};
  for (const auto& f : all_formats()) {
    if (f.table) names.insert(f.table->name);
  }
  return names;
}

// Walks the schema: for every table an input reaches and every column, a missing NOT NULL
// value and a value of the wrong type are rejected by the check that runs before each write.
TEST(SchemaContract, EveryNotNullAndTypeConstraintHasARowCheckInFrontOfIt) {
  std::set<std::string> tables = input_tables();
  size_t checked = 0;
  for (const TableSchema& t : raw_tables()) {
    if (!tables.count(t.name)) continue;
    Row good(t.columns.size());
    for (size_t c = 0; c < t.columns.size(); ++c) good[c] = typed_value(t.columns[c]);
    EXPECT_NO_THROW(check_fits_schema(t, good)) << t.name;
    for (size_t c = 0; c < t.columns.size(); ++c) {
      const Column& col = t.columns[c];
      SCOPED_TRACE(t.name + "." + col.name);
      Row missing = good;
      missing[c] = Value{};
      if (col.nullable) {
        EXPECT_NO_THROW(check_fits_schema(t, missing));
      } else {
        try {
          check_fits_schema(t, missing);
          ADD_FAILURE() << "a NULL passed the check of a NOT NULL column";
        } catch (const RowError& e) {
          EXPECT_EQ(e.code(), "missing_value");
          EXPECT_EQ(std::string(e.what()), "missing_value: " + col.name + " '' (required)");
        }
      }
      Row wrong = good;
      wrong[c] = wrong_value(col);
      try {
        check_fits_schema(t, wrong);
        ADD_FAILURE() << "a value of the wrong type passed";
      } catch (const RowError& e) {
        EXPECT_EQ(e.code(), "bad_value");
      }
      ++checked;
    }
  }
  EXPECT_EQ(checked, [&] {
    size_t n = 0;
    for (const auto& t : raw_tables()) n += tables.count(t.name) ? t.columns.size() : 0;
    return n;
  }());
  EXPECT_GT(checked, 60u);
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream s(text);
  for (std::string l; std::getline(s, l);) lines.push_back(l);
  return lines;
}

std::vector<std::string> split_fields(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  for (;;) {
    size_t comma = line.find(',', start);
    fields.push_back(line.substr(start, comma - start));
    if (comma == std::string::npos) return fields;
    start = comma + 1;
  }
}

// End to end, every input format: each field of the first line of the committed seed files (one
// file per format family and canonical table) replaced by each hostile value, one at a time,
// is either loaded, rejected or refused; never a store error.
TEST(SchemaContract, NoFieldOfAnyFormatReachesTheStoreAsAStoreError) {
  const std::vector<std::string> hostile = {
      "", "NA", "x", "-9223372036854775808", "99999999999999999999", "2024-02-30"};
  fs::path seeds = fs::path(NBAPROPS_SOURCE_DIR) / "tests" / "fuzz" / "seeds";
  testing::TempDir dir;
  std::string path = (dir.path() / "input.csv").string();
  size_t ingests = 0;
  std::set<std::string> formats_seen;
  for (const char* family : {"canonical", "nba_gamelog", "nba_shots", "oddsapi_props"}) {
    for (const auto& entry : fs::directory_iterator(seeds / family)) {
      auto lines = split_lines(read_file(entry.path()));
      ASSERT_GE(lines.size(), 2u) << entry.path();
      for (size_t l = 1; l < 2; ++l) {  // the first data line (the rest stay valid)
        auto fields = split_fields(lines[l]);
        for (size_t f = 0; f < fields.size(); ++f) {
          for (const auto& value : hostile) {
            auto mutated = fields;
            mutated[f] = value;
            std::string line;
            for (size_t i = 0; i < mutated.size(); ++i) line += (i ? "," : "") + mutated[i];
            std::string text = lines[0] + "\n";
            for (size_t k = 1; k < lines.size(); ++k) text += (k == l ? line : lines[k]) + "\n";
            { std::ofstream(path, std::ios::binary) << text; }
            SqliteStore store(":memory:", table_catalog());
            IngestRequest request;
            request.paths = {path};
            std::ostringstream out, err;
            IngestReport r = ingest(store, request, out, err);
            ASSERT_LE(r.exit_code, 2) << entry.path().filename() << " line " << l + 1 << " field "
                                      << f + 1 << " = '" << value << "': " << err.str();
            if (!r.files.empty()) formats_seen.insert(r.files[0].format);
            ++ingests;
          }
        }
      }
    }
  }
  EXPECT_GT(ingests, 500u);
  EXPECT_TRUE(formats_seen.count("nba-team-gamelog") && formats_seen.count("nba-player-gamelog") &&
              formats_seen.count("nba-shots-season") && formats_seen.count("oddsapi-props") &&
              formats_seen.count("canonical:games") &&
              formats_seen.count("canonical:player_boxscores"));
}

}  // namespace
}  // namespace nbaprops
