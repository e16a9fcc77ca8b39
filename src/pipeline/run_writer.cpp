#include "pipeline/run_writer.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "core/clock.h"
#include "raw/schema.h"
#include "store/export.h"
#include "store/partition_writer.h"

namespace nbaprops::pipeline {
namespace {

using Clock = std::chrono::steady_clock;

int64_t micros_since(Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t).count();
}

// Expected categories are recorded but do not make a run partial (05-pipeline.md §3);
// summaries still to come (scheduled games) make it pending (docs/tonight.md).
std::string status_of(const ProcessorOutput& out, bool unexpected) {
  return unexpected ? "partial" : out.pending.empty() ? "success" : "pending";
}

}  // namespace

RunWriter::RunWriter(Store& store, std::ostream& log, int threads)
    : store_(store), log_(log), threads_(threads), batch_(store) {
  run_id_ = fmt::format("run-{}-{}", now_utc(), ::getpid());
  report_.threads = threads;
}

void RunWriter::write(Computed& c, Date d, const std::string& mode) {
  const TableSchema& table = c.entry->table();
  if (!c.write) return;
  if (c.skip) {
    log_ << fmt::format("{} {} {}: skipped, inputs unchanged since its last successful run\n",
                        table.name, format_date(d), mode);
    report_.runs.push_back({table.name, d, mode, "skipped", 0, 0, 0, 0});
    return;
  }
  auto started = Clock::now();
  std::string stamp = now_utc();
  bool unexpected = std::any_of(c.out.failed.begin(), c.out.failed.end(),
                                [](const auto& f) { return !expected_category(f.category); });
  ProcessorRunSummary s{table.name,
                        d,
                        mode,
                        status_of(c.out, unexpected),
                        static_cast<int64_t>(c.out.rows.size()),
                        static_cast<int64_t>(c.out.failed.size()),
                        c.compute_us,
                        0};
  Row record = run_record(s, stamp, c.fingerprint);
  batch_.write({&table, date_column_of(table), d, table.name}, std::move(c.out.rows), c.out.failed,
               run_id_, stamp, &record);
  s.write_us = micros_since(started);
  report_.any_failed |= unexpected;
  std::string pending =
      c.out.pending.empty() ? "" : fmt::format(" pending={}", c.out.pending.size());
  log_ << fmt::format("{} {} {}: rows={} failed={}{} compute={:.1f}ms write={:.1f}ms\n",
                      s.processor, format_date(d), s.mode, s.rows, s.failed, pending,
                      s.compute_us / 1000.0, s.write_us / 1000.0);
  report_.runs.push_back(std::move(s));
}

void RunWriter::write_stage(const ProcessorEntry& e, Date d, const std::string& mode,
                            StageOutput out, int64_t compute_us) {
  std::string stamp = now_utc();
  auto started = Clock::now();
  for (size_t i = 1; i < out.partitions.size(); ++i) {
    const TableSchema& t = *out.partitions[i].table;
    batch_.write({&t, date_column_of(t), d, t.name}, std::move(out.partitions[i].rows), {}, run_id_,
                 stamp);
  }
  Computed c{&e, {}, compute_us, {}, false, true};
  c.out.rows = std::move(out.partitions.front().rows);
  c.out.failed = std::move(out.failed);
  int64_t others_us = micros_since(started);
  write(c, d, mode);
  report_.runs.back().write_us += others_us;
}

void RunWriter::release_rows_on(ThreadPool* pool) {
  batch_.release_rows_with([pool](std::vector<Row> rows) {
    pool->submit([r = std::move(rows)]() mutable { std::vector<Row>().swap(r); });
  });
}

void RunWriter::skipped(const ProcessorEntry& e, Date d, const std::string& mode) {
  report_.runs.push_back({std::string(e.name), d, mode, "skipped", 0, 0, 0, 0});
}

// The processor_runs row (write_ms: the time to build the rows' transaction is not known
// yet when the row is inserted inside it; compute and total are).
Row RunWriter::run_record(const ProcessorRunSummary& s, const std::string& stamp,
                          const std::string& fingerprint) const {
  const TableSchema& t = *find_table("processor_runs");
  Row row(t.columns.size());
  auto set = [&](const char* c, Value v) { row[t.column_index(c)] = std::move(v); };
  set("run_id", run_id_);
  set("processor", s.processor);
  set("date", format_date(s.date));
  set("detail", fingerprint);
  set("mode", s.mode);
  set("status", s.status);
  set("entities_written", s.rows);
  set("entities_failed", s.failed);
  set("rows_written", s.rows);
  set("threads", int64_t{threads_});
  set("compute_ms", (s.compute_us + 500) / 1000);
  set("total_ms", (s.compute_us + 500) / 1000);
  set("processed_at", stamp);
  return row;
}

}  // namespace nbaprops::pipeline
