#include "store/sqlite/sqlite_store.h"

#include <fmt/format.h>

#include "core/record.h"
#include "store/sqlite/sqlite_schema.h"

namespace nbaprops {
namespace {

void bind_value(sqlite3_stmt* stmt, int index, const Value& v) {
  if (const auto* i = std::get_if<int64_t>(&v)) {
    sqlite3_bind_int64(stmt, index, *i);
  } else if (const auto* d = std::get_if<double>(&v)) {
    sqlite3_bind_double(stmt, index, *d);
  } else if (const auto* s = std::get_if<std::string>(&v)) {
    // SQLITE_STATIC: the value outlives the statement step (bindings are cleared after it).
    sqlite3_bind_text(stmt, index, s->data(), static_cast<int>(s->size()), SQLITE_STATIC);
  } else {
    sqlite3_bind_null(stmt, index);
  }
}

Value read_value(sqlite3_stmt* stmt, int index, ColumnType type) {
  if (sqlite3_column_type(stmt, index) == SQLITE_NULL) return Value{};
  switch (type) {
    case ColumnType::kInt:
    case ColumnType::kBool:
      return Value{static_cast<int64_t>(sqlite3_column_int64(stmt, index))};
    case ColumnType::kDec:
      return Value{sqlite3_column_double(stmt, index)};
    default: {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, index));
      return Value{std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt, index)))};
    }
  }
}

// The same into a cell of a row reused between steps: a text cell that already holds a string
// takes the new text in its buffer (no allocation once the buffer is large enough). Reads the
// cell through its sqlite3_value: one column lookup a cell instead of one per sqlite3_column_*
// call (each locks, checks and unlocks; ~60 instructions). The value is used at once, by the
// thread that steps the statement, which is what SQLite asks of an unprotected value.
void read_cell(sqlite3_stmt* stmt, int index, ColumnType type, Value& cell) {
  sqlite3_value* v = sqlite3_column_value(stmt, index);
  if (sqlite3_value_type(v) == SQLITE_NULL) {
    cell = std::monostate{};
    return;
  }
  switch (type) {
    case ColumnType::kInt:
    case ColumnType::kBool:
      cell = static_cast<int64_t>(sqlite3_value_int64(v));
      return;
    case ColumnType::kDec:
      cell = sqlite3_value_double(v);
      return;
    default: {
      // sqlite3_value_text first: it converts a number to text, and the size is the text's.
      const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(v));
      const auto size = static_cast<size_t>(sqlite3_value_bytes(v));
      if (auto* s = std::get_if<std::string>(&cell)) {
        s->assign(text, size);
      } else {
        cell.emplace<std::string>(text, size);
      }
    }
  }
}

std::string where_clause(const std::vector<Condition>& where) {
  std::string sql;
  for (size_t i = 0; i < where.size(); ++i) {
    const auto& c = where[i];
    if (c.op != "=" && c.op != "<" && c.op != "<=" && c.op != ">" && c.op != ">=") {
      throw StoreError("unsupported condition operator: " + c.op);
    }
    sql += i == 0 ? " WHERE " : " AND ";
    sql += fmt::format("{} {} ?{}", quote_identifier(c.column), c.op == "=" ? "IS" : c.op, i + 1);
  }
  return sql;
}

// Binds the values of `where`'s conditions to the ? of where_clause(where), in order.
void bind_conditions(sqlite3_stmt* stmt, const std::vector<Condition>& where) {
  for (size_t i = 0; i < where.size(); ++i)
    bind_value(stmt, static_cast<int>(i) + 1, where[i].value);
}

// Resets a statement on scope exit so a thrown error never leaves it mid-step.
struct StatementReset {
  sqlite3_stmt* stmt;
  ~StatementReset() {
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
  }
};

// The same for a statement whose every parameter is bound before each step (a row insert):
// clearing the bindings would cost ~800 instructions a row for nothing.
struct StatementResetOnly {
  sqlite3_stmt* stmt;
  ~StatementResetOnly() { sqlite3_reset(stmt); }
};

}  // namespace

