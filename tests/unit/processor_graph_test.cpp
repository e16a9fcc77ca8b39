// The processor graph as data (05-pipeline.md §1): the run order is derived from the inputs
// each entry declares, and adding a processor is adding one entry.
#include <gtest/gtest.h>

#include <map>
#include <stdexcept>
#include <string>

#include "pipeline/graph.h"

namespace nbaprops::pipeline {
namespace {

std::map<std::string_view, size_t> positions(const std::vector<const ProcessorEntry*>& order) {
  std::map<std::string_view, size_t> at;
  for (size_t i = 0; i < order.size(); ++i) at[order[i]->name] = i;
  return at;
}

ProcessorEntry entry(std::string_view name, std::vector<std::string_view> inputs) {
  ProcessorEntry e;
  e.name = name;
  e.inputs = std::move(inputs);
  return e;
}

TEST(ProcessorGraph, TheRunOrderRespectsEveryInputEdge) {
  const auto& graph = processor_graph();
  auto order = run_order(graph);
  ASSERT_EQ(order.size(), graph.size());
  auto at = positions(order);
  ASSERT_EQ(at.size(), graph.size());  // every entry once
  for (const auto& e : graph) {
    for (auto in : e.inputs) {
      if (in == "raw") continue;
      EXPECT_LT(at.at(in), at.at(e.name)) << in << " must run before " << e.name;
    }
  }
}

TEST(ProcessorGraph, EveryEntryIsComplete) {
  for (const auto& e : processor_graph()) {
    ASSERT_NE(e.table, nullptr) << e.name;
    EXPECT_EQ(e.table().name, e.name) << "the processor's name is its output table";
    if (e.kind == ProcessorKind::kSummary) {
      EXPECT_NE(e.summary, nullptr) << e.name;
      EXPECT_EQ(e.phase, 3) << e.name;
    } else if (e.kind == ProcessorKind::kStage) {
      EXPECT_NE(e.stage, nullptr) << e.name;
      EXPECT_TRUE(e.phase == 5 || e.phase == 6) << e.name;
    } else {
      EXPECT_NE(e.per_date, nullptr) << e.name;
    }
    if (e.keep) {
      EXPECT_FALSE(e.entity_column.empty()) << e.name;
    }
  }
  // The summaries come before every per-date processor that reads them.
  auto order = run_order(processor_graph());
  EXPECT_EQ(order.front()->name, "team_offense_game_summary");
  EXPECT_EQ(order.back()->name, "best_bets");  // Phase 6, after the day's predictions
}

TEST(ProcessorGraph, AddingAProcessorIsOneEntry) {
  std::vector<ProcessorEntry> graph = processor_graph();
  // Declared first, but it reads the feature store: the order puts it after it.
  graph.insert(graph.begin(), entry("player_points_alerts", {"ml_feature_store"}));
  auto at = positions(run_order(graph));
  EXPECT_GT(at.at("player_points_alerts"), at.at("ml_feature_store"));
  EXPECT_EQ(at.size(), processor_graph().size() + 1);
}

TEST(ProcessorGraph, AnUnknownInputOrACycleIsRefused) {
  std::vector<ProcessorEntry> unknown = {entry("a", {"nowhere"})};
  EXPECT_THROW(run_order(unknown), std::invalid_argument);
  std::vector<ProcessorEntry> cycle = {entry("a", {"b"}), entry("b", {"a"})};
  EXPECT_THROW(run_order(cycle), std::invalid_argument);
}

}  // namespace
}  // namespace nbaprops::pipeline
