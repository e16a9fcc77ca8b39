// Building blocks shared by the Phase 3 tables' records (core/record.h): the quality block
// (quality_tier, quality_issues) every summary and context carries, the shot-zone counts
// (declared once, with a column prefix), and NULL-propagating arithmetic. Pure helpers;
// thread-safe.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "analytics/inputs.h"
#include "analytics/rules.h"
#include "core/record.h"
#include "core/table_schema.h"
#include "core/value.h"

namespace nbaprops::analytics {

// The quality columns of every Phase 3 summary and context (02-analytics.md): quality_tier
// and quality_issues (the codes, QualityIssues::text), both NOT NULL.
struct QualityBlock {
  std::string quality_tier, quality_issues;
};
const Record<QualityBlock>& quality_block_record();

// a op b when both are known, else NULL.
std::optional<int64_t> plus(std::optional<int64_t> a, std::optional<int64_t> b);
std::optional<int64_t> minus(std::optional<int64_t> a, std::optional<int64_t> b);
std::optional<int64_t> times(int64_t k, std::optional<int64_t> a);

// Shot-derived zone counts of one shooter (NULL when the game has no shots).
struct ZoneCounts {
  std::array<std::optional<int64_t>, kZoneCount> attempts, makes;
};
ZoneCounts zone_counts(const GameShots& shots, const ShotCounts* shooter);
// The columns <prefix>paint_attempts, <prefix>paint_makes, <prefix>mid_range_attempts,
// <prefix>mid_range_makes, <prefix>three_attempts_shots, <prefix>three_makes_shots (nullable).
Record<ZoneCounts> zone_counts_record(const std::string& prefix);

}  // namespace nbaprops::analytics
