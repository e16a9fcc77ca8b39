#include "pipeline/runner.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <set>
#include <string_view>

#include <fmt/format.h>

#include "analytics/completeness.h"
#include "analytics/completeness_block.h"
#include "core/clock.h"
#include "core/entity_parallel.h"
#include "core/thread_pool.h"
#include "pipeline/catalog.h"
#include "pipeline/graph.h"
#include "pipeline/input_fingerprint.h"
#include "pipeline/partition_writer.h"
#include "pipeline/progress.h"
#include "raw/schema.h"
#include "store/export.h"

namespace nbaprops::pipeline {
namespace {

namespace a = analytics;
using a::ProcessorOutput;
using Clock = std::chrono::steady_clock;

// How much lower the compute workers' priority is than the writer's (nice levels).
constexpr int kWorkerNice = 10;

int64_t micros_since(Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t).count();
}

std::string mode_name(a::RunMode m) {
  return m == a::RunMode::kBackfill ? "backfill" : "daily";
}

// One processor's output for one date, computed on a worker, waiting to be written.
struct Computed {
  const ProcessorEntry* entry = nullptr;
  ProcessorOutput out;
  int64_t compute_us = 0;
  std::string fingerprint;  // of the inputs (processor_runs.detail)
  bool skip = false;        // --resume: latest run succeeded on the same inputs; not written
  bool write = true;        // false: computed only as an input of an --only processor
};

// Everything computed for one date, in run order.
struct DateWork {
  Date d;
  std::string mode;
  std::vector<Computed> outputs;
};

// Runs `compute(i)` for items 0..n-1 on the pool, at most `window` ahead of the writer, and
// hands each result to `write` on the calling thread in item order. Without a pool
// (--threads 1), computes and writes each item in turn on the calling thread.
template <typename Compute, typename Write>
void pipelined(ThreadPool* pool, size_t n, Compute compute, Write write,
               const std::function<void()>& prelude = {}) {
  if (!pool) {
    if (prelude) prelude();
    for (size_t i = 0; i < n; ++i) write(compute(i));
    return;
  }
  size_t window = static_cast<size_t>(pool->size()) * 2 + 1;
  std::deque<std::future<DateWork>> pending;
  size_t next = 0;
  auto fill = [&] {
    while (next < n && pending.size() < window) {
      pending.push_back(pool->submit([&compute, i = next] { return compute(i); }));
      ++next;
    }
  };
  try {
    fill();
    if (prelude) prelude();  // on the calling thread, while the first items compute
    for (size_t done = 0; done < n; ++done) {
      fill();
      DateWork work = pending.front().get();
      pending.pop_front();
      write(std::move(work));
    }
  } catch (...) {
    // The queued tasks read the caller's state: let them finish before it goes away.
    for (auto& f : pending) f.wait();
    throw;
  }
}

// compute(0..n-1) on the pool (or the calling thread), results in item order.
template <typename Compute>
std::vector<DateWork> compute_all(ThreadPool* pool, size_t n, Compute compute) {
  std::vector<DateWork> out;
  out.reserve(n);
  if (!pool) {
    for (size_t i = 0; i < n; ++i) out.push_back(compute(i));
    return out;
  }
  std::vector<std::future<DateWork>> futures;
  futures.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    futures.push_back(pool->submit([&compute, i] { return compute(i); }));
  }
  try {
    for (auto& f : futures) out.push_back(f.get());
  } catch (...) {
    for (auto& f : futures) {
      if (f.valid()) f.wait();
    }
    throw;
  }
  return out;
}

class Runner {
 public:
  Runner(Store& store, std::ostream& log, int threads)
      : store_(store), log_(log), threads_(threads) {
    run_id_ = fmt::format("run-{}-{}", now_utc(), ::getpid());
    report_.threads = threads;
  }