SqliteStore::SqliteStore(const std::string& path, const TableCatalog& catalog) : path_(path) {
  // No memory statistics: with them SQLite takes a global mutex on every allocation. Must
  // precede the library's initialisation (the first open); later calls fail harmlessly.
  static const bool configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
  (void)configured;
  // NOMUTEX: a Store is used by one thread at a time (store.h), so the connection's own mutex
  // (taken on every sqlite3_* call, ~10% of a backfill) buys nothing.
  int rc =
      sqlite3_open_v2(path.c_str(), &db_,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(fmt::format("cannot open store {}: {}", path, msg));
  }
  sqlite3_busy_timeout(db_, 10000);
  // A destructor does not run when the constructor throws: the connection is closed here
  // (a file that is not a database, a corrupt header, a read-only folder).
  try {
    // Statement journals in memory: a row insert that fires a trigger (the raw partitions'
    // change counters, store/partition_versions.h) opens one per row, and on disk that was
    // 1.4 million pwrite calls for one season's ingest (0.85 s of system time).
    exec("PRAGMA temp_store=MEMORY");
    // 16 KiB pages for a new store (an existing one keeps its own: the pragma only acts on an
    // empty file, before WAL is set). Phase 3-4 rows are wide (~80 columns): fewer page splits
    // and writes per row; a season's backfill spends ~0.1 s less in the kernel.
    // docs/performance.md, fifth session.
    exec("PRAGMA page_size=" + std::to_string(kNewStorePageSize));
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=NORMAL");
    // A page cache of up to 16 MiB (SQLite's default is 8 MiB): a batch of partitions
    // (pipeline/partition_writer.h) and the index pages it updates stay in memory until its
    // commit instead of spilling to the log and being read back. docs/performance.md.
    exec("PRAGMA cache_size=-16384");
    exec("PRAGMA foreign_keys=OFF");
    migrate(catalog);
  } catch (...) {
    close();
    throw;
  }
}

SqliteStore::~SqliteStore() {
  close();
}

void SqliteStore::close() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  statements_.clear();
  table_statements_.clear();
  if (in_transaction_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  in_transaction_ = false;
  sqlite3_close(db_);
  db_ = nullptr;
}

void SqliteStore::fail(const std::string& what) {
  throw StoreError(fmt::format("store {}: {}: {}", path_, what, sqlite3_errmsg(db_)));
}

void SqliteStore::exec(const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    throw StoreError(fmt::format("store {}: {}: {}", path_, sql.substr(0, 80), msg));
  }
}

sqlite3_stmt* SqliteStore::prepare(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it != statements_.end()) return it->second;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) !=
      SQLITE_OK) {
    fail("prepare " + sql.substr(0, 80));
  }
  statements_.emplace(sql, stmt);
  return stmt;
}

void SqliteStore::migrate(const TableCatalog& catalog) {
  exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  int current = schema_version();
  const auto migrations = sqlite_migrations(catalog);
  if (current > static_cast<int>(migrations.size())) {
    throw StoreError(fmt::format("store {} has schema version {}, newer than this program ({})",
                                 path_, current, migrations.size()));
  }
  for (size_t v = static_cast<size_t>(current); v < migrations.size(); ++v) {
    begin();
    try {
      for (const auto& stmt : migrations[v]) exec(stmt);
      exec("DELETE FROM schema_version");
      exec(fmt::format("INSERT INTO schema_version VALUES ({})", v + 1));
      commit();
    } catch (...) {
      rollback();
      throw;
    }
  }
}

sqlite3_stmt* SqliteStore::table_statement(const TableSchema& table, StatementKind kind) {
  auto key = std::make_pair(&table, kind);
  auto it = table_statements_.find(key);
  if (it != table_statements_.end()) return it->second;
  std::string sql = kind == kInsert   ? insert_sql(table)
                    : kind == kUpdate ? update_sql(table)
                                      : key_lookup_sql(table);
  sqlite3_stmt* stmt = prepare(sql);
  table_statements_.emplace(key, stmt);
  return stmt;
}

int SqliteStore::schema_version() {
  sqlite3_stmt* stmt = prepare("SELECT max(version) FROM schema_version");
  StatementReset reset{stmt};
  if (sqlite3_step(stmt) != SQLITE_ROW) fail("read schema version");
  return sqlite3_column_int(stmt, 0);
}

void SqliteStore::begin() {
  if (in_transaction_) throw StoreError("transaction already open");
  exec("BEGIN IMMEDIATE");
  in_transaction_ = true;
}

void SqliteStore::commit() {
  exec("COMMIT");
  in_transaction_ = false;
}

