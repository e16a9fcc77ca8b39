// The three game summaries (TOGS, PGS, TDGS) for every date of the real 2024-25 season, with
// the raw inputs already in memory, dates split across 2 threads. Target: <= 0.3 s.
// The store is loaded once, outside the timed loop; skipped when the data is absent.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <sstream>
#include <thread>
#include <vector>

#include "analytics/player_game_summary.h"
#include "analytics/team_defense_game_summary.h"
#include "analytics/team_offense_game_summary.h"
#include "pipeline/catalog.h"
#include "raw/ingest.h"
#include "store/store.h"

namespace nbaprops::analytics {
namespace {

constexpr const char* kSeasonDir = NBAPROPS_SHARED_DATA_DIR;

// The season's inputs and its game dates, loaded once per process.
struct Season {
  std::unique_ptr<RawInputs> inputs;
  std::vector<Date> dates;
};

const Season* load_season() {
  static const Season* season = []() -> const Season* {
    std::filesystem::path dir(kSeasonDir);
    if (!std::filesystem::exists(dir / "player_gamelogs.csv.gz")) return nullptr;
    auto db = std::filesystem::temp_directory_path() /
              ("nbaprops-summaries-bench-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(db);
    auto store = open_store(db.string());
    IngestRequest request;
    request.paths = {dir.string()};
    std::ostringstream out, err;
    if (ingest(*store, request, out, err).exit_code != 0) return nullptr;
    auto* s = new Season();
    s->inputs = std::make_unique<RawInputs>(
        RawInputs::load(*store, make_date(2024, 10, 1), make_date(2025, 6, 30)));
    for (Date d = s->inputs->from(); d <= s->inputs->to(); d.days++) {
      if (!s->inputs->games_on(d).empty()) s->dates.push_back(d);
    }
    store.reset();
    std::filesystem::remove(db);
    return s;
  }();
  return season;
}

// Runs the three summaries for every k-th date starting at `first`; returns the row count.
size_t run_dates(const Season& s, size_t first, size_t step) {
  size_t rows = 0;
  for (size_t i = first; i < s.dates.size(); i += step) {
    rows += team_offense_game_summary(*s.inputs, s.dates[i]).rows.size();
    rows += player_game_summary(*s.inputs, s.dates[i]).rows.size();
    rows += team_defense_game_summary(*s.inputs, s.dates[i]).rows.size();
  }
  return rows;
}

void BM_GameSummariesSeasonTwoThreads(benchmark::State& state) {
  const Season* season = load_season();
  if (!season) {
    state.SkipWithError("real season data absent (../shared/data/nba-2024-25)");
    return;
  }
  constexpr size_t kThreads = 2;
  size_t rows = 0;
  for (auto _ : state) {
    std::vector<size_t> counts(kThreads);
    std::vector<std::thread> workers;
    for (size_t t = 0; t < kThreads; ++t) {
      workers.emplace_back([&, t] { counts[t] = run_dates(*season, t, kThreads); });
    }
    for (auto& w : workers) w.join();
    rows = counts[0] + counts[1];
    benchmark::DoNotOptimize(rows);
  }
  state.counters["dates"] = static_cast<double>(season->dates.size());
  state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_GameSummariesSeasonTwoThreads)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace nbaprops::analytics
