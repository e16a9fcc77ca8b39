// Parsing speed of CsvReader on the real 2024-25 shots file (~219k rows x 24 columns).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include "core/csv_reader.h"

namespace {

const char* kShots = "/work/shared/data/nba-2024-25/shots.csv.gz";

// Counts the fields of every record, so nothing is optimised away.
size_t count_fields(nbaprops::CsvReader& reader) {
  nbaprops::CsvRow row;
  size_t fields = 0;
  while (reader.next(row)) fields += row.fields.size();
  return fields;
}

// Whole job: read the file, gunzip, parse every record.
void BM_ShotsGzipOpenAndParse(benchmark::State& state) {
  if (!std::filesystem::exists(kShots)) {
    state.SkipWithError("shots.csv.gz not found");
    return;
  }
  for (auto _ : state) {
    nbaprops::CsvReader reader = nbaprops::CsvReader::open(kShots);
    benchmark::DoNotOptimize(count_fields(reader));
  }
}
BENCHMARK(BM_ShotsGzipOpenAndParse)->Unit(benchmark::kMillisecond);

// Parsing alone, over the already-decompressed text (the header and UTF-8 check included).
void BM_ShotsParseOnly(benchmark::State& state) {
  if (!std::filesystem::exists(kShots)) {
    state.SkipWithError("shots.csv.gz not found");
    return;
  }
  std::string text;
  {
    nbaprops::CsvReader reader = nbaprops::CsvReader::open(kShots);
    nbaprops::CsvRow row;
    text.reserve(45 << 20);
    text += "h\n";  // rebuild plain text cheaply: the raw records joined
    while (reader.next(row)) {
      text.append(row.raw);
      text += '\n';
    }
  }
  state.SetBytesProcessed(0);
  for (auto _ : state) {
    nbaprops::CsvReader reader = nbaprops::CsvReader::from_bytes(text, "shots.csv");
    benchmark::DoNotOptimize(count_fields(reader));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ShotsParseOnly)->Unit(benchmark::kMillisecond);

}  // namespace
