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
#include "store/processor_output.h"

namespace nbaprops::analytics {

// The output types live in the store layer (store/processor_output.h), which writes them.
using nbaprops::expected_category;
using nbaprops::FailedEntity;
using nbaprops::ProcessorOutput;

// One entity's outcome: its row, or why it has none.
using EntityResult = std::variant<Row, FailedEntity>;

// The outcomes of entities 0..n-1 (result_of(i), which must be safe to call from several
// threads at once) merged in index order: the same output on the calling thread alone
// (`parallel` null) or spread over a pool.
ProcessorOutput collect_entities(const EntityParallel* parallel, size_t n,
                                 const std::function<EntityResult(size_t)>& result_of);

}  // namespace nbaprops::analytics
