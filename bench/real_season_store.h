// Benchmark support: a fresh store holding the real 2024-25 season (ingested from
// ../shared/data/nba-2024-25), in a temporary folder removed with the object. Header-only:
// the bench target builds bench/*.cpp.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <sstream>
#include <string>

#include "pipeline/catalog.h"
#include "raw/ingest.h"
#include "store/store.h"

namespace nbaprops::bench {

// Runs `action` after the benchmarks, before exit() (bench/main.cpp): for fixtures that must not
// wait for static destruction.
void at_end(std::function<void()> action);

struct RealSeasonStore {
  std::filesystem::path dir;
  std::unique_ptr<Store> store;
  RealSeasonStore() = default;
  RealSeasonStore(const RealSeasonStore&) = delete;
  RealSeasonStore& operator=(const RealSeasonStore&) = delete;
  ~RealSeasonStore() {
    store.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

// The real season loaded into a new store in a temporary folder named after `name` (and the
// process id); nullptr when the data is absent or does not load cleanly.
inline std::unique_ptr<RealSeasonStore> open_real_season_store(const std::string& name) {
  std::filesystem::path data(NBAPROPS_SHARED_DATA_DIR);
  if (!std::filesystem::exists(data / "player_gamelogs.csv.gz")) return nullptr;
  auto s = std::make_unique<RealSeasonStore>();
  s->dir = std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(s->dir);
  std::filesystem::create_directories(s->dir);
  s->store = open_store((s->dir / "store.db").string());
  IngestRequest request;
  request.paths = {data.string()};
  std::ostringstream out, err;
  if (ingest(*s->store, request, out, err).exit_code != 0) return nullptr;
  return s;
}

}  // namespace nbaprops::bench
