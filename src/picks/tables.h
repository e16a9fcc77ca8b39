// The Phase 6 tables (docs/publishing.md; the store's schema version 6):
//   best_bets           key (game_date, player_lookup, market, system_id, game_id): the picks
//                       of D as published (locked), with status ACTIVE / VOIDED and reasons;
//   best_bet_removals   same key: every candidate a filter or cap removed, with the filter,
//                       for the counterfactual grading.
// And the conversions between those rows and picks (best_bets.h). Immutable; thread-safe.
#pragma once

#include <vector>

#include "core/table_schema.h"
#include "core/value.h"
#include "picks/best_bets.h"

namespace nbaprops::picks {

const TableSchema& best_bets_table();
const TableSchema& best_bet_removals_table();
std::vector<const TableSchema*> picks_tables();

// Rows in key order (processed_at NULL: the writer fills it).
std::vector<Row> best_bets_rows(const std::vector<Pick>& picks);
std::vector<Row> removal_rows(const std::vector<Removal>& removed);

// A stored best_bets row back as the pick it was published as (read through best_bet_record,
// bound once). Throws std::invalid_argument for a row whose width is not the table's.
Pick pick_from_row(const Row& row);
// The reasons as stored (" | " between them) and back.
std::string join_reasons(const std::vector<std::string>& reasons);
std::vector<std::string> split_reasons(const std::string& text);

}  // namespace nbaprops::picks
