#include "pipeline/run_plan.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "pipeline/runner.h"

namespace nbaprops::pipeline {
namespace {

namespace a = analytics;

// --only: those processors and, computed in memory but not written, what they read.
std::set<std::string_view> needed_by_only(const RunOptions& options,
                                          const std::vector<const ProcessorEntry*>& order) {
  std::set<std::string_view> needed;
  for (const auto& name : options.only) needed.insert(name);
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    if (!needed.count((*it)->name)) continue;
    for (auto input : (*it)->inputs) needed.insert(input);
  }
  return needed;
}

void plan_processors(const RunOptions& options, RunPlan& plan) {
  auto order = run_order(processor_graph());
  std::set<std::string_view> needed = needed_by_only(options, order);
  auto written = [&](const ProcessorEntry& e) {
    return options.only.empty() || options.only.count(std::string(e.name)) > 0;
  };
  for (const ProcessorEntry* e : order) {
    // Phase 6 (best bets) runs with Phase 5: it reads the predictions the run writes.
    int phase = e->phase == 6 ? 5 : e->phase;
    if (!options.phases.count(phase) && phase != 3) continue;
    if (e->name == "market_predictions" && !options.markets) continue;  // opt-in (run: on)
    if (e->kind == ProcessorKind::kSummary) {
      plan.summaries.push_back({e, written(*e)});  // always: the history needs them
    } else if (e->kind == ProcessorKind::kStage) {
      if (written(*e)) plan.stages.push_back({e, true});
    } else if (options.only.empty() || needed.count(e->name)) {
      plan.per_date.push_back({e, written(*e)});
    }
  }
}

void plan_dates(const RunOptions& options, const std::vector<a::RunMode>& detected, RunPlan& plan) {
  for (size_t i = 0; i < plan.game_dates.size(); ++i) {
    Date d = plan.game_dates[i];
    if (d < plan.from) continue;
    plan.dates.push_back(d);
    plan.modes.push_back(options.mode.value_or(detected[i]));
    plan.all_daily = plan.all_daily && plan.modes.back() == a::RunMode::kDaily;
  }
  for (Date d = plan.from; d <= plan.to; d = Date{d.days + 1}) {
    if (!std::binary_search(plan.dates.begin(), plan.dates.end(), d)) {
      plan.without_games.push_back(d);
    }
  }
  // Phase 5-6 after D's Phase 3-4; a daily run also grades the game date before D: its games
  // are final by now.
  plan.stage_dates = plan.dates;
  if (plan.all_daily && !plan.dates.empty()) {
    auto before =
        std::lower_bound(plan.game_dates.begin(), plan.game_dates.end(), plan.dates.front());
    if (before != plan.game_dates.begin()) {
      plan.stage_dates.insert(plan.stage_dates.begin(), *std::prev(before));
    }
  }
}

}  // namespace

std::string RunPlan::fingerprint(const ProcessorEntry& e, Date d, const std::string& mode) const {
  // A summary reads only the raw rows of its date, and no option changes it.
  if (e.kind == ProcessorKind::kSummary) {
    return InputFingerprints::text(inputs.on(d), std::string(e.name) + "/" + mode);
  }
  return InputFingerprints::text(inputs.up_to(d), std::string(e.name) + "/" + mode + options_salt);
}

bool RunPlan::unchanged(const ProcessorEntry& e, Date d, const std::string& print) const {
  auto it = latest.find({std::string(e.name), format_date(d)});
  return it != latest.end() && it->second.first == "success" && it->second.second == print;
}

a::RunMode RunPlan::mode_of(Date d) const {
  auto it = std::lower_bound(dates.begin(), dates.end(), d);
  return modes[static_cast<size_t>(it - dates.begin())];
}

bool expects_stored_summaries(const RunOptions& options, Date from, Date to) {
  return !options.force && (options.resume || options.stored_summaries ||
                            options.mode == a::RunMode::kDaily || (!options.mode && from == to));
}

RunPlan plan_run(const RunOptions& options, Date from, Date to, const std::vector<Date>& game_dates,
                 const std::vector<a::RunMode>& detected) {
  RunPlan plan;
  plan.from = from;
  plan.to = to;
  plan.start = season_start(from);
  // Only the dates the run loads: [start, to].
  std::vector<a::RunMode> modes;
  for (size_t i = 0; i < game_dates.size(); ++i) {
    if (game_dates[i] < plan.start || to < game_dates[i]) continue;
    plan.game_dates.push_back(game_dates[i]);
    modes.push_back(detected[i]);
  }
  plan.options_salt = options.with_completeness ? "+completeness" : "";
  plan_processors(options, plan);
  plan_dates(options, modes, plan);
  // A daily run summarises only the games not yet summarised (05-pipeline.md §2), and
  // --resume only what changed.
  plan.reuse = !options.force && (options.resume || (plan.all_daily && !plan.dates.empty()));
  return plan;
}

void plan_summaries(RunPlan& plan, const RunOptions& options, LatestRuns latest,
                    InputFingerprints inputs) {
  plan.latest = std::move(latest);
  plan.inputs = std::move(inputs);
  plan.summarise.clear();
  plan.read_back.clear();
  plan.read_back_reason =
      options.stored_summaries ? SummarySource::kStoredItem : SummarySource::kStoredCurrent;
  for (Date d : plan.game_dates) {
    bool current = plan.reuse;
    if (options.stored_summaries) {
      plan.read_back.push_back(d);
      continue;
    }
    for (const PlannedProcessor& p : plan.summaries) {
      current = current && plan.unchanged(*p.entry, d, plan.fingerprint(*p.entry, d, "summary"));
    }
    (current ? plan.read_back : plan.summarise).push_back(d);
  }
}

bool models_precede_writes(const RunPlan& plan, const std::vector<Date>& cutoffs) {
  for (Date c : cutoffs) {
    for (const auto* written : {&plan.summarise, &plan.dates}) {
      if (std::any_of(written->begin(), written->end(), [&](Date d) { return d < c; })) {
        return false;
      }
    }
  }
  return true;
}

std::string describe_dates(const std::vector<Date>& dates) {
  std::string out;
  for (size_t i = 0; i < dates.size(); ++i) {
    size_t last = i;
    while (last + 1 < dates.size() && dates[last + 1].days == dates[last].days + 1) ++last;
    out += (out.empty() ? "" : ", ") + format_date(dates[i]);
    if (last != i) out += ".." + format_date(dates[last]);
    i = last;
  }
  return out;
}

}  // namespace nbaprops::pipeline
