#include "generate/writer.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

#include "core/teams.h"

namespace nbaprops::gen {
namespace {

// Buffered output to one file; flushes every few megabytes.
class CsvFile {
 public:
  CsvFile(const std::filesystem::path& path, const char* header) : path_(path) {
    file_ = std::fopen(path.c_str(), "wb");
    if (!file_) throw std::runtime_error("cannot write " + path.string());
    buf_ = header;
    buf_ += '\n';
  }
  ~CsvFile() {
    if (file_) std::fclose(file_);
  }
  CsvFile(const CsvFile&) = delete;
  CsvFile& operator=(const CsvFile&) = delete;

  void text(std::string_view s) {
    sep();
    if (s.find_first_of(",\"\n\r") == std::string_view::npos) {
      buf_ += s;
    } else {
      buf_ += csv_field(s);
    }
  }
  void null() { sep(); }
  void integer(long long v) {
    sep();
    char tmp[24];
    auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
    buf_.append(tmp, r.ptr);
  }
  void boolean(bool b) { text(b ? "true" : "false"); }
  // A scaled integer as a decimal with `decimals` digits (10 or 100 scale).
  void scaled(long long v, int decimals) {
    sep();
    if (v < 0) {
      buf_ += '-';
      v = -v;
    }
    long long scale = decimals == 1 ? 10 : 100;
    char tmp[24];
    auto r = std::to_chars(tmp, tmp + sizeof tmp, v / scale);
    buf_.append(tmp, r.ptr);
    buf_ += '.';
    long long frac = v % scale;
    if (decimals == 2) buf_ += static_cast<char>('0' + frac / 10);
    buf_ += static_cast<char>('0' + frac % 10);
  }
  void half(int x2) {
    sep();
    if (x2 < 0) {
      buf_ += '-';
      x2 = -x2;
    }
    char tmp[16];
    auto r = std::to_chars(tmp, tmp + sizeof tmp, x2 / 2);
    buf_.append(tmp, r.ptr);
    buf_ += (x2 % 2) ? ".5" : ".0";
  }
  void date(Date d) { text(date_text(d)); }
  void timestamp(Timestamp t) { text(timestamp_text(t)); }
  void end_row() {
    buf_ += '\n';
    first_ = true;
    ++rows_;
    if (buf_.size() > (4u << 20)) flush();
  }
  size_t finish() {
    flush();
    if (std::fclose(file_) != 0) {
      file_ = nullptr;
      throw std::runtime_error("cannot write " + path_.string());
    }
    file_ = nullptr;
    return rows_;
  }

 private:
  void sep() {
    if (!first_) buf_ += ',';
    first_ = false;
  }
  void flush() {
    if (std::fwrite(buf_.data(), 1, buf_.size(), file_) != buf_.size())
      throw std::runtime_error("cannot write " + path_.string());
    buf_.clear();
  }
  const std::string& date_text(Date d) {
    auto it = dates_.find(d.days);
    if (it == dates_.end()) it = dates_.emplace(d.days, format_date(d)).first;
    return it->second;
  }
  const std::string& timestamp_text(Timestamp t) {
    auto it = stamps_.find(t.seconds);
    if (it == stamps_.end()) it = stamps_.emplace(t.seconds, format_timestamp(t)).first;
    return it->second;
  }

  std::filesystem::path path_;
  std::FILE* file_ = nullptr;
  std::string buf_;
  bool first_ = true;
  size_t rows_ = 0;
  std::unordered_map<int32_t, std::string> dates_;
  std::unordered_map<int64_t, std::string> stamps_;
};

std::string_view abbr(int team) {
  return all_teams()[team].abbr;
}

// Positions of indices 0..n-1 sorted by `less`, and the rank of each index.
template <typename Less>
std::vector<int> sorted_order(size_t n, Less less) {
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), less);
  return order;
}

std::vector<int> ranks_of(const std::vector<int>& order) {
  std::vector<int> rank(order.size());
  for (size_t i = 0; i < order.size(); ++i) rank[order[i]] = static_cast<int>(i);
  return rank;
}

struct Ranks {
  std::vector<int> game, player;
};

void write_games(const League& l, const std::vector<int>& order, CsvFile& f) {
  for (int i : order) {
    const Game& g = l.games[i];
    f.text(g.game_id);
    f.date(g.game_date);
    f.integer(g.season);
    f.text(season_type_name(g.season_type));
    f.text(abbr(g.home));
    f.text(abbr(g.away));
    f.timestamp(g.tipoff_utc);
    f.text(g.final ? "final" : "scheduled");
    if (g.final) {
      f.integer(g.home_score);
      f.integer(g.away_score);
    } else {
      f.null();
      f.null();
    }
    f.boolean(false);
    f.end_row();
  }
}