void SqliteStore::rollback() {
  if (!in_transaction_) return;
  in_transaction_ = false;
  sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

bool SqliteStore::upsert(const TableSchema& table, const Row& row) {
  require_row_width(table, row);
  sqlite3_stmt* find = table_statement(table, kKeyLookup);
  int64_t rowid = 0;
  bool found = false;
  {
    StatementReset reset{find};
    for (size_t k = 0; k < table.key.size(); ++k) {
      bind_value(find, static_cast<int>(k) + 1, row[table.column_index(table.key[k])]);
    }
    int rc = sqlite3_step(find);
    if (rc == SQLITE_ROW) {
      found = true;
      rowid = sqlite3_column_int64(find, 0);
    } else if (rc != SQLITE_DONE) {
      fail("key lookup in " + table.name);
    }
  }
  if (!found) {
    insert(table, row);
    return false;
  }
  sqlite3_stmt* update = table_statement(table, kUpdate);
  StatementReset reset{update};
  for (size_t i = 0; i < row.size(); ++i) bind_value(update, static_cast<int>(i) + 1, row[i]);
  sqlite3_bind_int64(update, static_cast<int>(row.size()) + 1, rowid);
  if (sqlite3_step(update) != SQLITE_DONE) fail("update " + table.name);
  return true;
}

void SqliteStore::insert(const TableSchema& table, const Row& row) {
  require_row_width(table, row);
  sqlite3_stmt* stmt = table_statement(table, kInsert);
  StatementResetOnly reset{stmt};  // every column is bound below
  // A short row leaves its last columns NULL, not the previous row's values.
  if (row.size() < table.columns.size()) sqlite3_clear_bindings(stmt);
  for (size_t i = 0; i < row.size(); ++i) bind_value(stmt, static_cast<int>(i) + 1, row[i]);
  if (sqlite3_step(stmt) != SQLITE_DONE) fail("insert into " + table.name);
}

int64_t SqliteStore::erase(const TableSchema& table, const std::vector<Condition>& where) {
  sqlite3_stmt* stmt =
      prepare(fmt::format("DELETE FROM {}{}", quote_identifier(table.name), where_clause(where)));
  StatementReset reset{stmt};
  bind_conditions(stmt, where);
  if (sqlite3_step(stmt) != SQLITE_DONE) fail("delete from " + table.name);
  return sqlite3_changes64(db_);
}

void SqliteStore::scan(const TableSchema& table, const std::vector<Condition>& where,
                       const std::function<void(const Row&)>& fn) {
  scan_columns(table, std::vector<bool>(table.columns.size(), true), where, fn);
}

void SqliteStore::scan_columns(const TableSchema& table, const std::vector<bool>& wanted,
                               const std::vector<Condition>& where,
                               const std::function<void(const Row&)>& fn, bool any_order) {
  std::vector<size_t> read;  // the table's column index of each selected column
  std::string list;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    if (c < wanted.size() && !wanted[c]) continue;
    list += fmt::format("{}{}", read.empty() ? "" : ", ", quote_identifier(table.columns[c].name));
    read.push_back(c);
  }
  if (read.empty()) list = "NULL";
  std::string sql =
      fmt::format("SELECT {} FROM {}{}", list, quote_identifier(table.name), where_clause(where));
  if (!any_order) sql += " ORDER BY " + table.order_by;
  // Not cached: a scan may re-enter the store from its callback.
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) fail("prepare scan");
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> guard(stmt, sqlite3_finalize);
  bind_conditions(stmt, where);
  Row row(table.columns.size());
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    for (size_t i = 0; i < read.size(); ++i) {
      read_cell(stmt, static_cast<int>(i), table.columns[read[i]].type, row[read[i]]);
    }
    fn(row);
  }
  if (rc != SQLITE_DONE) fail("scan " + table.name);
}

int64_t SqliteStore::count(const TableSchema& table, const std::vector<Condition>& where) {
  sqlite3_stmt* stmt = prepare(
      fmt::format("SELECT count(*) FROM {}{}", quote_identifier(table.name), where_clause(where)));
  StatementReset reset{stmt};
  bind_conditions(stmt, where);
  if (sqlite3_step(stmt) != SQLITE_ROW) fail("count " + table.name);
  return sqlite3_column_int64(stmt, 0);
}

bool SqliteStore::exists(const TableSchema& table, const std::vector<Condition>& where) {
  sqlite3_stmt* stmt = prepare(
      fmt::format("SELECT 1 FROM {}{} LIMIT 1", quote_identifier(table.name), where_clause(where)));
  StatementReset reset{stmt};
  bind_conditions(stmt, where);
  int rc = sqlite3_step(stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail("exists " + table.name);
  return rc == SQLITE_ROW;
}

std::pair<Value, Value> SqliteStore::min_max(const TableSchema& table, const std::string& column) {
  const Column& c = table.columns[table.column_index(column)];
  sqlite3_stmt* stmt = prepare(fmt::format("SELECT min({0}), max({0}) FROM {1}",
                                           quote_identifier(column), quote_identifier(table.name)));
  StatementReset reset{stmt};
  if (sqlite3_step(stmt) != SQLITE_ROW) fail("min/max " + table.name);
  return {read_value(stmt, 0, c.type), read_value(stmt, 1, c.type)};
}

}  // namespace nbaprops
