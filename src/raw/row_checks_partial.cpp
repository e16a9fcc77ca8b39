// check_player_boxscore for sources without shooting splits (raw/row_checks.h).
#include <fmt/format.h>

#include "core/box_stats.h"
#include "core/teams.h"
#include "raw/field_parse.h"
#include "raw/row_access.h"
#include "raw/row_checks.h"

namespace nbaprops {

void check_partial_player_boxscore(const TableSchema& t, Row& row) {
  RowAccess r(t, row);
  if (!find_team(r.s("team_abbr"))) throw RowError("unknown_team", "team_abbr", r.s("team_abbr"));
  if (r.null("minutes")) throw RowError("missing_value", "minutes", "", "required when active");
  if (r.null("pts")) throw RowError("missing_value", "pts", "", "required when active");
  double m = *r.d("minutes");
  if (m < 0 || m > 80) throw RowError("out_of_range", "minutes", fmt::format("{}", m), "0-80");
  for (size_t k = 0; k < kCountingStats; ++k) {
    auto v = r.i(kBoxStatColumns[k]);
    if (v && *v < 0) {
      throw RowError("out_of_range", kBoxStatColumns[k], fmt::format("{}", *v), "negative");
    }
  }
  auto le = [&](const char* a, const char* b) {
    auto x = r.i(a), y = r.i(b);
    if (x && y && *x > *y) {
      throw RowError("inconsistent", a, fmt::format("{}", *x), fmt::format("{} > {} {}", a, b, *y));
    }
  };
  le("fgm", "fga");
  le("fg3m", "fg3a");
  le("ftm", "fta");
  le("fg3m", "fgm");
  le("fg3a", "fga");
  auto reb = r.i("reb"), oreb = r.i("oreb"), dreb = r.i("dreb");
  if (reb && oreb && dreb && *reb != *oreb + *dreb) {
    throw RowError("inconsistent", "reb", fmt::format("{}", *reb), "reb != oreb + dreb");
  }
  auto fgm = r.i("fgm"), fg3m = r.i("fg3m"), ftm = r.i("ftm");
  if (fgm && fg3m && ftm && *r.i("pts") != 2 * *fgm + *fg3m + *ftm) {
    throw RowError("inconsistent", "pts", fmt::format("{}", *r.i("pts")),
                   fmt::format("2*fgm + fg3m + ftm = {}", 2 * *fgm + *fg3m + *ftm));
  }
}

}  // namespace nbaprops
