// Test support: a GoogleTest fixture with a new, empty SQLite store (the pipeline's catalog) in
// a temporary folder, and one-line SQL reads of it. Suites that load small files into an empty
// store derive from it:
//
//   class Loaders : public testing::NewStoreTest {};
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "pipeline/catalog.h"
#include "support/test_store.h"

namespace nbaprops::testing {

class NewStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = (dir_.path() / "store.db").string();
    store_ = open_store(db_);
  }
  // The first value of the first row of `sql` on the store file.
  std::string q(const std::string& sql) { return sql_value(db_, sql); }
  // Every row of `sql`, columns joined by '|'.
  std::vector<std::string> rows(const std::string& sql) { return sql_rows(db_, sql); }
  TempDir dir_;
  std::string db_;
  std::unique_ptr<Store> store_;
};

}  // namespace nbaprops::testing
