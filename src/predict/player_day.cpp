#include "predict/player_day.h"

#include <nlohmann/json.hpp>

namespace nbaprops::predict {

std::optional<Features> parse_features(const std::string& json) {
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
