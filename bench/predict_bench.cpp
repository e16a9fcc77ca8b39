// Phase 5 for one date of the real 2024-25 season (2024-12-23, the fullest slate with prop lines;
// the data holds lines to 2025-01-12): the three base systems and the ensemble for every candidate,
// inputs in memory (BM_PredictOneDate, target <= 100 ms), and reading those inputs from the store
// (BM_LoadPredictInputs). Serial (one thread). Skips when the real season is absent.
#include <benchmark/benchmark.h>

#include "real_season_store.h"

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
  std::unique_ptr<bench::RealSeasonStore> season;
  PredictInputs inputs;
};

Fixture* fixture() {
  static std::unique_ptr<Fixture> f = []() -> std::unique_ptr<Fixture> {
    auto fx = std::make_unique<Fixture>();
    fx->season = bench::open_real_season_store("nbaprops-predict-bench");
    if (!fx->season) return nullptr;
    Store* store = fx->season->store.get();
    std::ostringstream out;
    pipeline::run_pipeline(*store, make_date(2024, 10, 22), kD, {}, out);
    fx->inputs = load_predict_inputs(*store, kD);
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
  for (auto _ : state) benchmark::DoNotOptimize(load_predict_inputs(*fx->season->store, kD));
}
BENCHMARK(BM_LoadPredictInputs)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace nbaprops::predict
