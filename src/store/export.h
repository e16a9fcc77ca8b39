// Writing a table's rows, in key order, as CSV or JSON (`nbaprops export`).
//
// CSV: a header of the column names, RFC 4180 quoting, empty for NULL, booleans as
// true/false, decimals with their declared number of places (else the shortest exact form). JSON:
// an array of objects with the columns in declaration order, null for NULL. Deterministic: the same
// rows give the same bytes.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "store/store.h"

namespace nbaprops {

enum class ExportFormat { kCsv, kJson };

// Writes the rows of `table` matching `where` to `out`. Returns the number of rows.
int64_t export_table(Store& store, const TableSchema& table, const std::vector<Condition>& where,
                     ExportFormat format, std::ostream& out);

// The column a date filter applies to (game_date, date, analysis_date, cache_date), or "".
std::string date_column_of(const TableSchema& table);

// One cell as CSV text (unquoted).
std::string cell_text(const Column& column, const Value& value);
// `text` quoted as RFC 4180 asks when it holds a comma, quote or line break.
std::string csv_quote(const std::string& text);

}  // namespace nbaprops
