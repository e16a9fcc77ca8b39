#include "raw/apply.h"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "raw/field_parse.h"
#include "raw/game_merge.h"
#include "raw/row_access.h"
#include "raw/row_checks.h"

namespace nbaprops {
namespace {

const TableSchema& table(const char* name) {
  return *find_table(name);
}

std::optional<int64_t> int_cell(const TableSchema& t, const Row& row, const char* column) {
  const Value& v = row[t.column_index(column)];
  if (const auto* i = std::get_if<int64_t>(&v)) return *i;
  return std::nullopt;
}

std::string text_cell(const TableSchema& t, const Row& row, const char* column) {
  const Value& v = row[t.column_index(column)];
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return {};
}

Row alias_row(const AliasEntry& e) {
  Row row(table("player_aliases").columns.size());
  RowAccess r(table("player_aliases"), row);
  if (e.alias_lookup) r["alias_lookup"] = *e.alias_lookup;
  if (e.player_id) r["player_id"] = *e.player_id;
  r["player_lookup"] = e.player_lookup;
  r["origin"] = e.origin;
  return row;
}

void index_game(IngestState& state, const Row& row) {
  const auto& g = table("games");
  state.game_by_teams[{text_cell(g, row, "game_date"), text_cell(g, row, "home_team"),
                       text_cell(g, row, "away_team")}] = text_cell(g, row, "game_id");
}

void unindex_game(IngestState& state, const Row& row) {
  const auto& g = table("games");
  state.game_by_teams.erase({text_cell(g, row, "game_date"), text_cell(g, row, "home_team"),
                             text_cell(g, row, "away_team")});
}

void index_player(IngestState& state, const Row& row) {
  const auto& p = table("players");
  std::string lookup = text_cell(p, row, "player_lookup");
  state.players[lookup] = row;
  if (auto id = int_cell(p, row, "player_id")) state.lookup_by_id[*id] = lookup;
}

// Another stored game_id on the same date between the same two teams, or "".
std::string same_matchup(const IngestState& state, const GameObservation& obs) {
  std::string date = format_date(obs.game_date);
  for (const auto& key : {std::make_tuple(date, obs.home_team, obs.away_team),
                          std::make_tuple(date, obs.away_team, obs.home_team)}) {
    auto it = state.game_by_teams.find(key);
    if (it != state.game_by_teams.end() && it->second != obs.game_id) return it->second;
  }
  return {};
}

class FileApplier {
 public:
  FileApplier(Store& store, IngestState& state, FileStage& stage, const Format& format)
      : store_(store), state_(state), stage_(stage), format_(format) {
    c_.read = stage.read;
    c_.merged = stage.merged;
    c_.skipped = stage.skipped;
    c_.repaired = stage.repaired;
    rejected_ = stage.rejected;
  }

  FileCounts run(const std::string& source_file, const std::string& processed_at) {
    store_.erase(table("rejected_rows"), {{"source_file", "=", source_file}});
    if (format_.kind == FormatKind::kCanonicalAliases) apply_aliases();
    apply_games();
    apply_rows();
    apply_prop_tipoffs();
    fill_tipoffs_from_props();
    write_rejected(source_file, processed_at);
    return c_;
  }

 private:
  void reject(size_t line, const std::string& reason, std::string_view raw) {
    rejected_.push_back({line, reason, clip_raw_text(raw), stage_.table ? stage_.table->name : ""});
  }

  void apply_games();
  void apply_rows();
  bool check_against_game(StagedRow& s);
  void rebind_game(StagedRow& s);
  bool bind_player(StagedRow& s);
  void take_boxscore_name(const TableSchema& t, Row& player, const std::string& name);
  bool renames_shot_only_player(const TableSchema& t, const std::string& held,
                                const std::string& lookup, const std::string& name);
  void write_row(StagedRow& s);
  void apply_prop_tipoffs();
  void fill_tipoffs_from_props();
  void set_tipoff(const std::string& game_id, const std::string& tipoff);
  void apply_aliases();
  void rewrite_lookups(const std::vector<Condition>& where, const std::string& target);
  void write_rejected(const std::string& source_file, const std::string& processed_at);

