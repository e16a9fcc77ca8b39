// A bad optional value costs the value, not the row (issue 11 item 3).
//
// For the columns listed here (nullable, outside the key, required by no row check) a value
// that does not parse is stored as NULL and noted; the row loads. The notes go to
// rejected_rows with a reason starting "nulled:" (its kind), unless the same line is
// rejected for another reason. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/csv_reader.h"
#include "raw/staging.h"

namespace nbaprops {

// True when a bad value of `table`.`column` becomes NULL instead of rejecting the row.
bool nulls_bad_value(std::string_view table, std::string_view column);

// Notes that `column` of the record at `row` was stored as NULL because of `why` (the
// RowError text). Several notes on one line are joined into one rejected_rows reason.
void note_nulled(FileStage& stage, const CsvRow& row, const std::string& table,
                 const std::string& why);

}  // namespace nbaprops
