// Small statistics over a window of per-game values, as the README defines them: means skip
// NULLs (a mean of nothing is NULL), the standard deviation is the sample one (n - 1, NULL
// below 2 values), medians take the mean of the middle two on an even count.
// Pure functions; thread-safe. Results are unrounded (round at storage only).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace nbaprops::analytics {

// Mean of the non-NULL values; NULL when there are none.
std::optional<double> mean_of(std::span<const std::optional<double>> values);
std::optional<double> mean_of(std::span<const double> values);
// Sample standard deviation (n - 1) of the non-NULL values; NULL for fewer than 2.
std::optional<double> sample_std_of(std::span<const std::optional<double>> values);
std::optional<double> sample_std_of(std::span<const double> values);
// Median; NULL when empty. Even count: mean of the middle two.
std::optional<double> median_of(std::vector<double> values);
// Least-squares slope of y on x = 0, 1, ..., n - 1 (y oldest to newest); NULL when n < 2.
std::optional<double> least_squares_slope(std::span<const double> oldest_to_newest);
// least_squares_slope for UPGC's points_trend_slope (02-analytics.md): NULL when n < 3.
std::optional<double> trend_slope(std::span<const double> oldest_to_newest);
// Sample quality of a last-N window holding n games (02-analytics.md §5): excellent n >= N,
// good n >= int(0.7 N), limited n >= int(0.5 N), else insufficient.
std::string sample_quality(int n, int window);

}  // namespace nbaprops::analytics
