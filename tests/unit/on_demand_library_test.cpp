// Libraries opened on first use (core/on_demand_library.h): the library opens at the first
// symbol asked for, a missing library or function is an error naming it, and the program itself
// starts without libpq and libxgboost (a command on an SQLite store loads neither). The
// forwarding files are exercised by every PostgreSQL store test and every model test.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/on_demand_library.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

TEST(OnDemandLibrary, OpensAtTheFirstSymbol) {
  OnDemandLibrary m("libm.so.6", "the C math library");
  EXPECT_FALSE(m.is_open());
  auto* cosine = reinterpret_cast<double (*)(double)>(m.symbol("cos"));
  EXPECT_TRUE(m.is_open());
  EXPECT_DOUBLE_EQ(cosine(0.0), 1.0);
  EXPECT_EQ(reinterpret_cast<void*>(cosine), m.symbol("cos"));
}

TEST(OnDemandLibrary, AMissingLibraryIsAnErrorNamingIt) {
  OnDemandLibrary missing("libnbaprops-absent.so.7", "a library no machine has, package none");
  try {
    missing.symbol("anything");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("cannot load libnbaprops-absent.so.7"), std::string::npos) << what;
    EXPECT_NE(what.find("package none"), std::string::npos) << what;
  }
  EXPECT_FALSE(missing.is_open());
}

TEST(OnDemandLibrary, AMissingFunctionIsAnErrorNamingIt) {
  OnDemandLibrary m("libm.so.6", "the C math library");
  try {
    m.symbol("nbaprops_no_such_function");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("has no function nbaprops_no_such_function"),
              std::string::npos)
        << e.what();
  }
}

// The dynamic loader's list of the files it opens (LD_DEBUG=files) for one command.
std::string files_loaded(const std::string& arguments) {
  std::string out;
  testing::run_command(
      "LD_DEBUG=files " + std::string(NBAPROPS_BINARY) + " " + arguments + " 2>&1 >/dev/null",
      &out);
  return out;
}

TEST(OnDemandLibrary, TheProgramStartsWithoutLibpqAndXgboost) {
  std::string help = files_loaded("--help");
  ASSERT_NE(help.find("libsqlite3"), std::string::npos) << "LD_DEBUG gave no file list:\n" << help;
  EXPECT_EQ(help.find("libpq"), std::string::npos) << help;
  EXPECT_EQ(help.find("libxgboost"), std::string::npos) << help;
  // A command on an SQLite store loads neither.
  auto dir =
      std::filesystem::temp_directory_path() / ("nbaprops-on-demand-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string tables = files_loaded("--db " + (dir / "s.db").string() + " tables");
  std::filesystem::remove_all(dir);
  ASSERT_NE(tables.find("libsqlite3"), std::string::npos) << tables;
  EXPECT_EQ(tables.find("libpq"), std::string::npos) << tables;
  EXPECT_EQ(tables.find("libxgboost"), std::string::npos) << tables;
}

}  // namespace
}  // namespace nbaprops
