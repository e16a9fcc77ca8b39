// One libpq connection to a PostgreSQL server, with the few calls the PostgreSQL store and the
// work queue make: statements with text parameters, prepared once per SQL text, COPY FROM
// STDIN, and errors as StoreError naming the server (never its password).
//
// A PgConnection is used by one thread at a time. Copying is deleted; it closes on destruction.
#pragma once

#include <libpq-fe.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace nbaprops {

// A query's result; frees it on destruction.
using PgResult = std::unique_ptr<PGresult, void (*)(PGresult*)>;

class PgConnection {
 public:
  // Connects to `url` (postgresql://... or postgres://...). Throws StoreError.
  explicit PgConnection(const std::string& url);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // Runs `sql` (one or more statements, no parameters). Throws StoreError.
  void exec(const std::string& sql);
  // Runs `sql` with text parameters ($1, $2, ...; nullopt is NULL), prepared on first use
  // and reused by SQL text. Returns the whole result. Throws StoreError.
  PgResult query(const std::string& sql, const std::vector<std::optional<std::string>>& params);
  // Runs `sql` without preparing it (for statements run once).
  PgResult query_once(const std::string& sql,
                      const std::vector<std::optional<std::string>>& params);
  // COPY `copy_sql` (a COPY ... FROM STDIN statement) with `data` in text format.
  void copy_in(const std::string& copy_sql, const std::string& data);
  // The server's location for messages: the URL without its password.
  const std::string& name() const { return name_; }
  PGconn* raw() { return conn_; }

 private:
  PgResult check(PGresult* r, const std::string& what);
  [[noreturn]] void fail(const std::string& what, const PGresult* r = nullptr);

  PGconn* conn_ = nullptr;
  std::string name_;
  std::map<std::string, std::string> prepared_;  // SQL text -> statement name
};

// The URL without the password (for messages and logs).
std::string redact_password(const std::string& url);

// A column's text in a COPY text-format stream: backslash, tab, newline and carriage return
// escaped; NULL is written by the caller as \N.
void append_copy_text(std::string& out, const std::string& text);

}  // namespace nbaprops
