#include "store/partition_writer.h"

#include <map>
#include <string_view>

#include "store/run_history.h"

namespace nbaprops {
namespace {

// The writes of one partition. REQUIRES: an open transaction.
int64_t write_rows(Store& store, const Partition& p, std::vector<Row>& rows,
                   const std::vector<FailedEntity>& failed, const std::string& run_id,
                   const std::string& processed_at, const Row* run_record) {
  const TableSchema& t = *p.table;
  std::string date = format_date(p.date);
  size_t stamp = t.column_index("processed_at");
  static const TableSchema& f = failed_entities_table();
  static const TableSchema& runs = processor_runs_table();
  store.erase(t, {{p.date_column, "=", date}});
  for (auto& row : rows) {
    row[stamp] = processed_at;
    store.insert(t, row);
  }
  store.erase(f, {{"processor", "=", p.processor}, {"date", "=", date}});
  // The partition's failures are new rows now: inserted, not looked up first. An entity
  // listed twice keeps its last failure in its first place, as an upsert would.
  std::vector<Row> failures;
  failures.reserve(failed.size());
  std::map<std::pair<std::string_view, std::string_view>, size_t> seen;
  for (const auto& e : failed) {
    Row row{run_id,      p.processor, date,     e.entity_type,
            e.entity_id, e.category,  e.reason, int64_t{e.can_retry ? 1 : 0}};
    auto [it, added] = seen.try_emplace({e.entity_type, e.entity_id}, failures.size());
    if (added) {
      failures.push_back(std::move(row));
    } else {
      failures[it->second] = std::move(row);
    }
  }
  for (const auto& row : failures) store.insert(f, row);
  if (run_record) store.insert(runs, *run_record);
  return static_cast<int64_t>(rows.size());
}

}  // namespace

int64_t write_partition(Store& store, const Partition& p, std::vector<Row> rows,
                        const std::vector<FailedEntity>& failed, const std::string& run_id,
                        const std::string& processed_at, const Row* run_record) {
  Transaction tx(store);
  int64_t n = write_rows(store, p, rows, failed, run_id, processed_at, run_record);
  tx.commit();
  return n;
}

PartitionBatch::PartitionBatch(Store& store, size_t max_rows)
    : store_(store), max_rows_(max_rows) {}

PartitionBatch::~PartitionBatch() = default;  // tx_ rolls back unless committed

int64_t PartitionBatch::write(const Partition& p, std::vector<Row> rows,
                              const std::vector<FailedEntity>& failed, const std::string& run_id,
                              const std::string& processed_at, const Row* run_record) {
  if (!tx_) tx_.emplace(store_);
  int64_t n;
  try {
    n = write_rows(store_, p, rows, failed, run_id, processed_at, run_record);
  } catch (...) {
    tx_.reset();  // rolls back the whole batch
    rows_ = partitions_ = 0;
    throw;
  }
  if (release_) release_(std::move(rows));
  rows_ += static_cast<size_t>(n) + failed.size() + 1;
  ++partitions_;
  if (rows_ >= max_rows_) flush();
  return n;
}

void PartitionBatch::flush() {
  if (!tx_) return;
  rows_ = partitions_ = 0;
  try {
    tx_->commit();
  } catch (...) {
    tx_.reset();
    throw;
  }
  tx_.reset();
}

}  // namespace nbaprops
