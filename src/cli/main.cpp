// nbaprops: the daily data pipeline for NBA player-props analytics.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace nbaprops::cli;
  CLI::App app{"nbaprops: NBA player-props data pipeline (raw data, analytics, predictions)"};
  app.require_subcommand(1);
  GlobalOptions global;
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
  register_worker(app, global, exit_code);
  spdlog::set_pattern("%^%l%$: %v");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  return exit_code;
}
