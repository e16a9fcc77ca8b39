#include "analytics/team_availability.h"

#include <algorithm>
#include <set>

#include "analytics/rules.h"

namespace nbaprops::analytics {

bool RosterMember::out_or_doubtful() const {
  return injury_status && (*injury_status == "out" || *injury_status == "doubtful");
}

bool RosterMember::is_star() const {
  if (season_appearances < 3) return false;
  return last10.pts.value_or(0) >= 18 || last10.minutes.value_or(0) >= 28 ||
         last10.usage.value_or(0) >= 25;
}

int RosterMember::star_weight() const {
  double pts = last10.pts.value_or(0);
  return pts >= 25 ? 3 : pts >= 18 ? 2 : 1;
}

TeamRoster team_roster(const RawInputs& in, const Phase3History& history, const std::string& team,
                       const Game* game, Date d) {
  int season = season_of(d);
  const std::vector<std::string> candidates = history.team_season_players(team, season, d);
  Timestamp cutoff = game ? game_cutoff(*game).at : eastern_time_to_utc(d, 12, 0);
  TeamRoster roster{team, {}};
  for (const std::string& p : candidates) {
    PlayerWindow w = player_window(history, p, d);
    if (!w.latest() || w.latest()->team_abbr != team) continue;
    RosterMember m{p, last_games(w, 10), static_cast<int>(w.appearances.size()), std::nullopt};
    if (const Injury* i = latest_injury(in.injuries(d, p), cutoff)) m.injury_status = i->status;
    roster.members.push_back(std::move(m));
  }
  return roster;
}

std::optional<double> projected_usage(UsageShare player, std::span<const UsageShare> out,
                                      std::span<const UsageShare> remaining) {
  double freed = 0, share = player.usage * player.minutes / 48.0;
  for (const UsageShare& o : out) freed += o.usage * o.minutes / 48.0;
  if (freed == 0) return player.usage;
  for (const UsageShare& r : remaining) share += r.usage * r.minutes / 48.0;
  if (share <= 0) return std::nullopt;
  return std::min(45.0, player.usage * (1.0 + freed / share));
}

Availability team_availability(const TeamRoster& roster, const std::string& player_lookup,
                               const LastGames& own) {
  Availability a;
  std::vector<UsageShare> out, remaining;
  for (const RosterMember& m : roster.members) {
    if (m.player_lookup == player_lookup) continue;
    bool away = m.out_or_doubtful();
    if (away && m.is_star()) {
      a.star_teammates_out += 1;
      a.star_teammates_out_weighted += m.star_weight();
    }
    if (!m.last10.usage || !m.last10.minutes) continue;
    UsageShare s{*m.last10.usage, *m.last10.minutes};
    if (away) {
      out.push_back(s);
    } else if (s.minutes >= 10) {
      remaining.push_back(s);
    }
  }
  if (own.usage) {
    a.projected_usage_rate = projected_usage({*own.usage, own.minutes.value_or(0)}, out, remaining);
  }
  return a;
}

}  // namespace nbaprops::analytics
