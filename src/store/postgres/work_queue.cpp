#include "store/postgres/work_queue.h"

#include <fmt/format.h>

#include <cstdlib>

namespace nbaprops {
namespace {

// Serialises the creation of the queue's tables by workers that start together.
constexpr int64_t kQueueLock = 0x6e627071756575;

const char* kCreateTables = R"(
CREATE TABLE IF NOT EXISTS work_plans (
  plan_id bigserial PRIMARY KEY,
  from_date date NOT NULL,
  to_date date NOT NULL,
  options text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS work_items (
  plan_id bigint NOT NULL REFERENCES work_plans ON DELETE CASCADE,
  item_id integer NOT NULL,
  kind text NOT NULL,
  season integer NOT NULL,
  first_date date NOT NULL,
  last_date date NOT NULL,
  depends_on integer[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'running', 'done', 'failed')),
  worker text,
  lease_until timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  started_at timestamptz,
  finished_at timestamptz,
  error text,
  PRIMARY KEY (plan_id, item_id));
CREATE INDEX IF NOT EXISTS work_items_open ON work_items (plan_id, item_id)
  WHERE status IN ('pending', 'running');
)";

// The first claimable item: pending, or running with its lease ended, every dependency done.
const char* kClaim = R"(
UPDATE work_items w SET status = 'running', worker = $1,
  lease_until = now() + make_interval(secs => $2::int), attempts = w.attempts + 1,
  started_at = now(), finished_at = NULL
WHERE (w.plan_id, w.item_id) = (
  SELECT c.plan_id, c.item_id FROM work_items c
  WHERE (c.status = 'pending' OR (c.status = 'running' AND c.lease_until < now()))
    AND ($3::bigint IS NULL OR c.plan_id = $3::bigint)
    AND NOT EXISTS (SELECT 1 FROM work_items d
                    WHERE d.plan_id = c.plan_id AND d.item_id = ANY (c.depends_on)
                      AND d.status <> 'done')
  ORDER BY c.plan_id, c.item_id
  LIMIT 1
  FOR UPDATE OF c SKIP LOCKED)
RETURNING w.plan_id, w.item_id, w.kind, w.season, w.first_date::text, w.last_date::text,
  w.attempts, (SELECT options FROM work_plans p WHERE p.plan_id = w.plan_id)
)";

std::string int_array(const std::vector<int>& ids) {
  std::string out = "{";
  for (size_t i = 0; i < ids.size(); ++i) out += (i ? "," : "") + std::to_string(ids[i]);
  return out + "}";
}

std::string text(const PGresult* r, int row, int col) {
  return PQgetisnull(r, row, col) ? "" : PQgetvalue(r, row, col);
}

int integer(const PGresult* r, int row, int col) {
  return std::atoi(PQgetvalue(r, row, col));
}

}  // namespace

WorkQueue::WorkQueue(const std::string& url) : conn_(url) {
  conn_.exec("SET DateStyle = ISO");
  conn_.exec("BEGIN");
  try {
    conn_.query_once(fmt::format("SELECT pg_advisory_xact_lock({})", kQueueLock), {});
    conn_.exec(kCreateTables);
    conn_.exec("COMMIT");
  } catch (...) {
    PQclear(PQexec(conn_.raw(), "ROLLBACK"));
    throw;
  }
}

int64_t WorkQueue::create_plan(const std::string& from_date, const std::string& to_date,
                               const std::string& options, const std::vector<QueueItem>& items) {
  conn_.exec("BEGIN");
  try {
    auto r = conn_.query_once(
        "INSERT INTO work_plans (from_date, to_date, options) VALUES ($1, $2, $3) "
        "RETURNING plan_id",
        {from_date, to_date, options});
    int64_t plan = std::strtoll(PQgetvalue(r.get(), 0, 0), nullptr, 10);
    for (size_t i = 0; i < items.size(); ++i) {
      const QueueItem& it = items[i];
      conn_.query(
          "INSERT INTO work_items (plan_id, item_id, kind, season, first_date, last_date, "
          "depends_on) VALUES ($1, $2, $3, $4, $5, $6, $7)",
          {std::to_string(plan), std::to_string(i + 1), it.kind, std::to_string(it.season),
           it.first_date, it.last_date, int_array(it.depends_on)});
    }
    conn_.exec("COMMIT");
    return plan;
  } catch (...) {
    PQclear(PQexec(conn_.raw(), "ROLLBACK"));
    throw;
  }
}

