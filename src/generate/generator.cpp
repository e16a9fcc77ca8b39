#include "generate/generator.h"

#include <fmt/format.h>
#include <algorithm>

#include "generate/availability.h"
#include "generate/game_sim.h"
#include "generate/markets.h"
#include "generate/postseason.h"
#include "generate/roster.h"
#include "generate/schedule.h"
#include "generate/writer.h"

namespace nbaprops::gen {
namespace {

constexpr int kLastSeason = 2024;
constexpr int kTradesPerSeason = 6;

int type_digit(SeasonType t) {
  switch (t) {
    case SeasonType::kRegular:
      return 2;
    case SeasonType::kPlayin:
      return 5;
    case SeasonType::kPlayoffs:
      return 4;
  }
  return 2;
}

// Runs the seasons in order; owns the league being built.
class Simulation {
 public:
  explicit Simulation(const GenerateOptions& o)
      : opts_(o),
        first_season_(kLastSeason - o.seasons + 1),
        rng_(Rng::derive(o.seed, {1})),
        roster_(rng_, first_season_) {}

  League run() {
    for (int s = first_season_; s <= kLastSeason; ++s) run_season(s);
    league_.players = roster_.release_players();
    return std::move(league_);
  }

 private:
  void run_season(int season) {
    if (season != first_season_) roster_.start_season(rng_, season);
    Rng sched_rng = Rng::derive(opts_.seed, {2, static_cast<uint64_t>(season)});
    std::vector<ScheduledGame> schedule = regular_season_schedule(sched_rng, season);
    std::vector<int> trade_days;
    const Date window_start{schedule.front().date.days + 28};
    const Date deadline = make_date(season + 1, 2, 6);
    for (int i = 0; i < kTradesPerSeason; ++i)
      trade_days.push_back(window_start.days + rng_.below(deadline.days - window_start.days));
    std::array<int, 30> wins{};
    counters_ = {};
    for (size_t i = 0; i < schedule.size(); ++i) {
      const ScheduledGame& sg = schedule[i];
      int w = play(season, SeasonType::kRegular, sg.date, sg.home, sg.away, sg.tipoff_utc);
      wins[w]++;
      bool day_over = i + 1 == schedule.size() || schedule[i + 1].date != sg.date;
      if (!day_over) continue;
      for (int d : trade_days)
        if (d == sg.date.days) roster_.trade(rng_);
    }
    if (!opts_.playoffs) return;
    run_postseason(wins, schedule.back().date, [&](Date date, int home, int away, SeasonType type) {
      return play(season, type, date, home, away, tipoff_for(rng_, date, home));
    });
  }

  // Plays one game; returns the winner's team index.
  int play(int season, SeasonType type, Date date, int home, int away, Timestamp tipoff) {
    const int index = static_cast<int>(league_.games.size());
    Game g;
    g.game_id = fmt::format("00{}{:02}{:05}", type_digit(type), season % 100,
                            ++counters_[static_cast<int>(type)]);
    g.game_date = date;
    g.season = season;
    g.season_type = type;
    g.home = home;
    g.away = away;
    g.tipoff_utc = tipoff;
    league_.games.push_back(std::move(g));
    std::array<GameSide, 2> sides;
    const int teams[2] = {home, away};
    for (int t = 0; t < 2; ++t)
      sides[t].spots =
          availability_.before_game(rng_, roster_, teams[t], index, date, league_.injuries);
    for (int t = 0; t < 2; ++t) {
      std::vector<int> dressed;
      for (const RosterSpot& s : sides[t].spots)
        if (s.dressed) dressed.push_back(s.player);
      sides[t].plan = plan_team(roster_, teams[t], dressed);
    }
    price_game(opts_.seed, roster_, index, {sides[0].spots, sides[1].spots}, league_);
    auto played = simulate_game(rng_, roster_, index, sides, league_);
    for (int t = 0; t < 2; ++t)
      availability_.after_game(rng_, roster_, played[t].players, played[t].minutes, date);
    const Game& done = league_.games[index];
    return done.home_score > done.away_score ? home : away;
  }

