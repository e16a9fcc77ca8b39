#include "precompute/gates.h"

#include <algorithm>

#include <fmt/format.h>

#include "analytics/completeness_block.h"

namespace nbaprops::precompute {

std::optional<int> days_since_opening(const Phase4Inputs& in) {
  std::optional<Date> open;
  if (in.completeness) open = in.completeness->opening_night;
  if (!open) open = analytics::opening_night(*in.raw, season_of(in.d));
  if (!open) return std::nullopt;
  return in.d.days - open->days;
}

const EntityCompleteness* team_completeness(const Phase4Inputs& in, const std::string& team) {
  return in.completeness ? in.completeness->team(team) : nullptr;
}

const EntityCompleteness* player_completeness(const Phase4Inputs& in, const std::string& player) {
  return in.completeness ? in.completeness->player(player) : nullptr;
}

std::optional<analytics::FailedEntity> completeness_gate(const Phase4Inputs& in,
                                                         const EntityCompleteness* entity,
                                                         const std::string& entity_type,
                                                         const std::string& entity_id) {
  if (!in.completeness || !entity || in.bootstrap_mode || entity->production_ready) {
    return std::nullopt;
  }
  std::string reason = "Not production-ready";
  for (const auto& w : entity->windows) {
    if (w.ready) continue;
    reason =
        fmt::format("Completeness {:.1f}% ({}/{}) in {}", w.pct, w.actual, w.expected, w.window);
    break;
  }
  return analytics::FailedEntity{entity_type, entity_id, "INCOMPLETE_DATA", reason, true};
}

analytics::FailedEntity too_few_games(const std::string& entity_type, const std::string& entity_id,
                                      int games, int minimum, int raw_games) {
  bool expected = raw_games < minimum;
  return {entity_type, entity_id, expected ? "EXPECTED_INCOMPLETE" : "INSUFFICIENT_DATA",
          fmt::format("Only {} games, need {} (raw data has {})", games, minimum, raw_games),
          !expected};
}

void check_range(std::string& problems, const char* name, std::optional<double> value, double lo,
                 double hi) {
  if (!value || (*value >= lo && *value <= hi)) return;
  if (!problems.empty()) problems += "; ";
  problems += fmt::format("{} = {} outside [{}, {}]", name, *value, lo, hi);
}

analytics::FailedEntity missing_upgc_key(const Phase4Inputs& in, const std::string& player,
                                         bool team_missing, const std::string& reason) {
  // Without the raw box scores nothing confirms he has not played: MISSING_UPSTREAM.
  if (!team_missing || !in.raw) return {"player", player, "MISSING_UPSTREAM", reason, true};
  int season = season_of(in.d);
  for (const analytics::PlayerBox* b : in.raw->player_boxes(player)) {
    if (b->game_date < in.d && season_of(b->game_date) == season) {
      return {"player", player, "MISSING_UPSTREAM", reason, true};
    }
  }
  return {"player", player, "EXPECTED_INCOMPLETE",
          reason + ": no game of his this season before " + format_date(in.d) +
              " gives his team, and no other source does",
          false};
}

}  // namespace nbaprops::precompute
