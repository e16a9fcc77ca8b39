#include <iostream>

#include "cli/commands.h"
#include "core/date.h"
#include "pipeline/catalog.h"
#include "raw/ingest.h"
#include "store/store.h"

namespace nbaprops::cli {

void register_ingest(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto* cmd = app.add_subcommand("ingest",
                                 "Load raw files (canonical CSV, NBA.com exports, "
                                 "Odds API props; plain or gzip) into the store");
  auto request = std::make_shared<IngestRequest>();
  auto snapshot = std::make_shared<std::string>();
  auto explain = std::make_shared<bool>(false);
  cmd->add_option("--db", global.db, "SQLite store file or PostgreSQL URL")->capture_default_str();
  cmd->add_option("--format", request->format,
                  "Force a format or profile for every file (canonical:<table>, "
                  "nba-player-gamelog, nba-team-gamelog, nba-shotchart, nba-shots-season, "
                  "oddsapi-props, or a profile name; see docs/sources.md)");
  cmd->add_option("--profile", request->profile_files,
                  "A source profile (YAML) to use beside the built-in ones; repeatable");
  cmd->add_flag("--explain", *explain,
                "Load nothing: say which format or profile each file matches, or the closest "
                "ones with what each lacks");
  cmd->add_option("--snapshot-utc", *snapshot,
                  "Snapshot time of Odds API rows without a snapshot column (ISO 8601 UTC)");
  cmd->add_option("--snapshot-offset-min", request->options.snapshot_offset_min,
                  "Else the snapshot is commence_time minus this many minutes")
      ->capture_default_str();
  cmd->add_option("PATH", request->paths, "Files or directories (*.csv, *.csv.gz, *.json)")
      ->required();
  cmd->callback([&global, &exit_code, request, snapshot, explain] {
    if (*explain) {
      exit_code = explain_files(*request, std::cout, std::cerr);
      return;
    }
    if (!snapshot->empty()) {
      auto t = parse_timestamp(*snapshot);
      if (!t) {
        std::cerr << "error: --snapshot-utc: not an ISO 8601 timestamp with a zone\n";
        exit_code = 2;
        return;
      }
      request->options.snapshot_utc = t;
    }
    try {
      auto store = open_store(global.db);
      exit_code = ingest(*store, *request, std::cout, std::cerr).exit_code;
    } catch (const StoreError& e) {
      std::cerr << "store error: " << e.what() << "\n";
      exit_code = 3;
    }
  });
}

}  // namespace nbaprops::cli
