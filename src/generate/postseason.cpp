#include "generate/postseason.h"

#include <algorithm>
#include <vector>

#include "generate/schedule.h"

namespace nbaprops::gen {
namespace {

// Teams of a conference by wins (most first), ties by code.
std::vector<int> seeds_of(const std::array<int, 30>& wins, int conference) {
  std::vector<int> teams;
  for (int t = 0; t < 30; ++t)
    if (conference_of(t) == conference) teams.push_back(t);
  std::stable_sort(teams.begin(), teams.end(), [&](int a, int b) { return wins[a] > wins[b]; });
  return teams;
}

struct Series {
  int high, low;  // the better seed hosts games 1, 2, 5, 7
  int high_wins = 0, low_wins = 0;
  int winner() const { return high_wins == 4 ? high : low_wins == 4 ? low : -1; }
};

// Plays rounds of series to completion, every other day from `start`.
void play_round(std::vector<Series>& round, Date start, const PlayGameFn& play) {
  static constexpr bool kHighHome[] = {true, true, false, false, true, false, true};
  for (int g = 0; g < 7; ++g) {
    Date d{start.days + 2 * g};
    for (Series& s : round) {
      if (s.winner() >= 0) continue;
      int home = kHighHome[g] ? s.high : s.low;
      int away = kHighHome[g] ? s.low : s.high;
      int w = play(d, home, away, SeasonType::kPlayoffs);
      (w == s.high ? s.high_wins : s.low_wins)++;
    }
  }
}

}  // namespace

void run_postseason(const std::array<int, 30>& wins, Date regular_season_end,
                    const PlayGameFn& play) {
  std::array<std::vector<int>, 2> seeds = {seeds_of(wins, 0), seeds_of(wins, 1)};
  const Date playin{regular_season_end.days + 3};
  std::array<int, 2> loser78{}, winner910{};
  for (int c = 0; c < 2; ++c) {
    Date d{playin.days + c};
    auto& s = seeds[c];
    int w78 = play(d, s[6], s[7], SeasonType::kPlayin);
    loser78[c] = w78 == s[6] ? s[7] : s[6];
    s[6] = w78;
    winner910[c] = play(d, s[8], s[9], SeasonType::kPlayin);
  }
  for (int c = 0; c < 2; ++c) {
    Date d{playin.days + 3 + c};
    seeds[c][7] = play(d, loser78[c], winner910[c], SeasonType::kPlayin);
  }
  Date start{regular_season_end.days + 8};
  std::vector<Series> round;
  for (int c = 0; c < 2; ++c) {
    const auto& s = seeds[c];
    for (auto [hi, lo] : {std::pair{0, 7}, std::pair{3, 4}, std::pair{2, 5}, std::pair{1, 6}})
      round.push_back({s[hi], s[lo]});
  }
  auto rank = [&](int team) {
    const auto& s = seeds[conference_of(team)];
    return static_cast<int>(std::find(s.begin(), s.end(), team) - s.begin());
  };
  while (round.size() > 1) {
    play_round(round, start, play);
    std::vector<Series> next;
    for (size_t i = 0; i + 1 < round.size(); i += 2) {
      int a = round[i].winner(), b = round[i + 1].winner();
      bool a_high = round.size() == 2 ? wins[a] >= wins[b] : rank(a) < rank(b);
      next.push_back(a_high ? Series{a, b} : Series{b, a});
    }
    round = next;
    start.days += 15;
  }
  play_round(round, start, play);
}

}  // namespace nbaprops::gen
