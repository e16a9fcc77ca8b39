// Parsing one CSV field into a typed value, with the spec's rules (01-raw-data.md §2
// "Values"), and the RowError a loader throws to reject a row with a reason code.
//
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/date.h"

namespace nbaprops {

// Why a row is rejected: a reason code of 01-raw-data.md §5 and its detail.
class RowError : public std::runtime_error {
 public:
  // message() is "code: column value detail", the rejected_rows.reason text.
  RowError(std::string code, std::string_view column, std::string_view value,
           std::string_view detail = {});
  const std::string& code() const { return code_; }

 private:
  std::string code_;
};

// True for an empty field, and (when `nba_nulls`) for NA, NaN, None, null.
bool is_null_field(std::string_view s, bool nba_nulls);

// An integer; a zero fraction is accepted ("-8.0"). nullopt when not an integer.
std::optional<int64_t> parse_int(std::string_view s);
// A finite decimal number with '.' as the separator. nullopt otherwise.
std::optional<double> parse_dec(std::string_view s);
// true/false, TRUE/FALSE, 1/0 (any case of true/false). nullopt otherwise.
std::optional<bool> parse_bool(std::string_view s);

// Parsers that throw RowError(bad_value / out_of_range) naming `column`.
int64_t require_int(std::string_view column, std::string_view s);
double require_dec(std::string_view column, std::string_view s);
bool require_bool(std::string_view column, std::string_view s);
// ISO date (canonical) or any NBA date form; out_of_range outside 1946-2100.
Date require_date(std::string_view column, std::string_view s, bool nba_forms);
// ISO 8601 timestamp with a zone; out_of_range outside 1946-2100.
Timestamp require_timestamp(std::string_view column, std::string_view s);

}  // namespace nbaprops
