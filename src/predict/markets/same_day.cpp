#include "predict/markets/same_day.h"

#include <algorithm>
#include <string_view>

#include "analytics/rules.h"
#include "precompute/feature_calculators.h"

namespace nbaprops::predict::markets {
namespace {

constexpr size_t kRotationWindow = 5;    // the team's last 5 games
constexpr int kRotationAppearances = 3;  // appeared in at least 3 of them
constexpr size_t kAbsentWindow = 10;     // an absent player's last 10 games
constexpr int kOutSeverity = 3;          // doubtful (3) or out (4): analytics::injury_severity

}  // namespace

std::optional<std::vector<std::string>> missing_from_last_game(std::span<const TeamGame> games,
                                                               Date d) {
  const int season = season_of(d);
  size_t first = games.size();
  while (first > 0 && season_of(games[first - 1].date) == season) --first;
  auto this_season = games.subspan(first);
  if (this_season.size() < static_cast<size_t>(kRotationAppearances)) return std::nullopt;
  auto window =
      this_season.subspan(this_season.size() - std::min(kRotationWindow, this_season.size()));
  std::map<std::string, int> appearances;
  for (const TeamGame& g : window) {
    for (const std::string& p : g.players) ++appearances[p];
  }
  const std::vector<std::string>& last = window.back().players;
  std::vector<std::string> out;
  for (const auto& [player, n] : appearances) {
    if (n >= kRotationAppearances && !std::binary_search(last.begin(), last.end(), player)) {
      out.push_back(player);
    }
  }
  return out;
}

GamesByTeam last_team_games(std::span<const PlayerGame> games, Date d,
                            const std::set<std::string>& teams) {
  GamesByTeam out;
  const int season = season_of(d);
  // Backwards: a team is done at the first date older than its window's 5; the walk stops
  // when every team is done.
  std::set<std::string_view> done;
  for (auto g = games.rbegin();
       g != games.rend() && done.size() < teams.size() && season_of(g->date) == season; ++g) {
    if (!teams.count(g->team) || done.count(g->team)) continue;
    std::vector<TeamGame>& list = out[g->team];
    if (list.empty() || list.back().date != g->date) {
      if (list.size() == kRotationWindow) {
        done.insert(g->team);
        continue;
      }
      list.push_back({g->date, {}});
    }
    list.back().players.push_back(g->player);
  }
  for (auto& [team, list] : out) {
    std::reverse(list.begin(), list.end());
    for (TeamGame& t : list) std::sort(t.players.begin(), t.players.end());
  }
  return out;
}

std::optional<double> line_spread(std::span<const Offer> offers) {
  if (offers.empty()) return std::nullopt;
  auto [lo, hi] = std::minmax_element(
      offers.begin(), offers.end(), [](const Offer& a, const Offer& b) { return a.line < b.line; });
  return hi->line - lo->line;
}

SameDayBuilder::SameDayBuilder(const MarketDef& market, Date d, const GamesByPlayer& players,
                               const GamesByTeam& teams, const std::vector<ReportedStatus>* report)
    : market_(market), d_(d), players_(players), teams_(teams), report_(report) {}

SameDayBuilder::Absent SameDayBuilder::absent(const std::string& player) const {
  Absent a{player};
  auto it = players_.find(player);
  if (it == players_.end()) return a;
  const std::vector<PlayerGame>& games = it->second;
  size_t n = 0;
  for (auto g = games.rbegin(); g != games.rend() && n < kAbsentWindow; ++g, ++n) {
    if (g->date.days < d_.days - kMarketLookBackDays) break;
    a.stat += market_.stat(g->stats);
    a.minutes += g->stats.minutes;
  }
  if (n > 0) {
    a.stat /= static_cast<double>(n);
    a.minutes /= static_cast<double>(n);
  }
  return a;
}

const std::optional<std::vector<SameDayBuilder::Absent>>& SameDayBuilder::missing(
    const std::string& team) {
  auto it = missing_.find(team);
  if (it != missing_.end()) return it->second;
  std::optional<std::vector<Absent>> out;
  auto games = teams_.find(team);
  if (games != teams_.end()) {
    if (auto names = missing_from_last_game(games->second, d_)) {
      out.emplace();
      for (const std::string& p : *names) out->push_back(absent(p));
    }
  }
  return missing_.emplace(team, std::move(out)).first->second;
}

const std::vector<SameDayBuilder::Absent>& SameDayBuilder::out(const std::string& team) {
  auto it = out_.find(team);
  if (it != out_.end()) return it->second;
  std::vector<Absent> out;
  for (const ReportedStatus& r : *report_) {
    if (r.team == team && analytics::injury_severity(r.status) >= kOutSeverity) {
      out.push_back(absent(r.player));
    }
  }
  return out_.emplace(team, std::move(out)).first->second;
}

SameDay SameDayBuilder::of(const std::string& player, const std::string& team,
                           const std::vector<Offer>* offers) {
  SameDay s;
  if (const auto& missing_players = missing(team)) {
    s.teammates_missing_stat = 0;
    s.teammates_missing_minutes = 0;
    for (const Absent& a : *missing_players) {
      if (a.player == player) continue;
      *s.teammates_missing_stat += a.stat;
      *s.teammates_missing_minutes += a.minutes;
    }
  }
  if (report_) {
    std::optional<std::string> status;
    for (const ReportedStatus& r : *report_) {
      if (r.player == player) status = r.status;
    }
    s.injury_risk = precompute::features::injury_risk(status);
    s.teammates_out_stat = 0;
    for (const Absent& a : out(team)) {
      if (a.player != player) *s.teammates_out_stat += a.stat;
    }
  }
  if (offers) s.line_spread = line_spread(*offers);
  return s;
}

}  // namespace nbaprops::predict::markets
