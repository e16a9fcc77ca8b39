// The completeness checker (03-precompute.md §2) for every entity of one mid-season date of the
// real 2024-25 season (2025-01-15): all 30 teams and every player who has appeared (the PSZA
// entities), inputs and history in memory. Target: <= 2 ms. The history is the raw-box-score
// stand-in of tests/support/raw_history.h (TDGS presence only matters here). Skips when the
// real season is absent.
#include <benchmark/benchmark.h>

#include "real_season_store.h"

#include <filesystem>
#include <memory>
#include <sstream>

#include "../tests/support/raw_history.h"
#include "analytics/completeness.h"
#include "precompute/player_shot_zone_analysis.h"
#include "raw/ingest.h"
#include "store/store.h"

namespace nbaprops::precompute {
namespace {

struct Fixture {
  std::unique_ptr<bench::RealSeasonStore> season;
  std::unique_ptr<analytics::RawInputs> inputs;
  std::unique_ptr<analytics::Phase3History> history;
  std::vector<std::string> players;
};

const Date kDate = make_date(2025, 1, 15);

// Loads the real season once (ingest into a temporary store); nullptr when it is absent.
const Fixture* fixture() {
  static std::unique_ptr<Fixture> f = []() -> std::unique_ptr<Fixture> {
    auto fx = std::make_unique<Fixture>();
    fx->season = bench::open_real_season_store("nbaprops-completeness-bench");
    if (!fx->season) return nullptr;
    Store* store = fx->season->store.get();
    std::ostringstream out;
    fx->inputs = std::make_unique<analytics::RawInputs>(
        analytics::RawInputs::load(*store, make_date(2024, 7, 1), kDate));
    fx->history =
        std::make_unique<analytics::Phase3History>(testing::history_from_raw(*fx->inputs));
    fx->players = psza_entities(*fx->inputs, kDate);
    return fx;
  }();
  return f.get();
}

void BM_CompletenessAllEntities(benchmark::State& state) {
  const Fixture* fx = fixture();
  if (!fx) {
    state.SkipWithError("real season data not found");
    return;
  }
  size_t entities = 0;
  for (auto _ : state) {
    CompletenessResult r = check_completeness(*fx->inputs, *fx->history, kDate, fx->players);
    entities = r.teams.size() + r.players.size();
    benchmark::DoNotOptimize(r);
  }
  state.counters["entities"] = static_cast<double>(entities);
}
BENCHMARK(BM_CompletenessAllEntities)->Unit(benchmark::kMillisecond)->MinTime(1.0);

}  // namespace
}  // namespace nbaprops::precompute
