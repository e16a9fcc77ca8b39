// What the format-family fuzz targets share: running one input file through the whole
// `ingest` path (detection, the family's parser, row checks, apply) against a new store.
#pragma once

#include <initializer_list>
#include <string_view>

#include "raw/formats.h"

namespace nbaprops::fuzz {

// Writes `data` to a private temporary file and ingests it into an in-memory SQLite store
// (new every 64 inputs)
// when the format closest to its header is one of `family` (other inputs return at once).
// Fails
// (fuzz_fail) when ingest ends with a store error (exit 3: a row reached the store that the
// row checks should have rejected), or with an exit code outside 0-2.
void ingest_as(std::string_view data, std::initializer_list<FormatKind> family);

// The profile target's input: a YAML source profile, this separator line, and a data file.
inline constexpr std::string_view kProfileDataSeparator = "\n%%\n";

// Parses the profile of `data` (a ProfileError ends the input quietly; any other exception
// escapes, which is a finding), then ingests the data part with `--profile` and `--format`
// naming that profile into the shared in-memory store. The data file is named
// `Injury-Report_2025-01-15_05PM.csv`, so that a file_name field can match. Fails like
// ingest_as on an exit code outside 0-2.
void ingest_with_profile(std::string_view data);

}  // namespace nbaprops::fuzz