std::optional<QueueItem> WorkQueue::claim(const std::string& worker, int lease_seconds,
                                          std::optional<int64_t> plan) {
  std::optional<std::string> plan_text;
  if (plan) plan_text = std::to_string(*plan);
  auto r = conn_.query(kClaim, {worker, std::to_string(lease_seconds), plan_text});
  if (PQntuples(r.get()) == 0) return std::nullopt;
  QueueItem it;
  it.plan_id = std::strtoll(PQgetvalue(r.get(), 0, 0), nullptr, 10);
  it.item_id = integer(r.get(), 0, 1);
  it.kind = text(r.get(), 0, 2);
  it.season = integer(r.get(), 0, 3);
  it.first_date = text(r.get(), 0, 4);
  it.last_date = text(r.get(), 0, 5);
  it.attempts = integer(r.get(), 0, 6);
  it.plan_options = text(r.get(), 0, 7);
  return it;
}

bool WorkQueue::extend(const QueueItem& item, const std::string& worker, int lease_seconds) {
  auto r = conn_.query(
      "UPDATE work_items SET lease_until = now() + make_interval(secs => $4::int) "
      "WHERE plan_id = $1 AND item_id = $2 AND worker = $3 AND status = 'running'",
      {std::to_string(item.plan_id), std::to_string(item.item_id), worker,
       std::to_string(lease_seconds)});
  return std::string(PQcmdTuples(r.get())) == "1";
}

bool WorkQueue::finish(const QueueItem& item, const std::string& worker) {
  auto r = conn_.query(
      "UPDATE work_items SET status = 'done', finished_at = now(), lease_until = NULL, "
      "error = NULL WHERE plan_id = $1 AND item_id = $2 AND worker = $3 AND status = 'running'",
      {std::to_string(item.plan_id), std::to_string(item.item_id), worker});
  return std::string(PQcmdTuples(r.get())) == "1";
}

void WorkQueue::fail(const QueueItem& item, const std::string& worker, const std::string& error,
                     int max_attempts) {
  conn_.query(
      "UPDATE work_items SET status = CASE WHEN attempts >= $4::int THEN 'failed' ELSE "
      "'pending' END, finished_at = now(), lease_until = NULL, error = $5 "
      "WHERE plan_id = $1 AND item_id = $2 AND worker = $3 AND status = 'running'",
      {std::to_string(item.plan_id), std::to_string(item.item_id), worker,
       std::to_string(max_attempts), error});
}

std::vector<PlanProgress> WorkQueue::progress(std::optional<int64_t> plan) {
  std::optional<std::string> plan_text;
  if (plan) plan_text = std::to_string(*plan);
  auto r = conn_.query(
      "SELECT p.plan_id, p.from_date::text, p.to_date::text, "
      "to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), count(*), "
      "count(*) FILTER (WHERE i.status = 'done'), count(*) FILTER (WHERE i.status = 'running'), "
      "count(*) FILTER (WHERE i.status = 'pending'), count(*) FILTER (WHERE i.status = "
      "'failed'), count(*) FILTER (WHERE i.status = 'running' AND i.lease_until < now()) "
      "FROM work_plans p JOIN work_items i USING (plan_id) "
      "WHERE $1::bigint IS NULL OR p.plan_id = $1::bigint GROUP BY p.plan_id ORDER BY p.plan_id",
      {plan_text});
  std::vector<PlanProgress> out;
  for (int i = 0; i < PQntuples(r.get()); ++i) {
    PlanProgress p;
    p.plan_id = std::strtoll(PQgetvalue(r.get(), i, 0), nullptr, 10);
    p.from_date = text(r.get(), i, 1);
    p.to_date = text(r.get(), i, 2);
    p.created_at = text(r.get(), i, 3);
    p.items = integer(r.get(), i, 4);
    p.done = integer(r.get(), i, 5);
    p.running = integer(r.get(), i, 6);
    p.pending = integer(r.get(), i, 7);
    p.failed = integer(r.get(), i, 8);
    p.expired = integer(r.get(), i, 9);
    auto notes = conn_.query(
        "SELECT item_id, kind, first_date::text, last_date::text, status, worker, "
        "greatest(0, extract(epoch FROM lease_until - now()))::int, error FROM work_items "
        "WHERE plan_id = $1 AND status IN ('running', 'failed') ORDER BY item_id",
        {std::to_string(p.plan_id)});
    for (int n = 0; n < PQntuples(notes.get()); ++n) {
      std::string head =
          fmt::format("item {} {} {}..{}", text(notes.get(), n, 0), text(notes.get(), n, 1),
                      text(notes.get(), n, 2), text(notes.get(), n, 3));
      if (text(notes.get(), n, 4) == "running") {
        p.notes.push_back(fmt::format("{} on {}, lease {} s left", head, text(notes.get(), n, 5),
                                      text(notes.get(), n, 6)));
      } else {
        p.notes.push_back(fmt::format("{} failed: {}", head, text(notes.get(), n, 7)));
      }
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace nbaprops
