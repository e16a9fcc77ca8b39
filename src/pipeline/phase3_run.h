// Running Phases 3 and 4 over a date range (05-pipeline.md §2, first version: the runner
// issue adds the graph as data, threads, resume, progress and Phase 5): every final game from
// the season start of `from` to `to` is summarised (TOGS, PGS, TDGS), then each game date D in
// [from, to] gets its contexts (UTGC, UPGC) from the summaries dated before D, the
// completeness check (daily mode, or --with-completeness), and Phase 4 (TDZA, PSZA, PCF, PDC,
// MLFS) from those rows. Inputs are loaded once; every (processor, date) is written as one
// partition in one transaction, and recorded in processor_runs.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "analytics/run_mode.h"
#include "core/date.h"
#include "store/store.h"

namespace nbaprops::pipeline {

struct Phase3Options {
  std::optional<analytics::RunMode> mode;  // forced; else detected per date (02 §5 Mode)
  bool phase4 = true;                      // also run Phase 4 for each date
  bool with_completeness = false;          // check completeness in backfill mode too
};

struct ProcessorRunSummary {
  std::string processor;
  Date date;
  std::string mode, status;  // status: success, partial
  int64_t rows = 0, failed = 0;
  int64_t compute_us = 0, write_us = 0;
};

struct Phase3Report {
  std::vector<ProcessorRunSummary> runs;
  int64_t load_ms = 0;
  int dates_with_games = 0, dates_skipped = 0;
  bool any_failed = false;  // some entity failed unexpectedly (exit code 1)
};

// The first day from which a run over `from` loads inputs: July 1 of from's season.
Date season_start(Date from);

// Runs Phase 3 for [from, to]; one log line per processor run goes to `log`.
// Throws StoreError (the partition being written is rolled back).
Phase3Report run_phase3(Store& store, Date from, Date to, const Phase3Options& options,
                        std::ostream& log);

}  // namespace nbaprops::pipeline
