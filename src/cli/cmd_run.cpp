// `nbaprops run --date D` and `nbaprops backfill --from A --to B`: Phases 3 and 4 on a pool
// of --threads workers (pipeline/runner.h).
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "core/date.h"
#include "pipeline/runner.h"

namespace nbaprops::cli {
namespace {

struct RunArgs {
  std::string date, from, to, mode;
  bool quiet = false, with_completeness = false, phase3_only = false, resume = false, force = false;
  int threads = 0;
};

std::optional<Date> parse_cli_date(const std::string& s) {
  if (s == "today" || s == "yesterday" || s == "tomorrow") {
    auto secs = std::chrono::duration_cast<std::chrono::seconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
    Date today = eastern_date(Timestamp{secs});
    int shift = s == "today" ? 0 : (s == "yesterday" ? -1 : 1);
    return Date{today.days + shift};
  }
  return parse_iso_date(s);
}

int run_range(const GlobalOptions& global, const std::string& from_text, const std::string& to_text,
              const RunArgs& args) {
  const std::string& mode_text = args.mode;
  auto from = parse_cli_date(from_text), to = parse_cli_date(to_text);
  if (!from || !to || *to < *from) {
    std::cerr << "error: dates must be YYYY-MM-DD (or today/yesterday/tomorrow), from <= to\n";
    return 2;
  }
  if (args.threads < 0) {
    std::cerr << "error: --threads must be 1 or more (0: the machine's hardware threads)\n";
    return 2;
  }
  pipeline::RunOptions options;
  options.with_completeness = args.with_completeness;
  if (args.phase3_only) options.phases = {3};
  options.threads = args.threads;
  options.resume = args.resume;
  options.force = args.force;
  options.store_location = global.db;
  if (mode_text == "daily") options.mode = analytics::RunMode::kDaily;
  if (mode_text == "backfill") options.mode = analytics::RunMode::kBackfill;
  if (!mode_text.empty() && !options.mode) {
    std::cerr << "error: --mode must be daily or backfill\n";
    return 2;
  }
  try {
    auto store = open_store(global.db);
    std::ostringstream sink;
    auto report =
        pipeline::run_pipeline(*store, *from, *to, options, args.quiet ? sink : std::cerr);
    auto skipped = std::count_if(report.runs.begin(), report.runs.end(),
                                 [](const auto& r) { return r.status == "skipped"; });
    std::cout << fmt::format(
        "phases 3-4: {} dates with games, {} without; {} processor runs on {} threads ({} "
        "skipped, inputs unchanged), inputs loaded in {} ms\n",
        report.dates_with_games, report.dates_skipped, report.runs.size() - skipped, report.threads,
        skipped, report.load_ms);
    return report.any_failed ? 1 : 0;
  } catch (const StoreError& e) {
    std::cerr << "store error: " << e.what() << "\n";
    return 3;
  }
}

}  // namespace

void register_run(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto args = std::make_shared<RunArgs>();
  auto* run = app.add_subcommand("run", "Run the pipeline for one date (Phases 3-4 for now)");
  run->add_option("--db", global.db, "SQLite store file")->capture_default_str();
  run->add_option("--date", args->date, "YYYY-MM-DD, today, yesterday or tomorrow")->required();
  run->add_option("--mode", args->mode, "daily or backfill (default: detected)");
  run->add_flag("--quiet", args->quiet, "No per-processor log lines");
  run->add_flag("--with-completeness", args->with_completeness,
                "Check completeness in backfill mode too");
  run->add_flag("--phase3-only", args->phase3_only, "Stop after Phase 3");
  run->add_option("--threads", args->threads, "Worker threads (default: hardware threads)");
  run->callback([&global, &exit_code, args] {
    exit_code = run_range(global, args->date, args->date, *args);
  });
  auto* backfill = app.add_subcommand("backfill", "Run the pipeline over a date range");
  backfill->add_option("--db", global.db, "SQLite store file")->capture_default_str();
  backfill->add_option("--from", args->from, "First date")->required();
  backfill->add_option("--to", args->to, "Last date")->required();
  backfill->add_option("--mode", args->mode, "daily or backfill (default: detected per date)");
  backfill->add_flag("--quiet", args->quiet, "No per-processor log lines");
  backfill->add_flag("--with-completeness", args->with_completeness,
                     "Check completeness in backfill mode too");
  backfill->add_flag("--phase3-only", args->phase3_only, "Stop after Phase 3");
  backfill->add_option("--threads", args->threads, "Worker threads (default: hardware threads)");
  backfill->add_flag("--resume", args->resume,
                     "Skip each (processor, date) whose latest run succeeded on unchanged inputs");
  backfill->add_flag("--force", args->force, "Recompute everything (overrides --resume)");
  backfill->callback(
      [&global, &exit_code, args] { exit_code = run_range(global, args->from, args->to, *args); });
}

}  // namespace nbaprops::cli
