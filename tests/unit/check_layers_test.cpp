// scripts/check-layers on tiny fake source trees: an include of a higher layer fails naming
// file:line; the same folder, lower layers and subfolders of a layer pass; an allowlisted
// violation passes; generate sits beside raw, so neither includes the other.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/test_store.h"

namespace nbaprops {
namespace {

namespace fs = std::filesystem;

struct Result {
  int exit_code = -1;
  std::string output;
};

// Runs the script on `root`/src with `allowlist`, standard error folded into the output.
Result check_layers(const fs::path& root, const fs::path& allowlist) {
  std::string cmd = std::string(NBAPROPS_SOURCE_DIR) + "/scripts/check-layers '" +
                    (root / "src").string() + "' '" + allowlist.string() + "' 2>&1";
  Result r;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return r;
  char buf[512];
  while (fgets(buf, sizeof buf, pipe)) r.output += buf;
  int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << text;
}

class CheckLayers : public ::testing::Test {
 protected:
  void SetUp() override {
    write(src("core/date.h"), "#pragma once\n#include <string>\n");
    write(src("store/store.h"), "#pragma once\n#include \"core/date.h\"\n");
    write(src("store/sqlite/sqlite_store.cpp"),
          "#include \"store/sqlite/sqlite_store.h\"\n#include \"store/store.h\"\n");
    write(src("raw/schema.cpp"),
          "#include \"raw/schema.h\"\n#include \"store/sqlite/sqlite_store.h\"\n"
          "#include \"core/date.h\"\n#include <vector>\n#include \"sqlite3.h\"\n");
    write(src("cli/main.cpp"), "#include \"raw/schema.h\"\n#include \"generate/writer.h\"\n");
    write(allowlist_, "# none\n");
  }
  fs::path src(const std::string& rel) const { return dir_.path() / "src" / rel; }

  testing::TempDir dir_;
  fs::path allowlist_ = dir_.path() / "allowlist";
};

TEST_F(CheckLayers, IncludesThatPointDownPass) {
  Result r = check_layers(dir_.path(), allowlist_);
  EXPECT_EQ(r.exit_code, 0) << r.output;
}

TEST_F(CheckLayers, AStoreFileIncludingRawFailsNamingFileAndLine) {
  write(src("store/catalog.cpp"), "#include \"store/catalog.h\"\n\n#include \"raw/schema.h\"\n");
  Result r = check_layers(dir_.path(), allowlist_);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("src/store/catalog.cpp:3: store includes \"raw/schema.h\""),
            std::string::npos)
      << r.output;
  EXPECT_EQ(r.output.find("main.cpp"), std::string::npos) << r.output;  // only the violation
}

TEST_F(CheckLayers, ASubfolderIsItsLayerSoSqliteIncludingRawFails) {
  write(src("store/sqlite/schema.h"), "#pragma once\n#include \"raw/schema.h\"\n");
  Result r = check_layers(dir_.path(), allowlist_);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("src/store/sqlite/schema.h:2:"), std::string::npos) << r.output;
}

TEST_F(CheckLayers, GenerateSitsBesideRaw) {
  write(src("generate/writer.cpp"), "#include \"raw/schema.h\"\n");
  Result r = check_layers(dir_.path(), allowlist_);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("src/generate/writer.cpp:1:"), std::string::npos) << r.output;
}

TEST_F(CheckLayers, AnAllowlistedViolationPassesAndAStaleEntryIsOnlyNoted) {
  write(src("predict/grade_day.cpp"), "#include \"pipeline/partition_writer.h\"\n");
  write(allowlist_,
        "# known\nsrc/predict/grade_day.cpp pipeline/partition_writer.h\n"
        "src/precompute/gone.cpp pipeline/runner.h\n");
  Result r = check_layers(dir_.path(), allowlist_);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("'src/precompute/gone.cpp pipeline/runner.h' no longer occurs"),
            std::string::npos)
      << r.output;
}

TEST_F(CheckLayers, AFolderWithoutALayerFails) {
  write(src("extras/thing.cpp"), "#include \"core/date.h\"\n");
  Result r = check_layers(dir_.path(), allowlist_);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("folder 'extras' has no layer"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace nbaprops