  // Writes one partition with its processor_runs row, in one transaction; logs it. The rows
  // are moved into the store: c.out.rows is empty afterwards.
  void write(Computed& c, Date d, const std::string& mode) {
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
    // Expected categories are recorded but do not make a run partial (05-pipeline.md §3);
    // summaries still to come (scheduled games) make it pending (docs/tonight.md).
    bool unexpected = std::any_of(c.out.failed.begin(), c.out.failed.end(),
                                  [](const auto& f) { return !a::expected_category(f.category); });
    ProcessorRunSummary s{table.name,
                          d,
                          mode,
                          unexpected              ? "partial"
                          : c.out.pending.empty() ? "success"
                                                  : "pending",
                          static_cast<int64_t>(c.out.rows.size()),
                          static_cast<int64_t>(c.out.failed.size()),
                          c.compute_us,
                          0};
    Row record = run_record(s, stamp, c.fingerprint);
    write_partition(store_, {&table, date_column_of(table), d, table.name}, std::move(c.out.rows),
                    c.out.failed, run_id_, stamp, &record);
    s.write_us = micros_since(started);
    report_.any_failed |= unexpected;
    std::string pending =
        c.out.pending.empty() ? "" : fmt::format(" pending={}", c.out.pending.size());
    log_ << fmt::format("{} {} {}: rows={} failed={}{} compute={:.1f}ms write={:.1f}ms\n",
                        s.processor, format_date(d), s.mode, s.rows, s.failed, pending,
                        s.compute_us / 1000.0, s.write_us / 1000.0);
    report_.runs.push_back(std::move(s));
  }

  // Writes a stage's partitions: the others first (one transaction each), then its own with
  // its processor_runs row.
  void write_stage(const ProcessorEntry& e, Date d, const std::string& mode, StageOutput out,
                   int64_t compute_us) {
    std::string stamp = now_utc();
    auto started = Clock::now();
    for (size_t i = 1; i < out.partitions.size(); ++i) {
      const TableSchema& t = *out.partitions[i].table;
      write_partition(store_, {&t, date_column_of(t), d, t.name}, std::move(out.partitions[i].rows),
                      {}, run_id_, stamp);
    }
    Computed c{&e, {}, compute_us, {}, false, true};
    c.out.rows = std::move(out.partitions.front().rows);
    c.out.failed = std::move(out.failed);
    int64_t others_us = micros_since(started);
    write(c, d, mode);
    report_.runs.back().write_us += others_us;
  }

  // Records a partition that is current in the store and was not recomputed (no log line).
  void skipped(const ProcessorEntry& e, Date d, const std::string& mode) {
    report_.runs.push_back({std::string(e.name), d, mode, "skipped", 0, 0, 0, 0});
  }

  RunReport& report() { return report_; }

