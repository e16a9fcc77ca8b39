#include <iostream>

#include "cli/commands.h"
#include "core/date.h"
#include "pipeline/catalog.h"
#include "store/export.h"

namespace nbaprops::cli {

namespace {

struct ExportArgs {
  std::string table, format = "csv", date, from, to;
};

int run_export(const GlobalOptions& global, const ExportArgs& a) {
  const TableSchema* table = catalog_table(a.table);
  if (!table) {
    std::cerr << "error: unknown table " << a.table << " (tables: " << valid_tables() << ")\n";
    return 2;
  }
  if (a.format != "csv" && a.format != "json") {
    std::cerr << "error: --format must be csv or json\n";
    return 2;
  }
  std::vector<Condition> where;
  std::string column = date_column_of(*table);
  for (auto [value, op] : {std::pair{a.date, "="}, {a.from, ">="}, {a.to, "<="}}) {
    if (value.empty()) continue;
    if (!parse_iso_date(value)) {
      std::cerr << "error: not a date (YYYY-MM-DD): " << value << "\n";
      return 2;
    }
    if (column.empty()) {
      std::cerr << "error: table " << a.table << " has no date column\n";
      return 2;
    }
    where.push_back({column, op, value});
  }
  try {
    auto store = open_store(global.db);
    export_table(*store, *table, where,
                 a.format == "json" ? ExportFormat::kJson : ExportFormat::kCsv, std::cout);
  } catch (const StoreError& e) {
    std::cerr << "store error: " << e.what() << "\n";
    return 3;
  }
  return 0;
}

}  // namespace

void register_export(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto* cmd = app.add_subcommand("export", "Write a table to standard output, in key order");
  auto args = std::make_shared<ExportArgs>();
  cmd->add_option("--db", global.db, "SQLite store file or PostgreSQL URL")->capture_default_str();
  cmd->add_option("TABLE", args->table, "Table name (games, player_boxscores, ...)")->required();
  cmd->add_option("--format", args->format, "csv or json")->capture_default_str();
  auto* date = cmd->add_option("--date", args->date, "Only rows of this date (YYYY-MM-DD)")
                   ->transform(relative_date());
  auto* from = cmd->add_option("--from", args->from, "Only rows on or after this date")
                   ->transform(relative_date());
  auto* to = cmd->add_option("--to", args->to, "Only rows on or before this date")
                 ->transform(relative_date());
  date->excludes(from)->excludes(to);
  cmd->callback([&global, &exit_code, args] { exit_code = run_export(global, *args); });
}

}  // namespace nbaprops::cli
