#include "pipeline/catalog.h"

#include "analytics/prop_line_consensus.h"
#include "analytics/tables.h"
#include "picks/tables.h"
#include "precompute/tables.h"
#include "predict/markets/market_record.h"
#include "predict/model_registry.h"
#include "predict/performance_record.h"
#include "predict/prediction_record.h"
#include "predict/tables.h"
#include "raw/schema.h"
#include "store/partition_versions.h"
#include "store/run_history.h"

namespace nbaprops {
namespace {

TableCatalog assemble() {
  TableCatalog c;
  c.versions.resize(11);
  for (const auto& t : raw_tables()) c.versions[0].tables.push_back(&t);
  c.versions[0].indexes = raw_indexes();
  c.versions[1].tables = analytics::analytics_tables();
  c.versions[2].tables = precompute::precompute_tables();
  c.versions[3].tables = predict::prediction_tables();
  // Version 5: the raw partitions' change counters, model_registry, the performance and
  // backtest tables.
  auto& v5 = c.versions[4].tables;
  v5 = predict::performance_and_backtest_tables();
  v5.insert(v5.begin(), &raw_partition_versions_table());
  for (const auto* t : predict::model_tables()) v5.push_back(t);
  // Version 6: every market's lines consolidated across books (docs/tonight.md).
  c.versions[5].tables = {&analytics::prop_line_consensus_table()};
  // Version 7: Phase 6, best bets (docs/publishing.md).
  c.versions[6].tables = picks::picks_tables();
  // Version 8: the market models' predictions (docs/markets.md).
  c.versions[7].tables = {&predict::markets::market_predictions_table()};
  // Version 9: P(over) and EV on the points predictions (docs/predictions.md), added to the
  // existing tables of version 4 and 5.
  const auto& added = predict::prediction_probability_columns();
  c.versions[8].added = {{&predict::player_prop_predictions_table(), added},
                         {&predict::backtest_predictions_table(), added}};
  // Version 10: processor_runs by processor, date and write time (its key index leads with
  // run_id): "which partitions of this processor before this date were written at or after
  // this time" is then an index search (the trusted-model checks; docs/performance.md).
  c.versions[9].indexes = {
      {&processor_runs_table(), {"processor", "date", "processed_at"}, "processor_date"}};
  // Version 11: P(over) and the EV taken on the grades, the Brier scores on the daily
  // performance rows (docs/predictions.md §3).
  const auto& graded = predict::grade_probability_columns();
  c.versions[10].added = {
      {&predict::prediction_grades_table(), graded},
      {&predict::backtest_grades_table(), graded},
      {&predict::system_performance_table(), predict::system_performance_brier_columns()}};
  c.versioned = versioned_raw_tables();
  return c;
}

}  // namespace

const TableCatalog& table_catalog() {
  static const TableCatalog catalog = assemble();
  return catalog;
}

std::vector<const TableSchema*> catalog_tables() {
  return table_catalog().tables();
}

const TableSchema* catalog_table(std::string_view name) {
  return table_catalog().find(name);
}

std::unique_ptr<Store> open_store(const std::string& location) {
  return open_store(location, table_catalog());
}

}  // namespace nbaprops
