#include "predict/similarity.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "analytics/history.h"
#include "core/date.h"

namespace nbaprops::predict {
namespace {

constexpr int kLookbackDays = 90;
constexpr size_t kMaxCandidates = 30;
constexpr size_t kMaxUsed = 20;
constexpr int kMinScore = 70;
constexpr int kMinGames = 5;

int tier_rank(Tier t) {
  return static_cast<int>(t);
}

double sample_sd(const std::vector<double>& v) {
  double mean = 0;
  for (double x : v) mean += x;
  mean /= static_cast<double>(v.size());
  double ss = 0;
  for (double x : v) ss += (x - mean) * (x - mean);
  return std::sqrt(ss / static_cast<double>(v.size() - 1));
}

}  // namespace

Tier opponent_tier(std::optional<double> r) {
  if (!r) return Tier::kUnknown;
  return *r < 110 ? Tier::kElite : (*r < 115 ? Tier::kAverage : Tier::kWeak);
}

Rest rest_of(std::optional<int> days) {
  if (!days || *days >= 4) return Rest::kRested;
  if (*days <= 1) return Rest::kBackToBack;
  return *days == 2 ? Rest::kOneDay : Rest::kTwoDays;
}

Form form_of(std::optional<double> diff) {
  if (!diff) return Form::kNormal;
  return *diff >= 3 ? Form::kHot : (*diff <= -3 ? Form::kCold : Form::kNormal);
}

GameContext game_context(std::span<const PlayerGame> history, Date d, const std::string& opponent,
                         bool home, const DefenseByDate& defense) {
  GameContext c;
  const TeamDefense* def = defense.find(d, opponent);
  c.tier = opponent_tier(def ? def->defensive_rating : std::nullopt);
  c.home = home;
  auto prior = analytics::before(history, d);
  std::optional<int> days;
  // season_of(g) == season_of(d) for an earlier game g iff g is on or after the first day of
  // d's season (season_of: a season runs from October 1 to September 30).
  const Date season_first = make_date(season_of(d), 10, 1);
  double season_sum = 0, l5_sum = 0;
  int season_n = 0, l5_n = 0;
  for (size_t i = prior.size(); i-- > 0;) {
    const PlayerGame& g = prior[i];
    if (!g.appeared) continue;
    if (!days) days = d.days - g.game_date.days;
    if (g.game_date < season_first) break;
    if (!g.points) continue;
    season_sum += *g.points;
    ++season_n;
    if (l5_n < 5) {
      l5_sum += *g.points;
      ++l5_n;
    }
  }
  c.rest = rest_of(days);
  if (season_n > 0) c.form = form_of(l5_sum / l5_n - season_sum / season_n);
  return c;
}

int similarity_score(const GameContext& a, const GameContext& b) {
  int s = 0;
  if (a.tier == Tier::kUnknown || b.tier == Tier::kUnknown) {
    s += 20;
  } else if (a.tier == b.tier) {
    s += 40;
  } else if (std::abs(tier_rank(a.tier) - tier_rank(b.tier)) == 1) {
    s += 20;
  }
  int rest_gap = std::abs(static_cast<int>(a.rest) - static_cast<int>(b.rest));
  s += rest_gap == 0 ? 30 : (rest_gap == 1 ? 15 : 0);
  s += a.home == b.home ? 15 : 0;
  s += a.form == b.form ? 15 : 5;
  return s;
}

double similarity_confidence(int n, double mean_score, double sd) {
  double count = n >= 15 ? 12 : (n >= 10 ? 9 : (n >= 7 ? 6 : -10));
  double sim = mean_score >= 85 ? 12 : (mean_score >= 75 ? 9 : 6);
  double spread = sd < 4 ? 10 : (sd < 6 ? 6 : (sd < 8 ? 2 : -5));
  return std::clamp(35 + count + sim + spread, 0.0, 100.0);
}

SystemResult similarity(const PlayerDay& p) {
  const Features& f = p.features;
  bool home_today = f[Feature::kHomeAway] && *f[Feature::kHomeAway] == 1;
  GameContext today = game_context(p.history, p.d, p.opponent_abbr, home_today, *p.defense);
  struct Scored {
    int score;
    Date date;
    double points;
  };
  std::vector<Scored> kept;
  size_t candidates = 0;
  for (size_t i = p.history.size(); i-- > 0 && candidates < kMaxCandidates;) {
    const PlayerGame& g = p.history[i];
    if (g.game_date.days < p.d.days - kLookbackDays) break;
    if (!g.appeared || !g.points || !(g.game_date < p.d)) continue;
    ++candidates;
    GameContext past = game_context(p.history, g.game_date, g.opponent_abbr, g.home, *p.defense);
    int s = similarity_score(today, past);
    if (s >= kMinScore) kept.push_back({s, g.game_date, *g.points});
  }
  std::stable_sort(kept.begin(), kept.end(), [](const Scored& a, const Scored& b) {
    return a.score != b.score ? a.score > b.score : b.date < a.date;
  });
  if (kept.size() > kMaxUsed) kept.resize(kMaxUsed);
  int n = static_cast<int>(kept.size());
  if (n < kMinGames) {
    return SystemResult::decline("too_few_similar", std::to_string(n) + " games score >= 70 of " +
                                                        std::to_string(candidates) + " candidates");
  }
  double weighted = 0, weights = 0;
  std::vector<double> points;
  for (const Scored& k : kept) {
    weighted += k.points * k.score;
    weights += k.score;
    points.push_back(k.points);
  }
  double raw = weighted / weights;
  if (f[Feature::kFatigueScore]) raw += 0.015 * (*f[Feature::kFatigueScore] - 70);
  if (f[Feature::kShotZoneMismatchScore]) raw += 0.4 * *f[Feature::kShotZoneMismatchScore];
  if (f[Feature::kPaceScore]) raw += 0.8 * *f[Feature::kPaceScore];
  if (f[Feature::kUsageSpikeScore]) raw += 0.8 * *f[Feature::kUsageSpikeScore];
  if (f[Feature::kHomeAway]) raw += *f[Feature::kHomeAway] == 1 ? 0.8 : -0.5;
  Estimate e;
  e.raw = raw;
  e.mean_similarity = weights / n;
  e.similar_games = n;
  e.confidence = similarity_confidence(n, *e.mean_similarity, sample_sd(points));
  return SystemResult::ok(e);
}

}  // namespace nbaprops::predict
