// The one-pass completeness checker of 03-precompute.md §2.4:
//   (1) per team, its final games of season S before D, newest first (from `games`);
//   (2) per (game, team) of those games that any window can reach, the flags "loaded" (T has at
//       least one player_boxscores row for g) and "lists non-players" (one of them is dnp or
//       inactive), built once and shared by every player of the team;
//   (3) one walk over the team's list per entity fills all of its windows.
#include "analytics/completeness.h"

#include <algorithm>

#include "analytics/completeness_block.h"
#include "core/teams.h"
#include "core/value.h"

namespace nbaprops::analytics {
namespace {

// A game of a team's list with the flags of §2.4 (2).
struct TeamGame {
  const Game* game = nullptr;
  bool loaded = false;             // the team has at least one box-score row for the game
  bool lists_non_players = false;  // one of those rows is dnp or inactive
};

// A window being filled: a rank limit (lN) or a day limit (lNd).
struct WindowSpec {
  const char* name;
  int rank_limit;  // 0 for a day window
  int days;        // 0 for a rank window
};

constexpr WindowSpec kPlayerWindows[] = {
    {"l5", 5, 0}, {"l10", 10, 0}, {"l7d", 0, 7}, {"l14d", 0, 14}, {"l30d", 0, 30}};
constexpr WindowSpec kTeamWindows[] = {{"l7d", 0, 7}, {"l14d", 0, 14}, {"l15", 15, 0}};

bool in_window(const WindowSpec& w, int rank, Date game_date, Date d) {
  if (w.rank_limit > 0) return rank < w.rank_limit;
  return game_date.days >= d.days - w.days;
}

// Whether any window of `specs` can hold the game of this rank and date.
template <size_t N>
bool reachable(const WindowSpec (&specs)[N], int rank, Date game_date, Date d) {
  for (const auto& w : specs) {
    if (in_window(w, rank, game_date, d)) return true;
  }
  return false;
}

WindowCompleteness finish_window(const char* name, int expected, int actual, double threshold) {
  WindowCompleteness w;
  w.window = name;
  w.expected = expected;
  w.actual = actual;
  w.pct = expected == 0 ? 100.0 : round_half_away(100.0 * actual / expected, 1);
  w.complete = actual >= expected;
  w.ready = w.pct >= threshold;
  return w;
}

void finish_entity(EntityCompleteness& e, bool bootstrap) {
  e.all_windows_complete = true;
  bool all_ready = true;
  for (const auto& w : e.windows) {
    e.all_windows_complete = e.all_windows_complete && w.complete;
    all_ready = all_ready && w.ready;
  }
  e.production_ready = bootstrap || all_ready;
}

// One walk over the team's list: counts expected and present games per window.
// `counts` and `present` must have one slot per window.
template <size_t N, typename Present, typename Eligible>
EntityCompleteness walk(const WindowSpec (&specs)[N], const std::vector<TeamGame>& games, Date d,
                        const CompletenessOptions& options, bool bootstrap, Eligible eligible,
                        Present present) {
  int expected[N] = {}, actual[N] = {};
  for (size_t rank = 0; rank < games.size(); ++rank) {
    const TeamGame& g = games[rank];
    bool any = false;
    bool checked = false, is_present = false;
    for (size_t w = 0; w < N; ++w) {
      if (!in_window(specs[w], static_cast<int>(rank), g.game->game_date, d)) continue;
      any = true;
      if (!eligible(g)) break;
      if (!checked) {
        is_present = present(g);
        checked = true;
      }
      ++expected[w];
      if (is_present) ++actual[w];
    }
    if (!any) break;  // every window is closed: ranks and dates only grow older
  }
  EntityCompleteness e;
  e.windows.reserve(N);
  for (size_t w = 0; w < N; ++w) {
    e.windows.push_back(
        finish_window(specs[w].name, expected[w], actual[w], options.threshold_pct));
  }
  finish_entity(e, bootstrap);
  return e;
}

}  // namespace

const WindowCompleteness& EntityCompleteness::primary() const {
  // Players carry l10, teams l15 (03-precompute.md §1).
  if (const auto* w = window("l10")) return *w;
  if (const auto* w = window("l15")) return *w;
  return windows.at(0);
}

const WindowCompleteness* EntityCompleteness::window(const std::string& name) const {
  for (const auto& w : windows) {
    if (w.window == name) return &w;
  }
  return nullptr;
}

const EntityCompleteness* CompletenessResult::player(const std::string& lookup) const {
  auto it = players.find(lookup);
  return it == players.end() ? nullptr : &it->second;
}

const EntityCompleteness* CompletenessResult::team(const std::string& abbr) const {
  auto it = teams.find(abbr);
  return it == teams.end() ? nullptr : &it->second;
}

CompletenessResult check_completeness(const RawInputs& inputs, const Phase3History& history, Date d,
                                      std::span<const std::string> players,
                                      const CompletenessOptions& options) {
  CompletenessResult result;
  const int season = season_of(d);
  result.opening_night = opening_night(inputs, season);
  if (result.opening_night) {
    int days = d.days - result.opening_night->days;
    result.bootstrap_mode = days >= 0 && days < options.bootstrap_days;
  }
  const bool bootstrap = result.bootstrap_mode;

  // (1) + (2): each team's final games of S before D, newest first, with the box-score flags
  // of the games a player window can reach.
  std::map<std::string, std::vector<TeamGame>> team_games;
  for (const TeamInfo& info : all_teams()) {
    std::string team(info.abbr);
    std::vector<TeamGame> list;
    auto games = inputs.team_games(team);
    for (auto it = games.rbegin(); it != games.rend(); ++it) {
      const Game* g = *it;
      if (g->game_date >= d || g->season != season || !g->is_final()) continue;
      TeamGame tg;
      tg.game = g;
      if (reachable(kPlayerWindows, static_cast<int>(list.size()), g->game_date, d)) {
        for (const PlayerBox* b : inputs.game_player_boxes(g->game_id)) {
          if (b->team_abbr != team) continue;
          tg.loaded = true;
          if (b->status == "dnp" || b->status == "inactive") tg.lists_non_players = true;
        }
      }
      list.push_back(tg);
    }
    bool has_season_game = false;
    for (const Game* g : games) has_season_game = has_season_game || g->season == season;
    if (has_season_game) team_games.emplace(std::move(team), std::move(list));
  }

  // (3) teams: a game is present when the team has a TDGS row for it.
  for (const auto& [team, list] : team_games) {
    auto rows = before(history.team_defense(team), d);
    std::vector<const std::string*> ids;
    ids.reserve(rows.size());
    for (const auto& r : rows) ids.push_back(&r.game_id);
    std::sort(ids.begin(), ids.end(), [](auto* x, auto* y) { return *x < *y; });
    auto has_row = [&](const TeamGame& g) {
      auto it = std::lower_bound(ids.begin(), ids.end(), &g.game->game_id,
                                 [](auto* x, auto* y) { return *x < *y; });
      return it != ids.end() && **it == g.game->game_id;
    };
    result.teams.emplace(team, walk(
                                   kTeamWindows, list, d, options, bootstrap,
                                   [](const TeamGame&) { return true; }, has_row));
  }

  // (3) players: team T and join date J from his box-score rows of S before D (§2.2).
  static const std::vector<TeamGame> kNoGames;
  for (const std::string& lookup : players) {
    if (result.players.count(lookup)) continue;
    auto boxes = inputs.player_boxes(lookup);
    const PlayerBox* latest = nullptr;
    for (auto it = boxes.rbegin(); it != boxes.rend(); ++it) {
      if ((*it)->game_date < d && season_of((*it)->game_date) == season) {
        latest = *it;
        break;
      }
    }
    const std::vector<TeamGame>* list = &kNoGames;
    Date join{0};
    if (latest) {
      for (const PlayerBox* b : boxes) {
        if (season_of(b->game_date) == season && b->team_abbr == latest->team_abbr) {
          join = b->game_date;
          break;
        }
      }
      auto it = team_games.find(latest->team_abbr);
      if (it != team_games.end()) list = &it->second;
    }
    auto eligible = [&](const TeamGame& g) { return g.game->game_date >= join; };
    auto present = [&](const TeamGame& g) {
      if (g.loaded && !g.lists_non_players) return true;
      auto rows = inputs.game_player_boxes(g.game->game_id);
      auto it = std::lower_bound(
          rows.begin(), rows.end(), lookup,
          [](const PlayerBox* b, const std::string& l) { return b->player_lookup < l; });
      return it != rows.end() && (*it)->player_lookup == lookup;
    };
    result.players.emplace(lookup,
                           walk(kPlayerWindows, *list, d, options, bootstrap, eligible, present));
  }
  return result;
}

}  // namespace nbaprops::analytics
