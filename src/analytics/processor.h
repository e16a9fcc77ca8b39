// What a Phase 3 processor returns, and the shape every processor follows.
//
// A processor is a pure function: (read-only inputs, date D) -> (rows, failed entities).
// No I/O, no clock, no globals: the runner loads the inputs, calls it (per entity, on any
// number of threads), and writes the rows of (processor, D) as one partition. Rows are
// returned in key order, each with the processor's table's columns in declaration order,
// every value already rounded as stored (README "Numbers and rounding"). processed_at is
// left NULL; the writer fills it.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/entity_parallel.h"
#include "core/value.h"

namespace nbaprops::analytics {

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

// One entity's outcome: its row, or why it has none.
using EntityResult = std::variant<Row, FailedEntity>;

// The outcomes of entities 0..n-1 (result_of(i), which must be safe to call from several
// threads at once) merged in index order: the same output on the calling thread alone
// (`parallel` null) or spread over a pool.
ProcessorOutput collect_entities(const EntityParallel* parallel, size_t n,
                                 const std::function<EntityResult(size_t)>& result_of);

}  // namespace nbaprops::analytics
