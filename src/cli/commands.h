// The nbaprops command line: one file per subcommand, each registering itself on the app.
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
  std::string db = "nbaprops.db";  // --db: the SQLite store file, or a PostgreSQL URL
};

void register_ingest(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_export(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_generate(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_tables(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_run(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_status(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_predict(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_train(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_backtest(CLI::App& app, GlobalOptions& global, int& exit_code);
void register_worker(CLI::App& app, GlobalOptions& global, int& exit_code);

// Shared by the Phase 5 commands (cmd_predict.cpp).
// The wall clock as a UTC timestamp (processed_at).
std::string now_utc();
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

}  // namespace nbaprops::cli
