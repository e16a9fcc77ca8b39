// `nbaprops generate`: writes a synthetic league in the canonical CSV format.
#include <fmt/format.h>

#include <exception>
#include <memory>

#include "cli/commands.h"
#include "core/date.h"
#include "generate/generator.h"

namespace nbaprops::cli {
namespace {

struct GenerateArgs {
  int seasons = 1;
  uint64_t seed = 42;
  std::string out;
  std::string as_of;
  bool playoffs = false;
};

int run_generate(const GenerateArgs& args) {
  gen::GenerateOptions options;
  options.seasons = args.seasons;
  options.seed = args.seed;
  options.playoffs = args.playoffs;
  if (!args.as_of.empty()) {
    options.as_of = parse_timestamp(args.as_of);
    if (!options.as_of) {
      fmt::print(stderr, "generate: --as-of is not an ISO date-time with a zone: {}\n", args.as_of);
      return 2;
    }
  }
  try {
    for (const auto& t : gen::generate_league(options, args.out))
      fmt::print("{}.csv rows={}\n", t.table, t.rows);
  } catch (const std::exception& e) {
    fmt::print(stderr, "generate: {}\n", e.what());
    return 2;
  }
  return 0;
}

}  // namespace

void register_generate(CLI::App& app, GlobalOptions& /*global*/, int& exit_code) {
  auto args = std::make_shared<GenerateArgs>();
  auto* cmd = app.add_subcommand("generate", "Write a synthetic league as canonical CSV files");
  cmd->add_option("--seasons", args->seasons, "Number of seasons (the last is 2024-25)")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  cmd->add_option("--seed", args->seed, "Random seed")->capture_default_str();
  cmd->add_option("--out", args->out, "Output directory")->required();
  cmd->add_option("--as-of", args->as_of,
                  "Show the league as a feed would at this UTC instant (ISO 8601)");
  cmd->add_flag("--playoffs", args->playoffs, "Also play the play-in and playoffs");
  cmd->callback([args, &exit_code] { exit_code = run_generate(*args); });
}

}  // namespace nbaprops::cli