 private:
  // The processor_runs row (write_ms: the time to build the rows' transaction is not known
  // yet when the row is inserted inside it; compute and total are).
  Row run_record(const ProcessorRunSummary& s, const std::string& stamp,
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

  Store& store_;
  std::ostream& log_;
  int threads_;
  std::string run_id_;
  RunReport report_;
};

Computed compute_timed(const ProcessorEntry& e, const std::function<ProcessorOutput()>& f) {
  auto started = Clock::now();
  Computed c{&e, f(), 0, {}, false, true};
  c.compute_us = micros_since(started);
  return c;
}

// The latest run of each (processor, date) from `from`: its status and input fingerprint.
std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> latest_runs(
    Store& store, Date from) {
  const TableSchema& t = *find_table("processor_runs");
  size_t processor = t.column_index("processor"), date = t.column_index("date"),
         status = t.column_index("status"), detail = t.column_index("detail");
  auto text = [](const Value& v) {
    const auto* s = std::get_if<std::string>(&v);
    return s ? *s : std::string();
  };
  std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> latest;
  // In processed_at order: a later run replaces an earlier one.
  store.scan(t, {{"date", ">=", format_date(from)}}, [&](const Row& row) {
    latest[{text(row[processor]), text(row[date])}] = {text(row[status]), text(row[detail])};
  });
  return latest;
}

// The stored rows of the summary tables over [from, to], table by table.
using StoredRows = std::vector<std::pair<const TableSchema*, std::vector<Row>>>;
StoredRows read_summaries(Store& store, const std::vector<const ProcessorEntry*>& summaries,
                          Date from, Date to) {
  StoredRows out;
  for (const ProcessorEntry* e : summaries) {
    const TableSchema& t = e->table();
    auto& rows = out.emplace_back(&t, std::vector<Row>{}).second;
    store.scan_columns(
        t, a::Phase3History::columns_read(t),
        {{date_column_of(t), ">=", format_date(from)}, {date_column_of(t), "<=", format_date(to)}},
        [&](const Row& row) { rows.push_back(row); });
  }
  return out;
}

// Adds the rows of `stored` dated on one of `dates` to `history`.
void add_stored(const StoredRows& stored, const std::vector<Date>& dates,
                a::Phase3History& history) {
  std::set<std::string> wanted;
  for (Date d : dates) wanted.insert(format_date(d));
  for (const auto& [table, rows] : stored) {
    size_t date_col = table->column_index(date_column_of(*table));
    for (const Row& row : rows) {
      const auto* text = std::get_if<std::string>(&row[date_col]);
      if (text && wanted.count(*text)) history.add_row(*table, row);
    }
  }
}

// The dates in [from, to] with a final game in the store whose player_game_summary partition
// has no successful run: the look-back before a season that is not summarised yet.
std::vector<Date> unsummarised_dates(Store& store, Date from, Date to) {
  const TableSchema& games = *find_table("games");
  size_t date_col = games.column_index("game_date"), status_col = games.column_index("status");
  std::set<std::string> with_games;
  store.scan(games, {{"game_date", ">=", format_date(from)}, {"game_date", "<=", format_date(to)}},
             [&](const Row& row) {
               const auto* status = std::get_if<std::string>(&row[status_col]);
               const auto* d = std::get_if<std::string>(&row[date_col]);
               if (status && d && *status == "final") with_games.insert(*d);
             });
  std::vector<Date> out;
  if (with_games.empty()) return out;
  // The latest player_game_summary run of each date (processed_at order: later ones win).
  const TableSchema& t = *find_table("processor_runs");
  size_t date = t.column_index("date"), status = t.column_index("status");
  std::map<std::string, std::string> latest;
  store.scan(t,
             {{"processor", "=", std::string("player_game_summary")},
              {"date", ">=", format_date(from)},
              {"date", "<=", format_date(to)}},
             [&](const Row& row) {
               const auto* d = std::get_if<std::string>(&row[date]);
               const auto* s = std::get_if<std::string>(&row[status]);
               if (d) latest[*d] = s ? *s : std::string();
             });
  for (const auto& d : with_games) {
    auto it = latest.find(d);
    if (it == latest.end() || it->second != "success") out.push_back(*parse_iso_date(d));
  }
  return out;
}

// The stored player_game_summary rows of [from, to] (the look-back before a season).
StoredRows read_lookback(Store& store, Date from, Date to) {
  for (const ProcessorEntry& e : processor_graph()) {
    if (e.name == "player_game_summary") return read_summaries(store, {&e}, from, to);
  }
  return {};
}

// The look-back of a season run: the dates before its start whose stored player summaries
// join the history (empty when from > to).
struct Lookback {
  Date from, to;
  bool empty() const { return to < from; }
};

}  // namespace

std::vector<ProcessorTotals> processor_totals(const RunReport& report) {
  std::vector<ProcessorTotals> totals;
  for (const auto& r : report.runs) {
    auto it = std::find_if(totals.begin(), totals.end(),
                           [&](const auto& t) { return t.processor == r.processor; });
    if (it == totals.end()) {
      totals.push_back({r.processor});
      it = std::prev(totals.end());
    }
    ++it->runs;
    if (r.status == "skipped") ++it->skipped;
    it->entities += r.rows + r.failed;
    it->failed += r.failed;
    it->compute_us += r.compute_us;
    it->write_us += r.write_us;
  }
  return totals;
}

