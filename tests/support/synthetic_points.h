// Test support for gradient_boosting: synthetic player-games whose points are a known nonlinear
// function of a few features plus small noise. Features 0-2 (L5, L10, season average) hold the
// player's linear baseline with noise, so moving_average's formula sees only part of the truth.
// Deterministic (fixed seed); header-only.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "core/date.h"
#include "predict/player_day.h"
#include "predict/training_set.h"

namespace nbaprops::testing {

struct SyntheticGame {
  Date game_date;
  std::string player_lookup;
  predict::Features features;
  double points = 0;
};

// The truth: 0.6 * minutes (31) + 6 if pct_three (20) > 0.5 else -2, + 3 * rest_advantage (9)^2,
// + 4 * sin(usage_rate_last_5 (48) / 3).
inline double synthetic_truth(const predict::Features& f) {
  return 0.6 * *f[31] + (*f[20] > 0.5 ? 6.0 : -2.0) + 3.0 * *f[9] * *f[9] +
         4.0 * std::sin(*f[48] / 3.0);
}

// `players` games on each of `days` dates from `first`, in (date, player) order.
inline std::vector<SyntheticGame> synthetic_games(Date first, int days, int players,
                                                  unsigned seed = 7) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::normal_distribution<double> noise(0.0, 1.0);
  std::vector<SyntheticGame> games;
  for (int day = 0; day < days; ++day) {
    for (int p = 0; p < players; ++p) {
      SyntheticGame g;
      g.game_date = Date{first.days + day};
      char name[32];
      std::snprintf(name, sizeof name, "player%03d", p);
      g.player_lookup = name;
      predict::Features& f = g.features;
      for (size_t i = 0; i < predict::kFeatureCount; ++i) f[i] = std::round(unit(rng) * 100) / 10;
      f[31] = 10 + 28 * unit(rng);
      f[20] = unit(rng);
      f[9] = -2 + 4 * unit(rng);
      f[48] = 30 * unit(rng);
      // moving_average's adjustment terms neutral: rested, no mismatch, pace or usage spike,
      // venue unknown, no back-to-back.
      f[predict::Feature::kFatigueScore] = 80;
      f[predict::Feature::kShotZoneMismatchScore] = 0;
      f[predict::Feature::kPaceScore] = 0;
      f[predict::Feature::kUsageSpikeScore] = 0;
      f[predict::Feature::kHomeAway] = std::nullopt;
      f[predict::Feature::kBackToBack] = 0;
      double baseline = 0.6 * *f[31] + 2.0;
      f[predict::Feature::kPointsAvgSeason] = baseline;
      f[predict::Feature::kPointsAvgLast5] = baseline + 2 * noise(rng);
      f[predict::Feature::kPointsAvgLast10] = baseline + noise(rng);
      g.points = std::max(0.0, std::round(synthetic_truth(f) + 0.8 * noise(rng)));
      games.push_back(std::move(g));
    }
  }
  return games;
}

// The gradient_boosting training rows of `games` (features as the model takes them, the label
// its points, the line feature 25), in the games' order.
inline std::vector<predict::TrainingRow> synthetic_training_rows(
    const std::vector<SyntheticGame>& games) {
  std::vector<predict::TrainingRow> rows;
  rows.reserve(games.size());
  for (const auto& g : games) {
    predict::TrainingRow r;
    r.game_date = g.game_date;
    r.player_lookup = g.player_lookup;
    r.x = predict::model_features(g.features, nullptr);
    r.label = static_cast<float>(g.points);
    r.line = g.features[25];
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace nbaprops::testing
