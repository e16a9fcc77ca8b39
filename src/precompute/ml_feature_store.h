// ml_feature_store (MLFS, 03-precompute.md §7): the 60-feature vector of each player expected
// to play on D, with where each value came from and a quality score.
//
// Grain: one row per entity; key (game_date = D, player_lookup); rows in key order.
// Entities: UPGC rows of D whose injury_status is not out or doubtful and that have
// avg_minutes_per_game_last_7_days >= 15 or a current_points_line (same rule in backfill).
// Others are not entities: no row and no failure.
// Reads (Phase4Inputs, by the spec's column names): UPGC and UTGC rows of D; PDC, PCF, PSZA rows
// of the player and the opponent's TDZA row for D; PGS / TOGS history before D; raw box scores
// (feature 33's l10 window, built here by features::l10_expected_games also in backfill mode),
// prop lines of D (feature 50) and injuries (feature 47's out teammates).
// Storage: `features` is a compact JSON array of 60 numbers or null in index order;
// `feature_sources` a compact JSON array of 60 labels (phase4, phase3, calculated, vegas,
// default, missing); `quality_alerts` a compact JSON array of alert names ([] when none). A
// consumer parses them (nlohmann::json::parse). `data_quality_issues` is the `;`-joined list
// of upstream_*_incomplete names, NULL when none. `default_feature_count` counts the
// default-like features (labels default and missing); one `<label>_count` per label follows.
// Computed values are rounded to 4 decimals; copied values keep their stored precision; no NaN
// is ever stored (a non-finite value is a VALIDATION_ERROR).
// The features, their defaults, labels and hard ranges are those of the feature catalog
// (features/catalog.h); the row is declared once as a record (ml_feature_store_record.h).
// Gate order: UPGC row without team, opponent or game -> MISSING_UPSTREAM; a non-finite value or
// a value outside the catalog's range (f5 in [0, 100]; f18-21, 24, 33, 55, 57 in [0, 1]; counts
// >= 0; the first in index order is reported) -> VALIDATION_ERROR; any other exception ->
// PROCESSING_ERROR. Missing Phase 4 rows never fail an entity: the
// features take their defaults and the quality fields show it.
// Pure function, no clock (processed_at is left NULL); deterministic.
#pragma once

#include <optional>
#include <string>

#include "analytics/phase3_views.h"
#include "analytics/processor.h"
#include "core/table_schema.h"
#include "precompute/feature_quality.h"
#include "precompute/phase4_inputs.h"

namespace nbaprops::precompute {

using ::nbaprops::features::kFeatureVersion;

// The names of the 60 features in index order (the catalog's names).
const std::array<std::string_view, kFeatureCount>& feature_names();

// The table: game_date, player_lookup, game_id, team_abbr, opponent_abbr, player_id,
// feature_version, features, feature_sources, feature_quality_score, quality_tier,
// {matchup,player_history,team_context,vegas,game_context}_quality_pct, quality_alert_level,
// is_training_ready, is_quality_ready, quality_alerts, default_feature_count,
// required_default_count, one <label>_count per label, has_vegas_line, the completeness block
// (l5, l10, l7d, l14d, l30d), upstream_{daily_cache,composite,shot_zone,team_defense}_ready,
// data_quality_issues, processed_at.
const TableSchema& ml_feature_store_table();

// What the feature store reads of a UPGC row of D (analytics/phase3_views.h).
using UpgcView = analytics::FeatureContextView;

// The feature vector of one player (his UPGC row `upgc`, read through
// analytics::feature_context_view()) for D, before validation.
// REQUIRES: the UPGC row has team_abbr, opponent_abbr and game_id.
FeatureArray compute_features(const Phase4Inputs& in, const UpgcView& upgc);

// The hard ranges of §7.2 (the catalog's bounded ranges): the first violation in index order as
// text, or nullopt. A non-finite value is reported first.
std::optional<std::string> feature_range_violation(const FeatureArray& features);

// Every entity of D: its row, or its failure.
analytics::ProcessorOutput ml_feature_store(const Phase4Inputs& in);

}  // namespace nbaprops::precompute
