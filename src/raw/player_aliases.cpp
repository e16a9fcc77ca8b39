#include "raw/player_aliases.h"

#include "core/player_name.h"

namespace nbaprops {

const std::vector<AliasEntry>& PlayerAliases::builtin() {
  static const std::vector<AliasEntry> entries = [] {
    std::vector<AliasEntry> out;
    for (auto [alias, target] : std::initializer_list<std::pair<const char*, const char*>>{
             {"herbjones", "herbertjones"},
             {"nicolasclaxton", "nicclaxton"},
             {"carltoncarrington", "bubcarrington"},
             {"bjboston", "brandonboston"},
             {"moewagner", "moritzwagner"},
             {"ronholland", "ronaldholland"},
             {"jameshuff", "jayhuff"},
             {"vincentwilliams", "vincewilliams"}}) {
      out.push_back({std::string(alias), std::nullopt, target, "builtin"});
    }
    return out;
  }();
  return entries;
}

void PlayerAliases::put(const AliasEntry& entry) {
  if (entry.alias_lookup) {
    by_name_[*entry.alias_lookup] = entry.player_lookup;
  } else if (entry.player_id) {
    by_id_[*entry.player_id] = entry.player_lookup;
  }
}

std::string PlayerAliases::resolve(const std::string& lookup) const {
  auto it = by_name_.find(lookup);
  return it == by_name_.end() ? lookup : it->second;
}

std::optional<std::string> PlayerAliases::by_id(int64_t player_id) const {
  auto it = by_id_.find(player_id);
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

std::string player_lookup_of(std::string_view name, const PlayerAliases& aliases) {
  std::string lookup = normalize_player_name(name);
  if (lookup.empty()) return lookup;
  return aliases.resolve(lookup);
}

}  // namespace nbaprops
