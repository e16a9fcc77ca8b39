#include "pipeline/phase3_run.h"

#include <unistd.h>

#include <chrono>
#include <functional>

#include <fmt/format.h>

#include "analytics/history.h"
#include "analytics/inputs.h"
#include "analytics/player_game_summary.h"
#include "analytics/team_defense_game_summary.h"
#include "analytics/team_offense_game_summary.h"
#include "analytics/upcoming_player_game_context.h"
#include "analytics/upcoming_team_game_context.h"
#include "pipeline/partition_writer.h"
#include "raw/schema.h"
#include "store/export.h"

namespace nbaprops::pipeline {
namespace {

using analytics::ProcessorOutput;
using Clock = std::chrono::steady_clock;

int64_t micros_since(Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t).count();
}

std::string now_utc() {
  auto secs = std::chrono::duration_cast<std::chrono::seconds>(
                  std::chrono::system_clock::now().time_since_epoch())
                  .count();
  return format_timestamp(Timestamp{secs});
}

class Phase3Runner {
 public:
  Phase3Runner(Store& store, std::ostream& log) : store_(store), log_(log) {
    run_id_ = fmt::format("run-{}-{}", now_utc(), ::getpid());
  }

  // Computes (timed), writes and records one partition.
  // Returns the rows written (the next processors of D read them).
  std::vector<Row> emit(const TableSchema& table, Date d, const std::string& mode,
                        const std::function<ProcessorOutput()>& compute) {
    auto started = Clock::now();
    ProcessorOutput out = compute();
    int64_t compute_us = micros_since(started);
    if (table.name == "team_offense_game_summary" || table.name == "player_game_summary" ||
        table.name == "team_defense_game_summary") {
      for (const auto& row : out.rows) history_.add_row(table, row);
    }
    auto written = Clock::now();
    std::string stamp = now_utc();
    write_partition(store_, {&table, date_column_of(table), d, table.name}, out.rows, out.failed,
                    run_id_, stamp);
    ProcessorRunSummary s{table.name,
                          d,
                          mode,
                          out.failed.empty() ? "success" : "partial",
                          static_cast<int64_t>(out.rows.size()),
                          static_cast<int64_t>(out.failed.size()),
                          compute_us,
                          micros_since(written)};
    record(s, stamp);
    report_.any_failed |= !out.failed.empty();
    log_ << fmt::format("{} {} {}: rows={} failed={} compute={:.1f}ms write={:.1f}ms\n",
                        s.processor, format_date(d), s.mode, s.rows, s.failed,
                        s.compute_us / 1000.0, s.write_us / 1000.0);
    report_.runs.push_back(std::move(s));
    return std::move(out.rows);
  }

  analytics::Phase3History& history() { return history_; }
  Phase3Report& report() { return report_; }

 private:
  void record(const ProcessorRunSummary& s, const std::string& stamp) {
    const TableSchema& t = *find_table("processor_runs");
    Row row(t.columns.size());
    auto set = [&](const char* c, Value v) { row[t.column_index(c)] = std::move(v); };
    set("run_id", run_id_);
    set("processor", s.processor);
    set("date", format_date(s.date));
    set("mode", s.mode);
    set("status", s.status);
    set("entities_written", s.rows);
    set("entities_failed", s.failed);
    set("rows_written", s.rows);
    set("threads", int64_t{1});
    set("compute_ms", (s.compute_us + 500) / 1000);
    set("write_ms", (s.write_us + 500) / 1000);
    set("total_ms", (s.compute_us + s.write_us + 500) / 1000);
    set("processed_at", stamp);
    Transaction tx(store_);
    store_.insert(t, row);
    tx.commit();
  }

  Store& store_;
  std::ostream& log_;
  std::string run_id_;
  analytics::Phase3History history_;
  Phase3Report report_;
};

std::string mode_name(analytics::RunMode m) {
  return m == analytics::RunMode::kBackfill ? "backfill" : "daily";
}

}  // namespace

Date season_start(Date from) {
  return make_date(season_of(from), 7, 1);
}

Phase3Report run_phase3(Store& store, Date from, Date to, const Phase3Options& options,
                        std::ostream& log) {
  namespace a = analytics;
  auto load_started = Clock::now();
  a::RawInputs in = a::RawInputs::load(store, season_start(from), to);
  Phase3Runner runner(store, log);
  runner.report().load_ms = micros_since(load_started) / 1000;
  for (Date d = season_start(from); d <= to; d = Date{d.days + 1}) {
    if (in.games_on(d).empty()) continue;
    runner.emit(a::team_offense_game_summary_table(), d, "summary",
                [&] { return a::team_offense_game_summary(in, d); });
    runner.emit(a::player_game_summary_table(), d, "summary",
                [&] { return a::player_game_summary(in, d); });
    runner.emit(a::team_defense_game_summary_table(), d, "summary",
                [&] { return a::team_defense_game_summary(in, d); });
  }
  runner.history().finish();
  for (Date d = from; d <= to; d = Date{d.days + 1}) {
    if (in.games_on(d).empty()) {
      ++runner.report().dates_skipped;
      continue;
    }
    ++runner.report().dates_with_games;
    a::RunMode mode = options.mode.value_or(a::detect_mode(in, d));
    std::vector<a::UtgcRecord> utgc;  // UTGC of D, as UPGC reads it
    runner.emit(a::upcoming_team_game_context_table(), d, mode_name(mode), [&] {
      utgc = a::team_game_contexts(in, runner.history(), d);
      ProcessorOutput out;
      for (const auto& r : utgc) out.rows.push_back(a::utgc_row(r, d));
      return out;
    });
    runner.emit(a::upcoming_player_game_context_table(), d, mode_name(mode), [&] {
      return a::upcoming_player_game_context(in, runner.history(), d, mode, utgc);
    });
  }
  return runner.report();
}

}  // namespace nbaprops::pipeline
