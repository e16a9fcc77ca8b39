#include "picks/best_bets.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "picks/reasons.h"

namespace nbaprops::picks {
namespace {

Pick new_pick(const Candidate& c, const std::string& now) {
  Pick p;
  p.c = c;
  p.side = side_of(c);
  p.price = price_of(c);
  p.ev = expected_value(c);
  p.strength = strength(c);
  p.reasons = pick_reasons(c);
  p.first_published_at = now;
  return p;
}

struct Caps {
  const PickConfig& config;
  std::map<std::string, int> per_player, per_game;
  int day = 0;

  // The cap the candidate would exceed, or nullptr.
  const std::string_view* over(const Candidate& c) const {
    auto count = [](const std::map<std::string, int>& m, const std::string& k) {
      auto it = m.find(k);
      return it == m.end() ? 0 : it->second;
    };
    if (count(per_player, c.player_lookup) >= config.per_player) return &kCapPerPlayer;
    if (count(per_game, c.game_id) >= config.per_game) return &kCapPerGame;
    if (day >= config.per_day) return &kCapPerDay;
    return nullptr;
  }
  void take(const Candidate& c) {
    ++per_player[c.player_lookup];
    ++per_game[c.game_id];
    ++day;
  }
};

std::string cap_reason(std::string_view cap) {
  if (cap == kCapPerPlayer) return "a stronger pick of the same player";
  if (cap == kCapPerGame) return "enough picks from this game already";
  return "the day's picks are full";
}

// The published pick re-checked against this run's candidates: unchanged, or voided.
Pick recheck(const Pick& published, const std::vector<Candidate>& candidates,
             const std::vector<FilterVerdict>& verdicts) {
  Pick p = published;
  if (p.status != kActive) return p;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (!same_prediction(candidates[i], p.c)) continue;
    if (candidates[i].edge == 0 || side_of(candidates[i]) != p.side) {
      p.status = kVoided;
      p.void_reason = "direction changed: " + side_of(candidates[i]) + " now";
    } else if (!verdicts[i].failed.empty()) {
      p.status = kVoided;
      p.void_reason = verdicts[i].failed.front() + ": " + verdicts[i].reasons.front();
    }
    return p;
  }
  p.status = kVoided;
  p.void_reason = "no longer predicted with a line";
  return p;
}

}  // namespace

bool same_prediction(const Candidate& a, const Candidate& b) {
  return a.system_id == b.system_id && a.market == b.market && a.player_lookup == b.player_lookup &&
         a.game_id == b.game_id;
}

bool stronger(const Candidate& a, const Candidate& b) {
  bool ea = expected_value(a).has_value(), eb = expected_value(b).has_value();
  if (ea != eb) return ea;
  double sa = strength(a), sb = strength(b);
  if (sa != sb) return sa > sb;
  if (a.confidence != b.confidence) return a.confidence > b.confidence;
  if (a.player_lookup != b.player_lookup) return a.player_lookup < b.player_lookup;
  if (a.market != b.market) return a.market < b.market;
  return a.system_id < b.system_id;
}

std::vector<bool> disagreement(const std::vector<Candidate>& candidates, double disagree_edge) {
  std::map<std::pair<std::string, std::string>, std::vector<size_t>> groups;
  for (size_t i = 0; i < candidates.size(); ++i) {
    groups[{candidates[i].player_lookup, candidates[i].market}].push_back(i);
  }
  std::vector<bool> out(candidates.size(), false);
  for (const auto& [key, members] : groups) {
    for (size_t i : members) {
      for (size_t j : members) {
        const Candidate &a = candidates[i], &b = candidates[j];
        if (a.system_id == b.system_id || std::fabs(b.edge) < disagree_edge) continue;
        if ((a.edge > 0 && b.edge < 0) || (a.edge < 0 && b.edge > 0)) out[i] = true;
      }
    }
  }
  return out;
}

BestBets best_bets(const std::vector<Candidate>& candidates, const std::vector<Pick>& published,
                   const PickConfig& config, const std::string& now) {
  auto disagree = disagreement(candidates, config.disagree_edge);
  std::vector<FilterVerdict> verdicts(candidates.size());
  for (size_t i = 0; i < candidates.size(); ++i) {
    verdicts[i] = apply_filters(candidates[i], FilterContext{&config, disagree[i]});
  }
  BestBets out;
  Caps caps{config, {}, {}, 0};
  for (const Pick& p : published) {
    out.picks.push_back(recheck(p, candidates, verdicts));
    if (out.picks.back().status == kActive) caps.take(p.c);
  }
  std::vector<size_t> passed;
  std::vector<std::optional<Removal>> removal(candidates.size());
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    bool locked = std::any_of(published.begin(), published.end(),
                              [&](const Pick& p) { return same_prediction(p.c, c); });
    if (locked || c.edge == 0) continue;
    if (verdicts[i].failed.empty()) {
      passed.push_back(i);
    } else {
      removal[i] =
          Removal{c, verdicts[i].failed.front(), verdicts[i].failed, verdicts[i].reasons.front()};
    }
  }
  std::sort(passed.begin(), passed.end(),
            [&](size_t a, size_t b) { return stronger(candidates[a], candidates[b]); });
  for (size_t i : passed) {
    if (const auto* cap = caps.over(candidates[i])) {
      removal[i] = Removal{candidates[i], std::string(*cap), {}, cap_reason(*cap)};
      continue;
    }
    caps.take(candidates[i]);
    out.picks.push_back(new_pick(candidates[i], now));
  }
  for (auto& r : removal) {
    if (r) out.removed.push_back(std::move(*r));
  }
  return out;
}

}  // namespace nbaprops::picks
