// Test support: a GoogleTest fixture whose suite ingests the real 2024-25 season once into a
// temporary raw store; each test takes its own copy (`copy(name)`) and runs what it needs on it.
// Tests skip, with the data path in the message, when the shared data is absent.
//
//   class Tonight : public testing::RealSeasonRawStore<Tonight> { ... };
//
// The Suite parameter gives every suite its own store (the statics are per instantiation).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "pipeline/catalog.h"
#include "pipeline/runner.h"
#include "support/test_store.h"

namespace nbaprops::testing {

template <class Suite>
class RealSeasonRawStore : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (real_season_dir().empty()) return;
    dir_ = new TempDir();
    raw_db_ = (dir_->path() / "raw.db").string();
    auto store = open_store(raw_db_);
    run_ingest(*store, {real_season_dir()});
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override {
    if (real_season_dir().empty()) {
      GTEST_SKIP() << "real season data not found at " << NBAPROPS_SHARED_DATA_DIR << "; skipping";
    }
  }
  // A copy of the suite's loaded raw store, named `name` in its temporary folder.
  static std::string copy(const std::string& name) {
    std::string path = (dir_->path() / name).string();
    std::filesystem::copy_file(raw_db_, path, std::filesystem::copy_options::overwrite_existing);
    return path;
  }
  // run_pipeline on the store at `db` over [from, to], its log discarded.
  static pipeline::RunReport run_with(const std::string& db, Date from, Date to,
                                      const pipeline::RunOptions& options) {
    auto store = open_store(db);
    std::ostringstream log;
    return pipeline::run_pipeline(*store, from, to, options, log);
  }
  static const TempDir& dir() { return *dir_; }

 private:
  static inline TempDir* dir_ = nullptr;
  static inline std::string raw_db_;
};

}  // namespace nbaprops::testing
