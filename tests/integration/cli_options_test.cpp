// The command line's shared options (docs/sources.md "Command line"): --version, --db before
// or after the subcommand, NBAPROPS_DB, a missing store refused, relative dates, valid names
// listed. Runs the built binary.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/test_store.h"

namespace nbaprops {
namespace {

using testing::run_command;

class CliOptions : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = (dir_.path() / "s.db").string();
    std::string games = dir_.write("games.csv", "date,away,home\n2025-01-16,NYK,BOS\n");
    ASSERT_EQ(run(std::string("ingest --db ") + db_ + " " + games), 0) << out_;
  }
  int run(const std::string& args, const std::string& env = "") {
    out_.clear();
    int rc = run_command(env + " " + NBAPROPS_BINARY + " " + args + " 2>&1", &out_);
    return rc;
  }
  testing::TempDir dir_;
  std::string db_, out_;
};

TEST_F(CliOptions, VersionPrintsTheProjectVersion) {
  EXPECT_EQ(run("--version"), 0);
  EXPECT_EQ(out_.rfind("nbaprops ", 0), 0u) << out_;
}

TEST_F(CliOptions, TheStoreGoesBeforeOrAfterTheSubcommandOrInTheEnvironment) {
  EXPECT_EQ(run("--db " + db_ + " export games"), 0) << out_;
  EXPECT_NE(out_.find("20250116_NYK_BOS"), std::string::npos) << out_;
  EXPECT_EQ(run("export games --db " + db_), 0) << out_;
  EXPECT_NE(out_.find("20250116_NYK_BOS"), std::string::npos) << out_;
  EXPECT_EQ(run("export games", "NBAPROPS_DB=" + db_), 0) << out_;
  EXPECT_NE(out_.find("20250116_NYK_BOS"), std::string::npos) << out_;
}

TEST_F(CliOptions, AMissingStoreIsRefusedExceptByIngestAndGenerate) {
  std::string missing = (dir_.path() / "missing.db").string();
  EXPECT_EQ(run("--db " + missing + " tables"), 2);
  EXPECT_NE(out_.find("no store at"), std::string::npos) << out_;
  EXPECT_EQ(run("status --db " + missing), 2);
  EXPECT_FALSE(std::filesystem::exists(missing));
}

TEST_F(CliOptions, RelativeDatesAreResolvedAndPrinted) {
  EXPECT_EQ(run("export games --date today --db " + db_), 0) << out_;
  EXPECT_NE(out_.find("date: today = "), std::string::npos) << out_;
  EXPECT_NE(out_.find("(US Eastern)"), std::string::npos) << out_;
  EXPECT_EQ(run("status --from yesterday --to tomorrow --db " + db_), 0) << out_;
  EXPECT_NE(out_.find("date: tomorrow = "), std::string::npos) << out_;
}

TEST_F(CliOptions, UnknownNamesListTheValidOnes) {
  EXPECT_EQ(run("export nosuch --db " + db_), 2);
  EXPECT_NE(out_.find("tables: games, player_boxscores"), std::string::npos) << out_;
  EXPECT_EQ(run("frobnicate"), 2);
  EXPECT_NE(out_.find("unknown subcommand frobnicate"), std::string::npos) << out_;
  EXPECT_NE(out_.find("subcommands: ingest, export"), std::string::npos) << out_;
  EXPECT_EQ(run("predict --date 2025-01-16 --systems nosuch --db " + db_), 2);
  EXPECT_NE(out_.find("systems: moving_average"), std::string::npos) << out_;
}

}  // namespace
}  // namespace nbaprops
