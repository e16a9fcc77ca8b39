#include "pipeline/work_plan.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "pipeline/graph.h"

namespace nbaprops::pipeline {

std::vector<PlannedItem> plan_items(Date from, Date to, const PlanOptions& options) {
  std::vector<PlannedItem> items;
  std::vector<int> all_dates;  // every `dates` item so far
  int previous_phase5 = 0;
  for (int season = season_of(from); season <= season_of(to); ++season) {
    Date first = std::max(from, make_date(season, 10, 1));
    Date last = std::min(to, Date{make_date(season + 1, 10, 1).days - 1});
    if (last < first) continue;
    items.push_back({"summaries", season, first, last, {}});
    int summaries = static_cast<int>(items.size());
    for (Date a = first; a <= last; a = Date{a.days + options.chunk_days}) {
      Date b = std::min(last, Date{a.days + options.chunk_days - 1});
      items.push_back({"dates", season, a, b, {summaries}});
      all_dates.push_back(static_cast<int>(items.size()));
    }
    if (options.phases.count(5)) {
      PlannedItem p{"phase5", season, first, last, all_dates};
      if (previous_phase5) p.depends_on.push_back(previous_phase5);
      items.push_back(std::move(p));
      previous_phase5 = static_cast<int>(items.size());
    }
  }
  return items;
}

std::string plan_options_json(const PlanOptions& o) {
  nlohmann::json j = {{"phases", std::vector<int>(o.phases.begin(), o.phases.end())},
                      {"mode", o.mode},
                      {"with_completeness", o.with_completeness},
                      {"resume", o.resume},
                      {"force", o.force},
                      {"chunk_days", o.chunk_days}};
  return j.dump();
}

PlanOptions parse_plan_options(const std::string& text) {
  try {
    auto j = nlohmann::json::parse(text);
    PlanOptions o;
    auto phases = j.at("phases").get<std::vector<int>>();
    o.phases = std::set<int>(phases.begin(), phases.end());
    o.mode = j.at("mode").get<std::string>();
    o.with_completeness = j.at("with_completeness").get<bool>();
    o.resume = j.at("resume").get<bool>();
    o.force = j.at("force").get<bool>();
    o.chunk_days = j.at("chunk_days").get<int>();
    return o;
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(std::string("bad plan options: ") + e.what());
  }
}

RunOptions item_run_options(const std::string& kind, const PlanOptions& plan, RunOptions base) {
  RunOptions o = std::move(base);
  o.with_completeness = plan.with_completeness;
  o.resume = plan.resume;
  o.force = plan.force;
  if (plan.mode == "daily") o.mode = analytics::RunMode::kDaily;
  if (plan.mode == "backfill") o.mode = analytics::RunMode::kBackfill;
  o.only.clear();
  if (kind == "summaries") {
    o.phases = {3};
    for (const auto& e : processor_graph()) {
      if (e.kind == ProcessorKind::kSummary) o.only.insert(std::string(e.name));
    }
  } else if (kind == "dates") {
    o.phases = plan.phases;
    o.phases.erase(5);
    o.stored_summaries = true;
  } else if (kind == "phase5") {
    o.phases = plan.phases;
    o.stored_summaries = true;
    for (const auto& e : processor_graph()) {
      if (e.kind == ProcessorKind::kStage) o.only.insert(std::string(e.name));
    }
  } else {
    throw std::invalid_argument("unknown work item kind: " + kind);
  }
  return o;
}

}  // namespace nbaprops::pipeline
