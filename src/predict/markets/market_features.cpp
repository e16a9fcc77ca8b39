#include "predict/markets/market_features.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "analytics/window_stats.h"

namespace nbaprops::predict::markets {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr double kMaxRestDays = 30;
constexpr double kProjectionDecay = 0.7;  // minutes_projection's weight per game back

// The last `n` games of `games` (all of them when fewer).
std::span<const PlayerGame> last_n(std::span<const PlayerGame> games, size_t n) {
  return games.subspan(games.size() - std::min(n, games.size()));
}

template <typename F>
float mean_of(std::span<const PlayerGame> games, F value) {
  if (games.empty()) return kNaN;
  double sum = 0;
  for (const PlayerGame& g : games) sum += value(g);
  return static_cast<float>(sum / static_cast<double>(games.size()));
}

template <typename F>
float sd_of(std::span<const PlayerGame> games, F value) {
  if (games.size() < 2) return kNaN;
  double mean = 0;
  for (const PlayerGame& g : games) mean += value(g);
  mean /= static_cast<double>(games.size());
  double ss = 0;
  for (const PlayerGame& g : games) ss += (value(g) - mean) * (value(g) - mean);
  return static_cast<float>(std::sqrt(ss / static_cast<double>(games.size() - 1)));
}

void set(MarketFeatures& f, MarketFeature k, float v) {
  f[static_cast<size_t>(k)] = v;
}

void set(MarketFeatures& f, MarketFeature k, std::optional<double> v) {
  if (v) set(f, k, static_cast<float>(*v));
}

// The minutes of `games` (oldest first): their slope, and their mean weighted 0.7^k from the
// newest (k = 0).
void set_minutes_features(MarketFeatures& f, std::span<const PlayerGame> games) {
  std::vector<double> minutes;
  for (const PlayerGame& g : games) minutes.push_back(g.stats.minutes);
  set(f, MarketFeature::kMinutesTrendLast10, analytics::trend_slope(minutes));
  if (minutes.empty()) return;
  double weight = 1, sum = 0, weights = 0;
  for (auto it = minutes.rbegin(); it != minutes.rend(); ++it, weight *= kProjectionDecay) {
    sum += weight * *it;
    weights += weight;
  }
  set(f, MarketFeature::kMinutesProjection, static_cast<float>(sum / weights));
}

}  // namespace

const std::array<std::string_view, kMarketFeatureCount>& market_feature_names() {
  static const std::array<std::string_view, kMarketFeatureCount> names = {
      "stat_avg_last_5",
      "stat_avg_last_10",
      "stat_avg_season",
      "stat_sd_last_10",
      "minutes_avg_last_5",
      "minutes_avg_last_10",
      "fg3a_avg_last_10",
      "fg3_rate_last_10",
      "opp_allowed_last_10",
      "home",
      "rest_days",
      "games_season",
      "line_consensus",
      "line_movement",
      "line_books",
      "minutes_trend_last_10",
      "minutes_projection",
      "teammates_missing_stat",
      "teammates_missing_minutes",
      "injury_risk",
      "teammates_out_stat",
      "line_spread",
      "market_no_vig_over"};
  return names;
}

MarketFeatures market_features(const MarketDef& market, Date d, bool home,
                               std::span<const PlayerGame> player_games,
                               std::span<const TeamAllowed> opponent_allowed,
                               const std::optional<SameDayLine>& line, const SameDay& same_day) {
  MarketFeatures f;
  f.fill(kNaN);
  auto stat = [&](const PlayerGame& g) { return market.stat(g.stats); };
  auto minutes = [](const PlayerGame& g) { return g.stats.minutes; };
  // Games within the look-back, and those of D's season.
  auto recent_begin = std::find_if(player_games.begin(), player_games.end(), [&](const auto& g) {
    return g.date.days >= d.days - kMarketLookBackDays;
  });
  std::span<const PlayerGame> recent(recent_begin, player_games.end());
  int season = season_of(d);
  auto season_begin = std::find_if(recent.begin(), recent.end(),
                                   [&](const auto& g) { return season_of(g.date) == season; });
  std::span<const PlayerGame> this_season(season_begin, recent.end());
  auto l5 = last_n(recent, 5), l10 = last_n(recent, 10);
  set(f, MarketFeature::kStatAvgLast5, mean_of(l5, stat));
  set(f, MarketFeature::kStatAvgLast10, mean_of(l10, stat));
  set(f, MarketFeature::kStatAvgSeason, mean_of(this_season, stat));
  set(f, MarketFeature::kStatSdLast10, sd_of(l10, stat));
  set(f, MarketFeature::kMinutesAvgLast5, mean_of(l5, minutes));
  set(f, MarketFeature::kMinutesAvgLast10, mean_of(l10, minutes));
  if (market.three_point_features) {
    set(f, MarketFeature::kFg3aAvgLast10, mean_of(l10, [](const auto& g) { return g.stats.fg3a; }));
    double made = 0, tried = 0;
    for (const PlayerGame& g : l10) {
      made += g.stats.fg3m;
      tried += g.stats.fg3a;
    }
    if (tried > 0) set(f, MarketFeature::kFg3RateLast10, static_cast<float>(made / tried));
  }
  auto opp = opponent_allowed.subspan(opponent_allowed.size() -
                                      std::min<size_t>(10, opponent_allowed.size()));
  if (!opp.empty()) {
    double sum = 0;
    for (const TeamAllowed& t : opp) sum += market.stat(t.stats);
    set(f, MarketFeature::kOppAllowedLast10, static_cast<float>(sum / opp.size()));
  }
  set(f, MarketFeature::kHome, home ? 1.0f : 0.0f);
  if (!recent.empty()) {
    double rest = std::min<double>(kMaxRestDays, d.days - recent.back().date.days);
    set(f, MarketFeature::kRestDays, static_cast<float>(rest));
  }
  set(f, MarketFeature::kGamesSeason, static_cast<float>(this_season.size()));
  if (line) {
    set(f, MarketFeature::kLineConsensus, static_cast<float>(line->consensus_line));
    set(f, MarketFeature::kLineMovement, static_cast<float>(line->movement));
    set(f, MarketFeature::kLineBooks, static_cast<float>(line->books));
    set(f, MarketFeature::kMarketNoVigOver, line->no_vig_over);
  }
  set_minutes_features(f, l10);
  set(f, MarketFeature::kTeammatesMissingStat, same_day.teammates_missing_stat);
  set(f, MarketFeature::kTeammatesMissingMinutes, same_day.teammates_missing_minutes);
  set(f, MarketFeature::kInjuryRisk, same_day.injury_risk);
  set(f, MarketFeature::kTeammatesOutStat, same_day.teammates_out_stat);
  set(f, MarketFeature::kLineSpread, same_day.line_spread);
  return f;
}

}  // namespace nbaprops::predict::markets
