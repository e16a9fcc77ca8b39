#include "support/pg_test.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <stdexcept>

#include "store/postgres/pg_connection.h"

namespace nbaprops::testing {
namespace {

// `server` with its database name replaced by `db`.
std::string with_database(const std::string& server, const std::string& db) {
  size_t authority = server.find("://");
  size_t path = server.find('/', authority + 3);
  size_t query = server.find('?');
  std::string head = server.substr(0, path == std::string::npos ? query : path);
  std::string tail = query == std::string::npos ? "" : server.substr(query);
  return head + "/" + db + tail;
}

}  // namespace

std::optional<std::string> pg_server() {
  const char* url = std::getenv("NBAPROPS_TEST_PG");
  if (!url || !*url) return std::nullopt;
  return std::string(url);
}

PgTestDatabase::PgTestDatabase() {
  create("template0");
}

PgTestDatabase::PgTestDatabase(const PgTestDatabase& copy_of) {
  create(copy_of.name());
}

void PgTestDatabase::create(const std::string& template_name) {
  static std::atomic<int> counter{0};
  name_ = fmt::format("nbaprops_test_{}_{}", ::getpid(), counter++);
  PgConnection admin(*pg_server());
  admin.exec(fmt::format("DROP DATABASE IF EXISTS {}", name_));
  admin.exec(fmt::format("CREATE DATABASE {} TEMPLATE {} ENCODING 'UTF8'", name_, template_name));
  url_ = with_database(*pg_server(), name_);
}

PgTestDatabase::~PgTestDatabase() {
  try {
    PgConnection admin(*pg_server());
    admin.exec(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", name_));
  } catch (const std::exception&) {
    // The server is gone: nothing left to clean.
  }
}

std::string PgTestDatabase::value(const std::string& sql) const {
  PgConnection c(url_);
  auto r = c.query_once(sql, {});
  if (PQntuples(r.get()) == 0 || PQgetisnull(r.get(), 0, 0)) return "";
  return PQgetvalue(r.get(), 0, 0);
}

void PgTestDatabase::exec(const std::string& sql) const {
  PgConnection(url_).exec(sql);
}

std::vector<std::string> table_dump(Store& store, const TableSchema& table) {
  static const std::vector<std::string> wall_clock = {
      "processed_at", "run_id",   "load_ms",           "compute_ms",
      "write_ms",     "total_ms", "first_published_at"};  // best_bets: when first written
  std::vector<std::string> lines;
  store.scan(table, {}, [&](const Row& row) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      const std::string& name = table.columns[i].name;
      if (std::find(wall_clock.begin(), wall_clock.end(), name) != wall_clock.end()) continue;
      const Value& v = row[i];
      if (const auto* n = std::get_if<int64_t>(&v)) line += std::to_string(*n);
      if (const auto* d = std::get_if<double>(&v)) line += fmt::format("{}", *d);
      if (const auto* t = std::get_if<std::string>(&v)) line += *t;
      if (is_null(v)) line += "\\N";
      line += '\t';
    }
    lines.push_back(std::move(line));
  });
  std::sort(lines.begin(), lines.end());
  return lines;
}

}  // namespace nbaprops::testing
