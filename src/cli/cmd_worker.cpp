// `nbaprops worker --db postgresql://... [--threads N]`: serves the work plans of a shared
// backfill (`backfill --plan`) from a PostgreSQL store, on this machine beside any number of
// workers on others (pipeline/worker.h).
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "pipeline/worker.h"
#include "store/store.h"

namespace nbaprops::cli {
namespace {

struct WorkerArgs {
  std::string models, name;
  int threads = 0, lease_seconds = 60, poll_ms = 1000, max_attempts = 3;
  int64_t plan = 0;
  bool follow = false, quiet = false;
};

int run_worker_command(const GlobalOptions& global, const WorkerArgs& a) {
  if (!is_postgres_location(global.db)) {
    std::cerr << "error: worker needs a PostgreSQL store (--db postgresql://user@host/dbname)\n";
    return 2;
  }
  if (!valid_threads(a.threads)) return 2;
  if (a.lease_seconds < 3 || a.poll_ms < 10 || a.max_attempts < 1) {
    std::cerr << "error: --lease-seconds >= 3, --poll-ms >= 10, --max-attempts >= 1\n";
    return 2;
  }
  pipeline::WorkerOptions options;
  options.location = global.db;
  options.run.threads = a.threads;
  options.run.predict.models = model_options(global, a.models, predict::kDefaultRetrainEveryDays);
  options.run.predict.models->trust_run_history = true;
  options.run.model_cache = std::make_shared<predict::ModelCache>();
  if (a.plan > 0) options.plan = a.plan;
  options.lease_seconds = a.lease_seconds;
  options.poll_ms = a.poll_ms;
  options.max_attempts = a.max_attempts;
  options.follow = a.follow;
  options.name = a.name;
  return with_store_errors([&] {
    std::ostringstream sink;
    // Per-processor lines only without --quiet; the worker's own lines always.
    return pipeline::run_worker(options, a.quiet ? sink : std::cerr);
  });
}

}  // namespace

void register_worker(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto args = std::make_shared<WorkerArgs>();
  auto* cmd = app.add_subcommand(
      "worker", "Serve the work plans of a shared backfill (backfill --plan) from PostgreSQL");
  cmd->add_option("--db", global.db, "PostgreSQL store URL (postgresql://user@host/dbname)")
      ->required();
  cmd->add_option("--threads", args->threads, "Threads per item (default: hardware threads)");
  cmd->add_option("--plan", args->plan, "Serve only this plan (default: every plan)");
  cmd->add_option("--lease-seconds", args->lease_seconds,
                  "How long an item stays ours without a heartbeat (default 60)");
  cmd->add_option("--poll-ms", args->poll_ms, "Wait between looks for claimable work (1000)");
  cmd->add_option("--max-attempts", args->max_attempts,
                  "Claims of one item before it is marked failed (3)");
  cmd->add_option("--name", args->name, "This worker's name in the queue (default host:pid)");
  cmd->add_flag("--follow", args->follow, "Keep waiting for new plans instead of exiting");
  cmd->add_flag("--quiet", args->quiet, "No per-processor log lines");
  add_models_option(cmd, args->models);
  cmd->callback([&global, &exit_code, args] { exit_code = run_worker_command(global, *args); });
}

}  // namespace nbaprops::cli
