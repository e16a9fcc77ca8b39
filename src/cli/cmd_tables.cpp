// `nbaprops tables`: what the store holds, one line per table (rows and date range).
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "pipeline/catalog.h"
#include "store/export.h"
#include "store/store.h"

namespace nbaprops::cli {

namespace {

int run_tables(const GlobalOptions& global) {
  try {
    auto store = open_store(global.db);
    std::cout << fmt::format("{:<28} {:>9}  {}\n", "table", "rows", "dates");
    for (const TableSchema* table : catalog_tables()) {
      const TableSchema& t = *table;
      int64_t rows = store->count(t, {});
      std::string range;
      if (std::string col = date_column_of(t); !col.empty() && rows > 0) {
        auto [lo, hi] = store->min_max(t, col);
        if (!is_null(lo)) {
          range = fmt::format("{} .. {}", std::get<std::string>(lo), std::get<std::string>(hi));
        }
      }
      std::cout << fmt::format("{:<28} {:>9}  {}\n", t.name, rows, range);
    }
  } catch (const StoreError& e) {
    std::cerr << "store error: " << e.what() << "\n";
    return 3;
  }
  return 0;
}

}  // namespace

void register_tables(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto* cmd = app.add_subcommand("tables", "List the store's tables with row counts and dates");
  cmd->add_option("--db", global.db, "SQLite store file or PostgreSQL URL")->capture_default_str();
  cmd->callback([&global, &exit_code] { exit_code = run_tables(global); });
}

}  // namespace nbaprops::cli