void write_players(const League& l, const std::vector<int>& order, CsvFile& f) {
  for (int i : order) {
    const Player& p = l.players[i];
    f.integer(p.player_id);
    f.text(p.player_lookup);
    f.text(p.player_name);
    f.date(p.birth_date);
    f.text(p.position);
    f.end_row();
  }
}

void write_stats(const StatLine& s, CsvFile& f) {
  for (size_t k = 0; k < kCountingStats; ++k) f.integer(s[k]);
}

void write_player_boxscores(const League& l, const Ranks& r, CsvFile& f) {
  auto order = sorted_order(l.player_boxscores.size(), [&](int a, int b) {
    const PlayerBox &x = l.player_boxscores[a], &y = l.player_boxscores[b];
    if (x.game != y.game) return r.game[x.game] < r.game[y.game];
    return r.player[x.player] < r.player[y.player];
  });
  for (int i : order) {
    const PlayerBox& b = l.player_boxscores[i];
    const Game& g = l.games[b.game];
    const Player& p = l.players[b.player];
    f.text(g.game_id);
    f.date(g.game_date);
    f.text(abbr(b.team));
    f.integer(p.player_id);
    f.text(p.player_lookup);
    f.text(p.player_name);
    f.text(player_status_name(b.status));
    if (b.status == PlayerStatus::kActive) {
      f.null();
      f.boolean(b.starter);
      f.scaled(b.minutes_x100, 2);
      write_stats(b.stats, f);
      f.integer(b.plus_minus);
    } else {
      f.text(b.dnp_reason);
      f.boolean(false);
      for (size_t k = 0; k < kCountingStats + 2; ++k) f.null();
    }
    f.end_row();
  }
}

void write_team_boxscores(const League& l, const Ranks& r, CsvFile& f) {
  auto order = sorted_order(l.team_boxscores.size(), [&](int a, int b) {
    const TeamBox &x = l.team_boxscores[a], &y = l.team_boxscores[b];
    if (x.game != y.game) return r.game[x.game] < r.game[y.game];
    return x.team < y.team;
  });
  for (int i : order) {
    const TeamBox& t = l.team_boxscores[i];
    const Game& g = l.games[t.game];
    f.text(g.game_id);
    f.date(g.game_date);
    f.text(abbr(t.team));
    f.text(abbr(t.opponent));
    f.boolean(t.is_home);
    f.integer(t.minutes);
    write_stats(t.stats, f);
    f.integer(t.plus_minus);
    f.end_row();
  }
}

void write_shots(const League& l, const Ranks& r, CsvFile& f) {
  auto order = sorted_order(l.shots.size(), [&](int a, int b) {
    const Shot &x = l.shots[a], &y = l.shots[b];
    if (x.game != y.game) return r.game[x.game] < r.game[y.game];
    if (x.team != y.team) return x.team < y.team;
    if (x.period != y.period) return x.period < y.period;
    return x.seconds_left > y.seconds_left;
  });
  const auto& actions = shot_action_names();
  for (int i : order) {
    const Shot& s = l.shots[i];
    const Game& g = l.games[s.game];
    const Player& p = l.players[s.player];
    f.text(g.game_id);
    f.date(g.game_date);
    f.text(abbr(s.team));
    f.integer(p.player_id);
    f.text(p.player_lookup);
    f.integer(s.period);
    f.integer(s.seconds_left);
    f.integer(s.value);
    f.boolean(s.made);
    f.scaled(s.distance_x10, 1);
    f.scaled(s.loc_x_x10, 1);
    f.scaled(s.loc_y_x10, 1);
    f.text(zone_name(s.zone));
    f.text(actions[s.action]);
    if (s.assisted_by >= 0)
      f.text(l.players[s.assisted_by].player_lookup);
    else
      f.null();
    if (s.blocked_by >= 0)
      f.text(l.players[s.blocked_by].player_lookup);
    else
      f.null();
    f.end_row();
  }
}

void write_prop_lines(const League& l, const Ranks& r, CsvFile& f) {
  auto order = sorted_order(l.prop_lines.size(), [&](int a, int b) {
    const PropLine &x = l.prop_lines[a], &y = l.prop_lines[b];
    const Date dx = l.games[x.game].game_date, dy = l.games[y.game].game_date;
    if (dx != dy) return dx < dy;
    if (x.player != y.player) return r.player[x.player] < r.player[y.player];
    if (x.market != y.market) return x.market < y.market;
    if (x.bookmaker != y.bookmaker) return x.bookmaker < y.bookmaker;
    return x.snapshot_utc < y.snapshot_utc;
  });
  for (int i : order) {
    const PropLine& p = l.prop_lines[i];
    const Game& g = l.games[p.game];
    const Player& pl = l.players[p.player];
    f.date(g.game_date);
    f.text(g.game_id);
    f.text(pl.player_lookup);
    f.text(pl.player_name);
    f.text(market_name(p.market));
    f.text(bookmaker_name(p.bookmaker));
    f.half(p.line_x2);
    f.integer(p.over_price);
    f.integer(p.under_price);
    f.timestamp(p.snapshot_utc);
    f.timestamp(g.tipoff_utc);
    f.end_row();
  }
}

