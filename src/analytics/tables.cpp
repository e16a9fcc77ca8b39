#include "analytics/tables.h"

#include "analytics/player_game_summary.h"
#include "analytics/team_defense_game_summary.h"
#include "analytics/team_offense_game_summary.h"
#include "analytics/upcoming_player_game_context.h"
#include "analytics/upcoming_team_game_context.h"

namespace nbaprops::analytics {

std::vector<const TableSchema*> analytics_tables() {
  return {&team_offense_game_summary_table(), &player_game_summary_table(),
          &team_defense_game_summary_table(), &upcoming_team_game_context_table(),
          &upcoming_player_game_context_table()};
}

}  // namespace nbaprops::analytics
