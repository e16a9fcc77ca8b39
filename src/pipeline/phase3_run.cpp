#include "pipeline/phase3_run.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <functional>

#include <fmt/format.h>

#include "analytics/completeness_block.h"
#include "analytics/history.h"
#include "analytics/inputs.h"
#include "analytics/player_game_summary.h"
#include "analytics/team_defense_game_summary.h"
#include "analytics/team_offense_game_summary.h"
#include "analytics/upcoming_player_game_context.h"
#include "analytics/upcoming_team_game_context.h"
#include "pipeline/partition_writer.h"
#include "precompute/completeness.h"
#include "precompute/ml_feature_store.h"
#include "precompute/phase4_inputs.h"
#include "precompute/player_composite_factors.h"
#include "precompute/player_daily_cache.h"
#include "precompute/player_shot_zone_analysis.h"
#include "precompute/team_defense_zone_analysis.h"
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
    // EXPECTED_INCOMPLETE and STALE_DATA are recorded but expected (05-pipeline.md §3).
    bool unexpected = std::any_of(out.failed.begin(), out.failed.end(), [](const auto& f) {
      return f.category != "EXPECTED_INCOMPLETE" && f.category != "STALE_DATA";
    });
    ProcessorRunSummary s{table.name,
                          d,
                          mode,
                          unexpected ? "partial" : "success",
                          static_cast<int64_t>(out.rows.size()),
                          static_cast<int64_t>(out.failed.size()),
                          compute_us,
                          micros_since(written)};
    record(s, stamp);
    report_.any_failed |= unexpected;
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

// TDZA and PSZA, then PCF and PDC, then MLFS; each reads the rows of D the earlier ones
// returned.
void run_phase4(Phase3Runner& runner, precompute::Phase4Inputs& p4, const std::string& mode) {
  namespace p = precompute;
  Date d = p4.d;
  p4.tdza = p::DayRows(p::team_defense_zone_analysis_table(),
                       runner.emit(p::team_defense_zone_analysis_table(), d, mode,
                                   [&] { return p::team_defense_zone_analysis(p4); }),
                       "team_abbr");
  p4.psza = p::DayRows(p::player_shot_zone_analysis_table(),
                       runner.emit(p::player_shot_zone_analysis_table(), d, mode,
                                   [&] { return p::player_shot_zone_analysis(p4); }),
                       "player_lookup");
  p4.pcf = p::DayRows(p::player_composite_factors_table(),
                      runner.emit(p::player_composite_factors_table(), d, mode,
                                  [&] { return p::player_composite_factors(p4); }),
                      "player_lookup");
  p4.pdc = p::DayRows(p::player_daily_cache_table(),
                      runner.emit(p::player_daily_cache_table(), d, mode,
                                  [&] { return p::player_daily_cache(p4); }),
                      "player_lookup");
  runner.emit(p::ml_feature_store_table(), d, mode, [&] { return p::ml_feature_store(p4); });
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
    // The one completeness result of D (daily mode, or --with-completeness), for every
    // player who could be an entity of D: all players with summaries, and D's line players.
    std::optional<precompute::CompletenessResult> completeness;
    if (mode == a::RunMode::kDaily || options.with_completeness) {
      std::vector<std::string> players = runner.history().players();
      for (const auto& p : in.players_with_points_line(d)) players.push_back(p);
      std::sort(players.begin(), players.end());
      players.erase(std::unique(players.begin(), players.end()), players.end());
      completeness = precompute::check_completeness(in, runner.history(), d, players);
    }
    const precompute::CompletenessResult* checked = completeness ? &*completeness : nullptr;
    std::vector<a::UtgcRecord> utgc;  // UTGC of D, as UPGC reads it
    std::vector<Row> utgc_rows =
        runner.emit(a::upcoming_team_game_context_table(), d, mode_name(mode), [&] {
          utgc = a::team_game_contexts(in, runner.history(), d, checked);
          ProcessorOutput out;
          for (const auto& r : utgc) out.rows.push_back(a::utgc_row(r, d));
          return out;
        });
    std::vector<Row> upgc =
        runner.emit(a::upcoming_player_game_context_table(), d, mode_name(mode), [&] {
          return a::upcoming_player_game_context(in, runner.history(), d, mode, utgc, checked);
        });
    if (!options.phase4) continue;
    precompute::Phase4Inputs p4;
    p4.d = d;
    p4.raw = &in;
    p4.history = &runner.history();
    p4.bootstrap_mode = a::bootstrap_mode(in, d);
    p4.completeness = checked;
    p4.upgc = precompute::DayRows(a::upcoming_player_game_context_table(), std::move(upgc),
                                  "player_lookup");
    p4.utgc = precompute::DayRows(a::upcoming_team_game_context_table(), std::move(utgc_rows),
                                  "team_abbr");
    run_phase4(runner, p4, mode_name(mode));
  }
  return runner.report();
}

}  // namespace nbaprops::pipeline
