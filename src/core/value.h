// A single typed cell and a row of cells: the unit the store reads and writes.
//
// A Value is NULL (monostate), an integer (int, bool, counts), a double (dec) or text
// (text, date as YYYY-MM-DD, timestamp as YYYY-MM-DDTHH:MM:SSZ). Plain value types.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace nbaprops {

using Value = std::variant<std::monostate, int64_t, double, std::string>;
using Row = std::vector<Value>;

inline bool is_null(const Value& v) {
  return std::holds_alternative<std::monostate>(v);
}
inline Value null_value() {
  return Value{};
}

// Rounds half away from zero to `decimals` places (README "Numbers and rounding").
double round_half_away(double x, int decimals);

}  // namespace nbaprops
