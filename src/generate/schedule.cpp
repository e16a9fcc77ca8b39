#include "generate/schedule.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "core/teams.h"

namespace nbaprops::gen {
namespace {

constexpr int kTeamCount = 30;

// Divisions by team index (all_teams() is in code order).
//   Atlantic BOS BKN NYK PHI TOR; Central CHI CLE DET IND MIL; Southeast ATL CHA MIA ORL WAS;
//   Northwest DEN MIN OKC POR UTA; Pacific GSW LAC LAL PHX SAC; Southwest DAL HOU MEM NOP SAS.
const std::array<std::array<std::string_view, 5>, 6> kDivisions = {{
    {"BOS", "BKN", "NYK", "PHI", "TOR"},
    {"CHI", "CLE", "DET", "IND", "MIL"},
    {"ATL", "CHA", "MIA", "ORL", "WAS"},
    {"DEN", "MIN", "OKC", "POR", "UTA"},
    {"GSW", "LAC", "LAL", "PHX", "SAC"},
    {"DAL", "HOU", "MEM", "NOP", "SAS"},
}};

int team_index(std::string_view abbr) {
  auto teams = all_teams();
  for (size_t i = 0; i < teams.size(); ++i)
    if (teams[i].abbr == abbr) return static_cast<int>(i);
  return 0;
}

struct Pending {
  int home, away;
  bool done = false;
};

void add_games(std::vector<Pending>& out, int a, int b, int a_home, int b_home) {
  for (int i = 0; i < a_home; ++i) out.push_back({a, b});
  for (int i = 0; i < b_home; ++i) out.push_back({b, a});
}

// The 1,230 games of the NBA formula, as (home, away) pairs.
std::vector<Pending> season_matchups(Rng& rng) {
  std::vector<Pending> games;
  std::array<std::array<int, 5>, 6> div{};
  for (int d = 0; d < 6; ++d)
    for (int i = 0; i < 5; ++i) div[d][i] = team_index(kDivisions[d][i]);
  for (int d = 0; d < 6; ++d)
    for (int i = 0; i < 5; ++i)
      for (int j = i + 1; j < 5; ++j) add_games(games, div[d][i], div[d][j], 2, 2);
  for (int conf = 0; conf < 2; ++conf) {
    for (int x = 0; x < 3; ++x) {
      for (int y = x + 1; y < 3; ++y) {
        const auto& A = div[conf * 3 + x];
        const auto& B = div[conf * 3 + y];
        int r = rng.below(5);
        for (int i = 0; i < 5; ++i) {
          for (int j = 0; j < 5; ++j) {
            int off = (j - i - r + 10) % 5;
            if (off == 0)
              add_games(games, A[i], B[j], 2, 1);
            else if (off == 1)
              add_games(games, A[i], B[j], 1, 2);
            else
              add_games(games, A[i], B[j], 2, 2);
          }
        }
      }
    }
  }
  for (int e = 0; e < 3; ++e)
    for (int w = 3; w < 6; ++w)
      for (int i = 0; i < 5; ++i)
        for (int j = 0; j < 5; ++j) add_games(games, div[e][i], div[w][j], 1, 1);
  return games;
}

Date first_weekday_in(int year, unsigned month, unsigned from_day, int weekday) {
  Date d = make_date(year, month, from_day);
  while (weekday_of(d) != weekday) d.days++;
  return d;
}

bool is_off_day(Date d, int season) {
  Date asb = all_star_break_start(season);
  if (d >= asb && d.days < asb.days + 6) return true;
  if (d == make_date(season, 12, 24)) return true;
  Date thanksgiving = first_weekday_in(season, 11, 22, 4);
  return d == thanksgiving;
}

// Per-team state of the greedy.
struct TeamState {
  int remaining = 82;
  std::vector<int> days_played;  // day numbers (Date::days)
  bool home_phase = true;
  int phase_left = 2;
};

bool played_on(const TeamState& t, int day) {
  return std::find(t.days_played.rbegin(), t.days_played.rend(), day) != t.days_played.rend();
}

int games_in(const TeamState& t, int from, int to) {
  int n = 0;
  for (auto it = t.days_played.rbegin(); it != t.days_played.rend() && *it >= from; ++it)
    if (*it <= to) ++n;
  return n;
}

bool can_play(const TeamState& t, int day) {
  if (played_on(t, day)) return false;
  if (played_on(t, day - 1) && played_on(t, day - 2)) return false;  // no three in a row
  return games_in(t, day - 4, day - 1) <= 2;                         // no four in five
}

double phase_bonus(const TeamState& t, bool at_home) {
  return t.home_phase == at_home ? 0.25 : -0.25;
}

void advance_phase(Rng& rng, TeamState& t, bool at_home) {
  if (t.home_phase != at_home) return;
  if (--t.phase_left > 0) return;
  t.home_phase = !t.home_phase;
  t.phase_left = rng.between(1, 5);
}

int daily_target(Rng& rng, Date d, int games_left, int days_left) {
  static constexpr double kWeekday[] = {0.85, 1.0, 1.0, 1.2, 0.75, 1.15, 1.05};
  double mean = static_cast<double>(games_left) / std::max(1, days_left);
  double t = mean * kWeekday[weekday_of(d)] * rng.uniform(0.7, 1.3);
  return std::clamp(static_cast<int>(std::lround(t)), 1, 15);
}

}  // namespace

int weekday_of(Date d) {
  return static_cast<int>(((d.days % 7) + 7 + 4) % 7);
}

Date all_star_break_start(int season) {
  return first_weekday_in(season + 1, 2, 13, 5);
}

int conference_of(int team) {
  std::string_view abbr = all_teams()[team].abbr;
  for (int d = 0; d < 6; ++d)
    for (auto a : kDivisions[d])
      if (a == abbr) return d < 3 ? 0 : 1;
  return 0;
}

Timestamp tipoff_for(Rng& rng, Date date, int home) {
  std::string_view tz = all_teams()[home].timezone;
  double u = rng.uniform();
  if (tz == "Los_Angeles") return eastern_time_to_utc(date, 22, u < 0.6 ? 0 : 30);
  if (tz == "Denver" || tz == "Phoenix") return eastern_time_to_utc(date, 21, u < 0.7 ? 0 : 30);
  if (tz == "Chicago") return eastern_time_to_utc(date, 20, u < 0.6 ? 0 : 30);
  if (u < 0.45) return eastern_time_to_utc(date, 19, 0);
  return eastern_time_to_utc(date, u < 0.9 ? 19 : 20, 30);
}

std::vector<ScheduledGame> regular_season_schedule(Rng& rng, int season) {
  std::vector<Pending> pending = season_matchups(rng);
  rng.shuffle(pending);
  std::vector<TeamState> teams(kTeamCount);
  for (auto& t : teams) {
    t.home_phase = rng.chance(0.5);
    t.phase_left = rng.between(1, 4);
  }
  const Date opener = first_weekday_in(season, 10, 20, 2);
  const Date nominal_end = first_weekday_in(season + 1, 4, 10, 0);
  std::vector<ScheduledGame> out;
  int games_left = static_cast<int>(pending.size());
  for (Date d = opener; games_left > 0; d.days++) {
    if (is_off_day(d, season)) continue;
    int days_left = 1;
    for (Date e{d.days + 1}; e <= nominal_end; e.days++) days_left += is_off_day(e, season) ? 0 : 1;
    int target = d > nominal_end ? 15 : daily_target(rng, d, games_left, days_left);
    if (d == opener) target = 2;
    struct Cand {
      double score;
      int index;
    };
    std::vector<Cand> cands;
    for (size_t i = 0; i < pending.size(); ++i) {
      const Pending& g = pending[i];
      if (g.done) continue;
      const TeamState& h = teams[g.home];
      const TeamState& a = teams[g.away];
      if (!can_play(h, d.days) || !can_play(a, d.days)) continue;
      double score = static_cast<double>(h.remaining + a.remaining) / days_left;
      score += phase_bonus(h, true) + phase_bonus(a, false) + rng.uniform(0.0, 0.3);
      if (played_on(h, d.days - 1)) score -= 0.35;
      if (played_on(a, d.days - 1)) score -= 0.35;
      cands.push_back({score, static_cast<int>(i)});
    }
    std::sort(cands.begin(), cands.end(), [](const Cand& x, const Cand& y) {
      return x.score != y.score ? x.score > y.score : x.index < y.index;
    });
    int placed = 0;
    for (const Cand& c : cands) {
      if (placed >= target) break;
      Pending& g = pending[c.index];
      if (played_on(teams[g.home], d.days) || played_on(teams[g.away], d.days)) continue;
      g.done = true;
      for (int side = 0; side < 2; ++side) {
        TeamState& t = teams[side == 0 ? g.home : g.away];
        t.days_played.push_back(d.days);
        t.remaining--;
        advance_phase(rng, t, side == 0);
      }
      out.push_back({d, g.home, g.away, tipoff_for(rng, d, g.home)});
      ++placed;
      --games_left;
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const ScheduledGame& x, const ScheduledGame& y) {
    if (x.date != y.date) return x.date < y.date;
    if (x.tipoff_utc != y.tipoff_utc) return x.tipoff_utc < y.tipoff_utc;
    return x.home < y.home;
  });
  return out;
}

}  // namespace nbaprops::gen
