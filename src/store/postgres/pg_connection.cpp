#include "store/postgres/pg_connection.h"

#include <fmt/format.h>

#include <algorithm>
#include <regex>

namespace nbaprops {
namespace {

void no_notices(void*, const char*) {}

std::vector<const char*> param_pointers(const std::vector<std::optional<std::string>>& params) {
  std::vector<const char*> out;
  out.reserve(params.size());
  for (const auto& p : params) out.push_back(p ? p->c_str() : nullptr);
  return out;
}

// The first line of a server or libpq message.
std::string first_line(const char* msg) {
  std::string s = msg ? msg : "";
  auto nl = s.find('\n');
  return nl == std::string::npos ? s : s.substr(0, nl);
}

}  // namespace

std::string redact_password(const std::string& url) {
  static const std::regex password(R"(^(postgres(?:ql)?://[^:@/]*):[^@/]*@)");
  std::string out = std::regex_replace(url, password, "$1:***@");
  static const std::regex param(R"(([?&]password=)[^&]*)");
  return std::regex_replace(out, param, "$1***");
}

void append_copy_text(std::string& out, const std::string& text) {
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

PgConnection::PgConnection(const std::string& url) : name_(redact_password(url)) {
  conn_ = PQconnectdb(url.c_str());
  if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
    std::string msg = conn_ ? first_line(PQerrorMessage(conn_)) : "out of memory";
    PQfinish(conn_);
    conn_ = nullptr;
    throw StoreError(fmt::format("cannot open store {}: {}", name_, msg));
  }
  PQsetNoticeProcessor(conn_, no_notices, nullptr);
}

PgConnection::~PgConnection() {
  PQfinish(conn_);
}

void PgConnection::fail(const std::string& what, const PGresult* r) {
  const char* msg = r ? PQresultErrorMessage(r) : PQerrorMessage(conn_);
  std::string text = first_line(msg);
  if (text.empty()) text = first_line(PQerrorMessage(conn_));
  throw StoreError(fmt::format("store {}: {}: {}", name_, what, text));
}

PgResult PgConnection::check(PGresult* r, const std::string& what) {
  PgResult out(r, PQclear);
  if (!r) fail(what);
  auto status = PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(what, r);
  return out;
}

void PgConnection::exec(const std::string& sql) {
  check(PQexec(conn_, sql.c_str()), sql.substr(0, 80));
}

PgResult PgConnection::query(const std::string& sql,
                             const std::vector<std::optional<std::string>>& params) {
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    std::string name = fmt::format("s{}", prepared_.size() + 1);
    check(PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr), "prepare " + sql.substr(0, 80));
    it = prepared_.emplace(sql, name).first;
  }
  auto values = param_pointers(params);
  return check(PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(values.size()),
                              values.data(), nullptr, nullptr, 0),
               sql.substr(0, 80));
}

PgResult PgConnection::query_once(const std::string& sql,
                                  const std::vector<std::optional<std::string>>& params) {
  auto values = param_pointers(params);
  return check(PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                            values.data(), nullptr, nullptr, 0),
               sql.substr(0, 80));
}

void PgConnection::copy_in(const std::string& copy_sql, const std::string& data) {
  PgResult start(PQexec(conn_, copy_sql.c_str()), PQclear);
  if (!start || PQresultStatus(start.get()) != PGRES_COPY_IN)
    fail(copy_sql.substr(0, 80), start.get());
  // In pieces: PQputCopyData takes an int length.
  constexpr size_t kPiece = 1 << 20;
  for (size_t at = 0; at < data.size(); at += kPiece) {
    size_t n = std::min(kPiece, data.size() - at);
    if (PQputCopyData(conn_, data.data() + at, static_cast<int>(n)) != 1) fail("copy data");
  }
  if (PQputCopyEnd(conn_, nullptr) != 1) fail("copy end");
  // The COPY's own result; then drain to the end of the command before reporting it.
  PGresult* result = PQgetResult(conn_);
  while (PGresult* extra = PQgetResult(conn_)) PQclear(extra);
  check(result, copy_sql.substr(0, 80));
}

}  // namespace nbaprops
