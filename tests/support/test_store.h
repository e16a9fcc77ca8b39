// Test support: a temporary folder with a store file, files written into it, and ingest
// run in-process with its output captured.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "raw/ingest.h"
#include "store/store.h"

namespace nbaprops::testing {

// The real 2024-25 season folder, or "" when it is absent (tests then skip).
std::string real_season_dir();

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  // Writes `content` to path()/name and returns the full path.
  std::string write(const std::string& name, const std::string& content) const;
  // Writes `content` gzip-compressed.
  std::string write_gz(const std::string& name, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

struct IngestRun {
  IngestReport report;
  std::string out, err;
};

// Runs ingest on `paths` against `store`.
IngestRun run_ingest(Store& store, const std::vector<std::string>& paths,
                     std::optional<std::string> format = std::nullopt);

// Opens a new store at `db` holding the real season (ingested; throws std::runtime_error
// when the load is not clean) and, with `pipeline_to`, Phases 3-4 from opening night
// (2024-10-22) to that date. REQUIRES: real_season_dir() is not empty.
std::unique_ptr<Store> open_real_season_store(const std::string& db,
                                              std::optional<Date> pipeline_to = std::nullopt);

// The CSV export of any catalog table, without processed_at columns (for comparing loads and
// runs).
std::string export_csv(Store& store, const std::string& table);

// Runs a shell command, returning its exit code and standard output.
int run_command(const std::string& command, std::string* output = nullptr);

}  // namespace nbaprops::testing

namespace nbaprops::testing {

// Runs a read-only SQL query on a SQLite store file; the first column of the first row as
// text ("" when there is no row or it is NULL). For assertions only.
std::string sql_value(const std::string& db_path, const std::string& sql);
// All rows, each row's columns joined by '|'.
std::vector<std::string> sql_rows(const std::string& db_path, const std::string& sql);
// Runs SQL that changes a store file (to build altered copies in tests). Throws on error.
void sql_exec(const std::string& db_path, const std::string& sql);

}  // namespace nbaprops::testing
