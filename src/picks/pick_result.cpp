#include "picks/pick_result.h"

#include "core/value.h"
#include "picks/candidate.h"
#include "predict/grading.h"

namespace nbaprops::picks {

PickResult grade_pick(const std::string& side, double line, std::optional<int64_t> price,
                      bool voided_pick, const GameOutcome& game) {
  PickResult r;
  if (voided_pick) {
    r.result = "VOID";
    r.void_reason = "pick voided before tip-off";
    return r;
  }
  if (!game.graded) {
    r.result = "PENDING";
    return r;
  }
  if (game.voided || !game.actual) {
    r.result = "VOID";
    r.void_reason = game.void_reason;
    return r;
  }
  r.actual = game.actual;
  r.result = predict::side_result(side, line, *game.actual);
  r.profit = predict::profit_of(r.result, price.value_or(kDefaultPrice));
  return r;
}

void Record::add(const PickResult& r) {
  if (r.result == "WIN") ++wins;
  if (r.result == "LOSS") ++losses;
  if (r.result == "PUSH") ++pushes;
  if (r.result == "VOID") ++voided;
  if (r.result == "PENDING") ++pending;
  profit += r.profit;
}

std::optional<double> Record::hit_rate() const {
  if (decided() == 0) return std::nullopt;
  return round_half_away(100.0 * wins / decided(), 2);
}

std::optional<double> Record::roi() const {
  int staked = wins + losses + pushes;
  if (staked == 0) return std::nullopt;
  return round_half_away(100.0 * profit / staked, 2);
}

}  // namespace nbaprops::picks
