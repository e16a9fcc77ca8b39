// similarity (04-predictions.md §5): a weighted average of the player's own past games played in
// contexts like today's. One function (game_context) measures the context of a player on a date
// from data before that date only; it is applied to D and to every candidate game, so both
// sides are measured the same way. Declines with too_few_similar when fewer than 5 of the
// candidates score >= 70. Pure; any thread.
#pragma once

#include <span>
#include <string>

#include "predict/estimate.h"
#include "predict/player_day.h"

namespace nbaprops::predict {

enum class Tier { kElite, kAverage, kWeak, kUnknown };
enum class Rest { kBackToBack, kOneDay, kTwoDays, kRested };
enum class Form { kHot, kNormal, kCold };

struct GameContext {
  Tier tier = Tier::kUnknown;
  Rest rest = Rest::kRested;
  bool home = false;
  Form form = Form::kNormal;
};

// Tier of a defensive_rating_last_15: < 110 elite, < 115 average, else weak; NULL unknown.
Tier opponent_tier(std::optional<double> defensive_rating);
// Days from the previous appearance: 1 b2b, 2 one_day, 3 two_days, >= 4 or none rested.
Rest rest_of(std::optional<int> days_since_previous);
// L5 - S: >= +3 hot, <= -3 cold, else (or unknown) normal.
Form form_of(std::optional<double> l5_minus_season);

// The context of a player's game on date d against `opponent`: tier from the opponent's TDZA
// row at analysis date d, rest and form from `history` games dated before d (form: season of
// d). REQUIRES: history in date order.
GameContext game_context(std::span<const PlayerGame> history, Date d, const std::string& opponent,
                         bool home, const DefenseByDate& defense);

// s_g (0-100): tier 40 same / 20 adjacent or either unknown; rest 30 same / 15 adjacent; venue
// 15 same; form 15 same / 5 else.
int similarity_score(const GameContext& today, const GameContext& past);

// Confidence clamp(35 + count + sim + spread, 0, 100) for n games, mean score and the sample SD
// of their points.
double similarity_confidence(int n, double mean_score, double points_sd);

SystemResult similarity(const PlayerDay& p);

}  // namespace nbaprops::predict
