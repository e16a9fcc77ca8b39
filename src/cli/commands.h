// The nbaprops command line: one file per subcommand or family (src/cli/README.md), each
// registering itself on the app.
//
// A subcommand's register function adds its options to `app` and a callback that runs the
// command and stores its exit code (05-pipeline.md §9: 0 ok, 1 finished with failures,
// 2 bad usage or unreadable input, 3 store error) in `exit_code`.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "predict/model_registry.h"

namespace nbaprops::cli {

struct GlobalOptions {
  std::string db = "nbaprops.db";  // --db (before or after the subcommand), else NBAPROPS_DB;
                                   // a SQLite file or a PostgreSQL URL
};

void register_ingest(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_export(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_generate(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_tables(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_run(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_status(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_predict(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_train(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_tune(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_backtest(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_picks(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_publish(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_worker(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_markets(CLI::App& app, GlobalOptions& global, int& exit_code);

// Shared by the Phase 5 commands (cmd_predict.cpp).
// Runs `body`; a store, model-file or XGBoost error it throws becomes its message on standard
// error and exit code 3 (05-pipeline.md §9).
int with_store_errors(const std::function<int()>& body);
// Parses --systems (comma-separated ids of predict::all_systems()) into `out`; false, with an
// error on standard error, for an unknown id.
bool parse_system_list(const std::string& text, std::vector<std::string>& out);
// gradient_boosting's model options from --models (empty: models/ beside the store) and
// --retrain-every; nullopt, with an error on standard error, when retrain_every < 1.
std::optional<predict::ModelOptions> model_options(const GlobalOptions& global,
                                                   const std::string& models, int retrain_every);
// Adds --models DIR to `cmd`.
void add_models_option(CLI::App* cmd, std::string& models);

// Shared options (cli_options.cpp).
// today / yesterday / tomorrow as the US Eastern date (YYYY-MM-DD), noting the resolved date
// on `note`; nullopt for any other text (left for the command's own date check).
std::optional<std::string> resolve_relative_date(const std::string& text, std::ostream& note);
// A CLI11 transform that applies resolve_relative_date to a date option (notes on stderr).
CLI::Validator relative_date();
// True for a usable --threads (0 = the machine's hardware threads, up to ThreadPool's maximum);
// false, with the error on standard error, otherwise. run, backfill, backtest and worker use it.
bool valid_threads(int threads);
// "a, b, c": the valid names an error message lists.
std::string valid_names(const std::vector<std::string>& names);
// The catalog's table names, for an unknown TABLE.
std::string valid_tables();
// False (with an error on stderr) when the store file is missing and the subcommand is not
// one that creates it (ingest, generate).
bool check_store_exists(const GlobalOptions& global, const std::string& subcommand);

}  // namespace nbaprops::cli
