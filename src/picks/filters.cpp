#include "picks/filters.h"

#include <fmt/format.h>

#include <cmath>

namespace nbaprops::picks {
namespace {

using Verdict = std::optional<std::string>;

Verdict no_price(const Candidate& c, const FilterContext&) {
  if (!lacks_price(c)) return std::nullopt;
  return fmt::format("P(over) {:.2f} but no {} price: no expected value", *c.p_over, side_of(c));
}

Verdict min_edge(const Candidate& c, const FilterContext& x) {
  if (lacks_price(c)) return std::nullopt;  // no_price's: neither rule applies
  if (auto ev = expected_value(c)) {
    if (*ev >= x.config->min_ev) return std::nullopt;
    return fmt::format("expected value {:+.3f} below {:.3f}", *ev, x.config->min_ev);
  }
  if (std::fabs(c.edge) >= x.config->min_edge) return std::nullopt;
  return fmt::format("edge {:+.2f} smaller than {:.1f}", c.edge, x.config->min_edge);
}

Verdict max_edge(const Candidate& c, const FilterContext& x) {
  if (std::fabs(c.edge) <= x.config->max_edge) return std::nullopt;
  return fmt::format("edge {:+.2f} larger than {:.1f}: a model or line error is likelier", c.edge,
                     x.config->max_edge);
}

Verdict confidence(const Candidate& c, const FilterContext&) {
  if (c.recommendation == "OVER" || c.recommendation == "UNDER") return std::nullopt;
  return fmt::format("{} does not recommend it (confidence {:.1f})", c.system_id, c.confidence);
}

Verdict disagree(const Candidate&, const FilterContext& x) {
  if (!x.systems_disagree) return std::nullopt;
  return std::string("another system is on the other side of the line");
}

Verdict injury(const Candidate& c, const FilterContext&) {
  if (!c.injury_status) return std::nullopt;
  const std::string& s = *c.injury_status;
  if (s == "out" || s == "doubtful" || s == "questionable") return "listed " + s;
  return std::nullopt;
}

Verdict minutes(const Candidate& c, const FilterContext& x) {
  if (c.l10_games_used < x.config->min_l10_games) {
    return fmt::format("only {} of his last 10 games", c.l10_games_used);
  }
  if (c.minutes_avg_last_5 && c.minutes_avg_last_10 &&
      std::fabs(*c.minutes_avg_last_5 - *c.minutes_avg_last_10) >= x.config->unstable_minutes) {
    return fmt::format("minutes unstable: {:.1f} over the last 5, {:.1f} over the last 10",
                       *c.minutes_avg_last_5, *c.minutes_avg_last_10);
  }
  return std::nullopt;
}

Verdict stale_line(const Candidate& c, const FilterContext& x) {
  if (!c.line_snapshot_at || !c.tipoff_utc) return std::nullopt;
  auto snap = parse_timestamp(*c.line_snapshot_at);
  auto tip = parse_timestamp(*c.tipoff_utc);
  if (!snap || !tip) return std::nullopt;
  double hours = static_cast<double>(tip->seconds - snap->seconds) / 3600.0;
  if (hours < x.config->stale_hours) return std::nullopt;
  return fmt::format("line taken {:.0f} h before tip-off", hours);
}

Verdict moved_line(const Candidate& c, const FilterContext& x) {
  if (!c.line_movement || std::fabs(*c.line_movement) < x.config->moved_line) return std::nullopt;
  return fmt::format("line moved {:+.1f} since it opened", *c.line_movement);
}

}  // namespace

const std::vector<Filter>& pick_filters() {
  // clang-format off
  static const std::vector<Filter> filters = {
    {"no_price",         "with P(over) known, the book gave a price for the side (an EV pick needs the price it is taken at)", no_price},
    {"min_edge",         "|edge| >= min_edge points (expected value >= min_ev when P(over) is known)", min_edge},
    {"edge_too_large",   "|edge| <= max_edge points (larger edges are more often a model or line error than value)", max_edge},
    {"confidence",       "the system itself recommends OVER or UNDER (its own edge and confidence thresholds, 04-predictions.md 2.2)", confidence},
    {"systems_disagree", "no other system of the same player and market is disagree_edge points or more on the other side", disagree},
    {"injury",           "the player is not listed out, doubtful or questionable", injury},
    {"unstable_minutes", "at least min_l10_games of his last 10 played, and minutes over the last 5 within unstable_minutes of the last 10", minutes},
    {"stale_line",       "the line's snapshot is less than stale_hours before tip-off", stale_line},
    {"moved_line",       "the line moved less than moved_line points since it opened", moved_line},
  };
  // clang-format on
  return filters;
}

FilterVerdict apply_filters(const Candidate& c, const FilterContext& ctx) {
  FilterVerdict v;
  for (const auto& f : pick_filters()) {
    if (auto why = f.test(c, ctx)) {
      v.failed.emplace_back(f.name);
      v.reasons.push_back(std::move(*why));
    }
  }
  return v;
}

}  // namespace nbaprops::picks
