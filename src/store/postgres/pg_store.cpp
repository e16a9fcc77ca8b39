#include "store/postgres/pg_store.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <map>

#include "core/record.h"
#include "store/postgres/pg_schema.h"
#include "store/schema_ddl.h"

namespace nbaprops {
namespace {

using Params = std::vector<std::optional<std::string>>;

// A buffered COPY is sent once it holds this many bytes.
constexpr size_t kCopyFlushBytes = 8 << 20;
// The advisory lock key that serialises migrations ("nbaprops" in ASCII, truncated).
constexpr int64_t kMigrationLock = 0x6e626170726f70;

// A value as a text parameter; NaN is NULL (SQLite stores NaN as NULL too).
std::optional<std::string> param(const Value& v) {
  if (const auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) {
    if (std::isnan(*d)) return std::nullopt;
    return fmt::format("{}", *d);
  }
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return std::nullopt;
}

Value read_value(const PGresult* r, int row, int col, ColumnType type) {
  if (PQgetisnull(r, row, col)) return Value{};
  const char* text = PQgetvalue(r, row, col);
  switch (type) {
    case ColumnType::kInt:
    case ColumnType::kBool:
      return Value{static_cast<int64_t>(std::strtoll(text, nullptr, 10))};
    case ColumnType::kDec:
      return Value{std::strtod(text, nullptr)};
    default:
      return Value{std::string(text, static_cast<size_t>(PQgetlength(r, row, col)))};
  }
}

// " WHERE ..." with $1.. for the non-NULL values of `where` (an "=" NULL is IS NULL); the
// parameters go to `params`.
std::string where_clause(const std::vector<Condition>& where, Params& params) {
  std::string sql;
  for (size_t i = 0; i < where.size(); ++i) {
    const auto& c = where[i];
    if (c.op != "=" && c.op != "<" && c.op != "<=" && c.op != ">" && c.op != ">=") {
      throw StoreError("unsupported condition operator: " + c.op);
    }
    sql += i == 0 ? " WHERE " : " AND ";
    if (c.op == "=" && is_null(c.value)) {
      sql += quote_identifier(c.column) + " IS NULL";
      continue;
    }
    params.push_back(param(c.value));
    sql += fmt::format("{} {} ${}", quote_identifier(c.column), c.op, params.size());
  }
  return sql;
}

bool mentions(const std::string& url, std::string_view setting) {
  return url.find(setting) != std::string::npos;
}

}  // namespace

PostgresStore::PostgresStore(const std::string& url, const TableCatalog& catalog) : conn_(url) {
  // ISO dates and shortest round-trip doubles whatever the server's defaults.
  conn_.exec("SET DateStyle = ISO; SET extra_float_digits = 1; SET client_encoding = 'UTF8'");
  if (!mentions(url, "synchronous_commit")) conn_.exec("SET synchronous_commit = off");
  migrate(catalog);
}

PostgresStore::~PostgresStore() {
  if (in_transaction_) PQclear(PQexec(conn_.raw(), "ROLLBACK"));
}

void PostgresStore::migrate(const TableCatalog& catalog) {
  const auto all = pg::migrations(catalog);
  conn_.exec("BEGIN");
  try {
    conn_.query_once(fmt::format("SELECT pg_advisory_xact_lock({})", kMigrationLock), {});
    conn_.exec("CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)");
    int current = schema_version();
    if (current > static_cast<int>(all.size())) {
      throw StoreError(fmt::format("store {} has schema version {}, newer than this program ({})",
                                   conn_.name(), current, all.size()));
    }
    for (size_t v = static_cast<size_t>(current); v < all.size(); ++v) {
      for (const auto& stmt : all[v]) conn_.exec(stmt);
    }
    if (static_cast<size_t>(current) < all.size()) {
      conn_.exec("DELETE FROM schema_version");
      conn_.exec(fmt::format("INSERT INTO schema_version VALUES ({})", all.size()));
    }
    conn_.exec("COMMIT");
  } catch (...) {
    PQclear(PQexec(conn_.raw(), "ROLLBACK"));
    throw;
  }
}

int PostgresStore::schema_version() {
  auto r = conn_.query_once("SELECT coalesce(max(version), 0) FROM schema_version", {});
  return std::atoi(PQgetvalue(r.get(), 0, 0));
}

void PostgresStore::flush() {
  if (!pending_table_) return;
  const TableSchema* table = pending_table_;
  std::string data;
  data.swap(pending_);
  pending_table_ = nullptr;
  conn_.copy_in(pg::copy_sql(*table), data);
}

void PostgresStore::begin() {
  if (in_transaction_) throw StoreError("transaction already open");
  conn_.exec("BEGIN");
  in_transaction_ = true;
}

void PostgresStore::commit() {
  flush();
  conn_.exec("COMMIT");
  in_transaction_ = false;
}

void PostgresStore::rollback() {
  pending_.clear();
  pending_table_ = nullptr;
  if (!in_transaction_) return;
  in_transaction_ = false;
  PQclear(PQexec(conn_.raw(), "ROLLBACK"));
}

bool PostgresStore::upsert(const TableSchema& table, const Row& row) {
  require_row_width(table, row);
  flush();
  Params params;
  params.reserve(row.size());
  for (const auto& v : row) params.push_back(param(v));
  std::vector<bool> null_key;
  for (const auto& k : table.key) null_key.push_back(is_null(row[table.column_index(k)]));
  auto r = conn_.query(pg::upsert_sql(table, null_key), params);
  return PQntuples(r.get()) == 1 && PQgetvalue(r.get(), 0, 0)[0] == 't';
}

void PostgresStore::insert(const TableSchema& table, const Row& row) {
  require_row_width(table, row);
  if (!in_transaction_) {  // nothing to batch with: one statement
    Params params;
    for (const auto& v : row) params.push_back(param(v));
    conn_.query(pg::insert_sql(table), params);
    return;
  }
  if (pending_table_ != &table) flush();
  pending_table_ = &table;
  append_copy_row(pending_, row);
  if (pending_.size() >= kCopyFlushBytes) flush();
}

void PostgresStore::append_copy_row(std::string& out, const Row& row) {
  for (size_t i = 0; i < row.size(); ++i) {
    if (i) out += '\t';
    auto text = param(row[i]);
    if (text) {
      append_copy_text(out, *text);
    } else {
      out += "\\N";
    }
  }
  out += '\n';
}

void PostgresStore::upsert_all(const TableSchema& table, const std::vector<Row>& rows) {
  constexpr size_t kBatchFrom = 8;  // fewer rows: one statement each is as fast
  if (rows.size() < kBatchFrom || nullable_key(table)) {
    for (const auto& row : rows) upsert(table, row);
    return;
  }
  for (const auto& row : rows) require_row_width(table, row);
  flush();
  // The last row of each key wins, as with upserts one by one.
  std::vector<size_t> key_cols;
  for (const auto& k : table.key) key_cols.push_back(table.column_index(k));
  std::map<Row, size_t> last;
  for (size_t i = 0; i < rows.size(); ++i) {
    Row key;
    for (size_t c : key_cols) key.push_back(rows[i][c]);
    last[std::move(key)] = i;
  }
  std::string data;
  for (const auto& [key, i] : last) append_copy_row(data, rows[i]);
  std::string temp = "nbaprops_upsert_" + table.name;
  conn_.exec(fmt::format("CREATE TEMP TABLE IF NOT EXISTS {} AS SELECT {} FROM {} WITH NO DATA",
                         quote_identifier(temp), column_list(table), quote_identifier(table.name)));
  conn_.copy_in(fmt::format("COPY {} ({}) FROM STDIN", quote_identifier(temp), column_list(table)),
                data);
  conn_.exec(pg::upsert_from_sql(table, temp) + "; DELETE FROM " + quote_identifier(temp));
}

int64_t PostgresStore::erase(const TableSchema& table, const std::vector<Condition>& where) {
  flush();
  Params params;
  std::string sql = "DELETE FROM " + quote_identifier(table.name) + where_clause(where, params);
  auto r = conn_.query(sql, params);
  return std::strtoll(PQcmdTuples(r.get()), nullptr, 10);
}

void PostgresStore::scan(const TableSchema& table, const std::vector<Condition>& where,
                         const std::function<void(const Row&)>& fn) {
  scan_columns(table, std::vector<bool>(table.columns.size(), true), where, fn);
}

void PostgresStore::scan_columns(const TableSchema& table, const std::vector<bool>& wanted,
                                 const std::vector<Condition>& where,
                                 const std::function<void(const Row&)>& fn, bool any_order) {
  flush();
  std::vector<size_t> read;
  std::string list;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    if (c < wanted.size() && !wanted[c]) continue;
    list += fmt::format("{}{}", read.empty() ? "" : ", ", quote_identifier(table.columns[c].name));
    read.push_back(c);
  }
  if (read.empty()) list = "NULL";
  Params params;
  std::string sql = fmt::format("SELECT {} FROM {}{}", list, quote_identifier(table.name),
                                where_clause(where, params));
  if (!any_order) sql += " ORDER BY " + pg::order_by(table.order_by);
  auto r = conn_.query(sql, params);
  int rows = PQntuples(r.get());
  Row row(table.columns.size());
  for (int i = 0; i < rows; ++i) {
    for (size_t c = 0; c < read.size(); ++c) {
      row[read[c]] = read_value(r.get(), i, static_cast<int>(c), table.columns[read[c]].type);
    }
    fn(row);
  }
}

int64_t PostgresStore::count(const TableSchema& table, const std::vector<Condition>& where) {
  flush();
  Params params;
  std::string sql =
      "SELECT count(*) FROM " + quote_identifier(table.name) + where_clause(where, params);
  auto r = conn_.query(sql, params);
  return std::strtoll(PQgetvalue(r.get(), 0, 0), nullptr, 10);
}

bool PostgresStore::exists(const TableSchema& table, const std::vector<Condition>& where) {
  flush();
  Params params;
  std::string sql =
      "SELECT 1 FROM " + quote_identifier(table.name) + where_clause(where, params) + " LIMIT 1";
  auto r = conn_.query(sql, params);
  return PQntuples(r.get()) > 0;
}

std::pair<Value, Value> PostgresStore::min_max(const TableSchema& table,
                                               const std::string& column) {
  flush();
  const Column& c = table.columns[table.column_index(column)];
  auto r = conn_.query(fmt::format("SELECT min({0}), max({0}) FROM {1}", quote_identifier(column),
                                   quote_identifier(table.name)),
                       {});
  return {read_value(r.get(), 0, 0, c.type), read_value(r.get(), 0, 1, c.type)};
}

}  // namespace nbaprops
