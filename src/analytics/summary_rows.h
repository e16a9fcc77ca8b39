// Building blocks shared by the game-summary tables: column declarations in the spec's types
// and a row builder that turns typed values into stored cells (rounded half away from zero
// to the column's decimals, README "Numbers and rounding"). Pure helpers; thread-safe.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "analytics/inputs.h"
#include "analytics/row_builder.h"
#include "analytics/rules.h"
#include "core/table_schema.h"
#include "core/value.h"

namespace nbaprops::analytics {

// Column declarations: nullable unless `required`.
Column text_column(std::string name, bool required = false);
Column int_column(std::string name, bool required = false);
Column bool_column(std::string name, bool required = false);
Column date_column(std::string name);
Column dec_column(std::string name, int decimals);
// The closing columns of every summary: quality_tier, quality_issues, processed_at.
void add_quality_columns(std::vector<Column>& columns);

// a op b when both are known, else NULL.
std::optional<int64_t> plus(std::optional<int64_t> a, std::optional<int64_t> b);
std::optional<int64_t> minus(std::optional<int64_t> a, std::optional<int64_t> b);
std::optional<int64_t> times(int64_t k, std::optional<int64_t> a);

// Shot-derived zone counts of one shooter (NULL when the game has no shots).
struct ZoneCounts {
  std::array<std::optional<int64_t>, kZoneCount> attempts, makes;
};
ZoneCounts zone_counts(const GameShots& shots, const ShotCounts* shooter);

}  // namespace nbaprops::analytics
