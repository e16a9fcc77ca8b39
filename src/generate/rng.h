// A small, portable pseudo-random generator and the distributions the generator needs.
//
// Rng is xoshiro256** seeded through SplitMix64; every distribution here is written out
// by hand (uniform from raw bits, Box-Muller normal, Knuth Poisson, ...) so the same seed
// gives the same numbers with every compiler and standard library. An Rng is a value:
// copying it forks an identical stream. Not thread-safe; give each thread its own.
#pragma once

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <utility>
#include <vector>

namespace nbaprops::gen {

class Rng {
 public:
  explicit Rng(uint64_t seed) {
    uint64_t x = seed;
    for (auto& s : s_) s = splitmix(x);
  }

  // An independent stream for a named sub-task: same (seed, tags) -> same stream.
  static Rng derive(uint64_t seed, std::initializer_list<uint64_t> tags) {
    uint64_t x = seed ^ 0x9e3779b97f4a7c15ULL;
    for (uint64_t t : tags) {
      uint64_t y = x ^ (t * 0xd1b54a32d192ed03ULL);
      x = splitmix(y);
    }
    return Rng(x);
  }

  uint64_t next() {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, 1), 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  // Uniform integer in [0, n); REQUIRES n > 0. Multiply-shift (bias < 2^-32 for small n).
  int below(int n) { return static_cast<int>(((next() >> 32) * static_cast<uint64_t>(n)) >> 32); }
  int between(int lo, int hi) { return lo + below(hi - lo + 1); }  // inclusive
  bool chance(double p) { return uniform() < p; }

  // Standard normal by Box-Muller (one value per call; no cached second value).
  double normal() {
    double u1 = uniform();
    double u2 = uniform();
    if (u1 < 1e-300) u1 = 1e-300;
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }
  double normal(double mean, double sd) { return mean + sd * normal(); }

  // Poisson by Knuth's product method for small means, a rounded normal above 30.
  int poisson(double mean) {
    if (mean <= 0) return 0;
    if (mean > 30) {
      double v = std::round(normal(mean, std::sqrt(mean)));
      return v < 0 ? 0 : static_cast<int>(v);
    }
    const double limit = std::exp(-mean);
    double p = uniform();
    int k = 0;
    while (p > limit) {
      p *= uniform();
      ++k;
    }
    return k;
  }

  // Number of successes in n trials of probability p.
  int binomial(int n, double p) {
    int k = 0;
    for (int i = 0; i < n; ++i) k += chance(p) ? 1 : 0;
    return k;
  }

  // Index drawn with probability proportional to weights; REQUIRES a positive sum.
  int weighted(const std::vector<double>& weights) {
    double total = 0;
    for (double w : weights) total += w;
    double r = uniform() * total;
    for (size_t i = 0; i < weights.size(); ++i) {
      if (r < weights[i]) return static_cast<int>(i);
      r -= weights[i];
    }
    for (size_t i = weights.size(); i-- > 0;)
      if (weights[i] > 0) return static_cast<int>(i);
    return 0;
  }

  template <typename T>
  void shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(static_cast<int>(i))]);
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static uint64_t splitmix(uint64_t& x) {
    uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  uint64_t s_[4];
};

}  // namespace nbaprops::gen
