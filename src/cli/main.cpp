// nbaprops: the daily data pipeline for NBA player-props analytics.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "cli/commands.h"

#ifndef NBAPROPS_VERSION
#define NBAPROPS_VERSION "unknown"
#endif

int main(int argc, char** argv) {
  using namespace nbaprops::cli;
  CLI::App app{"nbaprops: NBA player-props data pipeline (raw data, analytics, predictions)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("nbaprops ") + NBAPROPS_VERSION);
  GlobalOptions global;
  if (const char* env = std::getenv("NBAPROPS_DB"); env && *env) global.db = env;
  // Global options go before the subcommand as well as after it (each subcommand has --db).
  app.add_option("--db", global.db, "SQLite store file (default: $NBAPROPS_DB, else nbaprops.db)");
  int exit_code = 0;
  register_ingest(app, global, exit_code);
  register_export(app, global, exit_code);
  register_generate(app, global, exit_code);
  register_tables(app, global, exit_code);
  register_run(app, global, exit_code);
  register_status(app, global, exit_code);
  register_predict(app, global, exit_code);
  register_backtest(app, global, exit_code);
  register_train(app, global, exit_code);
  register_markets(app, global, exit_code);
  register_tune(app, global, exit_code);
  register_picks(app, global, exit_code);
  register_publish(app, global, exit_code);
  register_worker(app, global, exit_code);
  // Runs after every option is parsed, before the subcommand's callback.
  app.parse_complete_callback([&app, &global] {
    for (const CLI::App* sub : app.get_subcommands()) {
      if (!check_store_exists(global, sub->get_name())) throw CLI::RuntimeError(2);
    }
  });
  spdlog::set_pattern("%^%l%$: %v");
  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    if (rc != 0 && app.get_subcommands().empty()) {
      for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--db") ++i;
        if (arg.empty() || arg[0] == '-') continue;
        std::cerr << "error: unknown subcommand " << arg << "\n";
        break;
      }
      std::vector<std::string> names;
      for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
      std::cerr << "subcommands: " << valid_names(names) << "\n";
    }
    return rc == 0 ? 0 : 2;
  }
  return exit_code;
}
