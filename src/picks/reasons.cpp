#include "picks/reasons.h"

#include <fmt/format.h>

namespace nbaprops::picks {
namespace {

// The average supports the side when it lies beyond the line in the side's direction.
bool supports(bool over, double value, double line) {
  return over ? value > line : value < line;
}

void recent_form(const Candidate& c, bool over, std::vector<std::string>& out) {
  if (c.points_avg_last_10 && supports(over, *c.points_avg_last_10, c.line)) {
    out.push_back(fmt::format("averaging {:.1f} over the last 10, line {:.1f}",
                              *c.points_avg_last_10, c.line));
  }
  if (c.points_avg_last_5 && supports(over, *c.points_avg_last_5, c.line)) {
    out.push_back(fmt::format("{:.1f} a game over the last 5", *c.points_avg_last_5));
  }
  auto streak = over ? c.over_streak : c.under_streak;
  if (streak && *streak >= 3) {
    out.push_back(fmt::format("{} the line in {} straight", over ? "over" : "under", *streak));
  }
}

void matchup(const Candidate& c, bool over, std::vector<std::string>& out) {
  if (!c.opp_paint_rank || c.ranked_teams < 10 || !c.opp_paint_points) return;
  int rank = *c.opp_paint_rank;
  int from_bottom = c.ranked_teams - rank + 1;
  if (over && rank <= 8) {
    out.push_back(fmt::format("opponent allows the {} most paint points ({:.1f} a game)",
                              ordinal(rank), *c.opp_paint_points));
  } else if (!over && from_bottom <= 8) {
    out.push_back(fmt::format("opponent allows the {} fewest paint points ({:.1f} a game)",
                              ordinal(from_bottom), *c.opp_paint_points));
  }
}

void situation(const Candidate& c, bool over, std::vector<std::string>& out) {
  if (over && c.star_teammates_out && *c.star_teammates_out > 0) {
    out.push_back(*c.star_teammates_out == 1
                      ? std::string("a key teammate out")
                      : fmt::format("{} key teammates out", *c.star_teammates_out));
  }
  if (!over && c.back_to_back && *c.back_to_back) {
    out.push_back("second game of a back-to-back");
  }
}

}  // namespace

std::string ordinal(int n) {
  int tens = n % 100;
  const char* suffix = "th";
  if (tens < 11 || tens > 13) {
    switch (n % 10) {
      case 1:
        suffix = "st";
        break;
      case 2:
        suffix = "nd";
        break;
      case 3:
        suffix = "rd";
        break;
      default:
        break;
    }
  }
  return fmt::format("{}{}", n, suffix);
}

std::vector<std::string> pick_reasons(const Candidate& c) {
  bool over = c.edge > 0;
  std::vector<std::string> out;
  recent_form(c, over, out);
  matchup(c, over, out);
  situation(c, over, out);
  out.push_back(fmt::format("{} projects {:.1f} (edge {:+.1f}, confidence {:.0f})", c.system_id,
                            c.predicted, c.edge, c.confidence));
  return out;
}

}  // namespace nbaprops::picks
