// Fuzz target: user source profiles (`ingest --profile FILE --format NAME`, src/raw/profile*.cpp,
// parse_profile.cpp). An input is a YAML profile, a line `%%`, and a data file
// (fuzz/fuzz_ingest.h); seeds pair each profile of profiles/*.yaml with a file of its shape.
// Invariant: a bad profile is a ProfileError and a bad row or file a rejection or a refusal
// (exit 1 or 2), never another exception, a store error or a crash.
#include "fuzz/fuzz_ingest.h"
#include "fuzz/fuzz_target.h"

NBAPROPS_FUZZ_TARGET(profile) {
  nbaprops::fuzz::ingest_with_profile(data);
}
