#include "generate/roster.h"

#include <algorithm>
#include <cctype>

namespace nbaprops::gen {
namespace {

const std::vector<const char*> kFirstNames = {
    "Aaron",   "Adrian",  "Alec",   "Andre",   "Anthony", "Austin", "Ben",    "Brandon", "Bryce",
    "Caleb",   "Cameron", "Carl",   "Chris",   "Cole",    "Corey",  "Damon",  "Darius",  "Dean",
    "Derek",   "Devin",   "Dillon", "Dominic", "Dwayne",  "Elijah", "Eric",   "Evan",    "Felix",
    "Gabe",    "Gavin",   "Grant",  "Hugo",    "Isaac",   "Ivan",   "Jalen",  "Jamal",   "Jared",
    "Jason",   "Jaylen",  "Jerome", "Joel",    "Jordan",  "Julian", "Justin", "Kai",     "Keith",
    "Kendall", "Kevin",   "Kyle",   "Lamar",   "Landon",  "Lance",  "Leon",   "Luca",    "Malik",
    "Marcus",  "Mario",   "Mason",  "Miles",   "Nate",    "Nico",   "Noah",   "Omar",    "Oscar",
    "Paul",    "Quentin", "Reggie", "Rico",    "Ryan",    "Sam",    "Scott",  "Sean",    "Terrence",
    "Theo",    "Tobias",  "Tony",   "Trent",   "Tyrese",  "Victor", "Wade",   "Xavier",  "Zach",
    "Zion",    "Dante",   "Emmett", "Andres",  "Rafael",  "Stefan", "Tomas"};

const std::vector<const char*> kLastNames = {
    "Adams",    "Allen",     "Baker",    "Banks",     "Barnes",   "Bell",     "Bennett", "Bishop",
    "Brooks",   "Bryant",    "Burke",    "Carter",    "Chambers", "Coleman",  "Collins", "Cooper",
    "Crawford", "Daniels",   "Davis",    "Dawson",    "Dixon",    "Douglas",  "Edwards", "Ellis",
    "Evans",    "Fields",    "Fisher",   "Fleming",   "Ford",     "Foster",   "Freeman", "Garrett",
    "Gibson",   "Graham",    "Grant",    "Greene",    "Hall",     "Hamilton", "Harper",  "Harris",
    "Hayes",    "Henderson", "Holmes",   "Howard",    "Hudson",   "Hunter",   "Irving",  "Jackson",
    "James",    "Jenkins",   "Johnson",  "Jordan",    "Kelly",    "Kennedy",  "King",    "Knight",
    "Lawson",   "Lewis",     "Lynch",    "Marshall",  "Martin",   "Mason",    "McCoy",   "Miller",
    "Mitchell", "Moore",     "Morgan",   "Morris",    "Murphy",   "Nash",     "Nelson",  "Newton",
    "Norris",   "Owens",     "Parker",   "Patterson", "Payne",    "Perry",    "Porter",  "Powell",
    "Price",    "Reed",      "Reynolds", "Richards",  "Riley",    "Robinson", "Rogers",  "Ross",
    "Russell",  "Sanders",   "Shaw",     "Simmons",   "Sims",     "Spencer",  "Stanley", "Stewart",
    "Stone",    "Sullivan",  "Taylor",   "Thomas",    "Thompson", "Tucker",   "Turner",  "Vaughn",
    "Wagner",   "Walker",    "Wallace",  "Ward",      "Warren",   "Watson",   "Webb",    "Wells",
    "West",     "Wheeler",   "White",    "Wilkins",   "Williams", "Wilson",   "Wood",    "Wright",
    "Young",    "Okafor",    "Petrovic", "Lindqvist", "Moreau",   "Santos"};

std::string lookup_of(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

double age_growth(int age) {
  if (age <= 22) return 0.25;
  if (age <= 25) return 0.12;
  if (age <= 28) return 0.0;
  if (age <= 30) return -0.08;
  if (age <= 32) return -0.15;
  return -0.25;
}

int age_at(const Player& p, int season) {
  return season - year_of(p.birth_date);
}

const char* position_of(Role role, Rng& rng) {
  bool hybrid = rng.chance(0.3);
  switch (role) {
    case Role::kGuard:
      return hybrid ? "G-F" : "G";
    case Role::kForward:
      return hybrid ? "F-C" : "F";
    case Role::kCenter:
      return "C";
  }
  return "F";
}

}  // namespace

Rates rates_of(const Traits& t) {
  static constexpr double kThreeShare[] = {0.50, 0.45, 0.20};
  static constexpr double kPaintShare[] = {0.55, 0.64, 0.86};
  static constexpr double kOreb[] = {0.7, 1.6, 3.3};
  static constexpr double kDreb[] = {3.2, 4.8, 7.6};
  static constexpr double kAst[] = {6.0, 3.0, 2.4};
  static constexpr double kStl[] = {1.3, 1.1, 0.9};
  static constexpr double kBlk[] = {0.3, 0.7, 1.9};
  static constexpr double kPf[] = {2.7, 3.1, 3.7};
  const int r = static_cast<int>(t.role);
  const double s = t.skill;
  Rates out{};
  out.minutes = std::clamp(23.0 + 7.5 * s, 6.0, 37.0);
  out.fga36 = std::clamp(14.0 + 2.6 * s + t.usage_pref, 6.0, 26.0);
  out.three_rate = std::clamp(kThreeShare[r] + t.three_pref, 0.0, 0.75);
  out.paint_share = kPaintShare[r];
  out.paint_pct = std::clamp(0.60 + 0.015 * s + t.touch, 0.45, 0.75);
  out.mid_pct = std::clamp(0.41 + 0.012 * s + t.touch, 0.30, 0.55);
  out.three_pct = std::clamp(0.355 + 0.008 * s + t.touch * 0.7, 0.25, 0.45);
  out.fta36 = std::clamp(3.4 + 1.3 * s + 0.3 * t.usage_pref, 0.8, 10.0);
  out.ft_pct = std::clamp(0.79 + t.ft_touch - (r == 2 ? 0.08 : 0.0), 0.5, 0.94);
  out.oreb36 = kOreb[r] * t.reb_mult;
  out.dreb36 = (kDreb[r] + 0.4 * s) * t.reb_mult;
  out.ast_weight = kAst[r] * t.ast_mult * (1.0 + 0.12 * s);
  out.stl36 = kStl[r];
  out.blk_weight = kBlk[r] * t.blk_mult;
  out.tov36 = 0.6 + 0.09 * out.fga36 + 0.08 * kAst[r] * t.ast_mult;
  out.pf36 = kPf[r];
  return out;
}

Roster::Roster(Rng& rng, int first_season) {
  for (int team = 0; team < kTeams; ++team) {
    double quality = rng.normal(0.0, 0.35);
    for (int i = 0; i < kRosterSize; ++i) {
      int p = create_player(rng, first_season, rng.between(20, 34), quality);
      team_of_[p] = team;
      rosters_[team].push_back(p);
    }
  }
}

int Roster::create_player(Rng& rng, int season, int age, double skill_mean) {
  Player p;
  p.player_id = 1000001 + static_cast<int32_t>(players_.size());
  p.player_name = unique_name(rng);
  p.player_lookup = lookup_of(p.player_name);
  lookups_.insert(p.player_lookup);
  p.birth_date = make_date(season - age, static_cast<unsigned>(rng.between(1, 12)),
                           static_cast<unsigned>(rng.between(1, 28)));
  double role_draw = rng.uniform();
  Traits t;
  t.role = role_draw < 0.42 ? Role::kGuard : role_draw < 0.77 ? Role::kForward : Role::kCenter;
  p.position = position_of(t.role, rng);
  p.debut_season = season;
  t.skill = rng.normal(skill_mean + (age < 23 ? -0.5 : 0.0), 1.0);
  t.usage_pref = rng.normal(0.0, 1.8);
  t.touch = rng.normal(0.0, 0.025);
  t.three_pref = rng.normal(0.0, 0.09);
  t.ft_touch = rng.normal(0.0, 0.06);
  t.reb_mult = std::exp(rng.normal(0.0, 0.25));
  t.ast_mult = std::exp(rng.normal(0.0, 0.35));
  t.blk_mult = std::exp(rng.normal(0.0, 0.4));
  t.proneness = std::exp(rng.normal(0.0, 0.5));
  players_.push_back(std::move(p));
  traits_.push_back(t);
  team_of_.push_back(-1);
  return static_cast<int>(players_.size()) - 1;
}

std::string Roster::unique_name(Rng& rng) {
  for (;;) {
    std::string name = std::string(kFirstNames[rng.below(static_cast<int>(kFirstNames.size()))]) +
                       " " + kLastNames[rng.below(static_cast<int>(kLastNames.size()))];
    if (!lookups_.count(lookup_of(name))) return name;
  }
}

void Roster::start_season(Rng& rng, int season) {
  for (int team = 0; team < kTeams; ++team) {
    auto& roster = rosters_[team];
    std::vector<int> kept;
    for (int p : roster) {
      int age = age_at(players_[p], season);
      traits_[p].skill += age_growth(age) + rng.normal(0.0, 0.15);
      double retire = age >= 34 ? 0.35 + 0.1 * (age - 34) : 0.0;
      if (age >= 28 && traits_[p].skill < -1.6) retire += 0.3;
      if (rng.chance(retire)) {
        team_of_[p] = -1;
      } else {
        kept.push_back(p);
      }
    }
    roster = kept;
    while (static_cast<int>(roster.size()) < kRosterSize) {
      int p = create_player(rng, season, rng.between(19, 22), 0.0);
      team_of_[p] = team;
      roster.push_back(p);
    }
  }
  for (int i = 0; i < 25; ++i) {
    int a = rng.below(kTeams), b = rng.below(kTeams);
    if (a == b) continue;
    int ia = rng.below(kRosterSize), ib = rng.below(kRosterSize);
    std::swap(rosters_[a][ia], rosters_[b][ib]);
    team_of_[rosters_[a][ia]] = a;
    team_of_[rosters_[b][ib]] = b;
  }
}

std::array<int, 2> Roster::trade(Rng& rng) {
  for (;;) {
    int a = rng.below(kTeams), b = rng.below(kTeams);
    if (a == b) continue;
    int ia = rng.below(kRosterSize);
    int pa = rosters_[a][ia];
    for (int ib = 0; ib < kRosterSize; ++ib) {
      int pb = rosters_[b][ib];
      if (std::abs(traits_[pa].skill - traits_[pb].skill) > 0.5) continue;
      std::swap(rosters_[a][ia], rosters_[b][ib]);
      team_of_[pa] = b;
      team_of_[pb] = a;
      return {pa, pb};
    }
  }
}

double Roster::team_strength(int team) const {
  std::vector<double> skills;
  for (int p : rosters_[team]) skills.push_back(traits_[p].skill);
  std::sort(skills.rbegin(), skills.rend());
  double sum = 0;
  for (int i = 0; i < 8 && i < static_cast<int>(skills.size()); ++i) sum += skills[i];
  return sum / 8.0;
}

}  // namespace nbaprops::gen
