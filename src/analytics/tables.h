// The Phase 3 tables (02-analytics.md), in dependency order: TOGS, PGS, TDGS, UTGC, UPGC.
#pragma once

#include <vector>

#include "core/table_schema.h"

namespace nbaprops::analytics {

std::vector<const TableSchema*> analytics_tables();

}  // namespace nbaprops::analytics
