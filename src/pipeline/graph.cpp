#include "pipeline/graph.h"

#include <stdexcept>
#include <string>

#include "analytics/player_game_summary.h"
#include "analytics/prop_line_consensus.h"
#include "analytics/team_defense_game_summary.h"
#include "analytics/team_offense_game_summary.h"
#include "analytics/upcoming_player_game_context.h"
#include "picks/tables.h"
#include "pipeline/market_stage.h"
#include "pipeline/phase6.h"
#include "precompute/ml_feature_store.h"
#include "precompute/player_composite_factors.h"
#include "precompute/player_daily_cache.h"
#include "precompute/player_shot_zone_analysis.h"
#include "precompute/team_defense_zone_analysis.h"
#include "predict/markets/market_record.h"
#include "predict/tables.h"

namespace nbaprops::pipeline {
namespace {

namespace a = analytics;
namespace p = precompute;
using Out = a::ProcessorOutput;
using P4 = p::Phase4Inputs;
constexpr auto kSummary = ProcessorKind::kSummary;
constexpr auto kPerDate = ProcessorKind::kPerDate;
constexpr auto kStage = ProcessorKind::kStage;

Out utgc(DateContext& c) {
  c.utgc = a::team_game_contexts(*c.p4.raw, *c.p4.history, c.p4.d, c.p4.completeness);
  Out out;
  out.rows.reserve(c.utgc.size());
  for (const auto& r : c.utgc) out.rows.push_back(a::utgc_row(r));
  return out;
}
Out plc(DateContext& c) {
  return a::prop_line_consensus(*c.p4.raw, c.p4.d, c.p4.parallel);
}
Out upgc(DateContext& c) {
  return a::upcoming_player_game_context(*c.p4.raw, *c.p4.history, c.p4.d, c.mode, c.utgc,
                                         c.p4.completeness, c.p4.parallel);
}
Out tdza(DateContext& c) {
  return p::team_defense_zone_analysis(c.p4);
}
Out psza(DateContext& c) {
  return p::player_shot_zone_analysis(c.p4);
}
Out pcf(DateContext& c) {
  return p::player_composite_factors(c.p4);
}
Out pdc(DateContext& c) {
  return p::player_daily_cache(c.p4);
}
Out mlfs(DateContext& c) {
  return p::ml_feature_store(c.p4);
}

constexpr std::string_view kTogs = "team_offense_game_summary", kTdgs = "team_defense_game_summary",
                           kPgs = "player_game_summary", kUtgc = "upcoming_team_game_context",
                           kUpgc = "upcoming_player_game_context", kPlc = "prop_line_consensus",
                           kTdza = "team_defense_zone_analysis",
                           kPsza = "player_shot_zone_analysis", kPcf = "player_composite_factors",
                           kPdc = "player_daily_cache", kMlfs = "ml_feature_store",
                           kPredictions = "player_prop_predictions", kGrades = "prediction_grades",
                           kBestBets = "best_bets", kMarkets = "market_predictions";

}  // namespace

const std::vector<ProcessorEntry>& processor_graph() {
  // clang-format off
  static const std::vector<ProcessorEntry> graph = {
    // name   phase  inputs                                  kind      table                               summary                        per date  keep       entity
    {kTogs,   3, {"raw"},                                    kSummary, a::team_offense_game_summary_table, a::team_offense_game_summary,  nullptr,  nullptr,   {}},
    {kTdgs,   3, {"raw", kTogs},                             kSummary, a::team_defense_game_summary_table, a::team_defense_game_summary,  nullptr,  nullptr,   {}},
    {kPgs,    3, {"raw", kTogs},                             kSummary, a::player_game_summary_table,       a::player_game_summary,        nullptr,  nullptr,   {}},
    {kUtgc,   3, {"raw", kPgs},                              kPerDate, a::upcoming_team_game_context_table,   nullptr, utgc, &P4::utgc, "team_abbr"},
    {kPlc,    3, {"raw"},                                    kPerDate, a::prop_line_consensus_table,          nullptr, plc,  nullptr,   {}},
    {kUpgc,   3, {"raw", kPgs, kTogs, kTdgs, kUtgc},         kPerDate, a::upcoming_player_game_context_table, nullptr, upgc, &P4::upgc, "player_lookup"},
    {kTdza,   4, {"raw", kTdgs},                             kPerDate, p::team_defense_zone_analysis_table,   nullptr, tdza, &P4::tdza, "team_abbr"},
    {kPsza,   4, {"raw", kPgs},                              kPerDate, p::player_shot_zone_analysis_table,    nullptr, psza, &P4::psza, "player_lookup"},
    {kPcf,    4, {kUpgc, kUtgc, kPsza, kTdza},               kPerDate, p::player_composite_factors_table,     nullptr, pcf,  &P4::pcf,  "player_lookup"},
    {kPdc,    4, {"raw", kUpgc, kPsza, kPgs, kTogs},         kPerDate, p::player_daily_cache_table,           nullptr, pdc,  &P4::pdc,  "player_lookup"},
    {kMlfs,   4, {"raw", kTogs, kTdgs, kPgs, kUtgc, kUpgc, kTdza, kPsza, kPcf, kPdc},
                                                             kPerDate, p::ml_feature_store_table,             nullptr, mlfs, nullptr,   {}},
    {kPredictions, 5, {"raw", kMlfs, kUpgc, kPsza, kTdza, kPcf, kPgs},
                                                             kStage,   predict::player_prop_predictions_table, nullptr, nullptr, nullptr, {}, predictions_stage, load_predictions},
    {kGrades, 5, {"raw", kPredictions, kPgs},                kStage,   predict::prediction_grades_table,       nullptr, nullptr, nullptr, {}, grades_stage,      load_grades},
    {kMarkets, 5, {"raw", kPgs, kPlc, kUpgc},                kStage,   predict::markets::market_predictions_table, nullptr, nullptr, nullptr, {}, market_predictions_stage, load_market_predictions},
    {kBestBets, 6, {"raw", kPredictions, kUpgc, kTdza},    kStage,   picks::best_bets_table,                 nullptr, nullptr, nullptr, {}, best_bets_stage,   load_best_bets},
  };
  // clang-format on
  return graph;
}

std::vector<const ProcessorEntry*> run_order(const std::vector<ProcessorEntry>& graph) {
  auto index_of = [&](std::string_view name) -> size_t {
    for (size_t i = 0; i < graph.size(); ++i) {
      if (graph[i].name == name) return i;
    }
    throw std::invalid_argument("processor graph: unknown input " + std::string(name));
  };
  std::vector<std::vector<size_t>> needs(graph.size());
  for (size_t i = 0; i < graph.size(); ++i) {
    for (auto in : graph[i].inputs) {
      if (in != "raw") needs[i].push_back(index_of(in));
    }
  }
  std::vector<bool> placed(graph.size(), false);
  std::vector<const ProcessorEntry*> order;
  while (order.size() < graph.size()) {
    bool progress = false;
    for (size_t i = 0; i < graph.size() && !progress; ++i) {
      if (placed[i]) continue;
      bool ready = true;
      for (size_t n : needs[i]) ready = ready && placed[n];
      if (!ready) continue;
      placed[i] = true;
      order.push_back(&graph[i]);
      progress = true;
    }
    if (!progress) throw std::invalid_argument("processor graph: a cycle");
  }
  return order;
}

}  // namespace nbaprops::pipeline
