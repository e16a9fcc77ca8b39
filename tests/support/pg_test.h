// Test support for the PostgreSQL store: a fresh database per test on the server named by
// NBAPROPS_TEST_PG (scripts/with-postgres starts a throw-away one for `make test`), dropped
// when the test ends. Tests that need it skip with a message when the variable is absent.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/catalog.h"
#include "store/store.h"

namespace nbaprops::testing {

// NBAPROPS_TEST_PG, or nullopt.
std::optional<std::string> pg_server();

// The message a test skips with when pg_server() is nullopt.
inline constexpr const char* kNoPostgres =
    "NBAPROPS_TEST_PG is not set: no PostgreSQL server to test against (run the tests through "
    "scripts/with-postgres, as `make test` does)";

class PgTestDatabase {
 public:
  // Creates a database with a unique name, empty or as a copy of `copy_of` (which nobody may
  // be connected to). REQUIRES: pg_server().
  PgTestDatabase();
  explicit PgTestDatabase(const PgTestDatabase& copy_of);
  ~PgTestDatabase();
  PgTestDatabase& operator=(const PgTestDatabase&) = delete;
  // Its URL, for open_store().
  const std::string& url() const { return url_; }
  const std::string& name() const { return name_; }
  // Runs `sql` on it and returns the first column of the first row as text ("" if none).
  std::string value(const std::string& sql) const;
  void exec(const std::string& sql) const;

 private:
  void create(const std::string& template_name);
  std::string name_, url_;
};

// Every row of `table`, one line each (doubles in shortest round-trip form, NULL as \N),
// without the wall-clock columns (processed_at, run_id, load/compute/write/total_ms,
// first_published_at), sorted:
// two stores that computed the same thing give the same lines.
std::vector<std::string> table_dump(Store& store, const TableSchema& table);

}  // namespace nbaprops::testing

#define NBAPROPS_SKIP_WITHOUT_POSTGRES() \
  if (!::nbaprops::testing::pg_server()) GTEST_SKIP() << ::nbaprops::testing::kNoPostgres
