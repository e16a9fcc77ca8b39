#include "pipeline/run_inputs.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <set>
#include <string>
#include <utility>

#include "core/thread_pool.h"
#include "pipeline/catalog.h"
#include "raw/schema.h"
#include "store/export.h"

namespace nbaprops::pipeline {
namespace {

namespace a = analytics;
using Clock = std::chrono::steady_clock;

// The latest run of each (processor, date) from `from`: its status and input fingerprint.
LatestRuns latest_runs(Store& store, Date from) {
  const TableSchema& t = *find_table("processor_runs");
  size_t processor = t.column_index("processor"), date = t.column_index("date"),
         status = t.column_index("status"), detail = t.column_index("detail");
  auto text = [](const Value& v) {
    const auto* s = std::get_if<std::string>(&v);
    return s ? *s : std::string();
  };
  std::vector<bool> wanted(t.columns.size(), false);
  wanted[processor] = wanted[date] = wanted[status] = wanted[detail] = true;
  LatestRuns latest;
  // In processed_at order: a later run replaces an earlier one.
  store.scan_columns(t, wanted, {{"date", ">=", format_date(from)}}, [&](const Row& row) {
    latest[{text(row[processor]), text(row[date])}] = {text(row[status]), text(row[detail])};
  });
  return latest;
}

// The stored rows of the summary tables over [from, to] as history records (not finished),
// converted as they are read: no row is kept.
a::Phase3History read_summaries(Store& store, const std::vector<const ProcessorEntry*>& summaries,
                                Date from, Date to) {
  a::Phase3History out;
  for (const ProcessorEntry* e : summaries) {
    const TableSchema& t = e->table();
    auto add = out.adder(t);
    store.scan_columns(
        t, a::Phase3History::columns_read(t),
        {{date_column_of(t), ">=", format_date(from)}, {date_column_of(t), "<=", format_date(to)}},
        [&](const Row& row) { add(row); });
  }
  return out;
}

// The stored player_game_summary rows of [from, to] (the look-back before a season).
a::Phase3History read_lookback(Store& store, Date from, Date to) {
  for (const ProcessorEntry& e : processor_graph()) {
    if (e.name == "player_game_summary") return read_summaries(store, {&e}, from, to);
  }
  return {};
}

// The summary processors of the graph, in run order (the plan keeps the same list).
std::vector<const ProcessorEntry*> summary_processors() {
  std::vector<const ProcessorEntry*> out;
  for (const ProcessorEntry* e : run_order(processor_graph())) {
    if (e->kind == ProcessorKind::kSummary) out.push_back(e);
  }
  return out;
}

// The dates with games in [start, to] and the detected mode of each (of those from `from` on;
// the earlier ones are only summarised).
std::pair<std::vector<Date>, std::vector<a::RunMode>> calendar(const a::RawInputs& in, Date start,
                                                               Date from, Date to) {
  std::vector<Date> dates;
  std::vector<a::RunMode> modes;
  for (Date d = start; d <= to; d = Date{d.days + 1}) {
    if (in.games_on(d).empty()) continue;
    dates.push_back(d);
    modes.push_back(d < from ? a::RunMode::kBackfill : a::detect_mode(in, d));
  }
  return {std::move(dates), std::move(modes)};
}

// The shots of [from, to], read by more than one connection: each reader claims the next
// chunk of days until none is left, so that a reader that starts late (the calling thread,
// after the other raw tables) reads less. Which reader reads a chunk does not change what is
// read: a game's shots are all of one date, so the chunks' games are disjoint.
class ShotChunks {
 public:
  ShotChunks(Date from, Date to) : from_(from), to_(to) {}

  // The shots of the chunks this reader claimed (any thread, its own Store).
  a::RawInputs::ShotsByGame read(Store& store) {
    a::RawInputs::ShotsByGame out;
    for (int i = next_++; i < kChunks; i = next_++) {
      Date first = chunk_start(i), last{chunk_start(i + 1).days - 1};
      if (last < first) continue;
      out.merge(a::RawInputs::read_shots(store, first, last));
    }
    return out;
  }

