// The processor graph (05-pipeline.md §1), declared once as data: each entry names its output
// table, its phase, the tables it reads ("raw" for the raw inputs) and the function that
// computes it. The runner derives the order from the entries; adding a processor is adding
// one entry to processor_graph() in graph.cpp.
//
// Three kinds of processor:
//  - summary: per finished game, no history; a pure function of the raw inputs and the date.
//  - per date: "for date D"; reads the summaries before D (the history) and the rows of D
//    that the processors before it in the run order computed, kept in a DateContext.
//  - stage (Phase 5, phase5.h; Phase 6, phase6.h): for date D, after the run's Phase 3-4
//    partitions are written; the runner loads its inputs of D from the store (`load`), and the
//    stage computes its partitions from them (`stage`, pure).
// A DateContext is confined to the one thread computing its date; everything it points to is
// read-only while processors run.
#pragma once

#include <string_view>
#include <vector>

#include "analytics/completeness.h"
#include "analytics/history.h"
#include "analytics/inputs.h"
#include "analytics/processor.h"
#include "analytics/run_mode.h"
#include "analytics/upcoming_team_game_context.h"
#include "core/date.h"
#include "core/table_schema.h"
#include "pipeline/phase5.h"
#include "precompute/phase4_inputs.h"

namespace nbaprops::pipeline {

enum class ProcessorKind { kSummary, kPerDate, kStage };

// What the per-date processors of D read and fill, in run order.
struct DateContext {
  analytics::RunMode mode = analytics::RunMode::kBackfill;
  std::vector<analytics::UtgcRecord> utgc;  // UTGC of D as records (UPGC reads them)
  precompute::Phase4Inputs p4;  // d, raw, history, completeness, and the rows of D so far
};

using SummaryFn = analytics::ProcessorOutput (*)(const analytics::RawInputs&, Date);
using PerDateFn = analytics::ProcessorOutput (*)(DateContext&);
using StageLoadFn = StageInputs (*)(Store&, Date, const StageContext&);
using StageFn = StageOutput (*)(StageInputs, const StageContext&);

struct ProcessorEntry {
  std::string_view name;  // = output table
  int phase = 3;
  std::vector<std::string_view> inputs;  // "raw" or names of other entries
  ProcessorKind kind = ProcessorKind::kSummary;
  const TableSchema& (*table)() = nullptr;
  SummaryFn summary = nullptr;   // kind == kSummary
  PerDateFn per_date = nullptr;  // kind == kPerDate
  // Where later processors of D find this processor's rows of D (nullptr: nowhere), and the
  // column that identifies their entity there.
  precompute::DayRows precompute::Phase4Inputs::*keep = nullptr;
  std::string_view entity_column;
  StageFn stage = nullptr;     // kind == kStage: computes D's partitions from its inputs
  StageLoadFn load = nullptr;  // kind == kStage: reads its inputs of D
};

// The graph of Phases 3, 4, 5 and 6, in the spec's table order (Phase 6: docs/publishing.md).
const std::vector<ProcessorEntry>& processor_graph();

// A run order: every entry after all of its inputs; among entries free to go, the one
// declared first goes first. Throws std::invalid_argument on an unknown input or a cycle.
std::vector<const ProcessorEntry*> run_order(const std::vector<ProcessorEntry>& graph);

}  // namespace nbaprops::pipeline