  Store& store_;
  IngestState& state_;
  FileStage& stage_;
  const Format& format_;
  FileCounts c_;
  std::vector<RejectedLine> rejected_;
  std::map<std::string, std::string> bad_games_;  // game_id -> reason
  std::set<std::string> new_games_;
  std::map<std::string, std::string> rebound_;  // derived game_id -> stored game_id
  std::map<std::pair<std::string, std::string>, bool> shot_team_games_;  // -> had stored shots
};

void FileApplier::apply_games() {
  bool schedule = format_.kind == FormatKind::kCanonical ||
                  (format_.kind == FormatKind::kProfile && format_.table->name == "games");
  for (auto& [key, obs] : stage_.games) {
    if (obs.id_derived) {  // a source without ids: the stored game of that date and teams
      if (std::string other = same_matchup(state_, obs); !other.empty()) {
        rebound_[obs.game_id] = other;
        obs.game_id = other;
      }
    }
    const std::string& id = obs.game_id;
    auto stored_it = state_.games.find(id);
    const Row* stored = stored_it == state_.games.end() ? nullptr : &stored_it->second;
    MergeResult m;
    if (std::string other = same_matchup(state_, obs); !other.empty()) {
      m = {MergeOutcome::kConflict,
           {},
           fmt::format("conflicts_with_games: game '{}' is already stored as '{}'", id, other)};
    } else {
      m = merge_game(stored, obs);
    }
    switch (m.outcome) {
      case MergeOutcome::kConflict:
        if (schedule) {
          for (size_t line : obs.lines) reject(line, m.reason, obs.raw);
        }
        bad_games_[id] = m.reason;
        break;
      case MergeOutcome::kSkipped:
        c_.skipped += static_cast<int64_t>(obs.lines.size());
        break;
      case MergeOutcome::kInserted:
      case MergeOutcome::kUpdated: {
        bool inserted = m.outcome == MergeOutcome::kInserted;
        store_.upsert(table("games"), m.row);
        if (stored) unindex_game(state_, *stored);
        index_game(state_, m.row);
        state_.games[id] = m.row;
        if (inserted) new_games_.insert(id);
        if (schedule) {
          (inserted ? c_.loaded : c_.replaced) += 1;
        } else {
          (inserted ? c_.games_inserted : c_.games_replaced) += 1;
        }
        break;
      }
    }
  }
}

bool FileApplier::check_against_game(StagedRow& s) {
  if (s.game_id.empty()) return true;
  if (auto bad = bad_games_.find(s.game_id); bad != bad_games_.end()) {
    reject(s.line, bad->second, s.raw);
    return false;
  }
  auto it = state_.games.find(s.game_id);
  if (it == state_.games.end()) return true;  // no stored game to disagree with
  const auto& g = table("games");
  const Row& game = it->second;
  const TableSchema& t = *stage_.table;
  std::string date = text_cell(t, s.row, "game_date");
  if (date != text_cell(g, game, "game_date")) {
    reject(s.line,
           fmt::format("conflicts_with_games: game_date '{}' (game {} is dated {})", date,
                       s.game_id, text_cell(g, game, "game_date")),
           s.raw);
    return false;
  }
  std::string home = text_cell(g, game, "home_team"), away = text_cell(g, game, "away_team");
  for (const auto& team : s.teams) {
    if (team != home && team != away) {
      reject(s.line,
             fmt::format("team_not_in_game: team '{}' (game {} is {} @ {})", team, s.game_id, away,
                         home),
             s.raw);
      return false;
    }
  }
  if (t.name == "team_boxscores") {
    s.row[t.column_index("is_home")] = int64_t{text_cell(t, s.row, "team_abbr") == home ? 1 : 0};
  }
  return true;
}

// Binds a row's (player_id, player_lookup) through the players table (01-raw-data.md §4).
bool FileApplier::bind_player(StagedRow& s) {
  const TableSchema& t = *stage_.table;
  size_t lookup_col = t.column_index("player_lookup");
  std::string lookup = std::get<std::string>(s.row[lookup_col]);
  std::optional<int64_t> id = int_cell(t, s.row, "player_id");
  if (id) {
    if (auto target = state_.aliases.by_id(*id)) lookup = *target;
    auto held = state_.lookup_by_id.find(*id);
    if (held != state_.lookup_by_id.end() && held->second != lookup &&
        renames_shot_only_player(t, held->second, lookup, s.player_name)) {
      held = state_.lookup_by_id.end();
    }
    if (held != state_.lookup_by_id.end() && held->second != lookup) {
      AliasEntry e{lookup, std::nullopt, held->second, "auto"};
      if (!state_.aliases.is_alias(lookup)) {
        (store_.upsert(table("player_aliases"), alias_row(e)) ? c_.aliases_replaced
                                                              : c_.aliases_inserted) += 1;
        state_.aliases.put(e);
        state_.alias_rows.push_back(e);
      }
      lookup = held->second;
    }
  }
  s.row[lookup_col] = lookup;
  auto known = state_.players.find(lookup);
  if (known != state_.players.end()) {
    auto known_id = int_cell(table("players"), known->second, "player_id");
    if (id && known_id && *known_id != *id) {
      reject(s.line,
             fmt::format("lookup_conflict: player_lookup '{}' (player_id {} is stored for it, "
                         "this row says {})",
                         lookup, *known_id, *id),
             s.raw);
      return false;
    }
    take_boxscore_name(t, known->second, s.player_name);
    return true;
  }
  if (t.name == "players") return true;  // written by write_row
  if (t.name == "player_boxscores") state_.boxscore_named.insert(lookup);
  Row player(table("players").columns.size());
  RowAccess p(table("players"), player);
  if (id) p["player_id"] = *id;
  p["player_lookup"] = lookup;
  p["player_name"] = s.player_name;
  store_.insert(table("players"), player);
  index_player(state_, player);
  ++c_.players_inserted;
  return true;
}

// The first box score of a player names him (players.player_name), whatever shots said
// before: shots files drop accents that box scores keep, and the stored name must not
// depend on load order.
void FileApplier::take_boxscore_name(const TableSchema& t, Row& player, const std::string& name) {
  if (t.name != "player_boxscores") return;
  const auto& pt = table("players");
  std::string lookup = text_cell(pt, player, "player_lookup");
  if (!state_.boxscore_named.insert(lookup).second) return;
  if (text_cell(pt, player, "player_name") == name) return;
  player[pt.column_index("player_name")] = name;
  store_.upsert(pt, player);
}

// A box-score name outranks a shots-only name: when a player log (or canonical box score
// or players file) binds an id that only shots have named so far, the stored player takes
// the box score's lookup and name, and the shots' lookup becomes an auto alias. This makes
// the result independent of the order in which box scores and shots are loaded.
bool FileApplier::renames_shot_only_player(const TableSchema& t, const std::string& held,
                                           const std::string& lookup, const std::string& name) {
  if (t.name != "player_boxscores" && t.name != "players") return false;
  if (state_.players.count(lookup)) return false;
  if (store_.count(table("player_boxscores"), {{"player_lookup", "=", held}}) > 0) return false;
  rewrite_lookups({{"player_lookup", "=", held}}, lookup);
  const auto& a = table("player_aliases");
  std::vector<AliasEntry> retarget;
  for (auto& e : state_.alias_rows) {
    if (e.player_lookup == held) {
      e.player_lookup = lookup;
      retarget.push_back(e);
    }
  }
  retarget.push_back({held, std::nullopt, lookup, "auto"});
  for (const auto& e : retarget) {
    (store_.upsert(a, alias_row(e)) ? c_.aliases_replaced : c_.aliases_inserted) += 1;
    state_.aliases.put(e);
  }
  state_.alias_rows.push_back(retarget.back());
  Row player = state_.players[held];
  state_.players.erase(held);
  RowAccess p(table("players"), player);
  p["player_lookup"] = lookup;
  p["player_name"] = name;
  store_.upsert(table("players"), player);
  index_player(state_, player);
  state_.boxscore_named.insert(lookup);
  return true;
}

void FileApplier::write_row(StagedRow& s) {
  const TableSchema& t = *stage_.table;
  if (t.name == "shots") {
    auto key = std::make_pair(s.game_id, text_cell(t, s.row, "team_abbr"));
    auto it = shot_team_games_.find(key);
    if (it == shot_team_games_.end()) {
      int64_t erased =
          store_.erase(t, {{"game_id", "=", key.first}, {"team_abbr", "=", key.second}});
      it = shot_team_games_.emplace(key, erased > 0).first;
    }
    store_.insert(t, s.row);
    (it->second ? c_.replaced : c_.loaded) += 1;
    return;
  }
  bool replaced = store_.upsert(t, s.row);
  (replaced ? c_.replaced : c_.loaded) += 1;
  if (t.name == "players") index_player(state_, s.row);
}

// A row whose game_id was derived from (date, away, home) takes the stored game's id.
void FileApplier::rebind_game(StagedRow& s) {
  const TableSchema& t = *stage_.table;
  std::string id = s.game_id;
  if (auto it = rebound_.find(id); it != rebound_.end()) {
    id = it->second;
  } else {
    std::string date = text_cell(t, s.row, "game_date");
    for (const auto& k : {std::make_tuple(date, s.matchup.first, s.matchup.second),
                          std::make_tuple(date, s.matchup.second, s.matchup.first)}) {
      auto found = state_.game_by_teams.find(k);
      if (found != state_.game_by_teams.end()) id = found->second;
    }
  }
  s.game_id = id;
  s.row[t.column_index("game_id")] = id;
}

void FileApplier::apply_rows() {
  for (auto& s : stage_.rows) {
    if (s.game_id_derived) rebind_game(s);
    if (!check_against_game(s)) continue;
    try {
      check_fits_schema(*stage_.table, s.row);
    } catch (const RowError& e) {
      reject(s.line, e.what(), s.raw);
      continue;
    }
    if (s.bind_player && !bind_player(s)) continue;
    write_row(s);
  }
}

void FileApplier::set_tipoff(const std::string& game_id, const std::string& tipoff) {
  Row& row = state_.games[game_id];
  size_t col = table("games").column_index("tipoff_utc");
  if (!is_null(row[col])) return;
  row[col] = tipoff;
  store_.upsert(table("games"), row);
}

// A prop line whose tip-off is known sets its game's NULL tipoff_utc (earliest wins).
void FileApplier::apply_prop_tipoffs() {
  for (const auto& [key, tipoff] : stage_.tipoffs) {
    const auto& [date, pair] = key;
    std::string a = pair.substr(0, pair.find('_')), b = pair.substr(pair.find('_') + 1);
    for (const auto& k : {std::make_tuple(date, a, b), std::make_tuple(date, b, a)}) {
      auto it = state_.game_by_teams.find(k);
      if (it != state_.game_by_teams.end()) set_tipoff(it->second, tipoff);
    }
  }
}

// A game created after its prop lines were loaded takes their earliest tip-off, so the
// result does not depend on load order.
void FileApplier::fill_tipoffs_from_props() {
  if (new_games_.empty() || format_.kind == FormatKind::kOddsapiProps) return;
  const auto& p = table("prop_lines");
  if (store_.count(p, {}) == 0) return;
  std::map<std::string, std::vector<std::string>> by_date;
  for (const auto& id : new_games_) {
    by_date[text_cell(table("games"), state_.games[id], "game_date")].push_back(id);
  }
  for (const auto& [date, ids] : by_date) {
    std::map<std::string, std::string> earliest;  // sorted team pair -> tipoff
    store_.scan(p, {{"game_date", "=", date}}, [&](const Row& row) {
      std::string gid = text_cell(p, row, "game_id"), tip = text_cell(p, row, "tipoff_utc");
      if (gid.size() < 14 || tip.empty()) return;
      std::string teams = gid.substr(9);
      std::string a = teams.substr(0, teams.find('_')), b = teams.substr(teams.find('_') + 1);
      std::string pair = std::min(a, b) + "_" + std::max(a, b);
      auto [it, fresh] = earliest.try_emplace(pair, tip);
      if (!fresh && tip < it->second) it->second = tip;
    });
    for (const auto& id : ids) {
      const Row& g = state_.games[id];
      std::string h = text_cell(table("games"), g, "home_team");
      std::string a = text_cell(table("games"), g, "away_team");
      auto it = earliest.find(std::min(h, a) + "_" + std::max(h, a));
      if (it != earliest.end()) set_tipoff(id, it->second);
    }
  }
}

// canonical:player_aliases: refuses chains and cycles, stores the entries, and rewrites
// stored lookups in the same transaction (01-raw-data.md §4).
void FileApplier::apply_aliases() {
  std::map<std::string, std::string> names;  // alias -> target, stored and from the file
  for (const auto& e : state_.alias_rows) {
    if (e.alias_lookup) names[*e.alias_lookup] = e.player_lookup;
  }
  for (const auto& e : stage_.aliases) {
    if (e.alias_lookup) names[*e.alias_lookup] = e.player_lookup;
  }
  for (const auto& e : stage_.aliases) {
    if (e.alias_lookup && *e.alias_lookup == e.player_lookup) {
      throw std::runtime_error("alias cycle: " + e.player_lookup + " -> " + e.player_lookup);
    }
    if (names.count(e.player_lookup)) {
      throw std::runtime_error(fmt::format("alias chain: {} -> {} -> {}",
                                           e.alias_lookup.value_or(std::to_string(*e.player_id)),
                                           e.player_lookup, names[e.player_lookup]));
    }
  }
  for (const auto& e : stage_.aliases) {
    (store_.upsert(table("player_aliases"), alias_row(e)) ? c_.replaced : c_.loaded) += 1;
    state_.aliases.put(e);
    state_.alias_rows.push_back(e);
    if (e.alias_lookup) {
      rewrite_lookups({{"player_lookup", "=", *e.alias_lookup}}, e.player_lookup);
    } else {
      rewrite_lookups({{"player_id", "=", *e.player_id}}, e.player_lookup);
    }
  }
  state_.players.clear();
  state_.lookup_by_id.clear();
  store_.scan(table("players"), {}, [&](const Row& row) { index_player(state_, row); });
}

// Rewrites player_lookup to `target` in every raw table's rows matching `where`. On a key
// clash the row already stored under the target stays and the aliased row is dropped.
void FileApplier::rewrite_lookups(const std::vector<Condition>& where, const std::string& target) {
  for (const char* name : {"player_boxscores", "shots", "prop_lines", "injuries", "players"}) {
    const TableSchema& t = table(name);
    bool has_id = std::any_of(t.columns.begin(), t.columns.end(),
                              [](const Column& c) { return c.name == "player_id"; });
    if (where[0].column == "player_id" && !has_id) continue;
    std::vector<Row> rows;
    store_.scan(t, where, [&](const Row& row) {
      if (text_cell(t, row, "player_lookup") != target) rows.push_back(row);
    });
    if (rows.empty()) continue;
    for (auto& row : rows) {
      std::vector<Condition> old_key;
      if (t.key.empty()) {
        store_.erase(t, where);
        break;
      }
      for (const auto& k : t.key) old_key.push_back({k, "=", row[t.column_index(k)]});
      store_.erase(t, old_key);
    }
    for (auto& row : rows) {
      row[t.column_index("player_lookup")] = target;
      if (t.key.empty()) {
        store_.insert(t, row);
        continue;
      }
      std::vector<Condition> new_key;
      for (const auto& k : t.key) new_key.push_back({k, "=", row[t.column_index(k)]});
      if (store_.count(t, new_key) > 0) {
        ++c_.alias_clashes;
      } else {
        store_.insert(t, row);
      }
    }
  }
}

void FileApplier::write_rejected(const std::string& source_file, const std::string& processed_at) {
  std::sort(rejected_.begin(), rejected_.end(),
            [](const RejectedLine& a, const RejectedLine& b) { return a.line < b.line; });
  c_.rejected = static_cast<int64_t>(rejected_.size());
  std::set<size_t> rejected_lines;
  for (const auto& r : rejected_) rejected_lines.insert(r.line);
  std::vector<RejectedLine> notes = rejected_;
  for (const auto& n : stage_.nulled) {  // a rejected line's rejection wins over its notes
    if (rejected_lines.count(n.line)) continue;
    notes.push_back(n);
    ++c_.nulled;
  }
  const auto& t = table("rejected_rows");
  for (const auto& r : notes) {
    Row row(t.columns.size());
    RowAccess a(t, row);
    a["source_file"] = source_file;
    a["line_number"] = static_cast<int64_t>(r.line);
    a["format"] = format_.name;
    if (!r.table.empty()) a["table"] = r.table;
    a["reason"] = r.reason;
    a["raw_text"] = r.raw;
    a["processed_at"] = processed_at;
    store_.upsert(t, row);
  }
}

}  // namespace

IngestState IngestState::load(Store& store) {
  IngestState s;
  store.scan(table("games"), {}, [&](const Row& row) {
    s.games[text_cell(table("games"), row, "game_id")] = row;
    index_game(s, row);
  });
  store.scan(table("players"), {}, [&](const Row& row) { index_player(s, row); });
  const auto& box = table("player_boxscores");
  store.scan(box, {}, [&](const Row& row) {
    s.boxscore_named.insert(text_cell(box, row, "player_lookup"));
  });
  const auto& a = table("player_aliases");
  store.scan(a, {}, [&](const Row& row) {
    AliasEntry e;
    if (auto v = text_cell(a, row, "alias_lookup"); !v.empty()) e.alias_lookup = v;
    e.player_id = int_cell(a, row, "player_id");
    e.player_lookup = text_cell(a, row, "player_lookup");
    e.origin = text_cell(a, row, "origin");
    s.alias_rows.push_back(e);
  });
  std::vector<AliasEntry> missing;
  for (const auto& b : PlayerAliases::builtin()) {
    bool present = std::any_of(s.alias_rows.begin(), s.alias_rows.end(), [&](const AliasEntry& e) {
      return e.alias_lookup == b.alias_lookup;
    });
    if (!present) missing.push_back(b);
  }
  if (!missing.empty()) {
    Transaction tx(store);
    for (const auto& b : missing) store.upsert(a, alias_row(b));
    tx.commit();
    s.alias_rows.insert(s.alias_rows.end(), missing.begin(), missing.end());
  }
  for (const auto& e : s.alias_rows) s.aliases.put(e);
  return s;
}

FileCounts apply_file(Store& store, IngestState& state, FileStage& stage, const Format& format,
                      const std::string& source_file, const std::string& processed_at) {
  FileApplier applier(store, state, stage, format);
  return applier.run(source_file, processed_at);
}

}  // namespace nbaprops
