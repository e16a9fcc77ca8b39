#include "analytics/summary_rows.h"

namespace nbaprops::analytics {

Column text_column(std::string name, bool required) {
  return {std::move(name), ColumnType::kText, !required, -1};
}
Column int_column(std::string name, bool required) {
  return {std::move(name), ColumnType::kInt, !required, -1};
}
Column bool_column(std::string name, bool required) {
  return {std::move(name), ColumnType::kBool, !required, -1};
}
Column date_column(std::string name) {
  return {std::move(name), ColumnType::kDate, false, -1};
}
Column dec_column(std::string name, int decimals) {
  return {std::move(name), ColumnType::kDec, true, decimals};
}

void add_quality_columns(std::vector<Column>& columns) {
  columns.push_back(text_column("quality_tier", true));
  columns.push_back(text_column("quality_issues", true));
  columns.push_back({"processed_at", ColumnType::kTs, true, -1});
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
