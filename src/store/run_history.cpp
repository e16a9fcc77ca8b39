#include "store/run_history.h"

namespace nbaprops {
namespace {

using T = ColumnType;

Column req(const char* name, ColumnType type) {
  return {name, type, false, -1};
}
Column opt(const char* name, ColumnType type) {
  return {name, type, true, -1};
}

}  // namespace

const TableSchema& processor_runs_table() {
  static const TableSchema table{"processor_runs",
                                 {req("run_id", T::kText),         req("processor", T::kText),
                                  opt("date", T::kDate),           opt("detail", T::kText),
                                  opt("mode", T::kText),           req("status", T::kText),
                                  opt("entities_in", T::kInt),     opt("entities_written", T::kInt),
                                  opt("entities_failed", T::kInt), opt("rows_read", T::kInt),
                                  opt("rows_loaded", T::kInt),     opt("rows_replaced", T::kInt),
                                  opt("rows_rejected", T::kInt),   opt("rows_written", T::kInt),
                                  opt("threads", T::kInt),         opt("load_ms", T::kInt),
                                  opt("compute_ms", T::kInt),      opt("write_ms", T::kInt),
                                  opt("total_ms", T::kInt),        opt("error_text", T::kText),
                                  req("processed_at", T::kTs)},
                                 {"run_id", "processor", "date", "detail"},
                                 "processed_at, run_id, processor, date, detail"};
  return table;
}

const TableSchema& failed_entities_table() {
  static const TableSchema table{
      "failed_entities",
      {req("run_id", T::kText), req("processor", T::kText), req("date", T::kDate),
       req("entity_type", T::kText), req("entity_id", T::kText), req("category", T::kText),
       req("reason", T::kText), req("can_retry", T::kBool)},
      {"processor", "date", "entity_type", "entity_id"},
      "processor, date, entity_type, entity_id"};
  return table;
}

const Record<RunListView>& run_list_view() {
  using V = RunListView;
  static const Record<V> r = Record<V>()
                                 .field("run_id", &V::run_id)
                                 .field("processor", &V::processor)
                                 .field("date", &V::date, T::kDate)
                                 .field("mode", &V::mode)
                                 .field("status", &V::status)
                                 .field("entities_failed", &V::entities_failed)
                                 .field("rows_written", &V::rows_written)
                                 .field("total_ms", &V::total_ms)
                                 .field("processed_at", &V::processed_at, T::kTs);
  return r;
}

const Record<FailureView>& failure_view() {
  using V = FailureView;
  static const Record<V> r = Record<V>()
                                 .field("processor", &V::processor)
                                 .field("date", &V::date, T::kDate)
                                 .field("entity_type", &V::entity_type)
                                 .field("entity_id", &V::entity_id)
                                 .field("category", &V::category)
                                 .field("reason", &V::reason)
                                 .field("can_retry", &V::can_retry);
  return r;
}

}  // namespace nbaprops
