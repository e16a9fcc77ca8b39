// What a Phase 4 processor reads for date D (03-precompute.md §1): the raw inputs and the
// Phase 3 history (rows before D), the Phase 3 context rows of D and the Phase 4 rows of D
// written by the processors that run before it, each indexed by its entity, and the one
// completeness result of D (nullptr when completeness is not checked: backfill mode).
//
// Built by the runner; read-only while processors run: safe from any number of threads.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "analytics/completeness.h"
#include "analytics/history.h"
#include "analytics/inputs.h"
#include "core/entity_parallel.h"
#include "core/record.h"

namespace nbaprops::precompute {

// The completeness checker lives below the Phase 3 contexts that also read it
// (analytics/completeness.h); Phase 4 speaks of its result in these names.
using analytics::check_completeness;
using analytics::CompletenessOptions;
using analytics::CompletenessResult;
using analytics::EntityCompleteness;
using analytics::WindowCompleteness;

// The rows of one table for D, found by entity (player_lookup or team_abbr).
class DayRows {
 public:
  DayRows() = default;
  // REQUIRES: every row has a text cell in `entity_column`.
  DayRows(const TableSchema& table, std::vector<Row> rows, const std::string& entity_column);
  // The entity's row read through `view` (a record of some of the table's columns, by name),
  // or nullopt. Throws std::out_of_range when the table lacks a column of `view`,
  // std::invalid_argument when the row's width is not the table's or a cell's type does not
  // fit its member (Record::read). The view's binding (by name) is found once per thread,
  // view and table.
  // REQUIRES: a table is not destroyed and replaced by another at its address while in use
  // (the tables are function-local statics).
  template <class V>
  std::optional<V> read(const Record<V>& view, const std::string& entity) const {
    auto it = by_entity_.find(entity);
    if (it == by_entity_.end()) return std::nullopt;
    return view.read(binding_of(view), rows_[it->second]);
  }
  // Every row read through `view`, in stored order (empty without rows). Throws as read.
  template <class V>
  std::vector<V> read_all(const Record<V>& view) const {
    std::vector<V> out;
    if (rows_.empty()) return out;
    const RowBinding& binding = binding_of(view);
    out.reserve(rows_.size());
    for (const Row& row : rows_) out.push_back(view.read(binding, row));
    return out;
  }
  const std::vector<Row>& rows() const { return rows_; }
  const TableSchema* table() const { return table_; }

 private:
  // The view's binding to this table, kept per thread (bound again when the view or the
  // table changes).
  template <class V>
  const RowBinding& binding_of(const Record<V>& view) const {
    thread_local const Record<V>* bound_view = nullptr;
    thread_local const TableSchema* bound_table = nullptr;
    thread_local size_t bound_width = 0;
    thread_local RowBinding binding;
    if (bound_view != &view || bound_table != table_ || bound_width != table_->columns.size()) {
      binding = view.bind(*table_);
      bound_view = &view;
      bound_table = table_;
      bound_width = table_->columns.size();
    }
    return binding;
  }

  const TableSchema* table_ = nullptr;
  std::vector<Row> rows_;
  std::unordered_map<std::string, size_t> by_entity_;
};

struct Phase4Inputs {
  Date d;
  const analytics::RawInputs* raw = nullptr;
  const analytics::Phase3History* history = nullptr;
  const CompletenessResult* completeness = nullptr;  // nullptr: not checked (backfill)
  bool bootstrap_mode = false;
  // Spreads the entities of one processor over threads (a daily run); nullptr: one thread.
  const EntityParallel* parallel = nullptr;
  DayRows upgc, utgc;  // Phase 3 contexts of D (by player_lookup, by team_abbr)
  DayRows tdza, psza;  // Phase 4 of D (by team_abbr, by player_lookup)
  DayRows pcf, pdc;    // Phase 4 of D (by player_lookup)
};

}  // namespace nbaprops::precompute