 private:
  // A season (~175 days) in chunks of about 11 days; one chunk is one query.
  static constexpr int kChunks = 16;
  Date chunk_start(int i) const {
    return Date{from_.days + (to_.days - from_.days + 1) * i / kChunks};
  }
  Date from_, to_;
  std::atomic<int> next_{0};
};

}  // namespace

SeasonInputs load_season_inputs(Store& store, Date from, Date to, const RunOptions& options,
                                Lookback lookback) {
  auto started = Clock::now();
  const Date start = season_start(from);
  const bool second = !options.store_location.empty();
  const auto summaries = summary_processors();
  int threads = ThreadPool::threads_for(options.threads);
  // A run that will likely read stored summaries reads them on a second connection while the
  // raw inputs load.
  std::future<a::Phase3History> reading;
  if (second && expects_stored_summaries(options, from, to)) {
    reading = std::async(std::launch::async, [&] {
      return read_summaries(*open_store(options.store_location), summaries, start, to);
    });
  }
  std::future<a::Phase3History> lookback_reading;
  if (!lookback.empty() && second) {
    lookback_reading = std::async(std::launch::async, [&] {
      return read_lookback(*open_store(options.store_location), lookback.from, lookback.to);
    });
  }
  // Otherwise, with more than one thread, the shots (the biggest raw table, read only by the
  // summaries) load on a second connection while the other raw tables load, in chunks of days
  // that the calling thread helps to read once its own load is done (ShotChunks).
  std::unique_ptr<ShotChunks> shot_chunks;
  std::future<a::RawInputs::ShotsByGame> shots_reading;
  if (!reading.valid() && !options.stored_summaries && threads > 1 && second) {
    shot_chunks = std::make_unique<ShotChunks>(start, to);
    shots_reading = std::async(
        std::launch::async, [&] { return shot_chunks->read(*open_store(options.store_location)); });
  }
  // The lines and injuries load once the plan knows which dates are computed (below).
  SeasonInputs s{
      a::RawInputs::load(store, start, to, {.shots = false, .earlier_teams = true, .lines = false}),
      {},
      {},
      0};
  // A per-date processor of D also reads the look-back before the season (feature 29): its
  // fingerprint covers the raw partitions of the 365 days before the season start too.
  InputFingerprints inputs = InputFingerprints::load(store, Date{start.days - kLookbackDays}, to);
  auto [game_dates, modes] = calendar(s.raw, start, from, to);
  s.plan = plan_run(options, from, to, game_dates, modes);
  plan_summaries(s.plan, options, s.plan.reuse ? latest_runs(store, start) : LatestRuns{},
                 std::move(inputs));
  // Processors read the lines and injuries of the date they compute only (prop_lines(d, ..),
  // injuries(d, ..), game_lines of d's games): a daily run reads those of D and of the summary
  // dates it recomputes, not the season's (RawInputs throws on a date it did not load).
  Date lines_from = from;
  if (!s.plan.summarise.empty()) lines_from = std::min(lines_from, s.plan.summarise.front());
  s.raw.load_lines(store, lines_from);
  if (shots_reading.valid()) {  // [start, to]: covers every date summarised
    a::RawInputs::ShotsByGame mine = shot_chunks->read(store);
    s.raw.set_shots(shots_reading.get());
    s.raw.add_shots(std::move(mine));
  } else if (!s.plan.summarise.empty()) {
    s.raw.load_shots(store, s.plan.summarise.front(), to);
  }
  // The stored summaries of the dates read back, then the look-back before the season
  // (feature 29 reads [D - 365, D), any season).
  const auto& back = s.plan.read_back;
  if (!back.empty()) {
    std::set<int> kept;
    for (Date d : back) kept.insert(d.days);
    s.history = reading.valid() ? reading.get()
                                : read_summaries(store, summaries, back.front(), back.back());
    s.history.retain([&](Date d) { return kept.count(d.days) > 0; });
  }
  if (reading.valid()) reading.wait();
  if (!lookback.empty()) {
    s.history.absorb(lookback_reading.valid() ? lookback_reading.get()
                                              : read_lookback(store, lookback.from, lookback.to));
  }
  s.load_ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
  return s;
}

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

}  // namespace nbaprops::pipeline
