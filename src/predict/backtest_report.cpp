#include "predict/backtest_report.h"

#include <fstream>

#include "predict/aggregates.h"
#include "predict/model_registry.h"
#include "predict/performance_record.h"
#include "predict/tables.h"
#include "store/export.h"

namespace nbaprops::predict {
namespace {

// The columns of buckets.csv.
const TableSchema& range_buckets_schema() {
  static const TableSchema t{"buckets.csv", range_bucket_record().columns(), {}, ""};
  return t;
}

// `rows` as CSV with `columns` (by name; every column of `t` when empty), header first.
void write_csv(const TableSchema& t, const std::vector<std::string>& columns,
               const std::vector<Row>& rows, const std::filesystem::path& file) {
  std::vector<size_t> idx;
  for (const auto& name : columns) idx.push_back(t.column_index(name));
  std::ofstream out(file, std::ios::binary);
  if (!out) throw StoreError("cannot write " + file.string());
  for (size_t i = 0; i < idx.size(); ++i) out << (i ? "," : "") << t.columns[idx[i]].name;
  out << "\n";
  for (const Row& row : rows) {
    for (size_t i = 0; i < idx.size(); ++i) {
      out << (i ? "," : "") << csv_quote(cell_text(t.columns[idx[i]], row[idx[i]]));
    }
    out << "\n";
  }
  if (!out) throw StoreError("cannot write " + file.string());
}

std::vector<std::string> all_but_processed_at(const TableSchema& t) {
  std::vector<std::string> names;
  for (const auto& c : t.columns) {
    if (c.name != "processed_at") names.push_back(c.name);
  }
  return names;
}

Row summary_row(Date from, Date to, const std::string& system, const Performance& s,
                const std::optional<Thresholds>& t) {
  BacktestSummaryRecord r;
  static_cast<Performance&>(r) = s;
  r.from_date = from;
  r.to_date = to;
  r.system_id = system;
  if (t) {
    r.edge_threshold = t->edge;
    r.confidence_threshold = t->confidence;
  }
  return backtest_summary_record().write(r);
}

}  // namespace

Thresholds thresholds_in_force(const PredictSettings& options, const std::string& system_id) {
  auto it = options.thresholds.find(system_id);
  return it == options.thresholds.end() ? default_thresholds(system_id) : it->second;
}

std::vector<Row> backtest_summary_rows(Date from, Date to, const PooledGrades& pooled,
                                       const PredictSettings& options) {
  std::vector<Row> rows;
  for (const auto& [system, s] : pooled.summaries()) {
    rows.push_back(summary_row(from, to, system, s, thresholds_in_force(options, system)));
  }
  rows.push_back(summary_row(from, to, "market", summarize_market(pooled.market), std::nullopt));
  return rows;
}

void write_backtest_summary(Store& store, Date from, Date to, std::vector<Row> rows,
                            const std::string& processed_at) {
  const TableSchema& t = backtest_summary_table();
  size_t stamp = t.column_index("processed_at");
  Transaction tx(store);
  store.erase(t, {{"from_date", "=", format_date(from)}, {"to_date", "=", format_date(to)}});
  for (Row& row : rows) {
    row[stamp] = processed_at;
    store.insert(t, row);
  }
  tx.commit();
}

void write_summary_csv(const std::vector<Row>& rows, const std::filesystem::path& file) {
  const TableSchema& t = backtest_summary_table();
  write_csv(t, all_but_processed_at(t), rows, file);
}

void write_buckets_csv(Date from, Date to, const PooledGrades& pooled,
                       const std::filesystem::path& file) {
  std::vector<Row> rows;
  for (const auto& [system, graded] : pooled.by_system) {
    for (const BucketFigures& f : summarize_buckets(graded)) {
      RangeBucketRecord r;
      static_cast<BucketFigures&>(r) = f;
      r.from_date = from;
      r.to_date = to;
      r.system_id = system;
      rows.push_back(range_bucket_record().write(r));
    }
  }
  const TableSchema& t = range_buckets_schema();
  write_csv(t, all_but_processed_at(t), rows, file);
}

void write_models_csv(Store& store, const std::set<std::string>& versions,
                      const std::filesystem::path& file) {
  static const TableSchema header{"models.csv", model_summary_record().columns(), {}, ""};
  std::vector<std::string> names = all_but_processed_at(header);
  const TableSchema* registry = &model_registry_table();
  std::vector<Row> rows;
  for (const std::string& v : registry ? versions : std::set<std::string>{}) {
    ModelSummaryRecord model;
    model.model_version = v;
    store.scan(*registry, {{"model_version", "=", v}},
               [&](const Row& row) { model = model_summary_record().read(*registry, row); });
    rows.push_back(model_summary_record().write(model));
  }
  write_csv(header, names, rows, file);
}

}  // namespace nbaprops::predict
