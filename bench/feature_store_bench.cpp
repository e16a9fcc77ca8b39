// ml_feature_store (03-precompute.md §7) for one mid-season date of the real 2024-25 season
// (2025-01-08), inputs in memory: the real season ingested into a temporary store, Phase 3 run
// over 2024-10-22..2025-01-08, the Phase 4 context of D loaded once. The Phase 4 DayRows (TDZA,
// PSZA, PCF, PDC) are empty (written by other issues), so the figure covers the history-derived
// features, quality scoring and row building; copying Phase 4 cells adds a lookup per row.
// Serial (one thread). Target of issue 5: <= 12 ms for all five Phase 4 processors together.
// Skips when the real season is absent.
#include <benchmark/benchmark.h>

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
  std::filesystem::path dir;
  Phase4Context ctx;
};

const Date kD = make_date(2025, 1, 8);

// Loads the real season once; nullptr when it is absent.
const Fixture* fixture() {
  static std::unique_ptr<Fixture> f = []() -> std::unique_ptr<Fixture> {
    std::filesystem::path data(NBAPROPS_SHARED_DATA_DIR);
    if (!std::filesystem::exists(data / "player_gamelogs.csv.gz")) return nullptr;
    auto fx = std::make_unique<Fixture>();
    fx->dir = std::filesystem::temp_directory_path() / "nbaprops-feature-store-bench";
    std::filesystem::remove_all(fx->dir);
    std::filesystem::create_directories(fx->dir);
    auto store = open_store((fx->dir / "store.db").string());
    IngestRequest request;
    request.paths = {data.string()};
    std::ostringstream out, err;
    ingest(*store, request, out, err);
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
