// What a processor hands to the writer for one date (05-pipeline.md §5-§6): its rows, the
// entities that got no row and why, and the entities still to come. Declared here, below every
// phase, because the store's partition writer (partition_writer.h) takes them; the phases
// produce them (analytics/processor.h re-exports them as analytics::ProcessorOutput).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace nbaprops {

// An entity that got no row (05-pipeline.md §6, 03-precompute.md §1 categories).
struct FailedEntity {
  std::string entity_type;  // team, player, game
  std::string entity_id;
  std::string category;  // e.g. MISSING_UPSTREAM, PROCESSING_ERROR
  std::string reason;    // what decided it, in words a person can act on
  bool can_retry = false;
};

struct ProcessorOutput {
  std::vector<Row> rows;
  std::vector<FailedEntity> failed;
  // Entities whose rows are still to come and are not failures: the game ids of scheduled
  // games on D, whose summaries wait for their box scores (the run's status is `pending`).
  std::vector<std::string> pending;
};

// Categories recorded but expected: they do not make a run partial (05-pipeline.md §3 names
// EXPECTED_INCOMPLETE and STALE_DATA; docs/tonight.md adds GAME_POSTPONED, GAME_CANCELLED).
bool expected_category(std::string_view category);

}  // namespace nbaprops
