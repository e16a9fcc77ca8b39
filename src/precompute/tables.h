// The Phase 4 tables (03-precompute.md), in run order: TDZA, PSZA, PCF, PDC, MLFS.
#pragma once

#include <vector>

#include "core/table_schema.h"

namespace nbaprops::precompute {

std::vector<const TableSchema*> precompute_tables();

}  // namespace nbaprops::precompute
