// JsonObjectText writes the bytes nlohmann::ordered_json::dump() writes for the same object.
#include "core/json_text.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>

namespace nbaprops {
namespace {

using Json = nlohmann::ordered_json;

std::string one_number(double v) {
  return JsonObjectText().number("x", v).str();
}

std::string dumped(double v) {
  Json j;
  j["x"] = v;
  return j.dump();
}

TEST(JsonObjectText, HandWrittenObjects) {
  EXPECT_EQ(JsonObjectText().str(), "{}");
  std::vector<std::string> penalties = {"back_to_back:-15", "heavy_minutes:-10"};
  std::optional<int64_t> none;
  std::optional<double> rate = 0.25;
  std::string got = JsonObjectText()
                        .field("days_rest", std::optional<int64_t>(1))
                        .field("back_to_back", std::optional<bool>(true))
                        .field("minutes", none)
                        .field("rate", rate)
                        .field("penalties", penalties)
                        .field("bonuses", std::vector<std::string>{})
                        .field("final_score", 75)
                        .field("env", "fast")
                        .field("whole", 2.0)
                        .str();
  EXPECT_EQ(got, R"({"days_rest":1,"back_to_back":true,"minutes":null,"rate":0.25,)"
                 R"("penalties":["back_to_back:-15","heavy_minutes:-10"],"bonuses":[],)"
                 R"("final_score":75,"env":"fast","whole":2.0})");
}

TEST(JsonObjectText, NumbersAreDumpsNumbers) {
  for (double v : {0.0,
                   -0.0,
                   1.0,
                   -1.0,
                   0.1,
                   0.5,
                   2.675,
                   100.0,
                   1e15,
                   1e16,
                   1e17,
                   123456789.0,
                   1e-4,
                   1e-5,
                   3.0e-7,
                   -2.25,
                   1.0 / 3.0,
                   5e-324,
                   1.7976931348623157e308,
                   std::numeric_limits<double>::quiet_NaN(),
                   std::numeric_limits<double>::infinity()}) {
    EXPECT_EQ(one_number(v), dumped(v)) << v;
  }
  std::mt19937_64 rng(20261206);
  std::uniform_real_distribution<double> small(-200.0, 200.0);
  std::uniform_int_distribution<uint64_t> bits;
  for (int i = 0; i < 20000; ++i) {
    double rounded = std::round(small(rng) * 100.0) / 100.0;  // the stored 2-decimal values
    EXPECT_EQ(one_number(rounded), dumped(rounded)) << rounded;
    uint64_t b = bits(rng);
    double any;
    std::memcpy(&any, &b, sizeof any);
    EXPECT_EQ(one_number(any), dumped(any)) << b;
  }
}

TEST(JsonObjectText, IntegersBooleansAndTextAreDumps) {
  for (int64_t v : {int64_t{0}, int64_t{-1}, int64_t{42}, std::numeric_limits<int64_t>::min(),
                    std::numeric_limits<int64_t>::max()}) {
    Json j;
    j["n"] = v;
    EXPECT_EQ(JsonObjectText().integer("n", v).str(), j.dump());
  }
  for (const std::string& s : {std::string("plain"), std::string("quote \" and \\ slash"),
                               std::string("tab\tnew\nline\r\b\f"), std::string("\x01\x1f ctl"),
                               std::string("caf\xc3\xa9 UTF-8"), std::string()}) {
    Json j;
    j["k\"ey"] = s;
    j["flag"] = false;
    j["list"] = std::vector<std::string>{s, "b"};
    EXPECT_EQ(JsonObjectText()
                  .text("k\"ey", s)
                  .boolean("flag", false)
                  .texts("list", std::vector<std::string>{s, "b"})
                  .str(),
              j.dump());
  }
}

}  // namespace
}  // namespace nbaprops
