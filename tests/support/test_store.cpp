#include "support/test_store.h"

#include <zlib.h>

#include <sys/wait.h>
#include <array>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "pipeline/catalog.h"
#include "pipeline/runner.h"
#include "store/export.h"

namespace nbaprops::testing {

std::string real_season_dir() {
  std::filesystem::path dir(NBAPROPS_SHARED_DATA_DIR);
  if (std::filesystem::exists(dir / "player_gamelogs.csv.gz")) return dir.string();
  return {};
}

TempDir::TempDir() {
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() /
          ("nbaprops-test-" + std::to_string(rd()) + std::to_string(rd()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& name, const std::string& content) const {
  auto p = path_ / name;
  std::ofstream(p, std::ios::binary) << content;
  return p.string();
}

std::string TempDir::write_gz(const std::string& name, const std::string& content) const {
  auto p = (path_ / name).string();
  gzFile f = gzopen(p.c_str(), "wb");
  if (!f) throw std::runtime_error("gzopen failed");
  gzwrite(f, content.data(), static_cast<unsigned>(content.size()));
  gzclose(f);
  return p;
}

IngestRun run_ingest(Store& store, const std::vector<std::string>& paths,
                     std::optional<std::string> format) {
  IngestRequest request;
  request.paths = paths;
  request.format = std::move(format);
  std::ostringstream out, err;
  IngestRun run;
  run.report = ingest(store, request, out, err);
  run.out = out.str();
  run.err = err.str();
  return run;
}

std::unique_ptr<Store> open_real_season_store(const std::string& db,
                                              std::optional<Date> pipeline_to) {
  auto store = open_store(db);
  auto run = run_ingest(*store, {real_season_dir()});
  if (run.report.exit_code != 0) throw std::runtime_error("real season did not load: " + run.err);
  if (pipeline_to) {
    std::ostringstream log;
    pipeline::run_pipeline(*store, make_date(2024, 10, 22), *pipeline_to, {}, log);
  }
  return store;
}

std::string export_csv(Store& store, const std::string& table_name) {
  const TableSchema* t = catalog_table(table_name);
  if (!t) throw std::runtime_error("no table " + table_name);
  std::string out;
  store.scan(*t, {}, [&](const Row& row) {
    bool first = true;
    for (size_t i = 0; i < row.size(); ++i) {
      if (t->columns[i].name == "processed_at") continue;
      out += first ? "" : ",";
      out += cell_text(t->columns[i], row[i]);
      first = false;
    }
    out += "\n";
  });
  return out;
}

int run_command(const std::string& command, std::string* output) {
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return -1;
  std::array<char, 4096> buf;
  std::string text;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) text.append(buf.data(), n);
  int status = pclose(pipe);
  if (output) *output = text;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace nbaprops::testing

#include <sqlite3.h>

namespace nbaprops::testing {

std::vector<std::string> sql_rows(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("cannot open " + db_path);
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    std::string msg = sqlite3_errmsg(db);
    sqlite3_close(db);
    throw std::runtime_error("bad test SQL: " + msg);
  }
  std::vector<std::string> rows;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    std::string row;
    for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
      if (c) row += "|";
      const unsigned char* text = sqlite3_column_text(stmt, c);
      if (text) row += reinterpret_cast<const char*>(text);
    }
    rows.push_back(row);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return rows;
}

void sql_exec(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open(db_path.c_str(), &db) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("cannot open " + db_path);
  }
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  std::string msg = err ? err : "";
  sqlite3_free(err);
  sqlite3_close(db);
  if (rc != SQLITE_OK) throw std::runtime_error("test SQL failed: " + msg);
}

std::string sql_value(const std::string& db_path, const std::string& sql) {
  auto rows = sql_rows(db_path, sql);
  if (rows.empty()) return {};
  return rows[0].substr(0, rows[0].find('|'));
}

}  // namespace nbaprops::testing
