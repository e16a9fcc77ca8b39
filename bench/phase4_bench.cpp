// All five Phase 4 processors for one mid-season date of the real 2024-25 season (2025-01-15),
// inputs in memory, completeness checked (the daily-run path): TDZA and PSZA, then PCF and PDC,
// then MLFS, each reading the rows the earlier ones returned, plus the completeness check
// itself. Serial (one thread). Issue 5 target: <= 12 ms. Skips when the real season is absent.
#include <benchmark/benchmark.h>

#include "real_season_store.h"

#include <filesystem>
#include <memory>
#include <sstream>

#include "pipeline/runner.h"
#include "precompute/ml_feature_store.h"
#include "precompute/phase4_loader.h"
#include "precompute/player_composite_factors.h"
#include "precompute/player_daily_cache.h"
#include "precompute/player_shot_zone_analysis.h"
#include "precompute/team_defense_zone_analysis.h"
#include "raw/ingest.h"
#include "store/store.h"

namespace nbaprops::precompute {
namespace {

const Date kD = make_date(2025, 1, 15);

struct Fixture {
  std::unique_ptr<bench::RealSeasonStore> season;
  Phase4Context ctx;
  std::vector<std::string> players;
};

const Fixture* fixture() {
  static std::unique_ptr<Fixture> f = []() -> std::unique_ptr<Fixture> {
    auto fx = std::make_unique<Fixture>();
    fx->season = bench::open_real_season_store("nbaprops-phase4-bench");
    if (!fx->season) return nullptr;
    Store* store = fx->season->store.get();
    std::ostringstream out;
    pipeline::RunOptions options;
    options.phases = {3};
    pipeline::run_pipeline(*store, make_date(2024, 10, 22), kD, options, out);
    fx->ctx = load_phase4_context(*store, kD, false);
    fx->players = fx->ctx.history->players();
    return fx;
  }();
  return f.get();
}

void BM_Phase4OneDate(benchmark::State& state) {
  const Fixture* fx = fixture();
  if (!fx) {
    state.SkipWithError("real season data absent (../shared/data/nba-2024-25)");
    return;
  }
  size_t rows = 0;
  for (auto _ : state) {
    Phase4Inputs in = fx->ctx.inputs;  // copies D's context rows, as a run would hold them
    CompletenessResult c = check_completeness(*in.raw, *in.history, kD, fx->players);
    in.completeness = &c;
    auto tdza = team_defense_zone_analysis(in);
    in.tdza = DayRows(team_defense_zone_analysis_table(), std::move(tdza.rows), "team_abbr");
    auto psza = player_shot_zone_analysis(in);
    in.psza = DayRows(player_shot_zone_analysis_table(), std::move(psza.rows), "player_lookup");
    auto pcf = player_composite_factors(in);
    in.pcf = DayRows(player_composite_factors_table(), std::move(pcf.rows), "player_lookup");
    auto pdc = player_daily_cache(in);
    in.pdc = DayRows(player_daily_cache_table(), std::move(pdc.rows), "player_lookup");
    auto mlfs = ml_feature_store(in);
    rows = in.tdza.rows().size() + in.psza.rows().size() + in.pcf.rows().size() +
           in.pdc.rows().size() + mlfs.rows.size();
    benchmark::DoNotOptimize(rows);
  }
  state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_Phase4OneDate)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace nbaprops::precompute
