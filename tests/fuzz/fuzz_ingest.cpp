#include "fuzz/fuzz_ingest.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "core/csv_reader.h"
#include "fuzz/fuzz_target.h"
#include "pipeline/catalog.h"
#include "raw/ingest.h"
#include "raw/profile.h"
#include "store/sqlite/sqlite_store.h"

namespace nbaprops::fuzz {
namespace {

// One file per process (libFuzzer runs inputs one at a time), removed at exit.
const std::string& temp_path() {
  static const std::string path = [] {
    std::filesystem::path p = std::filesystem::temp_directory_path() /
                              ("nbaprops-fuzz-" + std::to_string(::getpid()) + ".csv");
    std::atexit([] { std::remove(temp_path().c_str()); });
    return p.string();
  }();
  return path;
}

// A private folder for the profile target's two files, removed at exit. The data file is
// named like an NBA injury report so that a `file_name:` field (report time) can match.
const std::filesystem::path& temp_dir() {
  static const std::filesystem::path dir = [] {
    std::filesystem::path d = std::filesystem::temp_directory_path() /
                              ("nbaprops-fuzz-" + std::to_string(::getpid()) + ".d");
    std::filesystem::create_directories(d);
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(temp_dir(), ec);
    });
    return d;
  }();
  return dir;
}

void write_file(const std::string& path, std::string_view data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
}

// Runs `request` on the shared in-memory store; fails on an exit code outside 0-2.
void run_ingest(const IngestRequest& request) {
  // A new store costs ~20 ms of schema (most of an input's time under ASan): one store serves
  // 64 inputs, then is replaced. A crash input is replayed alone on a new store.
  static std::unique_ptr<SqliteStore> store;
  static int uses = 0;
  if (!store || ++uses % 64 == 0)
    store = std::make_unique<SqliteStore>(":memory:", table_catalog());
  std::ostringstream out, err;
  IngestReport report = ingest(*store, request, out, err);
  if (report.exit_code < 0 || report.exit_code > 2) {
    fuzz_fail("ingest exit " + std::to_string(report.exit_code) + ": " + err.str());
  }
}

}  // namespace

void fuzz_fail(const std::string& what) {
#ifdef NBAPROPS_LIBFUZZER
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what.c_str());
  std::abort();
#else
  throw FuzzFailure(what);
#endif
}

void ingest_as(std::string_view data, std::initializer_list<FormatKind> family) {
  try {
    CsvReader reader = CsvReader::from_bytes(std::string(data), "fuzz");
    Detection d = detect_format(reader.header());
    // The closest format decides; a header with a repeated name (no format) goes through
    // every target, as the refusal path is the one under test.
    if (d.format && std::find(family.begin(), family.end(), d.format->kind) == family.end()) {
      return;
    }
  } catch (const CsvError&) {
    return;  // refused before detection: fuzz_csv_reader covers it
  }
  write_file(temp_path(), data);
  IngestRequest request;
  request.paths = {temp_path()};
  run_ingest(request);
}

void ingest_with_profile(std::string_view data) {
  size_t cut = data.find(kProfileDataSeparator);
  std::string_view yaml = data.substr(0, cut);
  std::string_view csv = cut == std::string_view::npos
                             ? std::string_view()
                             : data.substr(cut + kProfileDataSeparator.size());
  Profile profile;
  try {
    profile = parse_profile(yaml, "fuzz");
  } catch (const ProfileError&) {
    return;  // a bad profile is refused: the invariant is that nothing else escapes
  }
  const std::string yaml_path = (temp_dir() / "profile.yaml").string();
  const std::string csv_path = (temp_dir() / "Injury-Report_2025-01-15_05PM.csv").string();
  write_file(yaml_path, yaml);
  write_file(csv_path, csv);
  IngestRequest request;
  request.paths = {csv_path};
  request.profile_files = {yaml_path};
  request.format = profile.name;  // the fuzzed profile, not a built-in that also matches
  run_ingest(request);
}

}  // namespace nbaprops::fuzz
