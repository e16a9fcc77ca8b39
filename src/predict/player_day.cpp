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

}  // namespace nbaprops::predict
