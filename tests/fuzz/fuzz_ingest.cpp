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
  {
    std::ofstream out(temp_path(), std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
  }
  // A new store costs ~20 ms of schema (most of an input's time under ASan): one store serves
  // 64 inputs, then is replaced. A crash input is replayed alone on a new store.
  static std::unique_ptr<SqliteStore> store;
  static int uses = 0;
  if (!store || ++uses % 64 == 0)
    store = std::make_unique<SqliteStore>(":memory:", table_catalog());
  IngestRequest request;
  request.paths = {temp_path()};
  std::ostringstream out, err;
  IngestReport report = ingest(*store, request, out, err);
  if (report.exit_code < 0 || report.exit_code > 2) {
    fuzz_fail("ingest exit " + std::to_string(report.exit_code) + ": " + err.str());
  }
}

}  // namespace nbaprops::fuzz