Date season_start(Date from) {
  return make_date(season_of(from), 7, 1);
}

Date lookback_start(Date from) {
  return std::min(season_start(from), Date{from.days - kLookbackDays});
}

namespace {

// run_pipeline over dates of one season; `lookback`: the dates before the season start whose
// stored player summaries join the history (read on a second connection while the raw inputs
// load, when the store's location is known).
RunReport run_season(Store& store, Date from, Date to, const RunOptions& options, std::ostream& log,
                     Lookback lookback) {
  int threads = options.threads > 0 ? options.threads : ThreadPool::hardware_threads();
  // --only: those processors and, computed in memory but not written, what they read.
  std::set<std::string_view> needed;
  for (const auto& name : options.only) needed.insert(name);
  auto order = run_order(processor_graph());
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    if (!needed.count((*it)->name)) continue;
    for (auto input : (*it)->inputs) needed.insert(input);
  }
  auto written = [&](const ProcessorEntry& e) {
    return options.only.empty() || options.only.count(std::string(e.name)) > 0;
  };
  std::vector<const ProcessorEntry*> summaries, per_date, stages;
  for (const ProcessorEntry* e : order) {
    // Phase 6 (best bets) runs with Phase 5: it reads the predictions the run writes.
    int phase = e->phase == 6 ? 5 : e->phase;
    if (!options.phases.count(phase) && phase != 3) continue;
    if (e->kind == ProcessorKind::kSummary) {
      summaries.push_back(e);  // always: the history needs them
    } else if (e->kind == ProcessorKind::kStage) {
      if (written(*e)) stages.push_back(e);
    } else if (options.only.empty() || needed.count(e->name)) {
      per_date.push_back(e);
    }
  }
  auto load_started = Clock::now();
  const Date start = season_start(from);
  // A run that will likely read stored summaries (below) reads them on a second connection
  // while the raw inputs load.
  std::future<StoredRows> reading;
  if (!options.force && !options.store_location.empty() &&
      (options.resume || options.stored_summaries || options.mode == a::RunMode::kDaily ||
       (!options.mode && from == to))) {
    reading = std::async(std::launch::async, [&] {
      auto second = open_store(options.store_location);
      return read_summaries(*second, summaries, start, to);
    });
  }
  std::future<StoredRows> lookback_reading;
  if (!lookback.empty() && !options.store_location.empty()) {
    lookback_reading = std::async(std::launch::async, [&] {
      auto second = open_store(options.store_location);
      return read_lookback(*second, lookback.from, lookback.to);
    });
  }
  // Otherwise, with more than one thread, the shots (the biggest raw table, read only by the
  // summaries) load on a second connection while the other raw tables load.
  std::future<a::RawInputs::ShotsByGame> shots_reading;
  if (!reading.valid() && !options.stored_summaries && threads > 1 &&
      !options.store_location.empty()) {
    shots_reading = std::async(std::launch::async, [&] {
      auto second = open_store(options.store_location);
      return a::RawInputs::read_shots(*second, start, to);
    });
  }
  a::RawInputs in = a::RawInputs::load(store, start, to, /*with_shots=*/false);
  // A per-date processor of D also reads the look-back before the season (feature 29): its
  // fingerprint covers the raw partitions of the 365 days before the season start too.
  InputFingerprints inputs = InputFingerprints::load(store, Date{start.days - kLookbackDays}, to);
  std::vector<Date> game_dates, dates;
  bool all_daily = true;
  for (Date d = start; d <= to; d = Date{d.days + 1}) {
    if (in.games_on(d).empty()) continue;
    game_dates.push_back(d);
    if (d < from) continue;
    dates.push_back(d);
    all_daily = all_daily && options.mode.value_or(a::detect_mode(in, d)) == a::RunMode::kDaily;
  }
  // A daily run summarises only the games not yet summarised (05-pipeline.md §2), and
  // --resume only what changed: the summary dates whose stored partitions are current are
  // read back from the store, not recomputed.
  bool reuse = !options.force && (options.resume || (all_daily && !dates.empty()));
  auto latest = reuse ? latest_runs(store, start) : decltype(latest_runs(store, start)){};
  // The fingerprint of (processor, date), and whether --resume may skip it.
  std::string options_salt = options.with_completeness ? "+completeness" : "";
  auto fingerprint = [&](const ProcessorEntry& e, Date d, const std::string& mode) {
    // A summary reads only the raw rows of its date, and no option changes it.
    if (e.kind == ProcessorKind::kSummary) {
      return InputFingerprints::text(inputs.on(d), std::string(e.name) + "/" + mode);
    }
    return InputFingerprints::text(inputs.up_to(d),
                                   std::string(e.name) + "/" + mode + options_salt);
  };
  auto unchanged = [&](const ProcessorEntry& e, Date d, const std::string& print) {
    auto it = latest.find({std::string(e.name), format_date(d)});
    return it != latest.end() && it->second.first == "success" && it->second.second == print;
  };
  std::vector<Date> summarise, stored;
  for (Date d : game_dates) {
    bool current = reuse;
    if (options.stored_summaries) {
      stored.push_back(d);
      continue;
    }
    for (const ProcessorEntry* e : summaries) {
      current = current && unchanged(*e, d, fingerprint(*e, d, "summary"));
    }
    (current ? stored : summarise).push_back(d);
  }
  if (shots_reading.valid()) {
    in.set_shots(shots_reading.get());  // [start, to]: covers every date summarised
  } else if (!summarise.empty()) {
    in.load_shots(store, summarise.front(), to);
  }
  a::Phase3History history;
  // The look-back before the season (feature 29 reads [D - 365, D), any season).
  if (!lookback.empty()) {
    StoredRows prior = lookback_reading.valid() ? lookback_reading.get()
                                                : read_lookback(store, lookback.from, lookback.to);
    for (const auto& [table, rows] : prior) {
      for (const Row& row : rows) history.add_row(*table, row);
    }
  }
  if (!stored.empty()) {
    add_stored(reading.valid() ? reading.get()
                               : read_summaries(store, summaries, stored.front(), stored.back()),
               stored, history);
  }
  if (reading.valid()) reading.wait();
  Runner runner(store, log, threads);
  runner.report().load_ms = micros_since(load_started) / 1000;
  runner.report().dates_skipped = static_cast<int>((to.days - from.days + 1) - dates.size());
  if (runner.report().dates_skipped > 0) {  // 05-pipeline.md §2: skipped, and said so
    std::string without;                    // runs of consecutive dates as first..last
    for (Date d = from; d <= to; d = Date{d.days + 1}) {
      if (std::binary_search(dates.begin(), dates.end(), d)) continue;
      Date last = d;
      while (last < to && !std::binary_search(dates.begin(), dates.end(), Date{last.days + 1})) {
        last = Date{last.days + 1};
      }
      without += (without.empty() ? "" : ", ") + format_date(d);
      if (last != d) without += ".." + format_date(last);
      d = last;
    }
    log << fmt::format("no games on {} date(s), skipped: {}\n", runner.report().dates_skipped,
                       without);
  }
  runner.report().dates_with_games = static_cast<int>(dates.size());
  if (!stored.empty()) {
    for (Date d : stored) {
      for (const ProcessorEntry* e : summaries) runner.skipped(*e, d, "summary");
    }
    log << fmt::format(
        "game summaries of {} dates are current in the store: read, not recomputed\n",
        stored.size());
  }
  // --threads 1: one thread, the caller's; N > 1: N workers compute while the caller writes.
  std::unique_ptr<ThreadPool> pool;
  // The workers run at a lower priority: the calling thread, which writes every partition,
  // is the critical path of a run (05-pipeline.md §5: one writer).
  if (threads > 1) pool = std::make_unique<ThreadPool>(threads, kWorkerNice);
  // A run of one date spreads each processor's entities over the pool; a run of several keeps
  // every worker busy with whole dates instead (core/entity_parallel.h).
  std::unique_ptr<EntityParallel> entity_parallel;
  if (pool && dates.size() == 1) entity_parallel = std::make_unique<EntityParallel>(pool.get());
  Progress progress(options.progress, options.progress_terminal,
                    static_cast<int64_t>(summarise.size() + dates.size()));
  auto entities = [](const DateWork& w) {
    int64_t n = 0;
    for (const auto& c : w.outputs) n += c.out.rows.size() + c.out.failed.size();
    return n;
  };
  // The summaries of the other final games, computed on the pool; the history is built from
  // them in date order (the same for any number of threads). Their partitions are written
  // below, while the workers compute the first dates.
  std::vector<DateWork> summary_work = compute_all(pool.get(), summarise.size(), [&](size_t i) {
    DateWork w{summarise[i], "summary", {}};
    for (const ProcessorEntry* e : summaries) {
      // Always computed (the history needs them); written unless unchanged.
      Computed c = compute_timed(*e, [&] { return e->summary(in, w.d); });
      c.fingerprint = fingerprint(*e, w.d, w.mode);
      c.skip = unchanged(*e, w.d, c.fingerprint);
      c.write = written(*e);
      w.outputs.push_back(std::move(c));
    }
    return w;
  });
  for (const DateWork& w : summary_work) {
    for (const auto& c : w.outputs) {
      for (const auto& row : c.out.rows) history.add_row(c.entry->table(), row);
    }
  }
  history.finish();
  auto write_summaries = [&] {
    for (DateWork& w : summary_work) {
      int64_t n = entities(w);
      for (auto& c : w.outputs) {
        progress.clear_line();
        runner.write(c, w.d, w.mode);
      }
      progress.step("summarising games", n);
      w.outputs.clear();
    }
  };

