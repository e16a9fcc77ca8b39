// Fuzz target: The Odds API props export (§3.3), through the whole ingest path into
// a new store (fuzz/fuzz_ingest.h). Invariant: every bad row or file ends as a rejection or a
// refusal (exit 1 or 2), never as a store error or a crash.
#include "fuzz/fuzz_ingest.h"
#include "fuzz/fuzz_target.h"

NBAPROPS_FUZZ_TARGET(oddsapi_props) {
  using nbaprops::FormatKind;
  nbaprops::fuzz::ingest_as(data, {FormatKind::kOddsapiProps});
}
