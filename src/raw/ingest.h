// `nbaprops ingest`: loading raw files into the store (01-raw-data.md §2-6), one
// transaction per file, with a summary line per file and a total.
//
// Single-threaded; the store's locking keeps a concurrent writer out.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "raw/apply.h"
#include "raw/staging.h"
#include "store/store.h"

namespace nbaprops {

struct IngestRequest {
  std::vector<std::string> paths;          // files or directories (their *.csv, *.csv.gz by name)
  std::optional<std::string> format;       // --format NAME for every file (a format or a profile)
  std::vector<std::string> profile_files;  // --profile FILE: user profiles, beside the built-ins
  IngestOptions options;
};

struct FileReport {
  std::string path;
  std::string format;
  FileCounts counts;
  bool refused = false;
  std::string message;  // the summary line, or the refusal
};

struct IngestReport {
  std::vector<FileReport> files;
  int exit_code = 0;  // 0 ok, 1 rows rejected, 2 usage error or a file refused, 3 store error
};

// Loads every file of `request` in order. Summary lines go to `out`, errors to `err`.
// Never throws for bad input; a store failure rolls back the current file and stops
// (exit code 3).
IngestReport ingest(Store& store, const IngestRequest& request, std::ostream& out,
                    std::ostream& err);

// `ingest --explain`: for each file, which format or profile matches, or the closest ones
// with the columns each lacks, and the canonical header to convert to. Reads no store.
// Returns 0, or 2 when a file or profile cannot be read.
int explain_files(const IngestRequest& request, std::ostream& out, std::ostream& err);

// The files a path list names: a directory's *.csv, *.csv.gz and *.json in name order. Throws
// std::runtime_error naming the first path that does not exist.
std::vector<std::string> expand_input_paths(const std::vector<std::string>& paths);

}  // namespace nbaprops
