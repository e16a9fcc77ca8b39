// Phase 5 for one date of the real 2024-25 season (2024-12-23, the fullest slate with prop lines;
// the data holds lines to 2025-01-12): the three base systems and the ensemble for every candidate,
// inputs in memory (BM_PredictOneDate, target <= 100 ms), and reading those inputs from the store
// (BM_LoadPredictInputs). Serial (one thread). Skips when the real season is absent.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>
#include <sstream>

#include "pipeline/runner.h"
#include "predict/predict_day.h"
#include "raw/ingest.h"
#include "store/store.h"

namespace nbaprops::predict {
namespace {

const Date kD = make_date(2024, 12, 23);

struct Fixture {
  std::filesystem::path dir;
  std::unique_ptr<Store> store;
  PredictInputs inputs;
};

Fixture* fixture() {
  static std::unique_ptr<Fixture> f = []() -> std::unique_ptr<Fixture> {
    std::filesystem::path data(NBAPROPS_SHARED_DATA_DIR);
    if (!std::filesystem::exists(data / "player_gamelogs.csv.gz")) return nullptr;
    auto fx = std::make_unique<Fixture>();
    fx->dir = std::filesystem::temp_directory_path() / "nbaprops-predict-bench";
    std::filesystem::remove_all(fx->dir);
    std::filesystem::create_directories(fx->dir);
    fx->store = open_store((fx->dir / "store.db").string());
    IngestRequest request;
    request.paths = {data.string()};
    std::ostringstream out, err;
    ingest(*fx->store, request, out, err);
    pipeline::run_pipeline(*fx->store, make_date(2024, 10, 22), kD, {}, out);
    fx->inputs = load_predict_inputs(*fx->store, kD);
    return fx;
  }();
  return f.get();
}

void BM_PredictOneDate(benchmark::State& state) {
  Fixture* fx = fixture();
  if (!fx) {
    state.SkipWithError("real season data absent (../shared/data/nba-2024-25)");
    return;
  }
  size_t rows = 0;
  for (auto _ : state) {
    auto out = predict_date(fx->inputs, {});
    rows = out.predictions.size();
    benchmark::DoNotOptimize(out);
  }
  state.counters["candidates"] = static_cast<double>(fx->inputs.candidates.size());
  state.counters["predictions"] = static_cast<double>(rows);
}
BENCHMARK(BM_PredictOneDate)->Unit(benchmark::kMillisecond);

void BM_LoadPredictInputs(benchmark::State& state) {
  Fixture* fx = fixture();
  if (!fx) {
    state.SkipWithError("real season data absent (../shared/data/nba-2024-25)");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(load_predict_inputs(*fx->store, kD));
}
BENCHMARK(BM_LoadPredictInputs)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace nbaprops::predict
