// The feature store's JSON arrays as the predictors read them (predict/player_day.h): the
// one-pass reader gives exactly the values nlohmann's parser gives (the training data hash
// depends on every bit), and anything it does not read itself goes to nlohmann.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "predict/player_day.h"

namespace nbaprops::predict {
namespace {

// 60 values: `head` first, then nulls.
std::string array_of(const std::string& head, size_t head_count) {
  std::string json = "[" + head;
  for (size_t i = head_count; i < kFeatureCount; ++i) json += std::string(i ? "," : "") + "null";
  return json + "]";
}

// nlohmann's reading of the same text, as parse_features read it before the fast path.
std::optional<Features> reference(const std::string& json) {
  auto parsed = nlohmann::json::parse(json, nullptr, false);
  if (!parsed.is_array() || parsed.size() != kFeatureCount) return std::nullopt;
  Features f;
  for (size_t i = 0; i < kFeatureCount; ++i) {
    if (parsed[i].is_number()) {
      f[i] = parsed[i].get<double>();
    } else if (!parsed[i].is_null()) {
      return std::nullopt;
    }
  }
  return f;
}

void expect_same_bits(const std::string& json) {
  auto fast = parse_features(json), slow = reference(json);
  ASSERT_EQ(fast.has_value(), slow.has_value()) << json;
  if (!fast) return;
  for (size_t i = 0; i < kFeatureCount; ++i) {
    ASSERT_EQ((*fast)[i].has_value(), (*slow)[i].has_value()) << json << " at " << i;
    if (!(*fast)[i]) continue;
    double a = *(*fast)[i], b = *(*slow)[i];
    EXPECT_EQ(std::signbit(a), std::signbit(b)) << json << " at " << i;
    EXPECT_EQ(a, b) << json << " at " << i;
  }
}

TEST(FeatureJson, StoredNumbersReadExactlyAsNlohmannReadsThem) {
  // The shapes the feature store writes (integers, 1-4 decimals, negatives) and the edges:
  // -0 (an integer token: +0.0), exponents, 17 significant digits, integers near 2^63, out of
  // range, whitespace.
  expect_same_bits(array_of("10.8,8.7,-2.75,0.3239,95,-1,0,6.3805", 8));
  expect_same_bits(array_of("-0,-0.0,1e3,1E-3,2.5e+2,0.1,0.30000000000000004", 7));
  expect_same_bits(array_of("123456789012345,1234567890123456789,-9223372036854775808", 3));
  expect_same_bits(array_of("1e400,-1e-400", 2));
  expect_same_bits(array_of(" 1 , \n2.5\t,\r null ", 3));
  auto f = parse_features(array_of("-0,1e3", 2));
  ASSERT_TRUE(f);
  EXPECT_FALSE(std::signbit(*(*f)[0]));  // the integer token -0 is 0
  EXPECT_EQ(*(*f)[1], 1000.0);
}

TEST(FeatureJson, WhatIsNotAnArrayOf60NumbersOrNullsIsRefused) {
  for (std::string bad :
       {array_of("01", 1), array_of("1.", 1), array_of(".5", 1), array_of("+1", 1),
        array_of("\"1\"", 1), array_of("NaN", 1), array_of("1,", 1) + "", std::string("[1,2]"),
        std::string("[]"), array_of("1", 1) + "x", std::string("")}) {
    expect_same_bits(bad);
    EXPECT_FALSE(parse_features(bad)) << bad;
  }
}

TEST(FeatureJson, LabelsWithEscapesGoThroughNlohmann) {
  std::string json = "[\"ph\\u0061se4\"";
  for (size_t i = 1; i < kFeatureCount; ++i) json += ",\"missing\"";
  json += "]";
  auto s = parse_feature_sources(json);
  ASSERT_TRUE(s);
  EXPECT_EQ((*s)[0], "phase4");
  EXPECT_EQ((*s)[59], "missing");
  EXPECT_FALSE(parse_feature_sources("[\"phase4\"]"));
  EXPECT_FALSE(parse_feature_sources(json.substr(0, json.size() - 1)));
}

}  // namespace
}  // namespace nbaprops::predict
