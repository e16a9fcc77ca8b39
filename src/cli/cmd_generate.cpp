#include "cli/commands.h"

namespace nbaprops::cli {

void register_generate(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto* cmd = app.add_subcommand("generate", "(not yet implemented)");
  cmd->add_option("--db", global.db, "SQLite store file")->capture_default_str();
  cmd->callback([&exit_code] { exit_code = 2; });
}

}  // namespace nbaprops::cli
