// Fingerprints of the raw inputs a (processor, date) reads, for `backfill --resume` and the
// daily run (05-pipeline.md §6): a 64-bit hash of the change counters (raw_partition_versions,
// store/partition_versions.h) of every raw partition dated from the load start up to D
// (games, box scores, shots, lines, injuries) and of the undated tables (players, aliases).
// The store bumps a counter on every real change of a row, so a re-ingest of unchanged files
// leaves the fingerprints unchanged, and reading them costs a few hundred rows.
//
// Built once per run from the store; read-only afterwards (safe from any thread).
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "core/date.h"
#include "store/store.h"

namespace nbaprops::pipeline {

class InputFingerprints {
 public:
  // Scans the raw tables over [from, to] once. Throws StoreError.
  static InputFingerprints load(Store& store, Date from, Date to);

  // The raw rows dated D (and the undated tables): what a summary of D reads.
  uint64_t on(Date d) const;
  // The raw rows dated from the load start up to D (and the undated tables).
  uint64_t up_to(Date d) const;

  // The text stored with a run: "inputs=" and the 16 hex digits of `hash` mixed with `salt`
  // (the processor name and the options that change its output).
  static std::string text(uint64_t hash, const std::string& salt);

 private:
  std::map<int, uint64_t> day_;  // Date::days -> hash of that day's rows
  std::map<int, uint64_t> prefix_;
  uint64_t undated_ = 0;
};

}  // namespace nbaprops::pipeline