  // The dates of [from, to]: each reads only the (now read-only) inputs and history.
  pipelined(
      pool.get(), dates.size(),
      [&](size_t i) {
        Date d = dates[i];
        DateContext ctx;
        ctx.mode = options.mode.value_or(a::detect_mode(in, d));
        DateWork w{d, mode_name(ctx.mode), {}};
        // --resume: a date whose every processor is unchanged is not computed at all; a date
        // with one changed processor is computed whole (later processors read earlier ones'
        // rows of D in memory), and its unchanged partitions are not rewritten.
        bool all_unchanged = true;
        std::vector<std::string> prints;
        for (const ProcessorEntry* e : per_date) {
          prints.push_back(fingerprint(*e, d, w.mode));
          all_unchanged = all_unchanged && (!written(*e) || unchanged(*e, d, prints.back()));
        }
        if (all_unchanged) {
          for (const ProcessorEntry* e : per_date) {
            w.outputs.push_back({e, {}, 0, {}, true, written(*e)});
          }
          return w;
        }
        // The one completeness result of D (daily mode, or --with-completeness), for every
        // player who could be an entity of D: all players with summaries, and D's line players.
        std::optional<analytics::CompletenessResult> completeness;
        if (ctx.mode == a::RunMode::kDaily || options.with_completeness) {
          std::vector<std::string> players = history.players();
          for (const auto& p : in.players_with_points_line(d)) players.push_back(p);
          std::sort(players.begin(), players.end());
          players.erase(std::unique(players.begin(), players.end()), players.end());
          completeness = analytics::check_completeness(in, history, d, players);
        }
        ctx.p4.d = d;
        ctx.p4.raw = &in;
        ctx.p4.history = &history;
        ctx.p4.bootstrap_mode = a::bootstrap_mode(in, d);
        ctx.p4.completeness = completeness ? &*completeness : nullptr;
        ctx.p4.parallel = entity_parallel.get();
        for (const ProcessorEntry* e : per_date) {
          Computed c = compute_timed(*e, [&] { return e->per_date(ctx); });
          c.fingerprint = prints[w.outputs.size()];
          c.skip = unchanged(*e, d, c.fingerprint);
          c.write = written(*e);
          if (e->keep) {
            ctx.p4.*(e->keep) =
                precompute::DayRows(e->table(), c.out.rows, std::string(e->entity_column));
          }
          w.outputs.push_back(std::move(c));
        }
        return w;
      },
      [&](DateWork w) {
        int64_t n = entities(w);
        for (auto& c : w.outputs) {
          progress.clear_line();
          runner.write(c, w.d, w.mode);
        }
        progress.step("dates", n);
      },
      write_summaries);
  // Phase 5 (store stages), date by date, once D's Phase 3-4 partitions are written. A daily
  // run also grades the game date before D: its games are final by now.
  std::vector<Date> stage_dates = dates;
  if (all_daily && !dates.empty()) {
    auto before = std::lower_bound(game_dates.begin(), game_dates.end(), dates.front());
    if (before != game_dates.begin()) stage_dates.insert(stage_dates.begin(), *std::prev(before));
  }
  for (Date d : stage_dates) {
    for (const ProcessorEntry* e : stages) {
      bool before_range = d < from;
      if (before_range && e->name != "prediction_grades") continue;
      auto started = Clock::now();
      // Stamped now: a model registered here is newer than every input this run wrote.
      predict::PredictOptions predict = options.predict;
      predict.processed_at = now_utc();
      StageOutput out = e->stage(store, d, predict, {&history, start});
      int64_t compute_us = micros_since(started);
      std::string mode =
          before_range ? "daily" : mode_name(options.mode.value_or(a::detect_mode(in, d)));
      runner.write_stage(*e, d, mode, std::move(out), compute_us);
    }
  }
  progress.finish();
  return runner.report();
}

}  // namespace

