#include "predict/player_day.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdint>
#include <system_error>

namespace nbaprops::predict {
namespace {

// A one-pass reader of the arrays the feature store writes (no nesting, no escapes). It
// accepts a subset of JSON; on anything else the caller falls back to nlohmann's parser, so
// the result is always the one nlohmann gives (issue 12: ~190,000 rows read per training).
class ArrayReader {
 public:
  explicit ArrayReader(std::string_view s) : s_(s) {}
  void ws() {
    while (i_ < s_.size() &&
           (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r')) {
      ++i_;
    }
  }
  bool take(char c) {
    ws();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool at_end() {
    ws();
    return i_ == s_.size();
  }
  bool take_null() {
    ws();
    if (s_.substr(i_, 4) != "null") return false;
    i_ += 4;
    return true;
  }
  // A JSON number as nlohmann reads it: an integer token as a 64-bit integer converted to
  // double, any other through a correctly rounded conversion (as strtod).
  bool number(double& out) {
    ws();
    size_t b = i_, j = i_;
    if (j < s_.size() && s_[j] == '-') ++j;
    size_t digits = j;
    while (j < s_.size() && is_digit(s_[j])) ++j;
    if (j == digits || (s_[digits] == '0' && j - digits > 1)) return false;
    bool integer = true;
    if (j < s_.size() && s_[j] == '.') {
      integer = false;
      size_t f = ++j;
      while (j < s_.size() && is_digit(s_[j])) ++j;
      if (j == f) return false;
    }
    if (j < s_.size() && (s_[j] == 'e' || s_[j] == 'E')) {
      integer = false;
      ++j;
      if (j < s_.size() && (s_[j] == '+' || s_[j] == '-')) ++j;
      size_t e = j;
      while (j < s_.size() && is_digit(s_[j])) ++j;
      if (j == e) return false;
    }
    const char* first = s_.data() + b;
    const char* last = s_.data() + j;
    if (integer) {
      if (j - digits > 15) return false;  // near the 64-bit limits: nlohmann decides
      int64_t n = 0;
      auto [end, ec] = std::from_chars(first, last, n);
      if (ec != std::errc() || end != last) return false;
      out = static_cast<double>(n);
    } else {
      auto [end, ec] = std::from_chars(first, last, out);  // out of range: nlohmann decides
      if (ec != std::errc() || end != last) return false;
    }
    i_ = j;
    return true;
  }
  // A string of printable ASCII without escapes.
  bool plain_string(std::string& out) {
    ws();
    if (i_ >= s_.size() || s_[i_] != '"') return false;
    size_t j = i_ + 1;
    while (j < s_.size() && s_[j] != '"') {
      if (s_[j] < 0x20 || s_[j] > 0x7e || s_[j] == '\\') return false;
      ++j;
    }
    if (j == s_.size()) return false;
    out.assign(s_.substr(i_ + 1, j - i_ - 1));
    i_ = j + 1;
    return true;
  }

 private:
  static bool is_digit(char c) { return c >= '0' && c <= '9'; }
  std::string_view s_;
  size_t i_ = 0;
};

// The fast path of parse_features: false when the text is not a plain array of 60 numbers or
// nulls (the caller then asks nlohmann).
bool read_features(std::string_view json, Features& f) {
  ArrayReader r(json);
  if (!r.take('[')) return false;
  for (size_t i = 0; i < kFeatureCount; ++i) {
    if (i > 0 && !r.take(',')) return false;
    double v = 0;
    if (r.take_null()) {
      f[i] = std::nullopt;
    } else if (r.number(v)) {
      f[i] = v;
    } else {
      return false;
    }
  }
  return r.take(']') && r.at_end();
}

bool read_sources(std::string_view json, FeatureSources& s) {
  ArrayReader r(json);
  if (!r.take('[')) return false;
  for (size_t i = 0; i < kFeatureCount; ++i) {
    if (i > 0 && !r.take(',')) return false;
    if (!r.plain_string(s[i])) return false;
  }
  return r.take(']') && r.at_end();
}

}  // namespace

std::optional<Features> parse_features(const std::string& json) {
  if (Features f; read_features(json, f)) return f;
  auto parsed = nlohmann::json::parse(json, nullptr, false);
  if (!parsed.is_array() || parsed.size() != kFeatureCount) return std::nullopt;
  Features f;
  for (size_t i = 0; i < kFeatureCount; ++i) {
    const auto& v = parsed[i];
    if (v.is_number()) {
      f[i] = v.get<double>();
    } else if (!v.is_null()) {
      return std::nullopt;
    }
  }
  return f;
}

std::optional<FeatureSources> parse_feature_sources(const std::string& json) {
  if (FeatureSources s; read_sources(json, s)) return s;
  auto parsed = nlohmann::json::parse(json, nullptr, false);
  if (!parsed.is_array() || parsed.size() != kFeatureCount) return std::nullopt;
  FeatureSources s;
  for (size_t i = 0; i < kFeatureCount; ++i) {
    if (!parsed[i].is_string()) return std::nullopt;
    s[i] = parsed[i].get<std::string>();
  }
  return s;
}

bool is_default_like(std::string_view label) {
  return label == "default" || label == "missing";
}

}  // namespace nbaprops::predict
