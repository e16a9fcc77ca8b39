#include "generate/availability.h"

#include <algorithm>

namespace nbaprops::gen {
namespace {

constexpr const char* kReasonPrefix = "Injury/Illness - ";

struct Knock {
  InjuryStatus status;
  double play_probability;
};

Knock draw_knock(Rng& rng) {
  double u = rng.uniform();
  if (u < 0.40) return {InjuryStatus::kProbable, 0.93};
  if (u < 0.80) return {InjuryStatus::kQuestionable, 0.55};
  return {InjuryStatus::kDoubtful, 0.15};
}

int injury_length(Rng& rng) {
  double u = rng.uniform();
  if (u < 0.55) return rng.between(1, 3);
  if (u < 0.88) return rng.between(4, 12);
  return rng.between(15, 45);
}

}  // namespace

const std::vector<const char*>& injury_reasons() {
  static const std::vector<const char*> reasons = {
      "Left Ankle; Sprain",       "Right Ankle; Sprain",
      "Left Knee; Soreness",      "Right Knee; Soreness",
      "Lower Back; Tightness",    "Left Hamstring; Strain",
      "Right Hamstring; Strain",  "Illness",
      "Right Foot; Soreness",     "Left Calf; Strain",
      "Right Wrist; Sprain",      "Left Hip; Contusion",
      "Right Shoulder; Soreness", "Concussion Protocol",
      "Left Groin; Strain"};
  return reasons;
}

Availability::State& Availability::at(int player) {
  if (static_cast<size_t>(player) >= state_.size()) state_.resize(player + 1);
  return state_[player];
}

std::vector<RosterSpot> Availability::before_game(Rng& rng, const Roster& roster, int team,
                                                  int game, Date date,
                                                  std::vector<InjuryRow>& reports) {
  const Timestamp day_before = eastern_time_to_utc(Date{date.days - 1}, 17, 30);
  const Timestamp game_day = eastern_time_to_utc(date, 13, 30);
  const auto& reasons = injury_reasons();
  auto report = [&](Timestamp when, int player, InjuryStatus s, int reason) {
    reports.push_back({when, game, player, static_cast<int8_t>(team), s, reasons[reason]});
  };
  std::vector<RosterSpot> spots;
  std::vector<int> healthy;  // indices into spots
  for (int p : roster.team_players(team)) {
    State& st = at(p);
    RosterSpot spot{p, true, "", false, false};
    if (st.games_out > 0) {
      bool known = st.injured_on.days <= date.days - 2;
      if (known) report(day_before, p, InjuryStatus::kOut, st.reason);
      report(game_day, p, InjuryStatus::kOut, st.reason);
      spot = {p, false, std::string(kReasonPrefix) + reasons[st.reason], known, true};
      if (--st.games_out == 0) st.returning = true;
    } else if (st.returning) {
      st.returning = false;
      report(day_before, p, InjuryStatus::kQuestionable, st.reason);
      report(game_day, p, InjuryStatus::kProbable, st.reason);
      healthy.push_back(static_cast<int>(spots.size()));
    } else if (rng.chance(0.035)) {
      Knock k = draw_knock(rng);
      int reason = rng.below(static_cast<int>(reasons.size()));
      report(game_day, p, k.status, reason);
      bool plays = rng.chance(k.play_probability);
      spot.known_out_game_day = k.status == InjuryStatus::kDoubtful;
      if (!plays) {
        spot.dressed = false;
        spot.inactive_reason = std::string(kReasonPrefix) + reasons[reason];
      } else {
        healthy.push_back(static_cast<int>(spots.size()));
      }
    } else {
      healthy.push_back(static_cast<int>(spots.size()));
    }
    spots.push_back(std::move(spot));
  }
  // Beyond 13 dressed, the weakest healthy players sit out.
  std::sort(healthy.begin(), healthy.end(), [&](int a, int b) {
    double sa = roster.traits(spots[a].player).skill, sb = roster.traits(spots[b].player).skill;
    return sa != sb ? sa > sb : spots[a].player < spots[b].player;
  });
  for (size_t i = kMaxDressed; i < healthy.size(); ++i) {
    RosterSpot& s = spots[healthy[i]];
    s.dressed = false;
    s.inactive_reason = rng.chance(0.6) ? "G League - On Assignment" : "Not With Team";
  }
  return spots;
}

void Availability::after_game(Rng& rng, const Roster& roster, const std::vector<int>& players,
                              const std::vector<double>& minutes, Date date) {
  for (size_t i = 0; i < players.size(); ++i) {
    double p = 0.011 * roster.traits(players[i]).proneness * minutes[i] / 30.0;
    if (!rng.chance(p)) continue;
    State& st = at(players[i]);
    st.games_out = injury_length(rng);
    st.returning = false;
    st.reason = rng.below(static_cast<int>(injury_reasons().size()));
    st.injured_on = date;
  }
}

}  // namespace nbaprops::gen
