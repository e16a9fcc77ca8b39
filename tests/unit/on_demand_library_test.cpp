// Libraries opened on first use (core/on_demand_library.h): the library opens at the first
// symbol asked for, a missing library or function is an error naming it, and the program itself
// starts without libpq and libxgboost (a command on an SQLite store loads neither). The
// forwarding files are exercised by every PostgreSQL store test and every model test.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/on_demand_library.h"
#include "support/test_store.h"

namespace nbaprops {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::ThrowsMessage;

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
  EXPECT_THAT([&] { missing.symbol("anything"); },
              ThrowsMessage<std::runtime_error>(AllOf(
                  HasSubstr("cannot load libnbaprops-absent.so.7"), HasSubstr("package none"))));
  EXPECT_FALSE(missing.is_open());
  // In the caller's own error type.
  EXPECT_THROW(missing.symbol_or<std::invalid_argument>("anything"), std::invalid_argument);
}

TEST(OnDemandLibrary, AMissingFunctionIsAnErrorNamingIt) {
  OnDemandLibrary m("libm.so.6", "the C math library");
  EXPECT_THAT(
      [&] { m.symbol("nbaprops_no_such_function"); },
      ThrowsMessage<std::runtime_error>(HasSubstr("has no function nbaprops_no_such_function")));
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
