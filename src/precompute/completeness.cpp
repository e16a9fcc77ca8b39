// Placeholder definitions so the library links until the checker is written (issue 5):
// check_completeness returns no entities. Replaced by the real one-pass checker.
#include "precompute/completeness.h"

namespace nbaprops::precompute {

const WindowCompleteness& EntityCompleteness::primary() const {
  return windows.at(0);
}

const WindowCompleteness* EntityCompleteness::window(const std::string& name) const {
  for (const auto& w : windows) {
    if (w.window == name) return &w;
  }
  return nullptr;
}

const EntityCompleteness* CompletenessResult::player(const std::string& lookup) const {
  auto it = players.find(lookup);
  return it == players.end() ? nullptr : &it->second;
}

const EntityCompleteness* CompletenessResult::team(const std::string& abbr) const {
  auto it = teams.find(abbr);
  return it == teams.end() ? nullptr : &it->second;
}

CompletenessResult check_completeness(const analytics::RawInputs&, const analytics::Phase3History&,
                                      Date, std::span<const std::string>,
                                      const CompletenessOptions&) {
  return {};
}

}  // namespace nbaprops::precompute
