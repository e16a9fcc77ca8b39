#include "store/catalog.h"

#include "analytics/prop_line_consensus.h"
#include "analytics/tables.h"
#include "picks/tables.h"
#include "precompute/tables.h"
#include "predict/model_registry.h"
#include "predict/tables.h"
#include "raw/schema.h"
#include "store/partition_versions.h"

namespace nbaprops {

const std::vector<std::vector<const TableSchema*>>& catalog_versions() {
  static const std::vector<std::vector<const TableSchema*>> versions = [] {
    std::vector<std::vector<const TableSchema*>> v(7);
    for (const auto& t : raw_tables()) v[0].push_back(&t);
    v[1] = analytics::analytics_tables();
    v[2] = precompute::precompute_tables();
    v[3] = predict::prediction_tables();
    // Version 5: the raw partitions' change counters, model_registry, the performance and
    // backtest tables.
    v[4] = predict::performance_and_backtest_tables();
    v[4].insert(v[4].begin(), &raw_partition_versions_table());
    for (const auto* t : predict::model_tables()) v[4].push_back(t);
    // Version 6: every market's lines consolidated across books (docs/tonight.md).
    v[5] = {&analytics::prop_line_consensus_table()};
    // Version 7: Phase 6, best bets (docs/publishing.md).
    v[6] = picks::picks_tables();
    return v;
  }();
  return versions;
}

std::vector<const TableSchema*> catalog_tables() {
  std::vector<const TableSchema*> all;
  for (const auto& group : catalog_versions()) all.insert(all.end(), group.begin(), group.end());
  return all;
}

const TableSchema* catalog_table(std::string_view name) {
  for (const auto* t : catalog_tables()) {
    if (t->name == name) return t;
  }
  return nullptr;
}

}  // namespace nbaprops
