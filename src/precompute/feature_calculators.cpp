#include "precompute/feature_calculators.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "analytics/rules.h"
#include "analytics/window_stats.h"

namespace nbaprops::precompute::features {
namespace {

using analytics::PgsRecord;

std::optional<double> mean(std::span<const double> xs) {
  if (xs.empty()) return std::nullopt;
  double s = 0;
  for (double x : xs) s += x;
  return s / static_cast<double>(xs.size());
}

// pts of the first `n` games (newest first), NULL pts skipped.
std::vector<double> points(Games games, size_t n) {
  std::vector<double> out;
  for (size_t i = 0; i < games.size() && i < n; ++i) {
    if (games[i]->pts) out.push_back(static_cast<double>(*games[i]->pts));
  }
  return out;
}

std::vector<double> minutes(Games games, size_t n) {
  std::vector<double> out;
  for (size_t i = 0; i < games.size() && i < n; ++i) {
    if (games[i]->minutes) out.push_back(*games[i]->minutes);
  }
  return out;
}

double bucket(double x, double hi, double lo) {
  if (x >= hi) return 2;
  if (x >= lo) return 1;
  if (x <= -hi) return -2;
  if (x <= -lo) return -1;
  return 0;
}

// Games in [D - 60, D) (newest first: a prefix of `games`).
Games last_60_days(Games games, Date d) {
  size_t n = 0;
  while (n < games.size() && games[n]->game_date.days >= d.days - 60) ++n;
  return games.subspan(0, n);
}

// Games with a closing line and pts, newest first, at most `n`.
std::vector<const PgsRecord*> with_line(Games games, size_t n) {
  std::vector<const PgsRecord*> out;
  for (const PgsRecord* g : games) {
    if (out.size() >= n) break;
    if (g->points_line && g->pts) out.push_back(g);
  }
  return out;
}

}  // namespace

std::vector<const PgsRecord*> season_games(const analytics::Phase3History& history,
                                           const std::string& player_lookup, Date d) {
  auto rows = analytics::before(history.player(player_lookup), d);
  int season = season_of(d);
  std::vector<const PgsRecord*> out;
  for (size_t i = rows.size(); i-- > 0;) {
    const PgsRecord& r = rows[i];
    if (r.season != season) break;
    if (r.appeared()) out.push_back(&r);
  }
  return out;
}

std::optional<double> sample_sd(std::span<const double> xs) {
  if (xs.size() < 2) return std::nullopt;
  double m = *mean(xs), ss = 0;
  for (double x : xs) ss += (x - m) * (x - m);
  return std::sqrt(ss / static_cast<double>(xs.size() - 1));
}

std::optional<double> rest_advantage(std::optional<double> days_rest,
                                     std::optional<double> opponent_days_rest) {
  if (!days_rest || !opponent_days_rest) return std::nullopt;
  return std::clamp((*days_rest - 1) - *opponent_days_rest, -2.0, 2.0);
}

double injury_risk(const std::optional<std::string>& status) {
  if (!status) return 0;
  if (*status == "probable") return 1;
  if (*status == "questionable") return 2;
  if (*status == "doubtful" || *status == "out") return 3;
  return 0;
}

std::optional<double> recent_trend(Games games) {
  if (games.size() < 5) return std::nullopt;
  std::vector<double> p = points(games, 5);
  if (p.size() < 5) return std::nullopt;
  double d = (p[0] + p[1]) / 2 - (p[2] + p[3] + p[4]) / 3;
  return bucket(d, 5, 2);
}

std::optional<double> minutes_change(Games games) {
  auto season = mean(minutes(games, games.size()));
  auto last10 = mean(minutes(games, 10));
  if (!season || !last10 || *season == 0) return std::nullopt;
  return bucket((*last10 - *season) / *season, 0.20, 0.10);
}

std::optional<double> pct_free_throw(Games games) {
  if (games.size() < 5) return std::nullopt;
  double ftm = 0, pts = 0;
  for (size_t i = 0; i < games.size() && i < 10; ++i) {
    ftm += static_cast<double>(games[i]->ftm.value_or(0));
    pts += static_cast<double>(games[i]->pts.value_or(0));
  }
  if (pts == 0) return std::nullopt;
  return std::clamp(ftm / pts, 0.0, 0.5);
}

std::optional<double> team_win_pct(std::span<const analytics::TogsRecord> team_games) {
  int games = 0, wins = 0;
  for (const auto& g : team_games) {
    if (!g.win_flag) continue;
    ++games;
    if (*g.win_flag) ++wins;
  }
  if (games < 5) return std::nullopt;
  return static_cast<double>(wins) / games;
}

VsOpponent points_vs_opponent(std::span<const PgsRecord> all_rows, const std::string& opponent,
                              Date d) {
  VsOpponent v;
  double sum = 0;
  int with_pts = 0;
  for (const PgsRecord& r : analytics::before(all_rows, d)) {
    if (r.game_date.days < d.days - 365 || r.opponent_abbr != opponent || !r.appeared()) continue;
    ++v.games;
    if (r.pts) {
      sum += static_cast<double>(*r.pts);
      ++with_pts;
    }
  }
  if (with_pts > 0) v.avg_points = sum / with_pts;
  return v;
}

std::optional<double> ppm_avg_last_10(Games games) {
  double pts = 0, mins = 0;
  for (size_t i = 0; i < games.size() && i < 10; ++i) {
    pts += static_cast<double>(games[i]->pts.value_or(0));
    mins += games[i]->minutes.value_or(0);
  }
  if (mins <= 0) return std::nullopt;
  return pts / mins;
}

std::vector<const analytics::Game*> l10_expected_games(const analytics::RawInputs& raw,
                                                       const std::string& player_lookup, Date d) {
  int season = season_of(d);
  auto boxes = raw.player_boxes(player_lookup);
  const analytics::PlayerBox* latest = nullptr;
  for (const auto* b : boxes) {
    if (b->game_date >= d) break;
    if (season_of(b->game_date) == season) latest = b;
  }
  std::vector<const analytics::Game*> out;
  if (!latest) return out;
  const std::string& team = latest->team_abbr;
  Date join = latest->game_date;
  for (const auto* b : boxes) {
    if (season_of(b->game_date) == season && b->team_abbr == team && b->game_date < d) {
      join = b->game_date;
      break;
    }
  }
  auto games = raw.team_games(team);
  for (size_t i = games.size(); i-- > 0 && out.size() < 10;) {
    const analytics::Game* g = games[i];
    if (g->game_date >= d) continue;
    if (g->game_date < join || g->season != season) break;
    if (g->is_final()) out.push_back(g);
  }
  return out;
}

std::optional<double> dnp_rate(const analytics::RawInputs& raw, const std::string& player_lookup,
                               Date d) {
  auto expected = l10_expected_games(raw, player_lookup, d);
  if (expected.size() < 3) return std::nullopt;
  // His appearances dated within E's span (E is newest first), newest first.
  Date oldest = expected.back()->game_date;
  std::vector<const std::string*> appeared;
  auto boxes = raw.player_boxes(player_lookup);
  for (size_t i = boxes.size(); i-- > 0;) {
    if (boxes[i]->game_date >= d) continue;
    if (boxes[i]->game_date < oldest) break;
    if (boxes[i]->appeared()) appeared.push_back(&boxes[i]->game_id);
  }
  int missed = 0;
  for (const auto* g : expected) {
    bool found = std::any_of(appeared.begin(), appeared.end(),
                             [&](const std::string* id) { return *id == g->game_id; });
    if (!found) ++missed;
  }
  return static_cast<double>(missed) / static_cast<double>(expected.size());
}

std::optional<double> pts_slope_10g(Games games) {
  std::vector<double> p = points(games, 10);
  if (p.size() < 5) return std::nullopt;
  std::reverse(p.begin(), p.end());
  return analytics::least_squares_slope(p);
}

double pts_vs_season_zscore(double f0, double f2, double f3) {
  if (f3 == 0) return 0;
  return std::clamp((f0 - f2) / f3, -3.0, 3.0);
}

double breakout_flag(double f0, double f2, double f3) {
  return f0 > f2 + 1.5 * f3 ? 1 : 0;
}

std::optional<double> points_avg_last_3(Games games) {
  return mean(points(games, 3));
}

std::optional<double> scoring_trend_slope(Games games) {
  std::vector<double> p = points(games, 7);
  if (p.size() < 4) return std::nullopt;
  std::reverse(p.begin(), p.end());
  return analytics::least_squares_slope(p);
}

std::optional<double> deviation_from_avg_last3(Games games, Date d) {
  auto f43 = points_avg_last_3(games);
  std::vector<double> p = points(last_60_days(games, d), games.size());
  if (!f43 || p.size() < 2) return std::nullopt;
  double mu = *mean(p), sigma = *sample_sd(p);
  if (sigma == 0) return 0.0;
  return (*f43 - mu) / sigma;
}

std::optional<double> consecutive_games_below_avg(Games games, Date d) {
  Games window = last_60_days(games, d);
  std::vector<double> p = points(window, window.size());
  if (p.empty()) return std::nullopt;
  double mu = *mean(p);
  int run = 0;
  for (double x : p) {
    if (!(x < mu)) break;
    ++run;
  }
  return run;
}

double teammate_usage_available(const analytics::Phase3History& history,
                                std::span<const std::string> out_teammates, Date d) {
  double total = 0;
  for (const std::string& p : out_teammates) {
    double sum = 0;
    int n = 0;
    for (const PgsRecord& r : analytics::before(history.player(p), d)) {
      if (r.game_date.days < d.days - 30 || !r.appeared() || !(*r.minutes > 10) || !r.usage_rate) {
        continue;
      }
      sum += *r.usage_rate;
      ++n;
    }
    if (n > 0) total += sum / n;
  }
  return total;
}

std::optional<double> usage_rate_last_5(Games games) {
  std::vector<double> u;
  for (size_t i = 0; i < games.size() && i < 5; ++i) {
    if (games[i]->usage_rate) u.push_back(*games[i]->usage_rate);
  }
  if (u.size() < 3) return std::nullopt;
  return mean(u);
}

std::optional<double> games_since_structural_change(Games games, Date d) {
  if (games.empty()) return std::nullopt;
  if (d.days - games[0]->game_date.days > 14) return 0.0;
  for (size_t k = 0; k + 1 < games.size(); ++k) {
    bool team_change = games[k]->team_abbr != games[k + 1]->team_abbr;
    bool gap = games[k]->game_date.days - games[k + 1]->game_date.days > 14;
    if (team_change || gap) return static_cast<double>(k + 1);
  }
  return static_cast<double>(std::min<size_t>(games.size(), 30));
}

std::optional<double> multi_book_line_std(std::span<const analytics::PropLine* const> lines,
                                          const analytics::Game* game) {
  // Per book: the latest candidate (ties: the lower line).
  std::map<std::string, const analytics::PropLine*> latest;
  for (const analytics::PropLine* l : lines) {
    if (l->market != "points") continue;
    if (!(l->snapshot_utc < analytics::prop_line_cutoff(*l, game).at)) continue;
    auto& slot = latest[l->bookmaker];
    if (!slot || l->snapshot_utc > slot->snapshot_utc ||
        (l->snapshot_utc == slot->snapshot_utc && l->line < slot->line)) {
      slot = l;
    }
  }
  std::vector<double> values;
  for (const auto& [book, l] : latest) values.push_back(l->line);
  return sample_sd(values);
}

std::optional<double> prop_line_delta(std::optional<double> line, Games games, Date d) {
  if (!line) return std::nullopt;
  for (const PgsRecord* g : games) {
    if (g->game_date.days < d.days - 14) break;
    if (g->points_line) return *line - *g->points_line;
  }
  return std::nullopt;
}

std::optional<double> over_rate_last_10(Games games) {
  auto g = with_line(games, 10);
  if (g.size() < 5) return std::nullopt;
  int over = 0;
  for (const PgsRecord* r : g) {
    if (static_cast<double>(*r->pts) > *r->points_line) ++over;
  }
  return static_cast<double>(over) / static_cast<double>(g.size());
}

std::optional<double> margin_vs_line_avg_last_5(Games games) {
  auto g = with_line(games, 5);
  if (g.size() < 3) return std::nullopt;
  double sum = 0;
  for (const PgsRecord* r : g) sum += static_cast<double>(*r->pts) - *r->points_line;
  return sum / static_cast<double>(g.size());
}

std::optional<double> blowout_minutes_risk(std::span<const analytics::TogsRecord> team_games) {
  int n = 0, blowouts = 0;
  for (size_t i = team_games.size(); i-- > 0 && n < 10;) {
    if (!team_games[i].margin) continue;
    ++n;
    if (std::abs(*team_games[i].margin) >= 15) ++blowouts;
  }
  if (n < 3) return std::nullopt;
  return static_cast<double>(blowouts) / n;
}

std::optional<double> minutes_volatility_last_10(Games games) {
  std::vector<double> m = minutes(games, 10);
  if (m.size() < 3) return std::nullopt;
  return sample_sd(m);
}

}  // namespace nbaprops::precompute::features
