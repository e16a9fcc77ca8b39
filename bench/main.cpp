// The benchmarks' main: Google Benchmark's, then the fixtures registered with
// bench::at_end() are released, before exit() begins. A fixture holding an XGBoost model must
// go then: at exit the library's thread-local state is destroyed before static objects, and a
// model freed after it crashes.
#include <benchmark/benchmark.h>

#include <functional>
#include <vector>

#include "real_season_store.h"

namespace nbaprops::bench {

std::vector<std::function<void()>>& end_actions() {
  static std::vector<std::function<void()>> actions;
  return actions;
}

void at_end(std::function<void()> action) {
  end_actions().push_back(std::move(action));
}

}  // namespace nbaprops::bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  auto& actions = nbaprops::bench::end_actions();
  for (auto it = actions.rbegin(); it != actions.rend(); ++it) (*it)();
  actions.clear();
  return 0;
}
