// Test support: a small league written as canonical CSV text (games, player_boxscores), game
// by game, for tests that load it through ingest and RawInputs::load.
#pragma once

#include <cstdio>
#include <string>

#include "core/date.h"

namespace nbaprops::testing {

class LeagueCsv {
 public:
  // Adds a game of season 2024 (regular); returns its game_id.
  std::string game(Date d, const std::string& home, const std::string& away,
                   const std::string& status = "final") {
    char id[16];
    std::snprintf(id, sizeof id, "00224%05d", next_id_++);
    bool final = status == "final";
    games_ += std::string(id) + "," + format_date(d) + ",2024,regular," + home + "," + away + ",," +
              status + "," + (final ? "100,90" : ",") + ",false\n";
    return id;
  }
  // A box-score row: active rows get `minutes` and a fixed stat line; dnp / inactive none.
  void box(const std::string& game_id, Date d, const std::string& team, const std::string& name,
           const std::string& status = "active", int minutes = 30) {
    boxes_ += game_id + "," + format_date(d) + "," + team + ",,," + name + "," + status + ",";
    if (status == "active") {
      boxes_ += ",true," + std::to_string(minutes) + ",10,4,8,0,1,2,2,1,3,4,2,1,0,1,2,5\n";
    } else {
      boxes_ += "Rest,,,,,,,,,,,,,,,,,,\n";
    }
  }
  const std::string& games() const { return games_; }
  const std::string& boxes() const { return boxes_; }

 private:
  int next_id_ = 1;
  std::string games_ =
      "game_id,game_date,season,season_type,home_team,away_team,tipoff_utc,status,home_score,"
      "away_score,neutral_site\n";
  std::string boxes_ =
      "game_id,game_date,team_abbr,player_id,player_lookup,player_name,status,dnp_reason,starter,"
      "minutes,pts,fgm,fga,fg3m,fg3a,ftm,fta,oreb,dreb,reb,ast,stl,blk,tov,pf,plus_minus\n";
};

}  // namespace nbaprops::testing
