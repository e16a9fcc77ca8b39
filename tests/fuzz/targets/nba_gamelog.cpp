// Fuzz target: NBA.com player and team game logs (§3.2), through the whole ingest path into
// a new store (fuzz/fuzz_ingest.h). Invariant: every bad row or file ends as a rejection or a
// refusal (exit 1 or 2), never as a store error or a crash.
#include "fuzz/fuzz_ingest.h"
#include "fuzz/fuzz_target.h"

NBAPROPS_FUZZ_TARGET(nba_gamelog) {
  using nbaprops::FormatKind;
  nbaprops::fuzz::ingest_as(data, {FormatKind::kNbaPlayerGamelog, FormatKind::kNbaTeamGamelog});
}
