#include "analytics/completeness_block.h"

#include "core/teams.h"

namespace nbaprops::analytics {
namespace {

using P = PlayerCompletenessColumns;
using T = TeamCompletenessColumns;

template <class B, size_t N>
B block_of(const EntityCompleteness* e, bool bootstrap,
           const std::array<CompletenessWindow<B>, N>& windows) {
  B b;
  b.bootstrap_mode = bootstrap;
  if (!e) return b;
  const WindowCompleteness& p = e->primary();
  b.completeness_checked = true;
  b.expected_games_count = p.expected;
  b.actual_games_count = p.actual;
  b.completeness_pct = p.pct;
  for (const auto& w : windows) {
    const WindowCompleteness* found = e->window(w.name);
    b.*w.pct = found ? std::optional<double>(found->pct) : std::nullopt;
  }
  b.all_windows_complete = e->all_windows_complete;
  b.is_production_ready = e->production_ready;
  return b;
}

}  // namespace

std::optional<Date> opening_night(const RawInputs& inputs, int season) {
  std::optional<Date> first;
  for (const TeamInfo& team : all_teams()) {
    for (const Game* g : inputs.team_games(std::string(team.abbr))) {
      if (g->season != season || g->season_type != "regular") continue;
      if (!first || g->game_date < *first) first = g->game_date;
      break;  // date order: the team's first regular game of the season
    }
  }
  return first;
}

bool bootstrap_mode(const RawInputs& inputs, Date d) {
  auto open = opening_night(inputs, season_of(d));
  if (!open) return false;
  int days = d.days - open->days;
  return days >= 0 && days < kBootstrapDays;
}

const std::array<CompletenessWindow<P>, 5>& player_completeness_windows() {
  static const std::array<CompletenessWindow<P>, 5> w = {{{"l5", &P::l5_completeness_pct},
                                                          {"l10", &P::l10_completeness_pct},
                                                          {"l7d", &P::l7d_completeness_pct},
                                                          {"l14d", &P::l14d_completeness_pct},
                                                          {"l30d", &P::l30d_completeness_pct}}};
  return w;
}

const std::array<CompletenessWindow<T>, 3>& team_completeness_windows() {
  static const std::array<CompletenessWindow<T>, 3> w = {{{"l7d", &T::l7d_completeness_pct},
                                                          {"l14d", &T::l14d_completeness_pct},
                                                          {"l15", &T::l15_completeness_pct}}};
  return w;
}

const Record<P>& player_completeness_record() {
  static const Record<P> r = [] {
    Record<P> out;
    add_player_completeness(out);
    return out;
  }();
  return r;
}

const Record<T>& team_completeness_record() {
  static const Record<T> r = [] {
    Record<T> out;
    add_team_completeness(out);
    return out;
  }();
  return r;
}

P player_completeness(const EntityCompleteness* entity, bool bootstrap) {
  return block_of(entity, bootstrap, player_completeness_windows());
}

T team_completeness(const EntityCompleteness* entity, bool bootstrap) {
  return block_of(entity, bootstrap, team_completeness_windows());
}

}  // namespace nbaprops::analytics
