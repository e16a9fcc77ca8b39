#include "store/partition_writer.h"

#include "raw/schema.h"

namespace nbaprops::pipeline {

int64_t write_partition(Store& store, const Partition& p, std::vector<Row> rows,
                        const std::vector<FailedEntity>& failed, const std::string& run_id,
                        const std::string& processed_at, const Row* run_record) {
  const TableSchema& t = *p.table;
  std::string date = format_date(p.date);
  size_t stamp = t.column_index("processed_at");
  const TableSchema& f = *find_table("failed_entities");
  Transaction tx(store);
  store.erase(t, {{p.date_column, "=", date}});
  for (auto& row : rows) {
    row[stamp] = processed_at;
    store.insert(t, row);
  }
  store.erase(f, {{"processor", "=", p.processor}, {"date", "=", date}});
  std::vector<Row> failures;
  failures.reserve(failed.size());
  for (const auto& e : failed) {
    failures.push_back(Row{run_id, p.processor, date, e.entity_type, e.entity_id, e.category,
                           e.reason, int64_t{e.can_retry ? 1 : 0}});
  }
  store.upsert_all(f, failures);
  if (run_record) store.insert(*find_table("processor_runs"), *run_record);
  tx.commit();
  return static_cast<int64_t>(rows.size());
}

}  // namespace nbaprops::pipeline
