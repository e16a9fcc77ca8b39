// One flat JSON object written straight into a string, byte for byte as
// nlohmann::ordered_json's dump() writes the same object (no spaces, keys in the order they
// are added, numbers in nlohmann's form), without building a json tree: for the JSON context
// columns stored once per row (player_composite_factors' *_context_json), where building and
// dumping an ordered_json cost about 6% of a backfill's instructions.
//
// Values by C++ type, as nlohmann::json's constructor maps them: bool -> true/false, other
// integers -> an integer, floating point -> a number (nlohmann's shortest round-trip form via
// its own formatter, "1.0" for a whole number; NaN and infinities -> null), text -> a string
// (escaped as dump() escapes: \" \\ \b \f \n \r \t and \u00XX for other control bytes; bytes
// of 0x80 and above are copied, so the text must be UTF-8), a vector of strings -> an array of
// strings, std::nullopt / nullptr -> null. Tested against dump() (tests/unit/json_text_test.cpp).
//
// Not thread-safe (a plain value type); one object per instance.
#pragma once

#include <concepts>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace nbaprops {

class JsonObjectText {
 public:
  JsonObjectText() {
    out_.reserve(256);
    out_ += '{';
  }

  JsonObjectText& null(std::string_view key);
  JsonObjectText& boolean(std::string_view key, bool v);
  JsonObjectText& integer(std::string_view key, int64_t v);
  JsonObjectText& number(std::string_view key, double v);
  JsonObjectText& text(std::string_view key, std::string_view v);
  JsonObjectText& texts(std::string_view key, std::span<const std::string> v);

  // The value's C++ type chooses the JSON type (see above).
  template <class T>
  JsonObjectText& field(std::string_view key, const T& v) {
    if constexpr (std::is_same_v<T, std::nullptr_t> || std::is_same_v<T, std::nullopt_t>) {
      return null(key);
    } else if constexpr (std::is_same_v<T, bool>) {
      return boolean(key, v);
    } else if constexpr (std::integral<T>) {
      return integer(key, static_cast<int64_t>(v));
    } else if constexpr (std::floating_point<T>) {
      return number(key, static_cast<double>(v));
    } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
      return text(key, std::string_view(v));
    } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
      return texts(key, v);
    } else {  // std::optional<U>
      return v ? field(key, *v) : null(key);
    }
  }

  // The object's text ("{}" when empty). Call once: the writer is spent afterwards.
  std::string str();

 private:
  void key(std::string_view k);
  void quoted(std::string_view s);
  std::string out_;
};

}  // namespace nbaprops