RunReport run_pipeline(Store& store, Date from, Date to, const RunOptions& options,
                       std::ostream& log) {
  // Season by season: a date reads nothing before its season's start, so each season loads
  // only its own inputs (memory and time per date do not grow with the range), and a date's
  // outputs are the same whatever range it is run in.
  RunReport total;
  for (int season = season_of(from); season <= season_of(to); ++season) {
    // The dates of [from, to] in this season (season_of: October to September).
    Date first = std::max(from, make_date(season, 10, 1));
    Date last = std::min(to, Date{make_date(season + 1, 10, 1).days - 1});
    if (last < first) continue;
    // The look-back before the season: the stored player summaries of [D - 365, season start)
    // (summarised first where the store has final games without them), read-only history.
    Date back = lookback_start(first), start = season_start(first);
    Lookback lookback{back, Date{start.days - 1}};
    if (!lookback.empty()) {
      Date before_start{start.days - 1};
      std::vector<Date> missing = unsummarised_dates(store, back, before_start);
      if (!missing.empty()) {
        RunOptions summaries_only = options;
        summaries_only.only = {"player_game_summary", "team_offense_game_summary",
                               "team_defense_game_summary"};
        summaries_only.phases = {3};
        summaries_only.resume = true;
        summaries_only.force = false;
        log << fmt::format("look-back: summarising {} earlier date(s), {}..{}\n", missing.size(),
                           format_date(missing.front()), format_date(missing.back()));
        RunReport r = run_season(store, missing.front(), missing.back(), summaries_only, log,
                                 Lookback{start, Date{start.days - 1}});
        total.runs.insert(total.runs.end(), std::make_move_iterator(r.runs.begin()),
                          std::make_move_iterator(r.runs.end()));
        total.any_failed = total.any_failed || r.any_failed;
      }
    }
    RunReport r = run_season(store, first, last, options, log, lookback);
    total.runs.insert(total.runs.end(), std::make_move_iterator(r.runs.begin()),
                      std::make_move_iterator(r.runs.end()));
    total.load_ms += r.load_ms;
    total.dates_with_games += r.dates_with_games;
    total.dates_skipped += r.dates_skipped;
    total.threads = r.threads;
    total.any_failed = total.any_failed || r.any_failed;
  }
  return total;
}

}  // namespace nbaprops::pipeline
