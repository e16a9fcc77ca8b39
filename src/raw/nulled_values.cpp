#include "raw/nulled_values.h"

#include <array>
#include <utility>

namespace nbaprops {

bool nulls_bad_value(std::string_view table, std::string_view column) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kColumns = {{
      {"games", "tipoff_utc"},
      {"games", "neutral_site"},
      {"player_boxscores", "plus_minus"},
      {"player_boxscores", "starter"},
      {"team_boxscores", "plus_minus"},
      {"prop_lines", "over_price"},
      {"prop_lines", "under_price"},
      {"prop_lines", "tipoff_utc"},
      {"players", "birth_date"},
  }};
  for (const auto& [t, c] : kColumns) {
    if (t == table && c == column) return true;
  }
  return false;
}

void note_nulled(FileStage& stage, const CsvRow& row, const std::string& table,
                 const std::string& why) {
  if (!stage.nulled.empty() && stage.nulled.back().line == row.line) {
    stage.nulled.back().reason += "; " + why;
    return;
  }
  stage.nulled.push_back({row.line, "nulled: " + why, clip_raw_text(row.raw), table});
}

}  // namespace nbaprops
