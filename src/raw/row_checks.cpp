#include "raw/row_checks.h"

#include <cmath>
#include <cstdlib>
#include <initializer_list>
#include <span>

#include <fmt/format.h>

#include "core/box_stats.h"
#include "core/date.h"
#include "core/teams.h"
#include "raw/field_parse.h"
#include "raw/game_ids.h"
#include "raw/row_access.h"

namespace nbaprops {
namespace {

// The fifteen counting stats (pts ... pf).
const std::span<const std::string_view> kStats(kBoxStatColumns.data(), kCountingStats);

void require_in(std::string_view column, const std::string& v,
                std::initializer_list<const char*> allowed) {
  for (const char* a : allowed) {
    if (v == a) return;
  }
  throw RowError("bad_value", column, v, "not an allowed value");
}

void need_le(const RowAccess& r, const char* a, const char* b) {
  if (*r.i(a) > *r.i(b)) {
    throw RowError("inconsistent", a, fmt::format("{}", *r.i(a)),
                   fmt::format("{} > {} {}", a, b, *r.i(b)));
  }
}

// Ranges and identities of the counting stats; REQUIRES every stat present. The upper bound
// (no player or team reaches it in a game) also keeps the sums below from overflowing.
void check_stats(const RowAccess& r) {
  constexpr int64_t kMaxStat = 1000;
  for (std::string_view s : kStats) {
    if (*r.i(s) < 0) throw RowError("out_of_range", s, fmt::format("{}", *r.i(s)), "negative");
    if (*r.i(s) > kMaxStat) {
      throw RowError("out_of_range", s, fmt::format("{}", *r.i(s)), "above 1000");
    }
  }
  need_le(r, "fgm", "fga");
  need_le(r, "fg3m", "fg3a");
  need_le(r, "ftm", "fta");
  need_le(r, "fg3m", "fgm");
  need_le(r, "fg3a", "fga");
  if (*r.i("reb") != *r.i("oreb") + *r.i("dreb")) {
    throw RowError("inconsistent", "reb", fmt::format("{}", *r.i("reb")), "reb != oreb + dreb");
  }
  int64_t pts = 2 * *r.i("fgm") + *r.i("fg3m") + *r.i("ftm");
  if (*r.i("pts") != pts) {
    throw RowError("inconsistent", "pts", fmt::format("{}", *r.i("pts")),
                   fmt::format("2*fgm + fg3m + ftm = {}", pts));
  }
  if (auto pm = r.i("plus_minus"); pm && (*pm < -100 || *pm > 100)) {  // llabs(INT64_MIN) is UB
    throw RowError("out_of_range", "plus_minus", fmt::format("{}", *pm), "|plus_minus| > 100");
  }
}

void require_team(std::string_view column, const std::string& code) {
  if (!find_team(code)) throw RowError("unknown_team", column, code);
}

}  // namespace

void check_fits_schema(const TableSchema& t, const Row& row) {
  if (row.size() != t.columns.size()) {
    throw RowError(
        "bad_value", "", "",
        fmt::format("{} cells for the {} columns of {}", row.size(), t.columns.size(), t.name));
  }
  for (size_t c = 0; c < row.size(); ++c) {
    const Column& col = t.columns[c];
    const Value& v = row[c];
    if (is_null(v)) {
      if (!col.nullable) throw RowError("missing_value", col.name, "", "required");
      continue;
    }
    bool fits = false;
    switch (col.type) {
      case ColumnType::kInt:
      case ColumnType::kBool:
        fits = std::holds_alternative<int64_t>(v);
        break;
      case ColumnType::kDec:
        fits = std::holds_alternative<double>(v) && std::isfinite(std::get<double>(v));
        break;
      default:
        fits = std::holds_alternative<std::string>(v);
    }
    if (!fits) {
      throw RowError("bad_value", col.name, "",
                     fmt::format("not a {} value", column_type_name(col.type)));
    }
  }
}

bool is_american_price(int64_t price) {
  return (price >= -100000 && price <= -100) || (price >= 100 && price <= 100000);
}

namespace {
// `v` rounded to an integer; a value past +-1e12 (or NaN) is clamped there, which no check
// accepts as a price, instead of an undefined conversion.
int64_t rounded_price(double v) {
  constexpr double kLimit = 1e12;
  if (!(v > -kLimit)) return static_cast<int64_t>(-kLimit);
  if (v > kLimit) return static_cast<int64_t>(kLimit);
  return static_cast<int64_t>(round_half_away(v, 0));
}
}  // namespace

int64_t american_price_of(double p) {
  if (p > 1 && p < 100) return rounded_price(p >= 2 ? 100.0 * (p - 1) : -100.0 / (p - 1));
  return rounded_price(p);
}

std::optional<std::string> shot_zone(int shot_value, std::optional<double> distance_ft,
                                     std::optional<double> loc_x, std::optional<double> loc_y,
                                     std::optional<std::string> zone_label) {
  if (shot_value == 3) return "three";
  std::optional<double> dist = distance_ft;
  if (!dist && loc_x && loc_y) dist = std::hypot(*loc_x, *loc_y - 5.25);
  if (dist) return *dist <= 8.0 ? "paint" : "mid_range";
  if (zone_label) {
    if (*zone_label == "Restricted Area" || *zone_label == "In The Paint (Non-RA)") return "paint";
    if (*zone_label == "Mid-Range") return "mid_range";
  }
  return std::nullopt;
}

void check_player_boxscore(const TableSchema& t, Row& row) {
  RowAccess r(t, row);
  std::string status = r.s("status");
  require_in("status", status, {"active", "dnp", "inactive"});
  require_team("team_abbr", r.s("team_abbr"));
  if (status == "active") {
    if (r.null("minutes")) throw RowError("missing_value", "minutes", "", "required when active");
    for (std::string_view s : kStats) {
      if (r.null(s)) throw RowError("missing_value", s, "", "required when active");
    }
    if (!r.null("dnp_reason")) {
      throw RowError("inconsistent", "dnp_reason", r.s("dnp_reason"), "reason on an active row");
    }
    double m = *r.d("minutes");
    if (m < 0 || m > 80) throw RowError("out_of_range", "minutes", fmt::format("{}", m), "0-80");
    check_stats(r);
    return;
  }
  if (auto m = r.d("minutes"); m && *m != 0) {
    throw RowError("inconsistent", "minutes", fmt::format("{}", *m),
                   "minutes on a " + status + " row");
  }
  for (std::string_view s : kStats) {
    if (auto v = r.i(s); v && *v != 0) {
      throw RowError("inconsistent", s, fmt::format("{}", *v), "stats on a " + status + " row");
    }
  }
}

void check_team_boxscore(const TableSchema& t, Row& row) {
  RowAccess r(t, row);
  require_team("team_abbr", r.s("team_abbr"));
  require_team("opponent_abbr", r.s("opponent_abbr"));
  if (r.s("team_abbr") == r.s("opponent_abbr")) {
    throw RowError("unknown_team", "opponent_abbr", r.s("opponent_abbr"), "team = opponent");
  }
  if (r.null("minutes")) throw RowError("missing_value", "minutes", "");
  int64_t m = *r.i("minutes");
  if (m < 0 || m > 400) throw RowError("out_of_range", "minutes", fmt::format("{}", m), "0-400");
  for (std::string_view s : kStats) {  // a team log may leave a stat empty; the store may not
    if (r.null(s)) throw RowError("missing_value", s, "");
  }
  check_stats(r);
}

void check_shot(const TableSchema& t, Row& row, const std::optional<std::string>& zone_label) {
  RowAccess r(t, row);
  require_team("team_abbr", r.s("team_abbr"));
  int64_t period = *r.i("period");
  if (period < 1 || period > 10) {
    throw RowError("out_of_range", "period", fmt::format("{}", period), "1-10");
  }
  if (auto secs = r.i("seconds_left_in_period")) {
    int64_t max = period <= 4 ? 720 : 300;
    if (*secs < 0 || *secs > max) {
      throw RowError("out_of_range", "seconds_left_in_period", fmt::format("{}", *secs),
                     fmt::format("0-{}", max));
    }
  }
  auto dist = r.d("distance_ft");
  if (dist && (*dist < 0 || *dist > 94)) {
    throw RowError("out_of_range", "distance_ft", fmt::format("{}", *dist), "0-94 ft");
  }
  auto x = r.d("loc_x"), y = r.d("loc_y");
  if (x && std::abs(*x) > 26)
    throw RowError("out_of_range", "loc_x", fmt::format("{}", *x), "|x| <= 26");
  if (y && (*y < -1 || *y > 95))
    throw RowError("out_of_range", "loc_y", fmt::format("{}", *y), "-1..95");
  if (r.null("shot_value")) {
    if (!dist) throw RowError("missing_value", "shot_value", "", "neither shot value nor distance");
    r["shot_value"] = int64_t{*dist >= 23.75 ? 3 : 2};
  }
  int64_t value = *r.i("shot_value");
  if (value != 2 && value != 3) {
    throw RowError("bad_value", "shot_value", fmt::format("{}", value), "2 or 3");
  }
  auto zone = shot_zone(static_cast<int>(value), dist, x, y, zone_label);
  std::string given = r.s("zone");
  if (!given.empty() && (!zone || given != *zone)) {
    throw RowError("inconsistent", "zone", given, "derived zone is " + zone.value_or("NULL"));
  }
  r["zone"] = zone ? Value{*zone} : Value{};
}

void check_prop_line(const TableSchema& t, Row& row) {
  RowAccess r(t, row);
  require_in("market", r.s("market"), {"points", "rebounds", "assists", "threes", "pra"});
  double line = *r.d("line");
  if (line < 0 || line > 100)
    throw RowError("out_of_range", "line", fmt::format("{}", line), "0-100");
  for (const char* p : {"over_price", "under_price"}) {
    if (auto v = r.i(p); v && !is_american_price(*v)) {
      throw RowError("bad_value", p, fmt::format("{}", *v), "not an American price");
    }
  }
}

void check_game_line(const TableSchema& t, Row& row) {
  RowAccess r(t, row);
  std::string market = r.s("market");
  require_in("market", market, {"spread", "total"});
  double line = *r.d("line");
  if (market == "spread") {
    if (r.null("team_abbr"))
      throw RowError("missing_value", "team_abbr", "", "spread needs a team");
    require_team("team_abbr", r.s("team_abbr"));
    if (line < -50 || line > 50)
      throw RowError("out_of_range", "line", fmt::format("{}", line), "-50..50");
  } else {
    if (!r.null("team_abbr")) {
      throw RowError("inconsistent", "team_abbr", r.s("team_abbr"), "a total has no team");
    }
    if (line < 100 || line > 350)
      throw RowError("out_of_range", "line", fmt::format("{}", line), "100-350");
  }
  if (auto p = r.i("price"); p && !is_american_price(*p)) {
    throw RowError("bad_value", "price", fmt::format("{}", *p), "not an American price");
  }
}

void check_injury(const TableSchema& t, Row& row) {
  RowAccess r(t, row);
  require_team("team_abbr", r.s("team_abbr"));
  require_in("status", r.s("status"), {"out", "doubtful", "questionable", "probable", "available"});
}

void check_game(const TableSchema& t, Row& row) {
  RowAccess r(t, row);
  require_in("season_type", r.s("season_type"),
             {"regular", "playin", "playoffs", "preseason", "cup_final"});
  std::string status = r.s("status");
  require_in("status", status, {"scheduled", "final", "postponed", "cancelled"});
  require_team("home_team", r.s("home_team"));
  require_team("away_team", r.s("away_team"));
  if (r.s("home_team") == r.s("away_team")) {
    throw RowError("unknown_team", "away_team", r.s("away_team"), "home = away");
  }
  Date date = *parse_iso_date(r.s("game_date"));
  if (!is_valid_game_id(r.s("game_id"), date)) {
    throw RowError("bad_value", "game_id", r.s("game_id"), "not an NBA id or YYYYMMDD_AWAY_HOME");
  }
  bool scores = !r.null("home_score") && !r.null("away_score");
  bool any_score = !r.null("home_score") || !r.null("away_score");
  if (status == "final" ? !scores : any_score) {
    throw RowError("inconsistent", "status", status, "scores present iff final");
  }
  for (const char* s : {"home_score", "away_score"}) {
    if (auto v = r.i(s); v && *v < 0)
      throw RowError("out_of_range", s, fmt::format("{}", *v), "negative");
  }
  if (r.null("season")) {
    auto nba = parse_nba_game_id(r.s("game_id"));
    r["season"] = int64_t{nba ? nba->season : season_of(date)};
  }
}

}  // namespace nbaprops
