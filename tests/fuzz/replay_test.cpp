// Replays every kept fuzz input through its target in the ordinary build: the crash inputs
// found so far (tests/fuzz/regressions/<target>/) and the committed seeds
// (tests/fuzz/seeds/<target>/). A crash, sanitizer report or fuzz_fail fails the test.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "fuzz/fuzz_target.h"

namespace nbaprops {
namespace {

namespace fs = std::filesystem;

const fs::path kFuzzDir = fs::path(NBAPROPS_SOURCE_DIR) / "tests" / "fuzz";

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<fs::path> kept_inputs(const std::string& target) {
  std::vector<fs::path> files;
  for (const char* kind : {"regressions", "seeds"}) {
    fs::path dir = kFuzzDir / kind / target;
    if (!fs::is_directory(dir)) continue;
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.is_regular_file() && e.path().filename() != "README.md") files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(FuzzReplay, EveryTargetIsRegisteredOnceAndHasSeeds) {
  std::set<std::string> names;
  for (const auto& t : fuzz::targets()) {
    EXPECT_TRUE(names.insert(t.name).second) << t.name;
    EXPECT_TRUE(fs::is_directory(kFuzzDir / "seeds" / t.name)) << "no seeds for " << t.name;
  }
  EXPECT_EQ(names, (std::set<std::string>{"canonical", "csv_reader", "gzip_input", "nba_gamelog",
                                          "nba_shots", "oddsapi_props", "profile"}));
}

TEST(FuzzReplay, EveryKeptInputOfEveryTargetRunsCleanly) {
  size_t replayed = 0;
  for (const auto& t : fuzz::targets()) {
    for (const auto& file : kept_inputs(t.name)) {
      SCOPED_TRACE(file.string());
      std::string bytes = read_bytes(file);
      EXPECT_NO_THROW(t.entry(bytes));
      ++replayed;
    }
  }
  EXPECT_GT(replayed, 0u);
}

// Every regressions folder names a target (a misnamed folder would never be replayed).
TEST(FuzzReplay, RegressionFoldersNameTargets) {
  fs::path dir = kFuzzDir / "regressions";
  std::set<std::string> names;
  for (const auto& t : fuzz::targets()) names.insert(t.name);
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_directory()) {
      EXPECT_TRUE(names.count(e.path().filename().string())) << e.path();
    }
  }
}

}  // namespace
}  // namespace nbaprops
