// ml_feature_store (03-precompute.md §7) for one mid-season date of the real 2024-25 season
// (2025-01-08), inputs in memory: the real season ingested into a temporary store, Phase 3 run
// over 2024-10-22..2025-01-08, the Phase 4 context of D loaded once. The Phase 4 DayRows (TDZA,
// PSZA, PCF, PDC) are empty (written by other issues), so the figure covers the history-derived
// features, quality scoring and row building; copying Phase 4 cells adds a lookup per row.
// Serial (one thread). Target of issue 5: <= 12 ms for all five Phase 4 processors together.
// Skips when the real season is absent.
#include <benchmark/benchmark.h>

#include "real_season_store.h"

#include <filesystem>
#include <memory>
#include <sstream>

#include "pipeline/runner.h"
#include "precompute/ml_feature_store.h"
#include "precompute/phase4_loader.h"
#include "raw/ingest.h"
#include "store/store.h"

namespace nbaprops::precompute {
namespace {

struct Fixture {
  std::unique_ptr<bench::RealSeasonStore> season;
  Phase4Context ctx;
};

const Date kD = make_date(2025, 1, 8);

// Loads the real season once; nullptr when it is absent.
const Fixture* fixture() {
  static std::unique_ptr<Fixture> f = []() -> std::unique_ptr<Fixture> {
    auto fx = std::make_unique<Fixture>();
    fx->season = bench::open_real_season_store("nbaprops-feature-store-bench");
    if (!fx->season) return nullptr;
    Store* store = fx->season->store.get();
    std::ostringstream out;
    pipeline::run_pipeline(*store, make_date(2024, 10, 22), kD, {}, out);
    fx->ctx = load_phase4_context(*store, kD, false);
    return fx;
  }();
  return f.get();
}

void BM_FeatureStoreOneDate(benchmark::State& state) {
  const Fixture* fx = fixture();
  if (!fx) {
    state.SkipWithError("real season data absent (../shared/data/nba-2024-25)");
    return;
  }
  size_t rows = 0;
  for (auto _ : state) {
    auto out = ml_feature_store(fx->ctx.inputs);
    rows = out.rows.size();
    benchmark::DoNotOptimize(out);
  }
  state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_FeatureStoreOneDate)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace nbaprops::precompute
