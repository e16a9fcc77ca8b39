#include "core/json_text.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace nbaprops {

void JsonObjectText::key(std::string_view k) {
  if (out_.size() > 1) out_ += ',';
  quoted(k);
  out_ += ':';
}

void JsonObjectText::quoted(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out_ += '"';
  size_t plain = 0;  // the start of the run of bytes copied as they are
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(s.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\b':
        out_ += "\\b";
        break;
      case '\f':
        out_ += "\\f";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\r':
        out_ += "\\r";
        break;
      case '\t':
        out_ += "\\t";
        break;
      default:
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 0xf];
    }
  }
  out_.append(s.data() + plain, s.size() - plain);
  out_ += '"';
}

JsonObjectText& JsonObjectText::null(std::string_view k) {
  key(k);
  out_ += "null";
  return *this;
}

JsonObjectText& JsonObjectText::boolean(std::string_view k, bool v) {
  key(k);
  out_ += v ? "true" : "false";
  return *this;
}

JsonObjectText& JsonObjectText::integer(std::string_view k, int64_t v) {
  key(k);
  char buf[24];
  auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
  out_.append(buf, end);
  return *this;
}

JsonObjectText& JsonObjectText::number(std::string_view k, double v) {
  if (!std::isfinite(v)) return null(k);
  key(k);
  // nlohmann's own float formatter: the serializer of dump() calls exactly this
  // (detail/output/serializer.hpp, dump_float), so the bytes are dump()'s.
  char buf[64];
  char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, end);
  return *this;
}

JsonObjectText& JsonObjectText::text(std::string_view k, std::string_view v) {
  key(k);
  quoted(v);
  return *this;
}

JsonObjectText& JsonObjectText::texts(std::string_view k, std::span<const std::string> v) {
  key(k);
  out_ += '[';
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out_ += ',';
    quoted(v[i]);
  }
  out_ += ']';
  return *this;
}

std::string JsonObjectText::str() {
  out_ += '}';
  return std::move(out_);
}

}  // namespace nbaprops
