// Fuzz target: gzip input. The bytes are read as a gzip stream (its magic is put in front when
// missing) and the decompressed file is read to its end. Invariants: it returns or throws
// CsvError ("not a readable gzip stream", "larger than 1 GiB"); no crash, leak or overflow.
#include <string>

#include "core/csv_reader.h"
#include "fuzz/fuzz_target.h"

NBAPROPS_FUZZ_TARGET(gzip_input) {
  using namespace nbaprops;
  std::string bytes(data);
  if (!bytes.starts_with("\x1f\x8b")) bytes.insert(0, "\x1f\x8b");
  try {
    CsvReader reader = CsvReader::from_bytes(std::move(bytes), "fuzz.gz");
    CsvRow row;
    while (reader.next(row)) {
    }
  } catch (const CsvError&) {
  }
}
