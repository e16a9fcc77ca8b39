// UTGC + UPGC for one mid-season date of the real 2024-25 season (2025-01-08: 8 games), inputs
// and history in memory, players split across 2 std::threads. Target: <= 5 ms together.
// The history is the raw-box-score stand-in of tests/support/raw_history.h (the game summaries
// are built in parallel by another issue). Skips when the real season is absent.
#include <benchmark/benchmark.h>

#include "real_season_store.h"

#include <filesystem>
#include <memory>
#include <sstream>
#include <thread>

#include "../tests/support/raw_history.h"
#include "analytics/upcoming_player_game_context.h"
#include "analytics/upcoming_team_game_context.h"
#include "raw/ingest.h"
#include "store/store.h"

namespace nbaprops::analytics {
namespace {

struct Fixture {
  std::unique_ptr<bench::RealSeasonStore> season;
  std::unique_ptr<RawInputs> inputs;
  std::unique_ptr<Phase3History> history;
};

// Loads the real season once (ingest into a temporary store); nullptr when it is absent.
const Fixture* fixture() {
  static std::unique_ptr<Fixture> f = []() -> std::unique_ptr<Fixture> {
    auto fx = std::make_unique<Fixture>();
    fx->season = bench::open_real_season_store("nbaprops-contexts-bench");
    if (!fx->season) return nullptr;
    Store* store = fx->season->store.get();
    std::ostringstream out;
    fx->inputs = std::make_unique<RawInputs>(
        RawInputs::load(*store, make_date(2024, 10, 1), make_date(2025, 6, 30)));
    fx->history = std::make_unique<Phase3History>(testing::history_from_raw(*fx->inputs));
    return fx;
  }();
  return f.get();
}

// UTGC rows, then UPGC rows with entities split across `threads` threads (each thread fills
// its own slots; no locks).
size_t run_date(const RawInputs& in, const Phase3History& h, Date d, int threads) {
  std::vector<UtgcRecord> teams = team_game_contexts(in, h, d);
  std::vector<Row> team_rows;
  for (const UtgcRecord& r : teams) team_rows.push_back(utgc_row(r));
  UpgcDate date(in, h, d, RunMode::kDaily, teams);
  size_t n = date.entities().size();
  std::vector<std::variant<Row, FailedEntity>> slots(n);
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (size_t i = static_cast<size_t>(t); i < n; i += static_cast<size_t>(threads)) {
        slots[i] = date.row(i);
      }
    });
  }
  for (auto& th : pool) th.join();
  return team_rows.size() + slots.size();
}

void BM_ContextsOneDate(benchmark::State& state) {
  const Fixture* fx = fixture();
  if (!fx) {
    state.SkipWithError("real season data absent (../shared/data/nba-2024-25)");
    return;
  }
  Date d = make_date(2025, 1, 8);
  size_t rows = 0;
  for (auto _ : state) {
    rows = run_date(*fx->inputs, *fx->history, d, static_cast<int>(state.range(0)));
    benchmark::DoNotOptimize(rows);
  }
  state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_ContextsOneDate)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace nbaprops::analytics
