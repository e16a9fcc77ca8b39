// The stored row of player_composite_factors (PCF, 03-precompute.md §5), declared once as a
// record (core/record.h): the table's columns, the row writer and the reader all come from it.
// Plain value type; the record is immutable and thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/record.h"
#include "precompute/completeness_record.h"

namespace nbaprops::precompute {

struct PlayerCompositeFactorsRecord : PlayerCompletenessColumns {
  Date game_date;
  std::string player_lookup, game_id, team_abbr, opponent_abbr;
  std::optional<int64_t> player_id;
  int64_t fatigue_score = 0;
  // 2 decimals each.
  double fatigue_adjustment = 0, shot_zone_mismatch_score = 0, pace_score = 0,
         usage_spike_score = 0, travel_impact_score = 0, total_composite_adjustment = 0,
         data_completeness_pct = 0;
  std::string fatigue_context_json, shot_zone_context_json, pace_context_json, usage_context_json;
  std::optional<std::string> missing_data_fields;
  bool has_warnings = false;
  std::optional<std::string> warning_details;
  // NULL when completeness is not checked.
  std::optional<bool> upstream_player_context_ready, upstream_team_context_ready,
      upstream_shot_zone_ready, upstream_team_defense_ready, all_upstreams_ready;
  std::optional<std::string> data_quality_issues;
  std::string calculation_version;
  // The completeness block (PlayerCompletenessColumns), then:
  std::optional<std::string> processed_at;  // NULL: the writer stamps it
};

const Record<PlayerCompositeFactorsRecord>& player_composite_factors_record();

}  // namespace nbaprops::precompute
