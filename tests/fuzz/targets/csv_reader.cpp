// Fuzz target: the CSV reader on any bytes (plain text; gzip when the bytes start with its
// magic). Invariants: it returns or throws CsvError; every record is either split into fields
// or flagged too long; a record never exceeds its line bound unflagged.
#include <string>

#include "core/csv_reader.h"
#include "fuzz/fuzz_target.h"

NBAPROPS_FUZZ_TARGET(csv_reader) {
  using namespace nbaprops;
  try {
    CsvReader reader = CsvReader::from_bytes(std::string(data), "fuzz");
    CsvRow row;
    size_t last_line = 0;
    while (reader.next(row)) {
      if (row.line <= last_line) fuzz::fuzz_fail("line numbers must increase");
      last_line = row.line;
      if (row.too_long != row.fields.empty()) fuzz::fuzz_fail("a record has fields xor too_long");
      if (!row.too_long && row.raw.size() > kMaxRecordBytes) fuzz::fuzz_fail("unflagged long");
    }
  } catch (const CsvError&) {
  }
}
