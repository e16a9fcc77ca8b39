#include "analytics/player_context_features.h"

#include <algorithm>
#include <vector>

#include "analytics/window_stats.h"

namespace nbaprops::analytics {
namespace {

std::optional<double> pts_of(const PgsRecord& r) {
  return r.pts ? std::optional<double>(static_cast<double>(*r.pts)) : std::nullopt;
}

// Appearances of A in the window: the first `n` games, or those with D - days <= date < D.
std::vector<const PgsRecord*> first_games(const PlayerWindow& w, size_t n) {
  n = std::min(n, w.appearances.size());
  return {w.appearances.begin(), w.appearances.begin() + static_cast<std::ptrdiff_t>(n)};
}

std::vector<const PgsRecord*> last_days(const PlayerWindow& w, Date d, int days) {
  std::vector<const PgsRecord*> out;
  for (const PgsRecord* r : w.appearances) {
    if (d.days - r->game_date.days > days) break;  // newest first: the rest are older
    out.push_back(r);
  }
  return out;
}

struct Columns {
  std::vector<std::optional<double>> pts, minutes, usage;
};

Columns columns_of(const std::vector<const PgsRecord*>& games) {
  Columns c;
  for (const PgsRecord* r : games) {
    c.pts.push_back(pts_of(*r));
    c.minutes.push_back(r->minutes);
    c.usage.push_back(r->usage_rate);
  }
  return c;
}

}  // namespace

RecentPerformance recent_performance(const PlayerWindow& w, Date d) {
  RecentPerformance p;
  Columns l5 = columns_of(first_games(w, 5));
  Columns l10 = columns_of(first_games(w, 10));
  Columns l30d = columns_of(last_days(w, d, 30));
  p.points_avg_last_5 = mean_of(l5.pts);
  p.points_avg_last_10 = mean_of(l10.pts);
  p.points_avg_last_30_days = mean_of(l30d.pts);
  p.minutes_avg_last_5 = mean_of(l5.minutes);
  p.minutes_avg_last_10 = mean_of(l10.minutes);
  p.minutes_avg_last_30_days = mean_of(l30d.minutes);
  p.usage_avg_last_5 = mean_of(l5.usage);
  p.usage_avg_last_10 = mean_of(l10.usage);
  p.usage_avg_last_30_days = mean_of(l30d.usage);
  p.points_std_last_5 = sample_std_of(l5.pts);
  p.points_std_last_10 = sample_std_of(l10.pts);
  std::vector<double> oldest_to_newest;  // games with NULL pts are left out
  for (auto it = l10.pts.rbegin(); it != l10.pts.rend(); ++it) {
    if (*it) oldest_to_newest.push_back(**it);
  }
  p.points_trend_slope = trend_slope(oldest_to_newest);
  p.l5_games_used = static_cast<int>(l5.pts.size());
  p.l10_games_used = static_cast<int>(l10.pts.size());
  p.l5_sample_quality = sample_quality(p.l5_games_used, 5);
  p.l10_sample_quality = sample_quality(p.l10_games_used, 10);
  return p;
}

Fatigue fatigue(const PlayerWindow& w, Date d) {
  Fatigue f;
  const auto& a = w.appearances;
  if (a.empty()) return f;
  f.days_rest = d.days - a[0]->game_date.days;
  f.back_to_back = *f.days_rest == 1;
  std::vector<std::optional<double>> usage_7d;
  for (const PgsRecord* r : last_days(w, d, 14)) {
    bool in_7d = d.days - r->game_date.days <= 7;
    f.games_in_last_14_days += 1;
    f.minutes_in_last_14_days += r->minutes.value_or(0);
    if (!in_7d) continue;
    f.games_in_last_7_days += 1;
    f.minutes_in_last_7_days += r->minutes.value_or(0);
    usage_7d.push_back(r->usage_rate);
  }
  if (f.games_in_last_7_days > 0) {
    f.avg_minutes_per_game_last_7_days =
        f.minutes_in_last_7_days / static_cast<double>(f.games_in_last_7_days);
  }
  f.avg_usage_rate_last_7_days = mean_of(usage_7d);
  for (size_t i = 0; i + 1 < a.size(); ++i) {
    int gap = a[i]->game_date.days - a[i + 1]->game_date.days;
    bool both_in_14d = d.days - a[i + 1]->game_date.days <= 14;
    if (gap == 1 && both_in_14d) ++f.back_to_backs_last_14_days;
    if (gap >= 2 && !f.days_since_2_plus_days_rest) {
      f.days_since_2_plus_days_rest = d.days - a[i]->game_date.days;
    }
  }
  if (a.size() >= 2) f.days_rest_before_last_game = a[0]->game_date.days - a[1]->game_date.days;
  return f;
}

PropStreaks prop_streaks(std::span<const PgsRecord> season_rows, double line) {
  PropStreaks s;
  for (auto it = season_rows.rbegin(); it != season_rows.rend(); ++it) {
    if (it->is_dnp || !it->pts) break;
    double pts = static_cast<double>(*it->pts);
    if (pts > line) {
      if (s.under > 0) break;
      ++s.over;
    } else if (pts < line) {
      if (s.over > 0) break;
      ++s.under;
    }
  }
  return s;
}

std::string season_phase(const std::string& season_type, Date d) {
  if (season_type == "playoffs" || season_type == "playin") return "playoffs";
  unsigned m = month_of(d);
  if (m == 10 || m == 11) return "early";
  if (m == 12 || m == 1 || m == 2) return "mid";
  return "late";
}

std::optional<int64_t> player_age(std::optional<Date> birth, Date d) {
  if (!birth) return std::nullopt;
  int64_t years = year_of(d) - year_of(*birth);
  if (month_of(d) < month_of(*birth) ||
      (month_of(d) == month_of(*birth) && day_of(d) < day_of(*birth))) {
    --years;
  }
  return years;
}

int appearances_last_30_days(const PlayerWindow& w, Date d) {
  return static_cast<int>(last_days(w, d, 30).size());
}

}  // namespace nbaprops::analytics
