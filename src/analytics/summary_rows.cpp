#include "analytics/summary_rows.h"

namespace nbaprops::analytics {

const Record<QualityBlock>& quality_block_record() {
  static const Record<QualityBlock> r = Record<QualityBlock>()
                                            .field("quality_tier", &QualityBlock::quality_tier)
                                            .field("quality_issues", &QualityBlock::quality_issues);
  return r;
}

Record<ZoneCounts> zone_counts_record(const std::string& prefix) {
  Record<ZoneCounts> r;
  for (auto [zone, name] : {std::pair{kPaint, "paint"}, std::pair{kMidRange, "mid_range"},
                            std::pair{kThree, "three"}}) {
    std::string shots = zone == kThree ? "_shots" : "";
    r.element(prefix + name + "_attempts" + shots, &ZoneCounts::attempts, zone);
    r.element(prefix + name + "_makes" + shots, &ZoneCounts::makes, zone);
  }
  return r;
}

std::optional<int64_t> plus(std::optional<int64_t> a, std::optional<int64_t> b) {
  if (!a || !b) return std::nullopt;
  return *a + *b;
}
std::optional<int64_t> minus(std::optional<int64_t> a, std::optional<int64_t> b) {
  if (!a || !b) return std::nullopt;
  return *a - *b;
}
std::optional<int64_t> times(int64_t k, std::optional<int64_t> a) {
  if (!a) return std::nullopt;
  return k * *a;
}
ZoneCounts zone_counts(const GameShots& shots, const ShotCounts* shooter) {
  ZoneCounts z;
  if (!shots.has_shots) return z;
  for (size_t k = 0; k < kZoneCount; ++k) {
    z.attempts[k] = shooter ? shooter->attempts[k] : 0;
    z.makes[k] = shooter ? shooter->makes[k] : 0;
  }
  return z;
}

}  // namespace nbaprops::analytics
