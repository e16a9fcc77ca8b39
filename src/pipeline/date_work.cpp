#include "pipeline/date_work.h"

#include <algorithm>
#include <chrono>
#include <optional>

#include "analytics/completeness.h"
#include "analytics/completeness_block.h"

namespace nbaprops::pipeline {
namespace {

namespace a = analytics;
using Clock = std::chrono::steady_clock;

template <typename F>
Computed compute_timed(const ProcessorEntry& e, F f) {
  auto started = Clock::now();
  Computed c{&e, f(), 0, {}, false, true};
  c.compute_us =
      std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started).count();
  return c;
}

// The one completeness result of D, for every player who could be an entity of D: all players
// with summaries, and D's line players.
analytics::CompletenessResult completeness_of(const a::RawInputs& in,
                                              const a::Phase3History& history, Date d) {
  std::vector<std::string> players = history.players();
  for (const auto& p : in.players_with_points_line(d)) players.push_back(p);
  std::sort(players.begin(), players.end());
  players.erase(std::unique(players.begin(), players.end()), players.end());
  return analytics::check_completeness(in, history, d, players);
}

}  // namespace

int64_t DateWork::entities() const {
  int64_t n = 0;
  for (const auto& c : outputs) n += c.out.rows.size() + c.out.failed.size();
  return n;
}

std::string mode_name(a::RunMode m) {
  return m == a::RunMode::kBackfill ? "backfill" : "daily";
}

DateWork compute_summaries(const RunPlan& plan, const a::RawInputs& in, Date d) {
  DateWork w{d, "summary", {}};
  for (const PlannedProcessor& p : plan.summaries) {
    const ProcessorEntry& e = *p.entry;
    Computed c = compute_timed(e, [&] { return e.summary(in, d); });
    c.fingerprint = plan.fingerprint(e, d, w.mode);
    c.skip = plan.unchanged(e, d, c.fingerprint);
    c.write = p.write;
    w.outputs.push_back(std::move(c));
  }
  return w;
}

DateWork compute_date(const RunPlan& plan, const a::RawInputs& in, const a::Phase3History& history,
                      Date d, bool with_completeness, const EntityParallel* parallel) {
  DateContext ctx;
  ctx.mode = plan.mode_of(d);
  DateWork w{d, mode_name(ctx.mode), {}};
  bool all_unchanged = true;
  std::vector<std::string> prints;
  for (const PlannedProcessor& p : plan.per_date) {
    prints.push_back(plan.fingerprint(*p.entry, d, w.mode));
    all_unchanged = all_unchanged && (!p.write || plan.unchanged(*p.entry, d, prints.back()));
  }
  if (all_unchanged) {
    for (const PlannedProcessor& p : plan.per_date) {
      w.outputs.push_back({p.entry, {}, 0, {}, true, p.write});
    }
    return w;
  }
  std::optional<analytics::CompletenessResult> completeness;
  if (ctx.mode == a::RunMode::kDaily || with_completeness) {
    completeness = completeness_of(in, history, d);
  }
  ctx.p4.d = d;
  ctx.p4.raw = &in;
  ctx.p4.history = &history;
  ctx.p4.bootstrap_mode = a::bootstrap_mode(in, d);
  ctx.p4.completeness = completeness ? &*completeness : nullptr;
  ctx.p4.parallel = parallel;
  for (const PlannedProcessor& p : plan.per_date) {
    const ProcessorEntry& e = *p.entry;
    Computed c = compute_timed(e, [&] { return e.per_date(ctx); });
    c.fingerprint = prints[w.outputs.size()];
    c.skip = plan.unchanged(e, d, c.fingerprint);
    c.write = p.write;
    if (e.keep)
      ctx.p4.*(e.keep) = precompute::DayRows(e.table(), c.out.rows, std::string(e.entity_column));
    w.outputs.push_back(std::move(c));
  }
  return w;
}

}  // namespace nbaprops::pipeline
