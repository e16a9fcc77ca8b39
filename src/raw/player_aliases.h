// Step 5 of player_lookup (01-raw-data.md §4): the alias table that maps a normalised
// name, or a source player id, to the lookup the project uses (NBA.com names).
//
// A plain value type; a const PlayerAliases is safe to read from many threads.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nbaprops {

struct AliasEntry {
  std::optional<std::string> alias_lookup;  // one of alias_lookup / player_id is set
  std::optional<int64_t> player_id;
  std::string player_lookup;  // the target, never itself an alias
  std::string origin;         // builtin, file, auto
};

class PlayerAliases {
 public:
  // The eight built-in name aliases (herbjones -> herbertjones, ...).
  static const std::vector<AliasEntry>& builtin();

  // Adds or replaces the entry with the same alias_lookup (else player_id).
  void put(const AliasEntry& entry);
  // The target of a normalised lookup, or the lookup itself when it is no alias.
  std::string resolve(const std::string& lookup) const;
  // The target lookup of a player id, when an id alias names it.
  std::optional<std::string> by_id(int64_t player_id) const;
  bool is_alias(const std::string& lookup) const { return by_name_.count(lookup) > 0; }

 private:
  std::map<std::string, std::string> by_name_;
  std::map<int64_t, std::string> by_id_;
};

// Steps 1-5: normalise `name` and map it through `aliases`. "" when the name normalises to
// nothing (the caller rejects the row: empty_player_name).
std::string player_lookup_of(std::string_view name, const PlayerAliases& aliases);

}  // namespace nbaprops