void write_game_lines(const League& l, const Ranks& r, CsvFile& f) {
  auto order = sorted_order(l.game_lines.size(), [&](int a, int b) {
    const GameLine &x = l.game_lines[a], &y = l.game_lines[b];
    if (x.game != y.game) return r.game[x.game] < r.game[y.game];
    if (x.market != y.market) return x.market < y.market;
    if (x.bookmaker != y.bookmaker) return x.bookmaker < y.bookmaker;
    if (x.snapshot_utc != y.snapshot_utc) return x.snapshot_utc < y.snapshot_utc;
    return x.team < y.team;
  });
  for (int i : order) {
    const GameLine& gl = l.game_lines[i];
    const Game& g = l.games[gl.game];
    f.date(g.game_date);
    f.text(g.game_id);
    f.text(bookmaker_name(gl.bookmaker));
    f.text(game_market_name(gl.market));
    if (gl.team >= 0)
      f.text(abbr(gl.team));
    else
      f.null();
    f.half(gl.line_x2);
    f.integer(gl.price);
    f.timestamp(gl.snapshot_utc);
    f.end_row();
  }
}

void write_injuries(const League& l, const Ranks& r, CsvFile& f) {
  auto order = sorted_order(l.injuries.size(), [&](int a, int b) {
    const InjuryRow &x = l.injuries[a], &y = l.injuries[b];
    if (x.report_utc != y.report_utc) return x.report_utc < y.report_utc;
    const Date dx = l.games[x.game].game_date, dy = l.games[y.game].game_date;
    if (dx != dy) return dx < dy;
    return r.player[x.player] < r.player[y.player];
  });
  for (int i : order) {
    const InjuryRow& row = l.injuries[i];
    const Player& p = l.players[row.player];
    f.timestamp(row.report_utc);
    f.date(l.games[row.game].game_date);
    f.text(abbr(row.team));
    f.text(p.player_lookup);
    f.text(p.player_name);
    f.text(injury_status_name(row.status));
    f.text(row.reason);
    f.end_row();
  }
}

}  // namespace

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::vector<TableSummary> write_league(const League& l, const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  auto game_order = sorted_order(
      l.games.size(), [&](int a, int b) { return l.games[a].game_id < l.games[b].game_id; });
  auto player_order = sorted_order(l.players.size(), [&](int a, int b) {
    return l.players[a].player_lookup < l.players[b].player_lookup;
  });
  const Ranks r{ranks_of(game_order), ranks_of(player_order)};
  std::vector<TableSummary> out;
  auto run = [&](const char* table, const char* header, auto&& body) {
    CsvFile f(dir / (std::string(table) + ".csv"), header);
    body(f);
    out.push_back({table, f.finish()});
  };
  run("games",
      "game_id,game_date,season,season_type,home_team,away_team,tipoff_utc,status,home_score,"
      "away_score,neutral_site",
      [&](CsvFile& f) { write_games(l, game_order, f); });
  run("players", "player_id,player_lookup,player_name,birth_date,position",
      [&](CsvFile& f) { write_players(l, player_order, f); });
  run("player_boxscores",
      "game_id,game_date,team_abbr,player_id,player_lookup,player_name,status,dnp_reason,starter,"
      "minutes,pts,fgm,fga,fg3m,fg3a,ftm,fta,oreb,dreb,reb,ast,stl,blk,tov,pf,plus_minus",
      [&](CsvFile& f) { write_player_boxscores(l, r, f); });
  run("team_boxscores",
      "game_id,game_date,team_abbr,opponent_abbr,is_home,minutes,pts,fgm,fga,fg3m,fg3a,ftm,fta,"
      "oreb,dreb,reb,ast,stl,blk,tov,pf,plus_minus",
      [&](CsvFile& f) { write_team_boxscores(l, r, f); });
  run("shots",
      "game_id,game_date,team_abbr,player_id,player_lookup,period,seconds_left_in_period,"
      "shot_value,made,distance_ft,loc_x,loc_y,zone,action_type,assisted_by,blocked_by",
      [&](CsvFile& f) { write_shots(l, r, f); });
  run("prop_lines",
      "game_date,game_id,player_lookup,player_name,market,bookmaker,line,over_price,under_price,"
      "snapshot_utc,tipoff_utc",
      [&](CsvFile& f) { write_prop_lines(l, r, f); });
  run("game_lines", "game_date,game_id,bookmaker,market,team_abbr,line,price,snapshot_utc",
      [&](CsvFile& f) { write_game_lines(l, r, f); });
  run("injuries", "report_utc,game_date,team_abbr,player_lookup,player_name,status,reason",
      [&](CsvFile& f) { write_injuries(l, r, f); });
  return out;
}

}  // namespace nbaprops::gen
