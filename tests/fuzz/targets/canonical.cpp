// Fuzz target: the canonical CSVs of 01-raw-data.md §3.1 (every table, and player aliases), through
// the whole ingest path into a new store (fuzz/fuzz_ingest.h). Invariant: every bad row or file
// ends as a rejection or a refusal (exit 1 or 2), never as a store error or a crash.
#include "fuzz/fuzz_ingest.h"
#include "fuzz/fuzz_target.h"

NBAPROPS_FUZZ_TARGET(canonical) {
  using nbaprops::FormatKind;
  nbaprops::fuzz::ingest_as(data, {FormatKind::kCanonical, FormatKind::kCanonicalAliases});
}
