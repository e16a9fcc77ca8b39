// The SQLite implementation of Store: one database file, WAL journal, prepared statements
// cached per SQL text. See store/store.h for the contract.
#pragma once

#include <sqlite3.h>

#include <map>
#include <memory>
#include <string>

#include "store/store.h"
#include "store/table_catalog.h"

namespace nbaprops {

// The page size of a store file SqliteStore creates; an existing file keeps its own.
inline constexpr int kNewStorePageSize = 16384;

class SqliteStore final : public Store {
 public:
  // Opens or creates `path` and applies the pending migrations of `catalog` (the tables it
  // holds; see store/table_catalog.h). Throws StoreError.
  SqliteStore(const std::string& path, const TableCatalog& catalog);
  ~SqliteStore() override;

  void begin() override;
  void commit() override;
  void rollback() override;
  bool upsert(const TableSchema& table, const Row& row) override;
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
  // How long a writer waits for another process's write lock before StoreError (default
  // 10 s).
  void set_busy_timeout_ms(int ms) { sqlite3_busy_timeout(db_, ms); }

 private:
  enum StatementKind { kInsert, kUpdate, kKeyLookup };
  sqlite3_stmt* prepare(const std::string& sql);
  // The per-table statements, cached by table without rebuilding their SQL text.
  sqlite3_stmt* table_statement(const TableSchema& table, StatementKind kind);
  void exec(const std::string& sql);
  void migrate(const TableCatalog& catalog);
  // Finalizes every statement and closes the connection (a rollback first if one is open).
  void close();
  [[noreturn]] void fail(const std::string& what);

  sqlite3* db_ = nullptr;
  std::string path_;
  bool in_transaction_ = false;
  std::map<std::string, sqlite3_stmt*> statements_;  // owns every prepared statement
  std::map<std::pair<const TableSchema*, StatementKind>, sqlite3_stmt*> table_statements_;
};

}  // namespace nbaprops
