// The Store: where nbaprops keeps its tables. An abstract interface over a SQL database
// (SQLite by default; PostgreSQL for a shared server), speaking in table declarations
// (core/table_schema.h) and rows (core/value.h), so that loaders and processors never write SQL.
// The store knows no phase: whoever opens it hands it the catalog of its tables
// (store/table_catalog.h; the pipeline's is pipeline/catalog.h).
//
// A Store is used by one thread at a time (it is not internally synchronised); two
// processes may open the same store, and the database's own locking serialises their
// writes (a writer waits up to a timeout, then gets StoreError). Every write happens inside
// a transaction opened with begin(); a transaction that is not committed leaves no trace.
#pragma once

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/table_schema.h"
#include "core/value.h"
#include "store/table_catalog.h"

namespace nbaprops {

// Any failure of the database itself: cannot open, locked, disk full, bad SQL.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One condition of a scan or erase: `column op value`, op one of = < <= > >=.
// A NULL value with "=" matches NULL cells.
struct Condition {
  std::string column;
  std::string op;
  Value value;
};

class Store {
 public:
  virtual ~Store() = default;
  Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Opens a transaction. REQUIRES: none open.
  virtual void begin() = 0;
  virtual void commit() = 0;
  // Undoes everything since begin(). Safe to call when no transaction is open.
  virtual void rollback() = 0;

  // Writes `row` (all columns, declaration order). When a row with the same key exists it
  // is replaced and the call returns true. NULL key cells compare equal to NULL.
  // REQUIRES: an open transaction; table has a key.
  virtual bool upsert(const TableSchema& table, const Row& row) = 0;
  // upsert() of each row in turn, for writers that need not know which rows replaced one (a
  // partition's failed entities). A server store sends them in one batch.
  // REQUIRES: an open transaction; table has a key.
  virtual void upsert_all(const TableSchema& table, const std::vector<Row>& rows) {
    for (const auto& row : rows) upsert(table, row);
  }
  // Appends `row` (tables without a key, or rows known to be new).
  virtual void insert(const TableSchema& table, const Row& row) = 0;
  // Deletes the rows matching every condition; returns how many.
  virtual int64_t erase(const TableSchema& table, const std::vector<Condition>& where) = 0;
  // Calls `fn` for each row matching every condition, in the table's order_by order.
  virtual void scan(const TableSchema& table, const std::vector<Condition>& where,
                    const std::function<void(const Row&)>& fn) = 0;
  // Like scan, reading only the columns flagged in `wanted` (one flag per column of `table`);
  // the others are NULL in the rows passed to `fn`. For wide tables of which a reader needs a
  // few columns. With `any_order`, rows come in whatever order is cheapest (for readers that
  // aggregate). The default reads every column in order.
  virtual void scan_columns(const TableSchema& table, const std::vector<bool>& wanted,
                            const std::vector<Condition>& where,
                            const std::function<void(const Row&)>& fn, bool any_order = false) {
    (void)wanted;
    (void)any_order;
    scan(table, where, fn);
  }
  // Number of rows matching every condition.
  virtual int64_t count(const TableSchema& table, const std::vector<Condition>& where) = 0;
  // Whether any row matches every condition: stops at the first, where count() reads them all.
  virtual bool exists(const TableSchema& table, const std::vector<Condition>& where) {
    return count(table, where) > 0;
  }
  // The smallest and largest non-NULL value of `column` (NULLs when the table is empty).
  virtual std::pair<Value, Value> min_max(const TableSchema& table, const std::string& column) = 0;
};

// RAII transaction: rolls back unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Store& store) : store_(store) { store_.begin(); }
  ~Transaction() {
    if (!done_) store_.rollback();
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit() {
    store_.commit();
    done_ = true;
  }

 private:
  Store& store_;
  bool done_ = false;
};

// Opens (creating and migrating to `catalog` when needed) the store at `location`: a PostgreSQL
// URL (postgresql://user@host/dbname or postgres://...; store/postgres/pg_store.h), else a file
// path for SQLite. Throws StoreError when it cannot. pipeline/catalog.h's open_store(location)
// hands it every table of the pipeline.
std::unique_ptr<Store> open_store(const std::string& location, const TableCatalog& catalog);
// Whether `location` names a PostgreSQL database (a postgresql:// or postgres:// URL).
bool is_postgres_location(const std::string& location);

}  // namespace nbaprops
