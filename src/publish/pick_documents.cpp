#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "core/value.h"
#include "picks/pick_result.h"
#include "publish/documents.h"

namespace nbaprops::publish {
namespace {

using nlohmann::json;

template <typename T>
json opt(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

json result_json(const picks::PickResult& r) {
  return {{"result", r.result},
          {"actual", opt(r.actual)},
          {"profit", round_half_away(r.profit, 4)},
          {"void_reason", opt(r.void_reason)}};
}

json record_json(const picks::Record& r) {
  return {{"wins", r.wins},
          {"losses", r.losses},
          {"pushes", r.pushes},
          {"voided", r.voided},
          {"pending", r.pending},
          {"profit", round_half_away(r.profit, 4)},
          {"hit_rate", opt(r.hit_rate())},
          {"roi", opt(r.roi())}};
}

picks::PickResult result_of(const picks::Pick& p,
                            const std::map<PredictionKey, picks::GameOutcome>& outcomes) {
  return picks::grade_pick(p.side, p.c.line, p.price, p.status != picks::kActive,
                           outcome_of(outcomes, p.c));
}

}  // namespace

std::string tipoff_et(const std::optional<std::string>& utc) {
  if (!utc) return "";
  auto t = parse_timestamp(*utc);
  if (!t) return "";
  int64_t local = t->seconds + utc_offset_seconds("America/New_York", *t);
  int64_t minutes = ((local % 86400) + 86400) % 86400 / 60;
  int hour = static_cast<int>(minutes / 60), minute = static_cast<int>(minutes % 60);
  int h12 = hour % 12 == 0 ? 12 : hour % 12;
  return fmt::format("{}:{:02d} {} ET", h12, minute, hour < 12 ? "am" : "pm");
}

std::vector<int> pick_ranks(const std::vector<picks::Pick>& picks) {
  std::vector<size_t> order(picks.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    bool aa = picks[a].status == picks::kActive, ab = picks[b].status == picks::kActive;
    if (aa != ab) return aa;
    if (picks[a].strength != picks[b].strength) return picks[a].strength > picks[b].strength;
    return picks[a].c.player_lookup < picks[b].c.player_lookup;
  });
  std::vector<int> ranks(picks.size());
  for (size_t i = 0; i < order.size(); ++i) ranks[order[i]] = static_cast<int>(i) + 1;
  return ranks;
}

json pick_json(const picks::Pick& p, int rank) {
  const picks::Candidate& c = p.c;
  return {{"rank", rank},
          {"date", format_date(c.game_date)},
          {"player_lookup", c.player_lookup},
          {"player_name", c.player_name},
          {"team", c.team},
          {"opponent", c.opponent},
          {"home", opt(c.home)},
          {"matchup", picks::matchup(c)},
          {"game_id", c.game_id},
          {"tipoff_utc", opt(c.tipoff_utc)},
          {"tipoff_et", tipoff_et(c.tipoff_utc)},
          {"market", c.market},
          {"system_id", c.system_id},
          {"bookmaker", c.bookmaker},
          {"line", c.line},
          {"side", p.side},
          {"price", opt(p.price)},
          {"predicted", c.predicted},
          {"edge", c.edge},
          {"confidence", c.confidence},
          {"p_over", opt(c.p_over)},
          {"expected_value", opt(p.ev)},
          {"reasons", p.reasons},
          {"status", p.status},
          {"void_reason", opt(p.void_reason)},
          {"first_published_at", p.first_published_at}};
}

json picks_json(Date d, const std::vector<picks::Pick>& picks) {
  auto ranks = pick_ranks(picks);
  std::vector<size_t> order(picks.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return ranks[a] < ranks[b]; });
  json list = json::array();
  int active = 0;
  for (size_t i : order) {
    list.push_back(pick_json(picks[i], ranks[i]));
    active += picks[i].status == picks::kActive;
  }
  return {{"date", format_date(d)},
          {"active", active},
          {"voided", static_cast<int>(picks.size()) - active},
          {"picks", std::move(list)}};
}

json results_json(Date d, const std::vector<picks::Pick>& picks,
                  const std::map<PredictionKey, picks::GameOutcome>& outcomes) {
  json doc = picks_json(d, picks);
  picks::Record record;
  for (auto& j : doc["picks"]) {
    const picks::Pick* p = nullptr;
    for (const auto& q : picks) {
      if (q.c.player_lookup == j["player_lookup"] && q.c.system_id == j["system_id"] &&
          q.c.market == j["market"] && q.c.game_id == j["game_id"]) {
        p = &q;
      }
    }
    auto r = result_of(*p, outcomes);
    record.add(r);
    j.update(result_json(r));
  }
  doc["record"] = record_json(record);
  doc.erase("active");
  doc.erase("voided");
  return doc;
}

json history_json(const std::vector<picks::Pick>& picks,
                  const std::map<PredictionKey, picks::GameOutcome>& outcomes) {
  std::map<int32_t, picks::Record> days;
  for (const auto& p : picks) days[p.c.game_date.days].add(result_of(p, outcomes));
  json out = json::array();
  double cumulative = 0;
  for (const auto& [day, r] : days) {
    cumulative += r.profit;
    json j = record_json(r);
    j["date"] = format_date(Date{day});
    j["cumulative_profit"] = round_half_away(cumulative, 4);
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace nbaprops::publish
