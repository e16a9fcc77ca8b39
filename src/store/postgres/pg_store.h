// The PostgreSQL implementation of Store (05-pipeline.md §8): the same tables, keys and
// migrations as the SQLite store, in a server database that loaders, this pipeline and
// dashboards share. See store/store.h for the contract and pg_schema.h for the types.
//
// Writes: rows passed to insert() inside a transaction are buffered and sent with one COPY per
// run of rows of the same table, before the next statement of any other kind or the commit, so
// a partition (delete, insert its rows, its run record) costs a handful of round trips. An
// insert that breaks a key therefore fails at that later call or at commit(), never silently.
// upsert() is one statement (INSERT ... ON CONFLICT, or UPDATE else INSERT for NULL-able keys).
// Scans read the whole result before calling back, so a callback may use the store.
//
// Concurrency: unlike SQLite, writers of different partitions proceed side by side (row locks,
// READ COMMITTED); a transaction that conflicts with another on a key fails with StoreError.
// Sessions run with synchronous_commit off unless the URL sets it (as SQLite's WAL with
// synchronous=NORMAL: a server crash may lose the last commits, never half of one).
#pragma once

#include <map>
#include <memory>
#include <string>

#include "store/postgres/pg_connection.h"
#include "store/store.h"
#include "store/table_catalog.h"

namespace nbaprops {

class PostgresStore final : public Store {
 public:
  // Connects to `url` and applies pending migrations (under an advisory lock, so workers that
  // start together migrate once). Throws StoreError.
  // `catalog`: the tables it holds (store/table_catalog.h).
  PostgresStore(const std::string& url, const TableCatalog& catalog);
  ~PostgresStore() override;

  void begin() override;
  void commit() override;
  void rollback() override;
  bool upsert(const TableSchema& table, const Row& row) override;
  // Without NULL-able key columns: the rows (the last of each key) COPYed into a session
  // temporary table and upserted from it in one statement. Else upsert() in turn.
  void upsert_all(const TableSchema& table, const std::vector<Row>& rows) override;
  void insert(const TableSchema& table, const Row& row) override;
  int64_t erase(const TableSchema& table, const std::vector<Condition>& where) override;
  void scan(const TableSchema& table, const std::vector<Condition>& where,
            const std::function<void(const Row&)>& fn) override;
  void scan_columns(const TableSchema& table, const std::vector<bool>& wanted,
                    const std::vector<Condition>& where, const std::function<void(const Row&)>& fn,
                    bool any_order = false) override;
  int64_t count(const TableSchema& table, const std::vector<Condition>& where) override;
  bool exists(const TableSchema& table, const std::vector<Condition>& where) override;
  std::pair<Value, Value> min_max(const TableSchema& table, const std::string& column) override;

  // The schema version after migrations (for tests).
  int schema_version();
  PgConnection& connection() { return conn_; }

 private:
  void migrate(const TableCatalog& catalog);
  // Sends the buffered COPY rows, if any.
  void flush();
  // Appends `row` to a COPY text stream.
  static void append_copy_row(std::string& out, const Row& row);

  PgConnection conn_;
  bool in_transaction_ = false;
  const TableSchema* pending_table_ = nullptr;  // the table of the buffered COPY rows
  std::string pending_;                         // COPY text-format rows
};

}  // namespace nbaprops