  GenerateOptions opts_;
  int first_season_;
  Rng rng_;
  Roster roster_;
  Availability availability_;
  League league_;
  std::array<int, 3> counters_{};
};

// The latest season whose schedule was out at `as_of` (released August 1).
int announced_season(Timestamp as_of) {
  Date d = eastern_date(as_of);
  return month_of(d) >= 8 ? year_of(d) : year_of(d) - 1;
}

template <typename Row, typename Keep>
void keep_rows(std::vector<Row>& rows, Keep keep) {
  rows.erase(std::remove_if(rows.begin(), rows.end(), [&](const Row& r) { return !keep(r); }),
             rows.end());
}

}  // namespace

League simulate_league(const GenerateOptions& options) {
  League league = Simulation(options).run();
  if (options.as_of) filter_as_of(league, *options.as_of);
  return league;
}

void filter_as_of(League& league, Timestamp as_of) {
  const int season = announced_season(as_of);
  std::vector<int> new_index(league.games.size(), -1);
  std::vector<Game> games;
  for (size_t i = 0; i < league.games.size(); ++i) {
    Game g = league.games[i];
    const bool played = g.tipoff_utc <= as_of;
    if (g.season > season) continue;
    if (!played && g.season_type != SeasonType::kRegular) continue;
    if (!played) {
      g.final = false;
      g.home_score = g.away_score = 0;
      g.overtimes = 0;
    }
    new_index[i] = static_cast<int>(games.size());
    games.push_back(std::move(g));
  }
  auto final_game = [&](int32_t game) {
    return new_index[game] >= 0 && games[new_index[game]].final;
  };
  keep_rows(league.player_boxscores, [&](const PlayerBox& r) { return final_game(r.game); });
  keep_rows(league.team_boxscores, [&](const TeamBox& r) { return final_game(r.game); });
  keep_rows(league.shots, [&](const Shot& r) { return final_game(r.game); });
  keep_rows(league.prop_lines,
            [&](const PropLine& r) { return new_index[r.game] >= 0 && r.snapshot_utc < as_of; });
  keep_rows(league.game_lines,
            [&](const GameLine& r) { return new_index[r.game] >= 0 && r.snapshot_utc < as_of; });
  keep_rows(league.injuries,
            [&](const InjuryRow& r) { return new_index[r.game] >= 0 && r.report_utc < as_of; });
  for (auto& r : league.player_boxscores) r.game = new_index[r.game];
  for (auto& r : league.team_boxscores) r.game = new_index[r.game];
  for (auto& r : league.shots) r.game = new_index[r.game];
  for (auto& r : league.prop_lines) r.game = new_index[r.game];
  for (auto& r : league.game_lines) r.game = new_index[r.game];
  for (auto& r : league.injuries) r.game = new_index[r.game];
  league.games = std::move(games);
  // Players not yet in the league are unknown. No kept row refers to them: they debut in
  // a season that is not listed.
  std::vector<int> player_index(league.players.size(), -1);
  std::vector<Player> players;
  for (size_t i = 0; i < league.players.size(); ++i) {
    if (league.players[i].debut_season > season) continue;
    player_index[i] = static_cast<int>(players.size());
    players.push_back(std::move(league.players[i]));
  }
  auto remap = [&](int32_t& p) {
    if (p >= 0) p = player_index[p];
  };
  for (auto& r : league.player_boxscores) remap(r.player);
  for (auto& r : league.shots) {
    remap(r.player);
    remap(r.assisted_by);
    remap(r.blocked_by);
  }
  for (auto& r : league.prop_lines) remap(r.player);
  for (auto& r : league.injuries) remap(r.player);
  league.players = std::move(players);
}

std::vector<TableSummary> generate_league(const GenerateOptions& options,
                                          const std::filesystem::path& out_dir) {
  return write_league(simulate_league(options), out_dir);
}

}  // namespace nbaprops::gen
