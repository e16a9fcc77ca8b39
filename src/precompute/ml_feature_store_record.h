// The stored row of ml_feature_store (03-precompute.md §7.1, §7.4), declared once as a record
// (core/record.h): the table's columns and the row writer both come from this declaration.
// Plain value type.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/record.h"
#include "precompute/completeness_record.h"

namespace nbaprops::precompute {

struct MlFeatureStoreRecord : PlayerCompletenessColumns {
  Date game_date;
  std::string player_lookup;
  std::optional<std::string> game_id, team_abbr, opponent_abbr;
  std::optional<int64_t> player_id;
  std::string feature_version;
  std::string features, feature_sources;  // compact JSON arrays of 60
  double feature_quality_score = 0;       // 2 decimals
  std::string quality_tier;
  // One pct per catalog category (1 decimal), in features::Category order.
  double matchup_quality_pct = 0, player_history_quality_pct = 0, team_context_quality_pct = 0,
         vegas_quality_pct = 0, game_context_quality_pct = 0;
  std::string quality_alert_level;
  bool is_training_ready = false, is_quality_ready = false;
  std::string quality_alerts;  // compact JSON array of names
  int64_t default_feature_count = 0, required_default_count = 0;
  // One count per label, in features::FeatureSource order.
  int64_t phase4_count = 0, phase3_count = 0, calculated_count = 0, vegas_count = 0,
          default_count = 0, missing_count = 0;
  bool has_vegas_line = false;
  // The completeness block (PlayerCompletenessColumns), then:
  std::optional<bool> upstream_daily_cache_ready, upstream_composite_ready,
      upstream_shot_zone_ready, upstream_team_defense_ready;
  std::optional<std::string> data_quality_issues;
  std::optional<std::string> processed_at;  // NULL: the writer stamps it
};

const Record<MlFeatureStoreRecord>& ml_feature_store_record();

}  // namespace nbaprops::precompute
