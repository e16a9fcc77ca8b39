#include "publish/performance.h"

#include <cmath>

#include "core/date.h"
#include "core/value.h"
#include "picks/pick_result.h"

namespace nbaprops::publish {
namespace {

using nlohmann::json;

json opt(std::optional<double> v) {
  return v ? json(*v) : json(nullptr);
}

json rounded(double v, int decimals) {
  return json(round_half_away(v, decimals));
}

struct WindowDef {
  const char* name;
  int days;  // 0: the season
};
constexpr WindowDef kWindows[] = {{"7d", 7}, {"30d", 30}, {"season", 0}};

Date window_start(Date d, int days) {
  return days == 0 ? season_start(d) : Date{d.days - days + 1};
}

json record_json(const picks::Record& r) {
  return {{"wins", r.wins},
          {"losses", r.losses},
          {"pushes", r.pushes},
          {"voided", r.voided},
          {"pending", r.pending},
          {"hit_rate", opt(r.hit_rate())},
          {"profit", round_half_away(r.profit, 4)},
          {"roi", opt(r.roi())}};
}

picks::PickResult removal_result(const picks::Removal& x,
                                 const std::map<PredictionKey, picks::GameOutcome>& outcomes) {
  std::string side = picks::side_of(x.c);
  return picks::grade_pick(side, x.c.line, picks::price_of(x.c), false, outcome_of(outcomes, x.c));
}

}  // namespace

void WindowFigures::add(const GradedPrediction& g) {
  if (g.voided || !g.actual) return;
  ++predictions;
  abs_error += std::fabs(g.predicted - *g.actual);
  if (g.line) {
    ++lined;
    lined_abs_error += std::fabs(g.predicted - *g.actual);
    line_abs_error += std::fabs(*g.line - *g.actual);
  }
  if (!g.result) return;
  if (*g.result == "WIN") ++wins;
  if (*g.result == "LOSS") ++losses;
  if (*g.result == "PUSH") ++pushes;
  profit += g.profit.value_or(0);
}

json WindowFigures::to_json() const {
  int decided = wins + losses, staked = decided + pushes;
  json j = {{"recommendations", staked},
            {"wins", wins},
            {"losses", losses},
            {"pushes", pushes},
            {"hit_rate", decided ? rounded(100.0 * wins / decided, 2) : json(nullptr)},
            {"profit", round_half_away(profit, 4)},
            {"roi", staked ? rounded(100.0 * profit / staked, 2) : json(nullptr)},
            {"predictions", predictions},
            {"mae", predictions ? rounded(abs_error / predictions, 3) : json(nullptr)},
            {"line_mae", lined ? rounded(line_abs_error / lined, 3) : json(nullptr)},
            {"mae_vs_line",
             lined ? rounded((lined_abs_error - line_abs_error) / lined, 3) : json(nullptr)}};
  return j;
}

std::string health_state(const WindowFigures& recent, const WindowFigures& longer,
                         const HealthThresholds& t) {
  auto rate = [](const WindowFigures& w) {
    int decided = w.wins + w.losses;
    return decided ? 100.0 * w.wins / decided : 0.0;
  };
  int recent_n = recent.wins + recent.losses, long_n = longer.wins + longer.losses;
  if (long_n >= t.blocked_min_n && rate(longer) < t.blocked_hit_rate) return "BLOCKED";
  if (recent_n >= t.recent_min_n && rate(recent) < t.degrading_hit_rate) return "DEGRADING";
  if (recent_n < t.recent_min_n || rate(recent) < t.break_even) return "WATCH";
  return "HEALTHY";
}

json performance_json(Date d, const std::vector<GradedPrediction>& grades,
                      const std::vector<picks::Pick>& picks,
                      const std::vector<picks::Removal>& removals,
                      const std::map<PredictionKey, picks::GameOutcome>& outcomes) {
  json systems = json::array(), best = json::object(), filters = json::object();
  std::map<std::pair<std::string, std::string>, std::map<std::string, WindowFigures>> figures;
  for (const auto& g : grades) {
    for (const auto& w : kWindows) {
      if (g.game_date >= window_start(d, w.days) && g.game_date <= d) {
        figures[{g.system_id, g.market}][w.name].add(g);
      }
    }
  }
  for (const auto& [key, windows] : figures) {
    json j = {{"system_id", key.first}, {"market", key.second}};
    for (const auto& w : kWindows) {
      auto it = windows.find(w.name);
      j[w.name] = (it == windows.end() ? WindowFigures{} : it->second).to_json();
    }
    systems.push_back(std::move(j));
  }
  for (const auto& w : kWindows) {
    Date from = window_start(d, w.days);
    picks::Record record;
    for (const auto& p : picks) {
      if (p.c.game_date < from || p.c.game_date > d) continue;
      record.add(picks::grade_pick(p.side, p.c.line, p.price, p.status != picks::kActive,
                                   outcome_of(outcomes, p.c)));
    }
    best[w.name] = record_json(record);
    std::map<std::string, picks::Record> by_filter;
    for (const auto& x : removals) {
      if (x.c.game_date < from || x.c.game_date > d) continue;
      by_filter[x.removed_by].add(removal_result(x, outcomes));
    }
    json f = json::object();
    for (const auto& [name, r] : by_filter) f[name] = record_json(r);
    filters[w.name] = std::move(f);
  }
  return {{"date", format_date(d)},
          {"windows",
           {{"7d", format_date(window_start(d, 7))},
            {"30d", format_date(window_start(d, 30))},
            {"season", format_date(season_start(d))}}},
          {"systems", std::move(systems)},
          {"best_bets", std::move(best)},
          {"filters", std::move(filters)}};
}

json model_health_json(Date d, const std::vector<GradedPrediction>& grades,
                       const HealthThresholds& t) {
  struct Acc {
    WindowFigures recent, longer;
    std::map<int, std::pair<int, int>> deciles;          // decile -> (wins, decided), season
    std::map<int, std::tuple<double, int, int>> p_bins;  // bin -> (sum p, overs, n)
  };
  std::map<std::pair<std::string, std::string>, Acc> acc;
  Date recent_from{d.days - t.recent_days + 1}, long_from{d.days - t.long_days + 1};
  for (const auto& g : grades) {
    if (g.game_date > d) continue;
    Acc& a = acc[{g.system_id, g.market}];
    if (g.game_date >= recent_from) a.recent.add(g);
    if (g.game_date >= long_from) a.longer.add(g);
    if (g.voided || !g.actual) continue;
    if (g.result && (*g.result == "WIN" || *g.result == "LOSS")) {
      auto& [w, n] = a.deciles[g.confidence_decile];
      w += *g.result == "WIN";
      ++n;
    }
    if (g.p_over && g.line && *g.actual != *g.line) {
      int bin = std::min(9, static_cast<int>(*g.p_over * 10));
      auto& [sum, overs, n] = a.p_bins[bin];
      sum += *g.p_over;
      overs += *g.actual > *g.line;
      ++n;
    }
  }
  json systems = json::array();
  for (const auto& [key, a] : acc) {
    json bins = json::array();
    std::string basis = a.p_bins.empty() ? "confidence_decile" : "p_over";
    if (a.p_bins.empty()) {
      for (const auto& [decile, wn] : a.deciles) {
        bins.push_back({{"bin", decile},
                        {"predicted", nullptr},
                        {"observed", round_half_away(static_cast<double>(wn.first) / wn.second, 4)},
                        {"n", wn.second}});
      }
    } else {
      for (const auto& [bin, s] : a.p_bins) {
        auto [sum, overs, n] = s;
        bins.push_back({{"bin", bin},
                        {"predicted", round_half_away(sum / n, 4)},
                        {"observed", round_half_away(static_cast<double>(overs) / n, 4)},
                        {"n", n}});
      }
    }
    systems.push_back({{"system_id", key.first},
                       {"market", key.second},
                       {"state", health_state(a.recent, a.longer, t)},
                       {"recent", a.recent.to_json()},
                       {"long", a.longer.to_json()},
                       {"calibration", {{"basis", basis}, {"bins", std::move(bins)}}}});
  }
  json thresholds = {
      {"recent_days", t.recent_days},
      {"long_days", t.long_days},
      {"recent_min_n", t.recent_min_n},
      {"blocked_min_n", t.blocked_min_n},
      {"break_even", t.break_even},
      {"degrading_hit_rate", t.degrading_hit_rate},
      {"blocked_hit_rate", t.blocked_hit_rate},
      {"rules",
       {"BLOCKED: long-window n >= blocked_min_n and hit rate < blocked_hit_rate",
        "DEGRADING: recent n >= recent_min_n and hit rate < degrading_hit_rate",
        "WATCH: recent n < recent_min_n, or recent hit rate < break_even", "HEALTHY: otherwise"}}};
  return {{"date", format_date(d)},
          {"thresholds", std::move(thresholds)},
          {"systems", std::move(systems)}};
}

}  // namespace nbaprops::publish
