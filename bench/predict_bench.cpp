// Phase 5 for one date of the real 2024-25 season (2025-01-12, the fullest slate with prop lines
// whose cutoff, 2025-01-07, has a gradient_boosting model: earlier cutoffs have fewer than 2,000
// training rows; the data holds lines to 2025-01-12): all five systems for every candidate,
// inputs and model in memory (BM_PredictOneDate, target <= 100 ms); reading those inputs from the
// store (BM_LoadPredictInputs); getting the registered model of the date (training rows read and
// hashed, registry checked, file loaded: BM_GetRegisteredModel). Serial (one thread). Skips when
// the real season is absent.
#include <benchmark/benchmark.h>

#include "real_season_store.h"

#include <filesystem>
#include <memory>
#include <sstream>

#include "pipeline/runner.h"
#include "predict/model_registry.h"
#include "predict/predict_day.h"
#include "raw/ingest.h"
#include "store/store.h"

namespace nbaprops::predict {
namespace {

const Date kD = make_date(2025, 1, 12);

struct Fixture {
  std::unique_ptr<bench::RealSeasonStore> season;
  PredictInputs inputs;
  ModelOptions models;
};

std::unique_ptr<Fixture> make_fixture() {
  auto fx = std::make_unique<Fixture>();
  fx->season = bench::open_real_season_store("nbaprops-predict-bench");
  if (!fx->season) return nullptr;
  Store* store = fx->season->store.get();
  std::ostringstream out;
  pipeline::run_pipeline(*store, make_date(2024, 10, 22), kD, {}, out);
  fx->inputs = load_predict_inputs(*store, kD);
  fx->models.models_dir = fx->season->dir / "models";
  auto model = get_or_train_model(*store, kD, fx->models, "2026-01-01T00:00:00Z");
  attach_model(fx->inputs, model);  // without a model gradient_boosting declines (counted)
  return fx;
}

// Released after the benchmarks (bench::at_end): it holds an XGBoost model.
std::unique_ptr<Fixture>& fixture_holder() {
  static std::unique_ptr<Fixture> f;
  return f;
}

Fixture* fixture() {
  static Fixture* f = []() -> Fixture* {
    fixture_holder() = make_fixture();
    bench::at_end([] { fixture_holder().reset(); });
    return fixture_holder().get();
  }();
  return f;
}

void BM_PredictOneDate(benchmark::State& state) {
  Fixture* fx = fixture();
  if (!fx) {
    state.SkipWithError("real season data absent (../shared/data/nba-2024-25)");
    return;
  }
  size_t rows = 0, gb_rows = 0;
  for (auto _ : state) {
    auto out = predict_date(fx->inputs, {});
    rows = out.predictions.size();
    benchmark::DoNotOptimize(out);
  }
  for (const Row& r : predict_date(fx->inputs, {}).predictions) {
    gb_rows += std::get<std::string>(r[0]) == "gradient_boosting";
  }
  state.counters["candidates"] = static_cast<double>(fx->inputs.candidates.size());
  state.counters["predictions"] = static_cast<double>(rows);
  state.counters["gradient_boosting"] = static_cast<double>(gb_rows);
}
BENCHMARK(BM_PredictOneDate)->Unit(benchmark::kMillisecond);

void BM_GetRegisteredModel(benchmark::State& state) {
  Fixture* fx = fixture();
  if (!fx) {
    state.SkipWithError("real season data absent (../shared/data/nba-2024-25)");
    return;
  }
  for (auto _ : state) {
    auto m = get_or_train_model(*fx->season->store, kD, fx->models, "2026-01-01T00:00:00Z");
    if (!m.reused) state.SkipWithError("the model was not reused");
    benchmark::DoNotOptimize(m);
  }
}
BENCHMARK(BM_GetRegisteredModel)->Unit(benchmark::kMillisecond);

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
